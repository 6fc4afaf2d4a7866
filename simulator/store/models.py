"""What the store hands back: plain dataclasses, no database objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from simulator.call.record import CallRecord
from simulator.scoring.scorecard import Scorecard

# Status values as users see them.
FINISHED = "afgerond"
ABANDONED = "afgebroken"
# Stored while a call runs; read back as ABANDONED when the call never finished.
RUNNING = "bezig"

MODES = ("oefenen", "toets")


@dataclass(frozen=True)
class AttemptSummary:
    id: int
    trainee: str
    scenario_id: str
    scenario_version: str
    mode: str
    engine: str
    started_at: datetime  # aware, UTC
    finished_at: datetime | None
    status: str  # FINISHED or ABANDONED
    total: float | None
    pass_mark: float | None
    passed: bool | None
    # Phase id -> percent of that phase's points, in PHASE_ORDER.
    phases: dict[str, float] = field(default_factory=dict)

    @property
    def scored(self) -> bool:
        return self.total is not None


@dataclass(frozen=True)
class StoredAttempt:
    summary: AttemptSummary
    record: CallRecord
    scorecard: Scorecard | None


@dataclass(frozen=True)
class AudioClip:
    attempt_id: int
    t: float
    created_at: datetime
    wav: bytes


@dataclass(frozen=True)
class RuleRate:
    """How often one rule was met in a set of attempts where it applied."""

    rule_id: str
    phase: str
    met: int
    partly: int
    missed: int

    @property
    def applicable(self) -> int:
        return self.met + self.partly + self.missed

    @property
    def met_share(self) -> float:
        return self.met / self.applicable if self.applicable else 0.0
