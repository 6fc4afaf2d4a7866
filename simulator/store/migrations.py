"""Ordered schema steps. Each step runs in its own transaction with the row that records it.

A step describes the tables as they were at that version (never imports `schema.py`), so old
databases keep migrating the same way after the current schema changes. Add a step; never edit
one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa

MIGRATIONS_TABLE = "schema_migrations"


def _cascade(table: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.id", ondelete="CASCADE")


def _v1_attempts_events_scores(conn: sa.Connection) -> None:
    meta = sa.MetaData()
    sa.Table(
        "attempts",
        meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("trainee", sa.String(200), nullable=False),
        sa.Column("scenario_id", sa.String(200), nullable=False),
        sa.Column("scenario_version", sa.String(64), nullable=False),
        sa.Column("mode", sa.String(20), nullable=False),
        sa.Column("seed", sa.Integer, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime, nullable=True),
        sa.Column("total", sa.Float, nullable=True),
        sa.Column("pass_mark", sa.Float, nullable=True),
        sa.Column("passed", sa.Boolean, nullable=True),
        sa.Column("record_json", sa.Text, nullable=True),
        sa.Column("scorecard_json", sa.Text, nullable=True),
    )
    sa.Table(
        "events",
        meta,
        sa.Column("attempt_id", sa.Integer, _cascade("attempts"), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("t", sa.Float, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("data_json", sa.Text, nullable=False),
    )
    sa.Table(
        "rule_results",
        meta,
        sa.Column("attempt_id", sa.Integer, _cascade("attempts"), primary_key=True),
        sa.Column("rule_id", sa.String(100), primary_key=True),
        sa.Column("phase", sa.String(40), nullable=False),
        sa.Column("verdict", sa.String(20), nullable=False),
        sa.Column("points", sa.Float, nullable=False),
        sa.Column("max_points", sa.Float, nullable=False),
        sa.Column("evidence_json", sa.Text, nullable=False),
    )
    sa.Table(
        "phase_scores",
        meta,
        sa.Column("attempt_id", sa.Integer, _cascade("attempts"), primary_key=True),
        sa.Column("phase", sa.String(40), primary_key=True),
        sa.Column("points", sa.Float, nullable=False),
        sa.Column("max_points", sa.Float, nullable=False),
    )
    meta.create_all(conn)
    conn.execute(sa.text("CREATE INDEX ix_attempts_trainee ON attempts (trainee, started_at)"))


def _v2_engine_and_audio(conn: sa.Connection) -> None:
    engine_type = sa.String(100).compile(dialect=conn.dialect)
    conn.execute(
        sa.text(f"ALTER TABLE attempts ADD COLUMN engine {engine_type} NOT NULL DEFAULT ''")
    )
    meta = sa.MetaData()
    sa.Table("attempts", meta, sa.Column("id", sa.Integer, primary_key=True))
    sa.Table(
        "audio",
        meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("attempt_id", sa.Integer, _cascade("attempts"), nullable=False),
        sa.Column("t", sa.Float, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("wav", sa.LargeBinary, nullable=False),
    ).create(conn)


def _v3_participants(conn: sa.Connection) -> None:
    meta = sa.MetaData()
    sa.Table(
        "participants",
        meta,
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
    ).create(conn)


STEPS: tuple[tuple[int, Callable[[sa.Connection], None]], ...] = (
    (1, _v1_attempts_events_scores),
    (2, _v2_engine_and_audio),
    (3, _v3_participants),
)
CURRENT_VERSION = STEPS[-1][0]


def _migrations_table(meta: sa.MetaData | None = None) -> sa.Table:
    return sa.Table(
        MIGRATIONS_TABLE,
        meta or sa.MetaData(),
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("applied_at", sa.DateTime, nullable=False),
    )


def read_version(conn: sa.Connection) -> int | None:
    """The schema version, 0 for an empty database, None for tables that are not ours."""
    names = set(sa.inspect(conn).get_table_names())
    if MIGRATIONS_TABLE not in names:
        return 0 if not names else None
    table = _migrations_table()
    return conn.execute(sa.select(sa.func.max(table.c.version))).scalar() or 0


def migrate(engine: sa.Engine, target: int = CURRENT_VERSION) -> list[int]:
    """Apply the missing steps up to `target`, each in its own transaction; the versions applied."""
    with engine.begin() as conn:
        _migrations_table().create(conn, checkfirst=True)
    applied = []
    for version, step in STEPS:
        if version > target:
            break
        with engine.begin() as conn:
            if (read_version(conn) or 0) >= version:
                continue
            step(conn)
            conn.execute(
                sa.insert(_migrations_table()).values(
                    version=version, applied_at=datetime.now(UTC).replace(tzinfo=None)
                )
            )
        applied.append(version)
    return applied
