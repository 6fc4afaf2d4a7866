"""Shared helpers: fixture scenario files and the problems found in them."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.scenario.errors import Problem
from simulator.scenario.loader import check_file

FIXTURES = Path(__file__).parent / "fixtures"


def problems_in(name: str) -> list[Problem]:
    """Every problem of fixture `name` (without `.yaml`)."""
    _, problems = check_file(FIXTURES / f"{name}.yaml")
    return problems


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, "\n".join(str(p) for p in problems)
    return problems[0]


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
