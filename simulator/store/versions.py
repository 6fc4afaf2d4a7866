"""A scenario's version: the SHA-256 of its file, so results stay tied to the text practised."""

from __future__ import annotations

import hashlib
from pathlib import Path


def file_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def scenario_version(scenario_id: str, folder: Path | None = None) -> str:
    """The hash of the scenario's file found by id, or "" when the file cannot be found."""
    from simulator.scenario.errors import ScenarioError
    from simulator.scenario.loader import find_scenario

    try:
        return file_hash(find_scenario(scenario_id, folder))
    except (ScenarioError, OSError):
        return ""
