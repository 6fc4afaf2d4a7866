"""Saving a call while it runs (terminal and app alike): the store never blocks practice."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from simulator.call.record import CallRecord, Event
from simulator.scoring.scorecard import Scorecard


@dataclass
class CallSaver:
    attempt: object
    warn: TextIO
    failed: bool = False

    @classmethod
    def open(
        cls,
        record: CallRecord,
        mode: str,
        engine: str,
        database: str | None = None,
        warn: TextIO = sys.stderr,
    ) -> CallSaver | None:
        """Start saving `record` as it grows; None (after a Dutch warning) when that cannot."""
        from simulator.config import ConfigError
        from simulator.store import StoreError, open_store

        try:
            return cls.start(open_store(database), record, mode, engine, warn)
        except (StoreError, ConfigError) as exc:
            warn.write(f"{exc}\nHet gesprek gaat door, maar wordt niet opgeslagen.\n")
            return None

    @classmethod
    def start(cls, store, record: CallRecord, mode: str, engine: str, warn: TextIO) -> CallSaver:  # noqa: ANN001
        """Begin the attempt in an open store, with what the record already holds, and follow it."""
        attempt = store.begin_attempt(
            record.scenario_id,
            trainee=record.trainee,
            mode=mode,
            engine=engine,
            seed=record.seed,
        )
        attempt.add_events(record.events)
        saver = cls(attempt, warn)
        record.listeners.append(saver.add)
        return saver

    def add(self, event: Event) -> None:
        self._safely(lambda: self.attempt.add_event(event))

    def add_audio(self, t: float, audio: object) -> None:
        """The trainee's recorded voice (a SpeechRecognition AudioData); kept only when the
        settings allow it, which the attempt decides."""
        self._safely(lambda: self.attempt.add_audio(t, audio.get_wav_data()))

    def _safely(self, write: Callable[[], object]) -> None:
        if self.failed:
            return
        try:
            write()
        except Exception as exc:  # a full disk must not end the call; say it once
            self.failed = True
            self.warn.write(f"Opslaan lukt niet meer ({exc}); het gesprek gaat door.\n")

    def finish(self, record: CallRecord, scorecard: Scorecard | None) -> None:
        record.listeners.clear()
        try:
            self.attempt.finish(record, scorecard)
        except Exception as exc:
            self.warn.write(f"Het gesprek kon niet worden opgeslagen: {exc}\n")
