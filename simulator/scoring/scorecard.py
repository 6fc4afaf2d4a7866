"""The scorecard: the verdict on one call, per rule and per phase. Plain data, JSON round-trip."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Verdict = Literal["gehaald", "deels", "niet_gehaald", "nvt"]
VERDICT_LABELS: dict[str, str] = {
    "gehaald": "gehaald",
    "deels": "deels",
    "niet_gehaald": "niet gehaald",
    "nvt": "n.v.t.",
}
PHASE_ORDER: tuple[str, ...] = ("algemeen", "aanvang", "analyse", "actie", "afsluiting")
PHASE_LABELS: dict[str, str] = {
    "algemeen": "Algemeen",
    "aanvang": "Aanvang",
    "analyse": "Analyse",
    "actie": "Actie",
    "afsluiting": "Afsluiting",
}


@dataclass(frozen=True)
class Evidence:
    """Quoted words from the call with the time (seconds since ringing) they were said."""

    t: float
    quote: str
    note: str = ""


@dataclass(frozen=True)
class RuleResult:
    rule_id: str
    phase: str
    title: str
    verdict: Verdict
    points: float
    max_points: float
    evidence: tuple[Evidence, ...] = ()
    explanation: str = ""
    tip: str = ""
    model_phrase: str = ""
    # A failing verdict that rests on a low-confidence recognised utterance.
    uncertain: bool = False
    # Which path decided: "patroon", "model", "woordlijst", "actie", "timing", ...
    decided_by: str = ""


@dataclass(frozen=True)
class PhaseScore:
    phase: str
    points: float
    max_points: float

    @property
    def percent(self) -> float:
        return 100.0 * self.points / self.max_points if self.max_points else 100.0


@dataclass(frozen=True)
class Scorecard:
    scenario_id: str
    rules: tuple[RuleResult, ...]
    phases: tuple[PhaseScore, ...]
    total: float
    pass_mark: float
    strongest: tuple[str, ...] = ()
    weakest: tuple[str, ...] = ()
    # Language counts per category, e.g. {"stopwoord": {"count": 3, "per_100_words": 2.1}}.
    language: dict[str, dict[str, float]] = field(default_factory=dict)
    # Figures about the voice: words per minute per turn, talk share, silences.
    voice: dict[str, Any] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return self.total >= self.pass_mark

    def rule(self, rule_id: str) -> RuleResult:
        return next(r for r in self.rules if r.rule_id == rule_id)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["passed"] = self.passed
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Scorecard:
        rules = tuple(
            RuleResult(**{**r, "evidence": tuple(Evidence(**e) for e in r["evidence"])})
            for r in data["rules"]
        )
        return cls(
            scenario_id=data["scenario_id"],
            rules=rules,
            phases=tuple(PhaseScore(**p) for p in data["phases"]),
            total=data["total"],
            pass_mark=data["pass_mark"],
            strongest=tuple(data.get("strongest", ())),
            weakest=tuple(data.get("weakest", ())),
            language=data.get("language", {}),
            voice=data.get("voice", {}),
        )
