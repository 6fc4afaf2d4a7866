"""The class overview: per trainee the attempts and latest phase scores, per rule how many
trainees miss it (the group's weak points first), as HTML with inline SVG charts and as CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from simulator.report.charts import BAD, MIDDLE, bar_chart, score_colour, trend_line
from simulator.report.dates import dutch_date, short_datetime
from simulator.report.render import render
from simulator.scoring.scorecard import PHASE_LABELS, PHASE_ORDER
from simulator.store.models import FINISHED, AttemptSummary
from simulator.store.store import Store

NOT_MET = ("niet_gehaald", "deels")


@dataclass
class TraineeFigures:
    name: str
    attempts: list[AttemptSummary] = field(default_factory=list)
    # The latest finished, scored attempt in the period: its scores stand for "where they are now".
    latest: AttemptSummary | None = None

    @property
    def finished(self) -> int:
        return sum(1 for a in self.attempts if a.status == FINISHED)

    @property
    def abandoned(self) -> int:
        return len(self.attempts) - self.finished

    @property
    def scored(self) -> list[AttemptSummary]:
        return [a for a in self.attempts if a.status == FINISHED and a.scored]

    @property
    def best(self) -> float | None:
        totals = [a.total for a in self.scored if a.total is not None]
        return max(totals) if totals else None


@dataclass
class RuleFigures:
    rule_id: str
    title: str
    phase: str
    # Trainees for whom the rule applied in their latest attempt where it applied.
    applicable: int = 0
    missed: int = 0  # niet gehaald
    partly: int = 0  # deels
    missed_by: list[str] = field(default_factory=list)

    @property
    def not_met(self) -> int:
        return self.missed + self.partly

    @property
    def share_not_met(self) -> float:
        """The share of trainees who do not (fully) meet the rule, 0-1."""
        return self.not_met / self.applicable if self.applicable else 0.0


@dataclass
class GroupOverview:
    since: date
    until: date | None
    trainees: list[TraineeFigures]
    rules: list[RuleFigures]
    pass_mark: float
    phases: list[str]

    @property
    def attempt_count(self) -> int:
        return sum(len(t.attempts) for t in self.trainees)


def build_overview(
    store: Store, since: date, until: date | None = None, names: list[str] | None = None
) -> GroupOverview:
    """The figures for the period; `names` limits (and orders) the trainees shown."""
    attempts = store.attempts(trainees=names or None, since=since, until=until)
    by_name: dict[str, TraineeFigures] = {n: TraineeFigures(n) for n in names or ()}
    for attempt in attempts:
        by_name.setdefault(attempt.trainee, TraineeFigures(attempt.trainee)).attempts.append(
            attempt
        )
    for figures in by_name.values():
        figures.latest = figures.scored[-1] if figures.scored else None
    trainees = list(by_name.values()) if names else sorted(by_name.values(), key=_name_key)
    scored_ids = [a.id for t in trainees for a in t.scored]
    verdicts = store.verdicts(scored_ids)
    rules = _rule_figures(store, trainees, verdicts)
    pass_marks = [t.latest.pass_mark for t in trainees if t.latest and t.latest.pass_mark]
    pass_mark = pass_marks[-1] if pass_marks else store.settings.pass_mark
    phases = [
        p for p in PHASE_ORDER if any(p in (t.latest.phases if t.latest else {}) for t in trainees)
    ]
    return GroupOverview(since, until, trainees, rules, pass_mark, phases)


def _name_key(figures: TraineeFigures) -> str:
    return figures.name.casefold()


def _rule_figures(
    store: Store, trainees: list[TraineeFigures], verdicts: dict[int, dict[str, str]]
) -> list[RuleFigures]:
    titles = _rule_titles(store, trainees)
    phases = store.rule_phases(list(verdicts))
    rules: dict[str, RuleFigures] = {}
    for trainee in trainees:
        # Per rule, the trainee's latest attempt in which the rule applied.
        latest: dict[str, str] = {}
        for attempt in trainee.scored:
            for rule_id, verdict in verdicts.get(attempt.id, {}).items():
                if verdict != "nvt":
                    latest[rule_id] = verdict
        for rule_id, verdict in latest.items():
            figures = rules.setdefault(
                rule_id,
                RuleFigures(rule_id, titles.get(rule_id, rule_id), phases.get(rule_id, "")),
            )
            figures.applicable += 1
            if verdict == "niet_gehaald":
                figures.missed += 1
            elif verdict == "deels":
                figures.partly += 1
            if verdict in NOT_MET:
                figures.missed_by.append(trainee.name)
    order = {phase: i for i, phase in enumerate(PHASE_ORDER)}
    return sorted(
        rules.values(),
        key=lambda r: (-r.share_not_met, -r.missed, order.get(r.phase, 99), r.rule_id),
    )


def _rule_titles(store: Store, trainees: list[TraineeFigures]) -> dict[str, str]:
    """Rule titles from the stored scorecards (the newest wording wins)."""
    titles: dict[str, str] = {}
    for trainee in trainees:
        for attempt in trainee.scored[-3:]:
            scorecard = store.load_attempt(attempt.id).scorecard
            if scorecard is not None:
                titles.update({rule.rule_id: rule.title for rule in scorecard.rules})
    return titles


def group_html(overview: GroupOverview) -> str:
    rule_chart = bar_chart(
        [(r.title, 100.0 * r.share_not_met) for r in overview.rules],
        title="Aandeel deelnemers dat de regel niet (helemaal) haalt",
        colours=[BAD if r.share_not_met >= 0.5 else MIDDLE for r in overview.rules],
    )
    latest = [
        (t.name, t.latest.total)
        for t in overview.trainees
        if t.latest and t.latest.total is not None
    ]
    totals_chart = bar_chart(latest, pass_mark=overview.pass_mark, title="Laatste totaalscore")
    rows = []
    for trainee in overview.trainees:
        cells = []
        for phase in overview.phases:
            value = trainee.latest.phases.get(phase) if trainee.latest else None
            cells.append((value, _cell_class(value, overview.pass_mark)))
        trend = trend_line(
            [a.total for a in trainee.scored if a.total is not None], overview.pass_mark
        )
        rows.append({"trainee": trainee, "cells": cells, "trend": trend})
    return render(
        "group.html.j2",
        overview=overview,
        period=_period(overview),
        phase_labels=[PHASE_LABELS.get(p, p) for p in overview.phases],
        rows=rows,
        rule_chart=rule_chart,
        totals_chart=totals_chart,
        phase_label=PHASE_LABELS,
        generated_at=datetime.now(UTC),
    )


def _cell_class(value: float | None, pass_mark: float) -> str:
    if value is None:
        return ""
    colour = score_colour(value, pass_mark)
    return {BAD: "bad", MIDDLE: "middle"}.get(colour, "good")


def _period(overview: GroupOverview) -> str:
    if overview.until is None:
        return f"vanaf {dutch_date(overview.since)}"
    return f"{dutch_date(overview.since)} t/m {dutch_date(overview.until)}"


def group_csv(overview: GroupOverview) -> str:
    """Two tables, trainees then rules, separated by an empty line; ';' and decimal commas so a
    Dutch spreadsheet reads the numbers as numbers."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    phase_headers = [f"laatste {PHASE_LABELS.get(p, p).lower()} (%)" for p in overview.phases]
    writer.writerow(
        [
            "deelnemer",
            "pogingen",
            "afgerond",
            "afgebroken",
            "laatste poging",
            "laatste totaal (%)",
            "geslaagd",
            *phase_headers,
            "beste totaal (%)",
        ]
    )
    for trainee in overview.trainees:
        latest = trainee.latest
        writer.writerow(
            [
                trainee.name,
                len(trainee.attempts),
                trainee.finished,
                trainee.abandoned,
                short_datetime(latest.started_at) if latest else "",
                _number(latest.total if latest else None),
                "" if latest is None else ("ja" if latest.passed else "nee"),
                *[_number(latest.phases.get(p) if latest else None) for p in overview.phases],
                _number(trainee.best),
            ]
        )
    writer.writerow([])
    writer.writerow(
        [
            "regel",
            "titel",
            "fase",
            "deelnemers (van toepassing)",
            "niet gehaald",
            "deels",
            "aandeel niet (helemaal) gehaald (%)",
            "wie",
        ]
    )
    for rule in overview.rules:
        writer.writerow(
            [
                rule.rule_id,
                rule.title,
                PHASE_LABELS.get(rule.phase, rule.phase),
                rule.applicable,
                rule.missed,
                rule.partly,
                _number(100.0 * rule.share_not_met),
                ", ".join(rule.missed_by),
            ]
        )
    return out.getvalue()


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}".replace(".", ",")


def write_group(overview: GroupOverview, html_path: Path | None, csv_path: Path | None) -> None:
    if html_path is not None:
        Path(html_path).write_text(group_html(overview), encoding="utf-8")
    if csv_path is not None:
        # utf-8-sig: spreadsheet programs then read accents correctly.
        Path(csv_path).write_text(group_csv(overview), encoding="utf-8-sig")
