"""Fixtures: a store on SQLite (always) and PostgreSQL (when KCC_SIM_TEST_POSTGRES_URL is set)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from simulator.config import Settings
from simulator.store import Store, open_store

POSTGRES_URL = os.environ.get("KCC_SIM_TEST_POSTGRES_URL", "")
NO_POSTGRES = (
    "KCC_SIM_TEST_POSTGRES_URL is not set (no PostgreSQL server); "
    "`bash scripts/start-postgres.sh` starts one and prints the URL"
)


class FakeClock:
    """A settable wall clock (UTC) for attempt times and audio retention."""

    def __init__(self, start: datetime = datetime(2025, 3, 3, 9, 30, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def reset_postgres(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'resultaten.sqlite'}"
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    reset_postgres(POSTGRES_URL)
    return POSTGRES_URL


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", cache_dir=tmp_path / "cache")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(database_url: str, settings: Settings, clock: FakeClock) -> Iterator[Store]:
    opened = open_store(database_url, settings=settings, clock=clock)
    yield opened
    opened.close()
