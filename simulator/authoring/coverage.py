"""The coverage table of the trainer's guide: which scenario trains which rules.

A scenario "trains" a rule when one of its bad golden calls (`fout-*.yaml` next to the model
call) fails it on purpose: that is the mistake the scenario is built to provoke and show.
Generated rather than hand-written, so it cannot drift from the golden calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from simulator.call.replay import load_transcript
from simulator.scenario.model import Scenario
from simulator.scoring.rubric import load_rubric

OUTCOME_LABELS = {
    "direct_beantwoord": "direct beantwoord",
    "doorverbinden": "doorverbinden",
    "terugbelafspraak": "terugbelafspraak",
    "verwijzen": "verwijzen",
    "email": "e-mail",
    "uitzoeken_terugbellen": "uitzoeken en terugbellen",
}


@dataclass(frozen=True)
class ScenarioCoverage:
    scenario: Scenario
    rules: tuple[str, ...]  # rule ids its bad calls fail on purpose, in rubric order
    bad_calls: int


def coverage(scenarios: list[Scenario], golden: Path) -> list[ScenarioCoverage]:
    order = [rule.id for rule in load_rubric().regels]
    rows = []
    for scenario in sorted(scenarios, key=lambda s: (s.moeilijkheid, s.id)):
        calls = sorted((golden / scenario.id).glob("fout-*.yaml"))
        failed: set[str] = set()
        for path in calls:
            failed.update(load_transcript(path).verwacht_niet_gehaald)
        rules = tuple(rule for rule in order if rule in failed)
        rows.append(ScenarioCoverage(scenario, rules, len(calls)))
    return rows


def markdown(rows: list[ScenarioCoverage]) -> str:
    """Two tables: per scenario (with outcome) and per rule (which scenarios train it)."""
    lines = [
        "| Scenario | Moeilijkheid | Tijd | Beller | Afhandeling | Oefent (regels) |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        s = row.scenario
        caller = f"{s.beller.aanhef} {s.beller.achternaam}"
        rules = ", ".join(f"`{r}`" for r in row.rules) or "geen fout-gesprekken"
        outcome = OUTCOME_LABELS.get(s.afhandeling.soort, s.afhandeling.soort)
        lines.append(
            f"| {s.titel} (`{s.id}`) | {'★' * s.moeilijkheid} | {s.tijdstip} | {caller} "
            f"| {outcome} | {rules} |"
        )
    lines += ["", "| Regel | Geoefend in |", "|---|---|"]
    for rule in load_rubric().regels:
        where = [row.scenario.id for row in rows if rule.id in row.rules]
        lines.append(
            f"| `{rule.id}` {rule.titel} | {', '.join(where) or '**nog in geen enkel scenario**'} |"
        )
    return "\n".join(lines) + "\n"


def uncovered(rows: list[ScenarioCoverage]) -> list[str]:
    trained = {rule for row in rows for rule in row.rules}
    return [rule.id for rule in load_rubric().regels if rule.id not in trained]
