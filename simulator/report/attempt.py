"""The report of one attempt: the score screen's content plus the marked transcript, as one
self-contained HTML file (inline CSS and SVG, nothing loaded from elsewhere, printable)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from simulator.call.record import CallRecord
from simulator.report.charts import bar_chart, score_ring
from simulator.report.render import render
from simulator.report.transcript import mark_evidence, transcript_lines
from simulator.scenario.model import Scenario
from simulator.scoring.scorecard import PHASE_LABELS, PHASE_ORDER, VERDICT_LABELS, Scorecard
from simulator.store.models import ABANDONED, FINISHED, AttemptSummary, StoredAttempt

MODE_LABELS = {"oefenen": "Oefenen", "toets": "Toets"}
LANGUAGE_LABELS = {
    "verkleinwoord": "Verkleinwoorden",
    "stopwoord": "Stopwoorden",
    "twijfeltaal": "Twijfeltaal",
    "jargon": "Jargon",
    "afkorting": "Afkortingen",
    "informeel": "Informeel (je/jij)",
    "afvallen": "Afvallen",
}


@dataclass(frozen=True)
class ReportInfo:
    """What the report says about the attempt besides the record and scorecard."""

    started_at: datetime
    mode: str = "oefenen"
    status: str = FINISHED
    attempt_id: int | None = None
    engine: str = ""
    scenario_version: str = ""

    @classmethod
    def of(cls, summary: AttemptSummary) -> ReportInfo:
        return cls(
            started_at=summary.started_at,
            mode=summary.mode,
            status=summary.status,
            attempt_id=summary.id,
            engine=summary.engine,
            scenario_version=summary.scenario_version,
        )


def attempt_html(
    record: CallRecord,
    scorecard: Scorecard | None,
    info: ReportInfo,
    scenario: Scenario | None = None,
) -> str:
    lines = transcript_lines(record)
    anchors = mark_evidence(lines, scorecard)
    return render(
        "attempt.html.j2",
        title=scenario.titel if scenario else record.scenario_id,
        scenario=scenario,
        record=record,
        scorecard=scorecard,
        info=info,
        mode_label=MODE_LABELS.get(info.mode, info.mode),
        abandoned=info.status == ABANDONED,
        lines=lines,
        phases=_phases(scorecard, anchors),
        ring=score_ring(scorecard.total, scorecard.pass_mark) if scorecard else "",
        phase_chart=_phase_chart(scorecard) if scorecard else "",
        strongest=_titles(scorecard, scorecard.strongest) if scorecard else [],
        weakest=_titles(scorecard, scorecard.weakest) if scorecard else [],
        language=_language(scorecard) if scorecard else [],
        voice=_voice(scorecard) if scorecard else [],
        registration=record.registration,
        generated_at=datetime.now(UTC),
    )


def _phase_chart(scorecard: Scorecard):  # noqa: ANN202 - Markup
    items = [(PHASE_LABELS.get(p.phase, p.phase), p.percent) for p in _ordered(scorecard.phases)]
    return bar_chart(items, pass_mark=scorecard.pass_mark, title="Score per fase")


def _ordered(phases):  # noqa: ANN001, ANN202
    order = {phase: i for i, phase in enumerate(PHASE_ORDER)}
    return sorted(phases, key=lambda p: order.get(p.phase, len(order)))


def _phases(
    scorecard: Scorecard | None, anchors: dict[tuple[str, int], str]
) -> list[dict[str, Any]]:
    if scorecard is None:
        return []
    result = []
    for phase in _ordered(scorecard.phases):
        rules = []
        for rule in scorecard.rules:
            if rule.phase != phase.phase:
                continue
            rules.append(
                {
                    "rule": rule,
                    "verdict": VERDICT_LABELS.get(rule.verdict, rule.verdict),
                    "evidence": [
                        (evidence, anchors.get((rule.rule_id, n)))
                        for n, evidence in enumerate(rule.evidence)
                    ],
                }
            )
        result.append(
            {
                "id": phase.phase,
                "label": PHASE_LABELS.get(phase.phase, phase.phase),
                "score": phase,
                "rules": rules,
            }
        )
    return result


def _titles(scorecard: Scorecard, rule_ids: tuple[str, ...]) -> list[str]:
    titles = {rule.rule_id: rule.title for rule in scorecard.rules}
    return [titles.get(rule_id, rule_id) for rule_id in rule_ids]


def _language(scorecard: Scorecard) -> list[tuple[str, str, str]]:
    rows = []
    for category, figures in scorecard.language.items():
        count = figures.get("count", 0)
        per_100 = figures.get("per_100_words")
        rows.append(
            (
                LANGUAGE_LABELS.get(category, category),
                f"{count:.0f}",
                "" if per_100 is None else f"{per_100:.1f}".replace(".", ","),
            )
        )
    return rows


def _voice(scorecard: Scorecard) -> list[tuple[str, str]]:
    """The scorer's voice figures, shown generically (their keys are the scorer's to choose)."""
    rows = []
    for key, value in scorecard.voice.items():
        label = key.replace("_", " ")
        if isinstance(value, bool):
            text = "ja" if value else "nee"
        elif isinstance(value, int | float):
            text = f"{value:.1f}".replace(".", ",").removesuffix(",0")
        elif isinstance(value, list | tuple) and all(isinstance(v, int | float) for v in value):
            text = ", ".join(f"{v:.0f}" for v in value)
        else:
            text = str(value)
        rows.append((label, text))
    return rows


def report_file_name(record: CallRecord, started_at: datetime) -> str:
    trainee = re.sub(r"[^a-z0-9]+", "-", record.trainee.lower()).strip("-") or "medewerker"
    return f"rapport-{record.scenario_id}-{trainee}-{started_at.astimezone():%Y%m%d-%H%M%S}.html"


def write_report(
    record: CallRecord,
    scorecard: Scorecard | None,
    scenario: Scenario | None,
    folder: Path,
    info: ReportInfo | None = None,
) -> Path:
    """Write the report of a call just made into `folder`; the file written."""
    info = info or ReportInfo(started_at=datetime.now(UTC))
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / report_file_name(record, info.started_at)
    path.write_text(attempt_html(record, scorecard, info, scenario), encoding="utf-8")
    return path


def write_stored_report(
    stored: StoredAttempt, path: Path, scenario: Scenario | None = None
) -> Path:
    """Write the report of a stored attempt to `path`."""
    html = attempt_html(stored.record, stored.scorecard, ReportInfo.of(stored.summary), scenario)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path
