"""What every rule type shares: the call as the rules see it, a finding, and the type registry."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict

from simulator.call.record import (
    ActionEvent,
    CallerTurn,
    CallRecord,
    Event,
    TraineeTurn,
)
from simulator.scenario.model import PHASES, Scenario
from simulator.scoring.scorecard import Evidence, Verdict

# Moves and UI actions that mean "the trainee now acts on the question" (phase 3).
ACTION_MOVES: tuple[str, ...] = (
    "doorverbinden",
    "terugbellen",
    "uitzoeken",
    "email_aanbod",
    "verwijzen",
)
ACTION_ACTIONS: tuple[str, ...] = ("doorverbinden", "terugbelnotitie")
CLOSING_MOVES: tuple[str, ...] = ("bedanken", "goede_wens")


class Params(BaseModel):
    """Parameters of a rule type; unknown keys are an error in the rubric file."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Finding:
    """What a rule type concluded about one call."""

    verdict: Verdict
    explanation: str
    evidence: tuple[Evidence, ...] = ()
    decided_by: str = ""
    # The trainee turns a failing verdict rests on: low recognition confidence there makes the
    # failure uncertain (the words may have been misheard).
    basis: tuple[TraineeTurn, ...] = ()


def nvt(explanation: str) -> Finding:
    return Finding("nvt", explanation, decided_by="toepasbaarheid")


def quote(turn: TraineeTurn | CallerTurn, words: str | None = None, note: str = "") -> Evidence:
    """Evidence from a spoken turn: the matched words, or the whole turn shortened."""
    text = words if words else turn.text
    text = " ".join(text.split())
    if len(text) > 160:
        text = text[:157].rstrip() + "…"
    return Evidence(t=round(turn.t, 2), quote=text, note=note)


def at(event: Event, text: str, note: str = "") -> Evidence:
    return Evidence(t=round(event.t, 2), quote=text, note=note)


@dataclass
class Call:
    """The call record read the way rules need it: who said what, when, in which phase."""

    record: CallRecord
    scenario: Scenario
    low_confidence: float = 0.6
    _cache: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def turns(self) -> list[TraineeTurn]:
        """What the trainee said to the caller (not to the colleague), in time order."""
        return [t for t in self.record.trainee_turns if t.to == "beller" and t.text.strip()]

    @cached_property
    def caller_lines(self) -> list[CallerTurn]:
        return [c for c in self.record.caller_turns if c.speaker == "beller"]

    def with_move(self, *moves: str, turns: Iterable[TraineeTurn] | None = None) -> list:
        source = self.turns if turns is None else turns
        return [t for t in source if any(m in t.moves for m in moves)]

    def actions(self, *names: str) -> list[ActionEvent]:
        return [a for a in self.record.actions() if not names or a.action in names]

    @cached_property
    def action_start(self) -> float | None:
        """When the trainee first acted on the question: a fact, a transfer, a call-back, ..."""
        times = [t.t for t in self.turns if t.facts or any(m in t.moves for m in ACTION_MOVES)]
        times += [a.t for a in self.actions(*ACTION_ACTIONS)]
        return min(times) if times else None

    @cached_property
    def trial_close(self) -> TraineeTurn | None:
        found = [t for t in self.with_move("proefafsluiting") if self._after_action(t)]
        return found[0] if found else None

    def _after_action(self, turn: TraineeTurn) -> bool:
        return self.action_start is None or turn.t >= self.action_start

    @cached_property
    def closing_turns(self) -> list[TraineeTurn]:
        """The closing: from the trial close on, or else the last turns after the action."""
        if self.trial_close is not None:
            return [t for t in self.turns if t.t >= self.trial_close.t]
        after = [t for t in self.turns if self._after_action(t)]
        return after[-2:]

    @property
    def transferred(self) -> bool:
        """The call went to a colleague (warm or cold): the trainee's part ends there."""
        ended = self.record.ended
        if ended is not None and ended.by == "overdracht":
            return True
        answered = any(c.speaker == "collega" for c in self.record.caller_turns)
        return answered and bool(self.actions("doorverbinden"))

    def phase_of(self, turn: TraineeTurn) -> str:
        """The phase a trainee turn belongs to: the later of the caller's lines around it."""
        before = [c.phase for c in self.record.caller_turns if c.end <= turn.t and c.phase]
        after = [c.phase for c in self.record.caller_turns if c.t >= turn.end and c.phase]
        candidates = [p for p in (before[-1:] + after[:1]) if p in PHASES]
        if not candidates:
            return "aanvang"
        return max(candidates, key=PHASES.index)

    @cached_property
    def word_count(self) -> int:
        return sum(len(t.text.split()) for t in self.turns)

    def uncertain(self, turns: Sequence[TraineeTurn]) -> bool:
        return any(t.confidence < self.low_confidence for t in turns)


Evaluator = Callable[[Call, Any], Finding]


@dataclass(frozen=True)
class RuleType:
    name: str
    params: type[Params]
    evaluate: Evaluator
    description: str


RULE_TYPES: dict[str, RuleType] = {}


def rule_type(
    name: str, params: type[Params], description: str
) -> Callable[[Evaluator], Evaluator]:
    """Register a rule type under the name the rubric's `type` key uses."""

    def register(evaluate: Evaluator) -> Evaluator:
        RULE_TYPES[name] = RuleType(name, params, evaluate, description)
        return evaluate

    return register


def grade(done: int, total: int) -> Verdict:
    """All done: gehaald; some: deels; none: niet_gehaald."""
    if total and done >= total:
        return "gehaald"
    return "deels" if done else "niet_gehaald"
