"""Golden calls: per scenario a model call that meets every applicable rule, and bad calls that
each fail exactly the rules in their `verwacht_niet_gehaald` header (fail = niet gehaald or deels).
The calls are replayed through the real engine and move classifier, then scored."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.call.replay import load_transcript, replay
from simulator.scenario.loader import find_scenario, load_scenario
from simulator.scoring.scorer import score

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
CALLS = sorted(GOLDEN.glob("*/*.yaml"))
FAILING = ("niet_gehaald", "deels")


def scored(path: Path):
    transcript = load_transcript(path)
    scenario = load_scenario(find_scenario(transcript.scenario))
    return transcript, score(replay(scenario, transcript), scenario)


def test_every_required_scenario_has_golden_calls() -> None:
    for scenario_id in (
        "afval-boze-beller",
        "oudere-beller-dwaalt",
        "doorverbinden-collega-afwezig",
    ):
        folder = GOLDEN / scenario_id
        assert (folder / "model.yaml").exists(), scenario_id
        assert list(folder.glob("fout-*.yaml")), scenario_id


@pytest.mark.parametrize("path", CALLS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden_call(path: Path) -> None:
    transcript, card = scored(path)
    assert transcript.scenario == path.parent.name
    failed = {r.rule_id for r in card.rules if r.verdict in FAILING}
    assert not any(r.uncertain for r in card.rules)
    if path.stem.startswith("model"):
        assert not transcript.verwacht_niet_gehaald
        assert failed == set(), {
            r.rule_id: r.explanation for r in card.rules if r.rule_id in failed
        }
        assert card.total >= 90 and card.passed
    else:
        assert path.stem.startswith("fout-")
        expected = set(transcript.verwacht_niet_gehaald)
        assert expected, "a bad call names the rules it must fail"
        explanations = {r.rule_id: r.explanation for r in card.rules if r.rule_id in failed}
        assert failed == expected, explanations
        assert card.total < 100
