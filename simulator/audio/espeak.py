"""Makes libespeak-ng available to pyttsx3: the PyPI package espeakng-loader first, else the system.

pyttsx3's espeak driver opens the library by its soname (`libespeak-ng.so.1`); once the copy
from espeakng-loader is loaded globally, that name resolves to it, and ESPEAK_DATA_PATH points
espeak at the voice data shipped in the same package. No system package is needed then.
"""

from __future__ import annotations

import ctypes
import os
import sys

_source: str | None = None


def load_espeak() -> str:
    """Load libespeak-ng once per process; returns its origin: 'espeakng-loader' or 'systeem'."""
    global _source
    if _source is not None:
        return _source
    _source = "systeem"
    if sys.platform.startswith("linux"):
        try:
            import espeakng_loader

            data = espeakng_loader.get_data_path()
            ctypes.CDLL(espeakng_loader.get_library_path(), mode=ctypes.RTLD_GLOBAL)
        except (ImportError, OSError, RuntimeError):
            return _source
        # A user's own setting wins: it may point at system data with mbrola voices.
        os.environ.setdefault("ESPEAK_DATA_PATH", data)
        _source = "espeakng-loader"
    return _source
