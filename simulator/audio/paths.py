"""Where the audio parts keep their files: the user's cache folder (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "kcc-sim"


def cache_dir() -> Path:
    """The user's cache folder; KCC_SIM_CACHE overrides it (tests, portable installs)."""
    override = os.environ.get("KCC_SIM_CACHE")
    return Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME))


def voice_cache_dir() -> Path:
    return cache_dir() / "stemmen"


def model_cache_dir() -> Path:
    return cache_dir() / "whisper"
