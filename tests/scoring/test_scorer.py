"""The scorer: points, applicability, scenario adjustments, uncertain verdicts, JSON round-trip."""

from __future__ import annotations

import json

import pytest

from simulator.scoring.rubric import load_rubric
from simulator.scoring.scorecard import Scorecard
from simulator.scoring.scorer import score
from tests.scoring.factory import Script, good_call, scenario


def test_good_call_scores_full_marks_and_passes() -> None:
    card = score(good_call().record, scenario())
    failing = {
        r.rule_id: r.explanation for r in card.rules if r.verdict in ("niet_gehaald", "deels")
    }
    assert failing == {}
    assert card.total == 100.0 and card.passed
    assert len(card.rules) == len(load_rubric().ids)
    assert {p.phase for p in card.phases} == {
        "algemeen",
        "aanvang",
        "analyse",
        "actie",
        "afsluiting",
    }
    assert len(card.strongest) == 3 and card.weakest == ()


def test_points_per_verdict_and_total_over_applicable_rules() -> None:
    s = Script(rings=4)  # one ring too many: deels
    s.trainee("Hallo.", "begroeting")
    card = score(s.end(), scenario())
    by_id = {r.rule_id: r for r in card.rules}
    assert by_id["algemeen.opnemen"].points == by_id["algemeen.opnemen"].max_points / 2
    assert by_id["aanvang.openingszin"].points == 0
    points = sum(r.points for r in card.rules)
    maximum = sum(r.max_points for r in card.rules)
    assert card.total == pytest.approx(round(100 * points / maximum, 1))
    assert not card.passed
    assert card.weakest[0] == "actie.informatie"  # the heaviest rule lost


def test_not_applicable_rules_never_cost_points() -> None:
    card = score(good_call().record, scenario())
    nvt = [r for r in card.rules if r.verdict == "nvt"]
    assert {r.rule_id for r in nvt} >= {"actie.doorverbinden", "actie.email", "analyse.regie"}
    assert all(r.points == r.max_points == 0 for r in nvt)
    assert card.total == 100.0


def test_scenario_switches_rules_off_and_changes_weights() -> None:
    s = Script()
    s.trainee("Hallo, met Pieter.", "begroeting")
    record = s.end()
    plain = score(record, scenario())
    adjusted = score(
        record,
        scenario(rubriek={"uit": ["aanvang.openingszin"], "gewichten": {"algemeen.opnemen": 10}}),
    )
    assert plain.rule("aanvang.openingszin").verdict == "niet_gehaald"
    off = adjusted.rule("aanvang.openingszin")
    assert off.verdict == "nvt" and off.max_points == 0
    assert adjusted.rule("algemeen.opnemen").max_points == 10
    assert adjusted.total > plain.total


def test_extra_phrases_become_rules_per_phase() -> None:
    extra = [
        {"fase": "actie", "zin": "afvalkalender"},
        {"fase": "actie", "zin": "milieustraat"},
        {"fase": "afsluiting", "zin": "fijne dag"},
    ]
    sc = scenario(rubriek={"extra_zinnen": extra})
    s = good_call()
    s.trainee("Kijkt u ook even in de afvalkalender.")
    card = score(s.record, sc)
    assert card.rule("extra.actie.1").verdict in ("gehaald", "deels")
    assert card.rule("extra.actie.2").verdict == "niet_gehaald"
    assert card.rule("extra.actie.2").model_phrase == "milieustraat"
    assert card.rule("extra.afsluiting.1").verdict == "gehaald"


def test_low_confidence_failure_is_uncertain_and_not_counted() -> None:
    s = Script()
    s.trainee("Goedemorgen, gemeente Zaanstad.", "begroeting")
    s.trainee("Als ik u goed begrijp, klopt dat?", confidence=0.4)  # the summary, misheard
    card = score(s.end(), scenario())
    summary = card.rule("analyse.samenvatten")
    assert summary.verdict == "niet_gehaald" and summary.uncertain
    assert summary.points == summary.max_points == 0
    assert "onzeker" in summary.explanation


def test_confident_failure_counts() -> None:
    s = Script()
    s.trainee("Goedemorgen, gemeente Zaanstad.", "begroeting")
    s.trainee("Ik maak een melding.", facts=("melding",), confidence=0.95)
    summary = score(s.end(), scenario()).rule("analyse.samenvatten")
    assert not summary.uncertain and summary.max_points > 0


def test_words_said_to_the_colleague_or_by_the_caller_do_not_count() -> None:
    s = Script()
    s.caller("Met mevrouw De Vries. Dank u voor het bellen, fijne dag.")
    s.trainee("Ik heb mevrouw De Vries voor je.", to="collega")
    card = score(s.end(), scenario())
    assert card.rule("algemeen.naam_beller").verdict == "niet_gehaald"
    assert card.rule("afsluiting.persoonlijke_noot").verdict == "niet_gehaald"


def test_language_counts_and_voice_figures() -> None:
    s = good_call()
    s.trainee("Eigenlijk is het gewoon een momentje werk.")
    card = score(s.record, scenario())
    counts = {c: v["count"] for c, v in card.language.items()}
    assert counts["stopwoord"] == counts["twijfeltaal"] == counts["verkleinwoord"] == 1
    assert counts["jargon"] == counts["afvallen"] == 0
    assert card.language["stopwoord"]["per_100_words"] > 0
    assert card.voice["gemiddeld_wpm"] == pytest.approx(150, abs=1)
    assert 0 < card.voice["spreekaandeel_medewerker"] < 1
    assert len(card.voice["woorden_per_minuut"]) == len(s.record.trainee_turns)


def test_pass_mark_is_configurable() -> None:
    record = good_call(Script(rings=6)).record
    card = score(record, scenario(), pass_mark=99)
    assert card.pass_mark == 99 and not card.passed
    assert score(record, scenario(), pass_mark=50).passed


def test_scorecard_json_round_trip() -> None:
    s = good_call()
    s.trainee("Dat valt onder de diftar, weet je.", confidence=0.5)
    card = score(s.record, scenario())
    data = json.loads(json.dumps(card.to_dict()))
    assert Scorecard.from_dict(data) == card
    assert data["passed"] == card.passed


def test_a_move_only_the_model_recognised_is_marked_in_the_evidence():
    from simulator.call.record import TraineeTurn
    from simulator.scoring.scorer import MODEL_NOTE, score
    from tests.scoring.factory import Script, good_call, scenario

    script = good_call(Script())
    turns = script.record.of(TraineeTurn)
    summary = next(t for t in turns if "samenvatting" in t.moves)
    by_model = TraineeTurn(**{**summary.__dict__, "model_moves": ("samenvatting",)})
    script.record.events[script.record.events.index(summary)] = by_model
    card = score(script.record, scenario())
    (evidence,) = [e for e in card.rule("analyse.samenvatten").evidence if e.t == by_model.t]
    assert MODEL_NOTE in evidence.note
    greeting = card.rule("aanvang.openingszin").evidence
    assert all(MODEL_NOTE not in e.note for e in greeting)
