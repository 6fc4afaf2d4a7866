"""Opening the results database safely: refuse, with a Dutch message, rather than overwrite.

A SQLite file is first checked without opening it (the header), then read (integrity and schema
version) before anything is written; a newer or foreign database is never migrated.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from simulator.store.errors import StoreError
from simulator.store.migrations import CURRENT_VERSION, migrate, read_version

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 15


def describe(url: str) -> str:
    """The database as a user may see it: the file path, or the URL without password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _corrupt(where: str, why: str) -> StoreError:
    return StoreError(
        f"Het resultatenbestand {where} is beschadigd of geen database van de simulator ({why}). "
        "Het bestand is niet aangepast. Bewaar het als reservekopie (of geef het aan de "
        "beheerder) en start met een ander bestand via --database of de instelling `database`."
    )


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not SQLite at all, before SQLite ever opens (and could touch) it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise StoreError(
            f"{path} is een map, geen resultatenbestand. Geef een bestandsnaam op via --database."
        )
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise _corrupt(str(path), "geen SQLite-bestand")


def create_engine(url: str) -> sa.Engine:
    """An engine; for SQLite with real transactions (BEGIN) and foreign keys switched on."""
    if make_url(url).get_backend_name() != "sqlite":
        return sa.create_engine(url, pool_pre_ping=True)
    engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_SECONDS})

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # noqa: ANN001
        # pysqlite's own transaction handling skips BEGIN before DDL; we issue BEGIN ourselves.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def open_database(url: str) -> sa.Engine:
    """The engine for `url`, checked and migrated to the current schema; StoreError if unusable."""
    where = describe(url)
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_file(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"De map {path.parent} voor het resultatenbestand kan niet worden gemaakt "
                f"({exc.strerror}). Kies een andere plek via --database."
            ) from exc
    try:
        engine = create_engine(url)
    except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError) as exc:
        raise StoreError(
            f"De database-URL {where} is ongeldig ({exc}). Gebruik een bestandspad of een URL als "
            "postgresql+psycopg://gebruiker@server/database."
        ) from exc
    try:
        _check_before_writing(engine, where, sqlite=path is not None)
        migrate(engine)
    except StoreError:
        engine.dispose()
        raise
    except sa.exc.DatabaseError as exc:
        engine.dispose()
        if path is not None:
            raise _corrupt(where, _first_line(exc)) from exc
        raise StoreError(
            f"De database {where} is niet te gebruiken ({_first_line(exc)}). Controleer of de "
            "databaseserver draait en de URL klopt."
        ) from exc
    return engine


def _check_before_writing(engine: sa.Engine, where: str, sqlite: bool) -> None:
    """Only reads: integrity (SQLite), whose tables these are, and the schema version."""
    with engine.connect() as conn:
        if sqlite:
            result = conn.exec_driver_sql("PRAGMA quick_check").scalar()
            if result != "ok":
                raise _corrupt(where, f"integriteitscontrole: {result}")
        version = read_version(conn)
        conn.rollback()
    if version is None:
        raise StoreError(
            f"De database {where} bevat al andere tabellen en is geen database van de simulator. "
            "Er is niets aangepast. Kies een leeg of nieuw bestand via --database."
        )
    if version > CURRENT_VERSION:
        raise StoreError(
            f"De database {where} is gemaakt door een nieuwere versie van de simulator "
            f"(schemaversie {version}, deze versie kent t/m {CURRENT_VERSION}). Er is niets "
            "aangepast. Werk de simulator bij, of kies een ander bestand via --database."
        )


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    return str(original).strip().splitlines()[0] if str(original).strip() else type(exc).__name__
