"""Graph and id checks after the model validates: each finding with its line and a suggestion."""

from __future__ import annotations

from simulator.scenario.lint import FALLBACK_MOVE_IDS, FALLBACK_RULE_IDS, lint
from simulator.scenario.loader import load_scenario
from tests.scenario.conftest import FIXTURES, only, problems_in


def errors(name: str):
    return [p for p in problems_in(name) if p.level == "fout"]


def warnings(name: str):
    return [p for p in problems_in(name) if p.level == "waarschuwing"]


def test_dangling_transition_suggests_the_nearest_state():
    problem = only(errors("lint-naar"))
    assert (problem.line, problem.column) == (65, 15)
    assert "`afschied`" in problem.message
    assert problem.suggestion == "Bedoelt u `afscheid`?"


def test_start_that_is_not_a_state():
    problem = only(errors("lint-start"))
    assert (problem.line, problem.column) == (36, 8)
    assert problem.suggestion == "Bedoelt u `vraag`?"


def test_unreachable_state_is_a_warning_at_its_name():
    problem = only(problems_in("lint-onbereikbaar"))
    assert problem.level == "waarschuwing"
    assert (problem.line, problem.column) == (66, 3)
    assert "`vergeten`" in problem.message


def test_call_that_can_never_end():
    problem = only(errors("lint-nooit-einde"))
    assert (problem.line, problem.column) == (37, 1)
    assert "kan nooit eindigen" in problem.message
    assert "`afscheid`" in only(warnings("lint-nooit-einde")).message


def test_a_warm_transfer_counts_as_an_ending():
    scenario = load_scenario(FIXTURES / "geldig.yaml")
    states = dict(scenario.toestanden)
    states["bedankt"] = states["bedankt"].model_copy(update={"overgangen": []})
    del states["afscheid"]
    afhandeling = scenario.afhandeling.model_copy(update={"soort": "doorverbinden"})
    stuck = scenario.model_copy(update={"toestanden": states})
    assert any("nooit eindigen" in p.message for p in lint(stuck))
    transfer = stuck.model_copy(update={"afhandeling": afhandeling})
    assert not any("nooit eindigen" in p.message for p in lint(transfer))


def test_missing_phase_is_a_warning():
    problem = only(problems_in("lint-fase-ontbreekt"))
    assert problem.level == "waarschuwing"
    assert "fase `actie`" in problem.message


def test_unknown_moves_single_and_in_a_list():
    first, second = errors("lint-beweging")
    assert (first.line, first.column, first.suggestion) == (45, 19, "Bedoelt u `empathie`?")
    assert (second.line, second.column, second.suggestion) == (56, 34, "Bedoelt u `bedanken`?")


def test_scenario_moves_are_known_moves():
    scenario = load_scenario(FIXTURES / "geldig.yaml")
    assert "route_uitleg" not in FALLBACK_MOVE_IDS
    assert lint(scenario) == []


def test_unknown_fact():
    problem = only(errors("lint-feit"))
    assert (problem.line, problem.column) == (54, 15)
    assert problem.suggestion == "Bedoelt u `openingstijden`?"


def test_unknown_rubric_rules_in_uit_and_gewichten():
    in_uit, in_weights = errors("lint-regel")
    assert (in_uit.line, in_uit.column) == (32, 9)
    assert in_uit.suggestion == "Bedoelt u `algemeen.registratie`?"
    assert (in_weights.line, in_weights.column) == (34, 5)
    assert in_weights.suggestion == "Bedoelt u `algemeen.empathie`?"


def test_rule_ids_match_the_rubric_document():
    assert len(FALLBACK_RULE_IDS) == 23
    assert "afsluiting.persoonlijke_noot" in FALLBACK_RULE_IDS


def test_unknown_placeholder():
    problem = only(errors("lint-invulplek"))
    assert (problem.line, problem.column) == (43, 15)
    assert "`{medewerkr}`" in problem.message
    assert problem.suggestion == "Bedoelt u `medewerker`?"


def test_duplicate_fact_id_points_at_the_second():
    problem = only(errors("lint-dubbel-id"))
    assert (problem.line, problem.column) == (26, 9)
    assert "`openingstijden`" in problem.message


def test_angry_caller_without_emotional_state_cannot_score_empathy():
    problem = only(problems_in("lint-empathie"))
    assert problem.level == "waarschuwing"
    assert (problem.line, problem.column) == (14, 13)
    assert "empathie" in problem.message


def test_repeated_trigger_never_fires():
    problem = only(problems_in("lint-dubbele-trigger"))
    assert problem.level == "waarschuwing"
    assert (problem.line, problem.column) == (60, 9)
    assert "overgang 4" in problem.message and "overgang 1" in problem.message


def test_lint_without_positions_still_names_the_problem():
    scenario = load_scenario(FIXTURES / "geldig.yaml")
    broken = scenario.model_copy(update={"start": "nergens"})
    problem = next(p for p in lint(broken) if "`start`" in p.message)
    assert (problem.line, problem.column) == (0, 0)
    assert str(problem).startswith("geldig: fout: `start` noemt de toestand `nergens`")


def test_written_shorthand_in_a_caller_line_is_a_warning_with_the_spoken_form():
    problems = [p for p in warnings("lint-uitspraak") if "klinkt niet goed" in p.message]
    found = [p.message.split("`")[1] for p in problems]
    assert found == ["t/m", "&", "€", "45,-"]
    assert {p.line for p in problems} == {43}
    assert problems[0].suggestion == "Schrijf wat de beller zegt: tot en met."
    assert errors("lint-uitspraak") == []


def test_ordinary_dutch_is_speakable():
    from simulator.scenario.speakable import unspeakable

    assert unspeakable("Mijn container aan de Rosmolenstraat 14 is niet geleegd, echt!") == []
    assert unspeakable("Het kost 45 euro, tot en met vrijdag.") == []
    assert [u.found for u in unspeakable("Bijv. morgen, enz.")] == ["Bijv.", "enz."]
