"""The scorecard as Dutch text for the terminal: total, phase bars, and every rule with its
verdict, evidence (with the time in the call) and, for what went wrong, the tip and model phrase."""

from __future__ import annotations

import textwrap

from simulator.scenario.model import Scenario
from simulator.scoring.scorecard import (
    PHASE_LABELS,
    PHASE_ORDER,
    VERDICT_LABELS,
    RuleResult,
    Scorecard,
)

WIDTH = 78
BAR = 20
MARKS = {"gehaald": "✔", "deels": "◐", "niet_gehaald": "✘", "nvt": "–"}


def clock(seconds: float) -> str:
    """Seconds in the call as mm:ss."""
    whole = max(0, int(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def bar(percent: float, width: int = BAR) -> str:
    filled = round(width * max(0.0, min(100.0, percent)) / 100)
    return "█" * filled + "░" * (width - filled)


def render_text(card: Scorecard, scenario: Scenario | None = None) -> str:
    lines: list[str] = []
    title = f"Beoordeling: {scenario.titel}" if scenario else f"Beoordeling: {card.scenario_id}"
    lines += [title, "=" * min(len(title), WIDTH)]
    verdict = "GESLAAGD" if card.passed else "NIET GESLAAGD"
    lines.append(f"Totaal: {card.total:.0f}% ({verdict}, grens {card.pass_mark:.0f}%)")
    counted = [r for r in card.rules if r.verdict != "nvt"]
    met = sum(r.verdict == "gehaald" for r in counted)
    lines.append(
        f"Regels gehaald: {met} van {len(counted)} (n.v.t.: {len(card.rules) - len(counted)})"
    )
    lines.append("")
    lines.append("Per fase:")
    for phase in card.phases:
        if not phase.max_points:
            lines.append(f"  {PHASE_LABELS.get(phase.phase, phase.phase):<11} {'':{BAR}}  n.v.t.")
            continue
        label = PHASE_LABELS.get(phase.phase, phase.phase)
        lines.append(f"  {label:<11} {bar(phase.percent)} {phase.percent:4.0f}%")
    titles = {r.rule_id: r.title for r in card.rules}
    if card.strongest:
        lines += ["", "Sterk: " + ", ".join(titles.get(i, i) for i in card.strongest) + "."]
    if card.weakest:
        lines += ["Werk aan: " + ", ".join(titles.get(i, i) for i in card.weakest) + "."]
    order = {phase: i for i, phase in enumerate(PHASE_ORDER)}
    current = None
    for rule in sorted(card.rules, key=lambda r: order.get(r.phase, 99)):
        if rule.phase != current:
            current = rule.phase
            lines += ["", f"— {PHASE_LABELS.get(current, current)} —"]
        lines += render_rule(rule)
    lines += render_figures(card)
    return "\n".join(lines)


def render_rule(rule: RuleResult) -> list[str]:
    label = VERDICT_LABELS.get(rule.verdict, rule.verdict)
    points = f" ({rule.points:g}/{rule.max_points:g})" if rule.max_points else ""
    lines = [f"{MARKS.get(rule.verdict, ' ')} {rule.title}: {label}{points}"]
    if rule.explanation and rule.verdict != "gehaald":
        lines += _wrap(rule.explanation, "    ")
    for evidence in rule.evidence[:3]:
        note = f" [{evidence.note}]" if evidence.note else ""
        lines += _wrap(f"{clock(evidence.t)} “{evidence.quote}”{note}", "    ")
    if rule.verdict in ("niet_gehaald", "deels"):
        if rule.tip:
            lines += _wrap(f"Tip: {rule.tip}", "    ")
        if rule.model_phrase:
            lines += _wrap(f"Zo kan het: “{rule.model_phrase}”", "    ")
    if rule.uncertain:
        lines.append("    Let op: de spraakherkenning was hier onzeker.")
    return lines


def render_figures(card: Scorecard) -> list[str]:
    lines = ["", "Cijfers:"]
    voice = card.voice
    if voice:
        lines.append(
            f"  Spreektempo gemiddeld {voice.get('gemiddeld_wpm', 0):.0f} woorden per minuut;"
            f" uw spreekaandeel {100 * voice.get('spreekaandeel_medewerker', 0):.0f}%."
        )
        long_quiet = voice.get("onaangekondigde_stiltes", 0)
        if long_quiet:
            lines.append(f"  Lange stiltes zonder aankondiging: {long_quiet}.")
    used = {c: v for c, v in card.language.items() if v.get("count")}
    if used:
        parts = [
            f"{c} {v['count']:g}× ({v['per_100_words']:g} per 100 woorden)" for c, v in used.items()
        ]
        lines += _wrap("Taal: " + "; ".join(parts) + ".", "  ")
    else:
        lines.append("  Taal: geen stopwoorden, verkleinwoorden, twijfeltaal of jargon gevonden.")
    return lines


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ") or [
        indent
    ]
