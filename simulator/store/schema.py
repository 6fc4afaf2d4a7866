"""The current shape of the results database (SQLAlchemy Core), used by every query.

The tables are created and changed only by the ordered steps in `migrations.py`; a test checks
that the migrated database matches these definitions.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

# One row per applied migration step; the highest version is the schema's version.
schema_migrations = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("applied_at", sa.DateTime, nullable=False),
)

# One practised call. `status` is "bezig" while the call runs; one never finished reads back as
# "afgebroken". The whole record and scorecard are kept as JSON; rules and phases are also kept
# as rows so group overviews can query them.
attempts = sa.Table(
    "attempts",
    metadata,
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
    sa.Column("engine", sa.String(100), nullable=False, server_default=""),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column(
        "attempt_id", sa.Integer, sa.ForeignKey("attempts.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("t", sa.Float, nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("data_json", sa.Text, nullable=False),
)

rule_results = sa.Table(
    "rule_results",
    metadata,
    sa.Column(
        "attempt_id", sa.Integer, sa.ForeignKey("attempts.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("rule_id", sa.String(100), primary_key=True),
    sa.Column("phase", sa.String(40), nullable=False),
    sa.Column("verdict", sa.String(20), nullable=False),
    sa.Column("points", sa.Float, nullable=False),
    sa.Column("max_points", sa.Float, nullable=False),
    sa.Column("evidence_json", sa.Text, nullable=False),
)

phase_scores = sa.Table(
    "phase_scores",
    metadata,
    sa.Column(
        "attempt_id", sa.Integer, sa.ForeignKey("attempts.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("phase", sa.String(40), primary_key=True),
    sa.Column("points", sa.Float, nullable=False),
    sa.Column("max_points", sa.Float, nullable=False),
)

# The trainee's voice per utterance: personal data, off by default, deleted after a retention time.
audio = sa.Table(
    "audio",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "attempt_id", sa.Integer, sa.ForeignKey("attempts.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("t", sa.Float, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("wav", sa.LargeBinary, nullable=False),
)

participants = sa.Table(
    "participants",
    metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
)
