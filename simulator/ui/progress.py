"""What the history screen shows, as plain data: the trainee's attempts, the score series the
charts are drawn from, and per rule how often it was met lately (weakest first).

No pygame here: the tests read this model to check the screen against the stored attempts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from simulator.config import DEFAULT_PASS_MARK

# The phases charted on their own (the rubric's "algemeen" rules count in the total).
CHART_PHASES: tuple[tuple[str, str], ...] = (
    ("aanvang", "Aanvang"),
    ("analyse", "Analyse"),
    ("actie", "Actie"),
    ("afsluiting", "Afsluiting"),
)
# The rule list looks at this many of the latest scored attempts.
RECENT = 10
FINISHED = "afgerond"
ABANDONED = "afgebroken"
MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def when_text(moment: datetime) -> str:
    """A Dutch local date and time, e.g. "3 mrt 09:30" (no locale needed)."""
    local = moment.astimezone()
    return f"{local.day} {MONTHS[local.month - 1]} {local:%H:%M}"


@dataclass(frozen=True)
class AttemptRow:
    number: int  # 1 = the trainee's first attempt; abandoned attempts are numbered too
    when: datetime
    scenario: str
    mode: str
    status: str  # afgerond | afgebroken
    total: float | None
    passed: bool | None

    @property
    def charted(self) -> bool:
        return self.status == FINISHED and self.total is not None

    @property
    def result_text(self) -> str:
        if self.status != FINISHED:
            return "afgebroken"
        if self.total is None:
            return "niet beoordeeld"
        return f"{self.total:.0f}%  " + ("geslaagd" if self.passed else "niet geslaagd")


@dataclass(frozen=True)
class ChartSeries:
    title: str
    points: tuple[tuple[int, float], ...]  # (attempt number, percent)

    @property
    def values(self) -> list[float]:
        return [value for _, value in self.points]


@dataclass(frozen=True)
class RuleBar:
    rule_id: str
    title: str
    phase: str
    met: int
    partly: int
    applicable: int  # attempts where the rule applied (n.v.t. left out)

    @property
    def share(self) -> float:
        return self.met / self.applicable if self.applicable else 0.0

    @property
    def fraction_text(self) -> str:
        text = f"{self.met} van {self.applicable} gehaald"
        return text + (f", {self.partly} deels" if self.partly else "")


@dataclass(frozen=True)
class Progress:
    trainee: str
    attempts: tuple[AttemptRow, ...]  # oldest first
    total: ChartSeries
    phases: tuple[ChartSeries, ...]
    rules: tuple[RuleBar, ...]  # weakest first
    recent: int  # how many scored attempts the rule list covers
    pass_mark: float
    problem: str = ""  # a Dutch message when the results could not be read

    @property
    def empty(self) -> bool:
        return not self.attempts

    @property
    def abandoned(self) -> int:
        return sum(a.status != FINISHED for a in self.attempts)

    def summary_text(self) -> str:
        """One line under the title, e.g. "3 gesprekken, waarvan 1 afgebroken · beste 92%"."""
        count = len(self.attempts)
        text = f"{count} gesprek" + ("ken" if count != 1 else "")
        if self.abandoned:
            text += f", waarvan {self.abandoned} afgebroken"
        values = self.total.values
        if values:
            text += f" · beste {max(values):.0f}% · laatste {values[-1]:.0f}%"
        return text + f" · slaaggrens {self.pass_mark:.0f}%"


def build_progress(
    trainee: str,
    summaries: Iterable,  # simulator.store.AttemptSummary, oldest first
    rates: Mapping,  # rule id -> simulator.store.RuleRate
    rule_titles: Mapping[str, str],
    scenario_titles: Mapping[str, str],
    problem: str = "",
) -> Progress:
    summaries = list(summaries)
    attempts = tuple(
        AttemptRow(
            number=i,
            when=s.started_at,
            scenario=scenario_titles.get(s.scenario_id, s.scenario_id),
            mode=s.mode,
            status=s.status,
            total=s.total,
            passed=s.passed,
        )
        for i, s in enumerate(summaries, start=1)
    )
    charted = [(row, s) for row, s in zip(attempts, summaries, strict=True) if row.charted]
    total = ChartSeries("Totaalscore", tuple((row.number, s.total) for row, s in charted))
    phases = tuple(
        ChartSeries(
            title, tuple((row.number, s.phases[phase]) for row, s in charted if phase in s.phases)
        )
        for phase, title in CHART_PHASES
    )
    marks = [s.pass_mark for _, s in charted if s.pass_mark is not None]
    return Progress(
        trainee=trainee,
        attempts=attempts,
        total=total,
        phases=phases,
        rules=tuple(rule_bars(rates, rule_titles)),
        recent=min(RECENT, len(charted)),
        pass_mark=marks[-1] if marks else DEFAULT_PASS_MARK,
        problem=problem,
    )


def rule_bars(rates: Mapping, rule_titles: Mapping[str, str]) -> list[RuleBar]:
    """Rules that applied at least once, the least often met first (ties: rubric order)."""
    order = {rule_id: i for i, rule_id in enumerate(rule_titles)}
    bars = [
        RuleBar(
            rule_id=rate.rule_id,
            title=rule_titles.get(rate.rule_id) or extra_title(rate.rule_id, rate.phase),
            phase=rate.phase,
            met=rate.met,
            partly=rate.partly,
            applicable=rate.applicable,
        )
        for rate in rates.values()
        if rate.applicable
    ]
    return sorted(bars, key=lambda b: (b.share, -b.applicable, order.get(b.rule_id, len(order))))


def extra_title(rule_id: str, phase: str) -> str:
    """A scenario's own required phrase (`extra.<fase>.<n>`) is not in the rubric."""
    return f"Vaste zin van het scenario ({phase})" if rule_id.startswith("extra.") else rule_id


def load_progress(services, trainee: str) -> Progress:  # noqa: ANN001 - ui.services.Services
    """Read the trainee's history from the results store (read only)."""
    summaries = services.history(trainee)
    problem = services.store_problem
    rates = services.rule_rates(trainee, RECENT) if summaries else {}
    return build_progress(
        trainee.strip(),
        summaries,
        rates,
        services.rule_titles(),
        {s.id: s.titel for s in services.scenarios},
        problem,
    )
