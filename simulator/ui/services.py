"""The app's links to the other parts: scenarios, scoring, results store, reports and the call.

Each link is a small function so screens stay free of import details, and tests can pass a
`Services` with audio switched off (no sound card or microphone in a test).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from simulator.call.record import CallRecord
from simulator.call.session import SpokenCall
from simulator.scenario.model import Scenario
from simulator.scoring.scorecard import Scorecard

log = logging.getLogger(__name__)


def load_all_scenarios(folder: Path | None = None) -> tuple[list[Scenario], list[str]]:
    """All scenarios sorted by difficulty, plus Dutch problems of files that could not be read."""
    from simulator.scenario.errors import ScenarioError
    from simulator.scenario.loader import default_folder, load_scenario

    folder = folder or default_folder()
    scenarios: list[Scenario] = []
    problems: list[str] = []
    for path in sorted(Path(folder).glob("*.yaml")):
        try:
            scenarios.append(load_scenario(path))
        except ScenarioError as exc:
            problems.append(str(exc))
    if not scenarios and not problems:
        problems.append(
            f"Er staan geen scenario's in {folder}. Zet daar een .yaml-bestand neer en start "
            "opnieuw."
        )
    scenarios.sort(key=lambda s: (s.moeilijkheid, s.titel))
    return scenarios, problems


def store_problem_text(exc: Exception) -> str:
    """The store's own Dutch message, or a general one for anything unexpected."""
    from simulator.store import StoreError

    if isinstance(exc, StoreError):
        return str(exc)
    return f"De resultaten konden niet worden gelezen of opgeslagen ({exc})."


@dataclass
class Services:
    scenarios: list[Scenario]
    problems: list[str] = field(default_factory=list)
    # False in tests and on machines without sound: the caller's lines are shown, not spoken.
    audio: bool = True
    store_path: Path | None = None
    report_folder: Path | None = None
    _store: object | None = None
    # A Dutch message when the results store could not be used (shown on the history screen).
    store_problem: str = ""
    # The savers of calls that are running (CallSaver), by id() of the call's record.
    _live: dict = field(default_factory=dict)

    @classmethod
    def default(cls, audio: bool = True, folder: Path | None = None) -> Services:
        scenarios, problems = load_all_scenarios(folder)
        return cls(scenarios=scenarios, problems=problems, audio=audio)

    # ----- scoring -------------------------------------------------------------------------

    def score(self, record: CallRecord, scenario: Scenario) -> Scorecard:
        from simulator.scoring.scorer import score

        return score(record, scenario)

    # ----- results store ------------------------------------------------------------------

    def store(self):  # noqa: ANN201 - the store's own type
        if self._store is None:
            from simulator.store import open_store

            self._store = open_store(self.store_path) if self.store_path else open_store()
        return self._store

    def _try_store(self, what: str, action: Callable, default):  # noqa: ANN001, ANN202
        try:
            return action(self.store())
        except Exception as exc:  # the store is a convenience: a broken one never stops practice
            log.warning("store %s failed: %s", what, exc)
            self.store_problem = store_problem_text(exc)
            return default

    def participants(self) -> list[str]:
        return self._try_store("participants", lambda s: list(s.participants()), [])

    def best_scores(self, trainee: str) -> dict[str, float]:
        if not trainee.strip():
            return {}
        return self._try_store("best_scores", lambda s: dict(s.best_scores(trainee)), {})

    def history(self, trainee: str) -> list:
        """The trainee's attempts, oldest first (AttemptSummary; afgebroken ones included)."""
        if not trainee.strip():
            return []
        self.store_problem = ""  # this read decides whether the screen shows a problem
        return self._try_store("history", lambda s: list(s.history(trainee.strip())), [])

    def rule_rates(self, trainee: str, last: int = 10) -> dict:
        """Per rule id, how often it was met in the trainee's `last` scored attempts."""
        if not trainee.strip():
            return {}
        return self._try_store(
            "rule_rates", lambda s: dict(s.rule_rates(trainee.strip(), last=last)), {}
        )

    def rule_titles(self) -> dict[str, str]:
        """Rule id -> the rubric's Dutch title, in rubric order."""
        from simulator.scoring.rubric import RubricError, load_rubric

        try:
            return {rule.id: rule.titel for rule in load_rubric()}
        except RubricError as exc:
            log.warning("rubric: %s", exc)
            return {}

    def begin_attempt(
        self, record: CallRecord, mode: str, engine: str = "", call: SpokenCall | None = None
    ) -> None:
        """Save the call as it goes, so a crash or a closed window loses nothing said; with
        `call`, the trainee's recorded voice too when the settings allow it (`audio_opslaan`)."""
        from simulator.saving import CallSaver

        def begin(store):  # noqa: ANN001, ANN202
            saver = CallSaver.start(store, record, mode, engine, _LogWriter())
            if call is not None:
                call.audio_listeners.append(saver.add_audio)
            self._live[id(record)] = saver

        self._try_store("begin", begin, None)

    def save_attempt(self, record: CallRecord, scorecard: Scorecard, mode: str) -> None:
        saver = self._live.pop(id(record), None)
        if saver is not None:
            saver.finish(record, scorecard)
        else:
            self._try_store("save", lambda s: s.save_attempt(record, scorecard, mode=mode), None)

    # ----- report ---------------------------------------------------------------------------

    def save_report(
        self, record: CallRecord, scorecard: Scorecard, scenario: Scenario, folder: Path
    ) -> Path:
        try:
            from simulator.report import write_report
        except ImportError:
            raise RuntimeError("rapporten maken is in deze versie nog niet beschikbaar") from None
        return write_report(record, scorecard, scenario, folder)

    # ----- the call -------------------------------------------------------------------------

    def build_call(
        self, scenario: Scenario, trainee: str, seed: int, input_mode: str, clock: Callable
    ) -> tuple[SpokenCall, object | None]:
        """The call with every working audio part; runs on a worker thread (it loads engines)."""
        if not self.audio:
            call = SpokenCall(scenario, clock=clock, trainee=trainee, seed=seed)
            return call, None
        from simulator.audio.spoken_terminal import build_call

        engine = "getypt" if input_mode == "typen" else None
        call, microphone = build_call(scenario, trainee, seed, engine)
        call.clock = clock
        return call, microphone


class _LogWriter:
    """Where the app's saver reports a store that stopped working: the log, not the screen."""

    def write(self, text: str) -> int:
        log.warning("store: %s", text.strip())
        return len(text)
