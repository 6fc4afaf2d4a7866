"""A database the simulator cannot use is refused with a Dutch message and never changed."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from simulator.store import StoreError, open_store
from simulator.store.migrations import CURRENT_VERSION


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_a_file_that_is_not_sqlite_is_left_byte_identical(tmp_path, settings) -> None:
    path = tmp_path / "resultaten.sqlite"
    path.write_bytes(os.urandom(4096))
    before = _snapshot(tmp_path)
    with pytest.raises(StoreError) as error:
        open_store(path, settings=settings)
    message = str(error.value)
    assert str(path) in message and "beschadigd" in message and "niet aangepast" in message
    assert "--database" in message
    assert _snapshot(tmp_path) == before


def test_a_damaged_sqlite_file_is_left_byte_identical(tmp_path, settings) -> None:
    path = tmp_path / "resultaten.sqlite"
    store = open_store(path, settings=settings)
    store.set_participants(["Anna"])
    store.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the first page's content after the header
    path.write_bytes(bytes(data))
    before = _snapshot(tmp_path)
    with pytest.raises(StoreError, match="beschadigd"):
        open_store(path, settings=settings)
    assert _snapshot(tmp_path) == before


def test_a_database_of_a_newer_version_is_refused_and_left_alone(tmp_path, settings) -> None:
    path = tmp_path / "resultaten.sqlite"
    open_store(path, settings=settings).close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO schema_migrations (version, applied_at) VALUES (?, '2030-01-01')",
            (CURRENT_VERSION + 1,),
        )
    conn.close()
    before = _snapshot(tmp_path)
    with pytest.raises(StoreError) as error:
        open_store(path, settings=settings)
    assert "nieuwere versie" in str(error.value) and str(path) in str(error.value)
    assert "Werk de simulator bij" in str(error.value)
    assert _snapshot(tmp_path) == before


def test_someone_elses_sqlite_database_is_not_touched(tmp_path, settings) -> None:
    path = tmp_path / "boekhouding.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE facturen (nr INTEGER)")
    conn.close()
    before = _snapshot(tmp_path)
    with pytest.raises(StoreError, match="geen database van de simulator"):
        open_store(path, settings=settings)
    assert _snapshot(tmp_path) == before


def test_a_newer_postgres_schema_is_refused(settings) -> None:
    from tests.store.conftest import NO_POSTGRES, POSTGRES_URL, reset_postgres

    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    reset_postgres(POSTGRES_URL)
    open_store(POSTGRES_URL, settings=settings).close()
    engine = sa.create_engine(POSTGRES_URL)
    with engine.begin() as conn:
        conn.execute(
            sa.text("INSERT INTO schema_migrations VALUES (:v, now())"), {"v": CURRENT_VERSION + 1}
        )
    with pytest.raises(StoreError, match="nieuwere versie") as error:
        open_store(POSTGRES_URL, settings=settings)
    assert "127.0.0.1" in str(error.value)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT max(version) FROM schema_migrations")).scalar() == (
            CURRENT_VERSION + 1
        )
    engine.dispose()


def test_an_unreachable_server_is_a_dutch_message(settings) -> None:
    with pytest.raises(StoreError, match="databaseserver"):
        open_store("postgresql+psycopg://kcc@127.0.0.1:1/kcc", settings=settings)
