"""Old databases are migrated step by step with their data intact."""

from __future__ import annotations

import json

import sqlalchemy as sa

from simulator.store import open_store, schema
from simulator.store.db import create_engine
from simulator.store.migrations import CURRENT_VERSION, migrate
from tests.store.samples import make_record, make_scorecard

# A version-1 database as the first release wrote it: no engine column, no audio, no classroom.
V1_SQL = """
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at DATETIME NOT NULL);
INSERT INTO schema_migrations VALUES (1, '2025-01-01 10:00:00');
CREATE TABLE attempts (
    id INTEGER PRIMARY KEY, trainee VARCHAR(200) NOT NULL, scenario_id VARCHAR(200) NOT NULL,
    scenario_version VARCHAR(64) NOT NULL, mode VARCHAR(20) NOT NULL, seed INTEGER NOT NULL,
    status VARCHAR(20) NOT NULL, started_at DATETIME NOT NULL, finished_at DATETIME,
    total FLOAT, pass_mark FLOAT, passed BOOLEAN, record_json TEXT, scorecard_json TEXT);
CREATE TABLE events (attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, t FLOAT NOT NULL, kind VARCHAR(40) NOT NULL, data_json TEXT NOT NULL,
    PRIMARY KEY (attempt_id, seq));
CREATE TABLE rule_results (attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
    rule_id VARCHAR(100) NOT NULL, phase VARCHAR(40) NOT NULL, verdict VARCHAR(20) NOT NULL,
    points FLOAT NOT NULL, max_points FLOAT NOT NULL, evidence_json TEXT NOT NULL,
    PRIMARY KEY (attempt_id, rule_id));
CREATE TABLE phase_scores (attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
    phase VARCHAR(40) NOT NULL, points FLOAT NOT NULL, max_points FLOAT NOT NULL,
    PRIMARY KEY (attempt_id, phase));
CREATE INDEX ix_attempts_trainee ON attempts (trainee, started_at);
"""


def _insert_v1_attempt(conn: sa.Connection) -> None:
    record, scorecard = make_record("Anna"), make_scorecard()
    conn.execute(
        sa.text(
            "INSERT INTO attempts (id, trainee, scenario_id, scenario_version, mode, seed, status,"
            " started_at, finished_at, total, pass_mark, passed, record_json, scorecard_json)"
            " VALUES (7, 'Anna', 'afval-boze-beller', 'v1hash', 'oefenen', 3, 'afgerond',"
            " '2025-01-02 09:00:00', '2025-01-02 09:05:00', :total, 60, :passed, :rec, :card)"
        ),
        {
            "total": scorecard.total,
            "passed": True,
            "rec": json.dumps(record.to_dict()),
            "card": json.dumps(scorecard.to_dict()),
        },
    )
    for phase in scorecard.phases:
        conn.execute(
            sa.text("INSERT INTO phase_scores VALUES (7, :phase, :points, :max)"),
            {"phase": phase.phase, "points": phase.points, "max": phase.max_points},
        )
    for rule in scorecard.rules:
        conn.execute(
            sa.text("INSERT INTO rule_results VALUES (7, :id, :phase, :verdict, :p, :m, '[]')"),
            {
                "id": rule.rule_id,
                "phase": rule.phase,
                "verdict": rule.verdict,
                "p": rule.points,
                "m": rule.max_points,
            },
        )


def _check_migrated(url: str, settings) -> None:
    store = open_store(url, settings=settings)
    with store.engine.connect() as conn:
        versions = conn.execute(sa.text("SELECT version FROM schema_migrations")).scalars().all()
        assert sorted(versions) == list(range(1, CURRENT_VERSION + 1))
        inspector = sa.inspect(conn)
        for table in schema.metadata.sorted_tables:
            columns = {c["name"] for c in inspector.get_columns(table.name)}
            assert columns == {c.name for c in table.columns}, table.name
    stored = store.load_attempt(7)
    assert stored.record == make_record("Anna")
    assert stored.scorecard == make_scorecard()
    assert stored.summary.engine == "" and stored.summary.scenario_version == "v1hash"
    assert stored.summary.phases["afsluiting"] == 0.0
    assert store.best_scores("Anna") == {"afval-boze-beller": 80.0}
    # The new tables work.
    store.set_participants(["Anna"])
    assert store.participants() == ["Anna"]
    new_id = store.save_attempt(make_record("Bram"), make_scorecard(), engine="typed")
    assert new_id > 7 and store.load_attempt(new_id).summary.engine == "typed"
    store.close()


def test_a_hand_made_version_1_sqlite_file_is_migrated(tmp_path, settings) -> None:
    path = tmp_path / "oud.sqlite"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        for statement in V1_SQL.split(";"):
            if statement.strip():
                conn.exec_driver_sql(statement)
        _insert_v1_attempt(conn)
    engine.dispose()
    _check_migrated(f"sqlite:///{path}", settings)


def test_a_version_1_database_is_migrated(database_url, settings) -> None:
    """On either backend: the first step only, then an attempt as version 1 stored it."""
    engine = create_engine(database_url)
    assert migrate(engine, target=1) == [1]
    with engine.begin() as conn:
        _insert_v1_attempt(conn)
        if engine.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT setval('attempts_id_seq', 7)"))
    engine.dispose()
    _check_migrated(database_url, settings)


def test_migrating_twice_changes_nothing(database_url) -> None:
    engine = create_engine(database_url)
    assert migrate(engine) == list(range(1, CURRENT_VERSION + 1))
    assert migrate(engine) == []
    engine.dispose()
