"""Writing one attempt as it happens: every event committed on its own, then the whole result.

A crash or power cut mid-call loses nothing already said: each `add_event` is a transaction.
`finish` replaces the events with the final record (the single source of truth) and adds the
scorecard, its rule verdicts and phase scores, all in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict
from datetime import UTC, datetime

import sqlalchemy as sa

from simulator.call.record import CallRecord, Event, event_to_dict
from simulator.scoring.scorecard import Scorecard
from simulator.store import schema
from simulator.store.models import ABANDONED, FINISHED, RUNNING

Clock = Callable[[], datetime]


def to_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def naive_utc(moment: datetime) -> datetime:
    """Datetimes are stored as naive UTC so SQLite and PostgreSQL compare them the same way."""
    aware = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.replace(tzinfo=None)


class Attempt:
    """An attempt being written; get one from `Store.begin_attempt`."""

    def __init__(self, engine: sa.Engine, attempt_id: int, clock: Clock, store_audio: bool) -> None:
        self._engine = engine
        self.id = attempt_id
        self._clock = clock
        self._store_audio = store_audio
        self._next_seq = 0
        self.finished = False

    def add_event(self, event: Event) -> None:
        """Save one event of the call now, in its own transaction."""
        self.add_events((event,))

    def add_events(self, events: Iterable[Event]) -> None:
        self._check_open()
        rows = [self._event_row(event) for event in events]
        if rows:
            with self._engine.begin() as conn:
                conn.execute(sa.insert(schema.events), rows)

    def add_audio(self, t: float, wav: bytes) -> bool:
        """Keep the trainee's voice for one utterance, only when the settings allow it."""
        self._check_open()
        if not self._store_audio:
            return False
        with self._engine.begin() as conn:
            conn.execute(
                sa.insert(schema.audio).values(
                    attempt_id=self.id, t=t, created_at=naive_utc(self._clock()), wav=bytes(wav)
                )
            )
        return True

    def finish(self, record: CallRecord, scorecard: Scorecard | None = None) -> None:
        """Save the whole record and its scorecard; a record ended as abandoned stays afgebroken."""
        self._check_open()
        ended = record.ended
        status = ABANDONED if ended is not None and ended.by == "afgebroken" else FINISHED
        values: dict[str, object] = {
            "status": status,
            "finished_at": naive_utc(self._clock()),
            "trainee": record.trainee,
            "seed": record.seed,
            "record_json": to_json(record.to_dict()),
        }
        if scorecard is not None:
            values |= {
                "total": scorecard.total,
                "pass_mark": scorecard.pass_mark,
                "passed": scorecard.passed,
                "scorecard_json": to_json(scorecard.to_dict()),
            }
        self._next_seq = 0
        event_rows = [self._event_row(event) for event in record.events]
        with self._engine.begin() as conn:
            conn.execute(
                sa.update(schema.attempts).where(schema.attempts.c.id == self.id).values(values)
            )
            conn.execute(sa.delete(schema.events).where(schema.events.c.attempt_id == self.id))
            if event_rows:
                conn.execute(sa.insert(schema.events), event_rows)
            if scorecard is not None:
                _write_scores(conn, self.id, scorecard)
        self.finished = True

    def _event_row(self, event: Event) -> dict[str, object]:
        row = {
            "attempt_id": self.id,
            "seq": self._next_seq,
            "t": float(event.t),
            "kind": event.kind,
            "data_json": to_json(event_to_dict(event)),
        }
        self._next_seq += 1
        return row

    def _check_open(self) -> None:
        if self.finished:
            raise RuntimeError(f"attempt {self.id} is already finished")


def _write_scores(conn: sa.Connection, attempt_id: int, scorecard: Scorecard) -> None:
    conn.execute(
        sa.delete(schema.rule_results).where(schema.rule_results.c.attempt_id == attempt_id)
    )
    conn.execute(
        sa.delete(schema.phase_scores).where(schema.phase_scores.c.attempt_id == attempt_id)
    )
    rules = [
        {
            "attempt_id": attempt_id,
            "rule_id": rule.rule_id,
            "phase": rule.phase,
            "verdict": rule.verdict,
            "points": rule.points,
            "max_points": rule.max_points,
            "evidence_json": to_json([asdict(e) for e in rule.evidence]),
        }
        for rule in scorecard.rules
    ]
    phases = [
        {"attempt_id": attempt_id, "phase": p.phase, "points": p.points, "max_points": p.max_points}
        for p in scorecard.phases
    ]
    if rules:
        conn.execute(sa.insert(schema.rule_results), rules)
    if phases:
        conn.execute(sa.insert(schema.phase_scores), phases)


def insert_attempt(
    conn: sa.Connection,
    *,
    trainee: str,
    scenario_id: str,
    scenario_version: str,
    mode: str,
    engine: str,
    seed: int,
    started_at: datetime,
) -> int:
    result = conn.execute(
        sa.insert(schema.attempts)
        .values(
            trainee=trainee,
            scenario_id=scenario_id,
            scenario_version=scenario_version,
            mode=mode,
            engine=engine,
            seed=seed,
            status=RUNNING,
            started_at=naive_utc(started_at),
        )
        .returning(schema.attempts.c.id)
    )
    return int(result.scalar_one())
