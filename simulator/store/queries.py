"""Reading attempts back: summaries for lists and overviews, whole attempts for reports."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

import sqlalchemy as sa

from simulator.call.record import CallRecord, event_from_dict
from simulator.scoring.scorecard import PHASE_ORDER, Scorecard
from simulator.store import schema
from simulator.store.models import (
    ABANDONED,
    FINISHED,
    RUNNING,
    AttemptSummary,
    AudioClip,
    RuleRate,
    StoredAttempt,
)

A = schema.attempts
SUMMARY_COLUMNS = [c for c in A.c if c.name not in ("record_json", "scorecard_json")]


def aware(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None else None


def summaries(conn: sa.Connection, *conditions: sa.ColumnElement[bool]) -> list[AttemptSummary]:
    """Attempts matching all conditions, oldest first, with their phase percentages."""
    rows = conn.execute(
        sa.select(*SUMMARY_COLUMNS).where(*conditions).order_by(A.c.started_at, A.c.id)
    ).all()
    phases = _phase_percents(conn, [row.id for row in rows])
    return [_summary(row, phases.get(row.id, {})) for row in rows]


def _summary(row: sa.Row, phases: dict[str, float]) -> AttemptSummary:
    return AttemptSummary(
        id=row.id,
        trainee=row.trainee,
        scenario_id=row.scenario_id,
        scenario_version=row.scenario_version,
        mode=row.mode,
        engine=row.engine,
        started_at=aware(row.started_at),
        finished_at=aware(row.finished_at),
        status=ABANDONED if row.status == RUNNING else row.status,
        total=row.total,
        pass_mark=row.pass_mark,
        passed=row.passed,
        phases=phases,
    )


def _phase_percents(conn: sa.Connection, ids: Sequence[int]) -> dict[int, dict[str, float]]:
    if not ids:
        return {}
    P = schema.phase_scores
    found: dict[int, dict[str, float]] = {}
    for chunk in _chunks(ids):
        for row in conn.execute(sa.select(P).where(P.c.attempt_id.in_(chunk))):
            percent = 100.0 * row.points / row.max_points if row.max_points else 100.0
            found.setdefault(row.attempt_id, {})[row.phase] = percent
    order = {phase: i for i, phase in enumerate(PHASE_ORDER)}
    return {
        key: dict(sorted(value.items(), key=lambda kv: order.get(kv[0], len(order))))
        for key, value in found.items()
    }


def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def load(conn: sa.Connection, attempt_id: int) -> StoredAttempt | None:
    row = conn.execute(sa.select(A).where(A.c.id == attempt_id)).one_or_none()
    if row is None:
        return None
    summary = _summary(row, _phase_percents(conn, [attempt_id]).get(attempt_id, {}))
    if row.record_json is not None:
        record = CallRecord.from_dict(json.loads(row.record_json))
    else:
        # Never finished: rebuild the record from the events written during the call.
        E = schema.events
        data = conn.execute(
            sa.select(E.c.data_json).where(E.c.attempt_id == attempt_id).order_by(E.c.seq)
        ).scalars()
        record = CallRecord(
            scenario_id=row.scenario_id,
            trainee=row.trainee,
            seed=row.seed,
            events=[event_from_dict(json.loads(item)) for item in data],
        )
    scorecard = Scorecard.from_dict(json.loads(row.scorecard_json)) if row.scorecard_json else None
    return StoredAttempt(summary=summary, record=record, scorecard=scorecard)


def rule_rates(conn: sa.Connection, attempt_ids: Sequence[int]) -> dict[str, RuleRate]:
    """Per rule: in how many of these attempts it was met, partly or missed (n.v.t. left out)."""
    R = schema.rule_results
    counts: dict[str, dict[str, int]] = {}
    phases: dict[str, str] = {}
    for chunk in _chunks(attempt_ids):
        query = sa.select(R.c.rule_id, R.c.phase, R.c.verdict).where(R.c.attempt_id.in_(chunk))
        for rule_id, phase, verdict in conn.execute(query):
            phases[rule_id] = phase
            counts.setdefault(rule_id, {})
            counts[rule_id][verdict] = counts[rule_id].get(verdict, 0) + 1
    return {
        rule_id: RuleRate(
            rule_id=rule_id,
            phase=phases[rule_id],
            met=c.get("gehaald", 0),
            partly=c.get("deels", 0),
            missed=c.get("niet_gehaald", 0),
        )
        for rule_id, c in sorted(counts.items())
    }


def verdicts(conn: sa.Connection, attempt_ids: Sequence[int]) -> dict[int, dict[str, str]]:
    """Per attempt: rule id -> verdict."""
    R = schema.rule_results
    found: dict[int, dict[str, str]] = {}
    for chunk in _chunks(attempt_ids):
        query = sa.select(R.c.attempt_id, R.c.rule_id, R.c.verdict).where(R.c.attempt_id.in_(chunk))
        for attempt_id, rule_id, verdict in conn.execute(query):
            found.setdefault(attempt_id, {})[rule_id] = verdict
    return found


def rule_phases(conn: sa.Connection, attempt_ids: Sequence[int]) -> dict[str, str]:
    R = schema.rule_results
    found: dict[str, str] = {}
    for chunk in _chunks(attempt_ids):
        query = sa.select(R.c.rule_id, R.c.phase).where(R.c.attempt_id.in_(chunk)).distinct()
        found.update({rule_id: phase for rule_id, phase in conn.execute(query)})
    return found


def best_scores(conn: sa.Connection, trainee: str) -> dict[str, float]:
    query = (
        sa.select(A.c.scenario_id, sa.func.max(A.c.total))
        .where(A.c.trainee == trainee, A.c.status == FINISHED, A.c.total.is_not(None))
        .group_by(A.c.scenario_id)
    )
    return {scenario_id: float(best) for scenario_id, best in conn.execute(query)}


def audio_clips(conn: sa.Connection, attempt_id: int) -> list[AudioClip]:
    U = schema.audio
    rows = conn.execute(sa.select(U).where(U.c.attempt_id == attempt_id).order_by(U.c.t, U.c.id))
    # Row.t would be SQLAlchemy's own tuple attribute, so read the columns by name.
    return [
        AudioClip(m["attempt_id"], m["t"], aware(m["created_at"]), bytes(m["wav"]))
        for m in rows.mappings()
    ]
