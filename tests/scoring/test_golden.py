"""Golden calls, the backbone of the checker tests.

Per scenario a model call that meets every applicable rule with a score of at least 90, and at
least two bad calls (`fout-*.yaml`) that each fail exactly the rules in their
`verwacht_niet_gehaald` header (fail = niet gehaald or deels), so each bad call teaches one thing.
The calls are replayed through the real engine and move classifier, then scored.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.call.replay import load_transcript, replay
from simulator.scenario.loader import find_scenario, load_scenario, load_scenarios
from simulator.scoring.rubric import load_rubric
from simulator.scoring.scorer import score

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
CALLS = sorted(GOLDEN.glob("*/*.yaml"))
FAILING = ("niet_gehaald", "deels")


def scored(path: Path):
    transcript = load_transcript(path)
    scenario = load_scenario(find_scenario(transcript.scenario))
    return transcript, score(replay(scenario, transcript), scenario)


def test_every_scenario_has_a_model_call_and_two_bad_calls() -> None:
    scenario_ids = sorted(s.id for s in load_scenarios())
    assert len(scenario_ids) >= 12
    for scenario_id in scenario_ids:
        folder = GOLDEN / scenario_id
        assert (folder / "model.yaml").is_file(), scenario_id
        assert len(list(folder.glob("fout-*.yaml"))) >= 2, scenario_id


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


def test_the_bad_calls_together_fail_every_rule_of_the_rubric() -> None:
    wanted = {rule.id for rule in load_rubric().regels}
    covered: set[str] = set()
    for path in GOLDEN.glob("*/fout-*.yaml"):
        covered.update(load_transcript(path).verwacht_niet_gehaald)
    assert wanted - covered == set()


def test_simple_information_may_be_registered_without_penalty() -> None:
    _, card = scored(GOLDEN / "openingstijden-milieustraat" / "model-met-registratie.yaml")
    assert card.rule("algemeen.registratie").verdict == "nvt"
    assert card.total == 100.0
