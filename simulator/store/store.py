"""The results store: one object the app, the commands and the reports talk to."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from simulator.call.record import CallRecord
from simulator.config import Settings, load_settings
from simulator.scoring.scorecard import Scorecard
from simulator.store import queries, schema
from simulator.store.attempts import Attempt, Clock, insert_attempt, naive_utc
from simulator.store.db import describe, open_database
from simulator.store.errors import StoreError
from simulator.store.models import (
    FINISHED,
    MODES,
    AttemptSummary,
    AudioClip,
    RuleRate,
    StoredAttempt,
)
from simulator.store.retention import purge_audio
from simulator.store.versions import scenario_version as find_scenario_version

A = schema.attempts


def utc_now() -> datetime:
    return datetime.now(UTC)


class Store:
    """Attempts, scores and the classroom list in one database (SQLite or PostgreSQL)."""

    def __init__(self, engine: sa.Engine, settings: Settings, clock: Clock = utc_now) -> None:
        self.engine = engine
        self.settings = settings
        self.clock = clock
        self.where = describe(engine.url.render_as_string(hide_password=False))

    # ----- writing ----------------------------------------------------------------------------

    def begin_attempt(
        self,
        scenario_id: str,
        trainee: str = "",
        mode: str = "oefenen",
        engine: str = "",
        seed: int = 0,
        scenario_version: str | None = None,
    ) -> Attempt:
        """Start saving a call; it reads back as afgebroken until `Attempt.finish`."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; expected one of {MODES}")
        version = (
            scenario_version if scenario_version is not None else find_scenario_version(scenario_id)
        )
        with self.engine.begin() as conn:
            attempt_id = insert_attempt(
                conn,
                trainee=trainee.strip(),
                scenario_id=scenario_id,
                scenario_version=version,
                mode=mode,
                engine=engine,
                seed=seed,
                started_at=self.clock(),
            )
        return Attempt(self.engine, attempt_id, self.clock, self.settings.store_audio)

    def save_attempt(
        self,
        record: CallRecord,
        scorecard: Scorecard | None = None,
        mode: str = "oefenen",
        engine: str = "",
        scenario_version: str | None = None,
    ) -> int:
        """Save a whole finished (or abandoned) call at once; the new attempt's id."""
        attempt = self.begin_attempt(
            record.scenario_id,
            trainee=record.trainee,
            mode=mode,
            engine=engine,
            seed=record.seed,
            scenario_version=scenario_version,
        )
        attempt.finish(record, scorecard)
        return attempt.id

    # ----- reading ----------------------------------------------------------------------------

    def load_attempt(self, attempt_id: int) -> StoredAttempt:
        with self.engine.connect() as conn:
            found = queries.load(conn, attempt_id)
        if found is None:
            raise StoreError(
                f"Poging {attempt_id} staat niet in {self.where}. Zoek het juiste nummer op met "
                "`kcc-sim pogingen`."
            )
        return found

    def attempts(
        self,
        trainee: str | None = None,
        trainees: Sequence[str] | None = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
        scenario_id: str | None = None,
    ) -> list[AttemptSummary]:
        """Attempts oldest first; `until` as a date includes that whole (local) day."""
        conditions: list[sa.ColumnElement[bool]] = []
        if trainee is not None:
            conditions.append(A.c.trainee == trainee.strip())
        if trainees:
            conditions.append(A.c.trainee.in_([name.strip() for name in trainees]))
        if since is not None:
            conditions.append(A.c.started_at >= naive_utc(_start_of(since)))
        if until is not None:
            conditions.append(A.c.started_at < naive_utc(_end_of(until)))
        if scenario_id is not None:
            conditions.append(A.c.scenario_id == scenario_id)
        with self.engine.connect() as conn:
            return queries.summaries(conn, *conditions)

    def history(self, trainee: str) -> list[AttemptSummary]:
        """The history screen: a trainee's attempts with total and phase scores, oldest first."""
        return self.attempts(trainee=trainee)

    def rule_rates(self, trainee: str, last: int = 10) -> dict[str, RuleRate]:
        """Per rule, how often it was met in the trainee's `last` scored, finished attempts."""
        recent = [a.id for a in self.history(trainee) if a.status == FINISHED and a.scored]
        with self.engine.connect() as conn:
            return queries.rule_rates(conn, recent[-last:])

    def best_scores(self, trainee: str) -> dict[str, float]:
        """The best total per scenario id of the trainee's finished attempts."""
        with self.engine.connect() as conn:
            return queries.best_scores(conn, trainee.strip())

    def verdicts(self, attempt_ids: Sequence[int]) -> dict[int, dict[str, str]]:
        with self.engine.connect() as conn:
            return queries.verdicts(conn, list(attempt_ids))

    def rule_phases(self, attempt_ids: Sequence[int]) -> dict[str, str]:
        with self.engine.connect() as conn:
            return queries.rule_phases(conn, list(attempt_ids))

    def audio(self, attempt_id: int) -> list[AudioClip]:
        with self.engine.connect() as conn:
            return queries.audio_clips(conn, attempt_id)

    # ----- classroom and retention ----------------------------------------------------------

    def participants(self) -> list[str]:
        P = schema.participants
        with self.engine.connect() as conn:
            return list(conn.execute(sa.select(P.c.name).order_by(P.c.position)).scalars())

    def set_participants(self, names: Iterable[str]) -> list[str]:
        """Replace the classroom list (order kept, blanks and repeats dropped); the list saved."""
        cleaned: list[str] = []
        for name in names:
            name = " ".join(name.split())
            if name and name not in cleaned:
                cleaned.append(name)
        P = schema.participants
        with self.engine.begin() as conn:
            conn.execute(sa.delete(P))
            if cleaned:
                conn.execute(
                    sa.insert(P), [{"name": n, "position": i} for i, n in enumerate(cleaned)]
                )
        return cleaned

    def purge_audio(self, now: datetime | None = None) -> int:
        """Delete voice recordings older than the retention setting; how many were deleted."""
        return purge_audio(self.engine, now or self.clock(), self.settings.audio_retention_days)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _start_of(moment: date | datetime) -> datetime:
    if isinstance(moment, datetime):
        return moment if moment.tzinfo else moment.astimezone()
    return datetime(moment.year, moment.month, moment.day).astimezone()


def _end_of(moment: date | datetime) -> datetime:
    if isinstance(moment, datetime):
        return moment if moment.tzinfo else moment.astimezone()
    return _start_of(moment) + timedelta(days=1)


def open_store(
    database: str | Path | None = None,
    *,
    settings: Settings | None = None,
    clock: Clock = utc_now,
) -> Store:
    """Open (creating or migrating) the results database and apply the audio retention."""
    settings = (settings or load_settings()).with_database(database)
    store = Store(open_database(settings.database_url), settings, clock)
    store.purge_audio()
    return store
