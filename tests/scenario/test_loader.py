"""Loading scenario YAML: every kind of mistake is reported in Dutch at the right place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulator.scenario.errors import ScenarioError
from simulator.scenario.loader import (
    check_file,
    default_folder,
    find_scenario,
    load_scenario,
    load_scenarios,
)
from tests.scenario.conftest import FIXTURES, only, problems_in

ENGLISH = re.compile(r"\b(Input should|Field required|Extra inputs|Value error|found|expected)\b")


def test_valid_fixture_loads_with_no_problems():
    scenario, problems = check_file(FIXTURES / "geldig.yaml")
    assert problems == []
    assert scenario is not None
    assert scenario.id == "geldig"
    assert scenario.toestanden["uitleg"].overgangen[2].stilte == 8
    assert load_scenario(FIXTURES / "geldig.yaml") == scenario


def test_malformed_yaml_points_at_the_unclosed_quote():
    problem = only(problems_in("yaml-kapot"))
    assert (problem.line, problem.column) == (3, 37)
    assert "aanhalingstekens" in problem.message
    assert problem.message.startswith("YAML-fout")
    assert '`"`' in problem.suggestion


def test_malformed_yaml_uses_the_parser_position_in_dutch():
    problem = only(problems_in("dubbele-punt"))
    assert (problem.line, problem.column) == (62, 15)
    assert "dubbele punt" in problem.message
    assert "aanhalingstekens" in problem.suggestion


def test_tab_indentation_is_reported_once_per_line():
    problem = only(problems_in("tabs"))
    assert (problem.line, problem.column) == (12, 1)
    assert "tab" in problem.message
    assert "spaties" in problem.suggestion


def test_duplicate_key_names_both_lines():
    problem = only(problems_in("dubbele-sleutel"))
    assert (problem.line, problem.column) == (15, 3)
    assert "`voornaam`" in problem.message
    assert "regel 12" in problem.message


def test_wrong_type_says_what_is_expected_with_an_example():
    problem = only(problems_in("verkeerd-type"))
    assert (problem.line, problem.column) == (5, 15)
    assert problem.message == (
        "`moeilijkheid` moet een geheel getal van 1 tot 5 zijn, bijvoorbeeld `moeilijkheid: 3`."
    )


def test_number_out_of_range_gives_the_range():
    problem = only(problems_in("buiten-bereik"))
    assert (problem.line, problem.column) == (14, 13)
    assert "van 0 tot 10" in problem.message
    assert "`beller`" in problem.message


def test_unknown_key_suggests_the_nearest_valid_key():
    problem = only(problems_in("onbekende-sleutel"))
    assert (problem.line, problem.column) == (14, 3)
    assert "`stemmming`" in problem.message
    assert problem.suggestion == "Bedoelt u `stemming`?"


def test_missing_key_points_at_its_block_with_an_example():
    problem = only(problems_in("ontbrekende-sleutel"))
    assert (problem.line, problem.column) == (10, 1)
    assert problem.message == "`achternaam` ontbreekt in `beller`."
    assert "`achternaam: " in problem.suggestion


def test_value_outside_the_allowed_set_lists_them_nearest_first():
    problem = only(problems_in("ongeldige-waarde"))
    assert (problem.line, problem.column) == (19, 10)
    assert "`doorverbinde`" in problem.message
    assert problem.suggestion.startswith(
        "Bedoelt u `doorverbinden`? Mogelijk zijn: `doorverbinden`"
    )
    assert "`direct_beantwoord`" in problem.suggestion


def test_unknown_mood_band_in_zegt_is_one_problem_at_the_key():
    problem = only(problems_in("onbekende-stemming"))
    assert (problem.line, problem.column) == (43, 7)
    assert "`woedend`" in problem.message
    assert "toestand `vraag`" in problem.message
    for band in ("`rustig`", "`geirriteerd`", "`boos`"):
        assert band in problem.suggestion


def test_model_rule_error_points_at_the_transition():
    problem = only(problems_in("twee-triggers"))
    assert (problem.line, problem.column) == (54, 9)
    assert "overgang 1 van toestand `uitleg`" in problem.message
    assert "precies één" in problem.message
    assert "aparte overgang" in problem.suggestion


def test_model_rule_error_points_at_the_state():
    problem = only(problems_in("zegt-en-monoloog"))
    assert (problem.line, problem.column) == (60, 3)
    assert "toestand `bedankt`" in problem.message


def test_time_without_quotes_is_read_as_text_and_explained():
    # YAML 1.1 would read 9:30 as the number 570; the trainer means a time.
    problem = only(problems_in("tijdstip-zonder-aanhalingstekens"))
    assert (problem.line, problem.column) == (8, 11)
    assert "uu:mm" in problem.message
    assert '"09:30"' in problem.suggestion


def test_three_different_errors_give_three_problems_at_once():
    problems = problems_in("drie-fouten")
    assert [(p.line, p.column) for p in problems] == [(5, 15), (14, 3), (61, 11)]
    assert "`moeilijkheid`" in problems[0].message
    assert problems[1].suggestion == "Bedoelt u `stemming`?"
    assert problems[2].suggestion.startswith("Bedoelt u `actie`?")


def test_no_english_pydantic_or_yaml_text_in_any_message():
    for file in sorted(FIXTURES.glob("*.yaml")):
        for problem in check_file(file)[1]:
            assert not ENGLISH.search(f"{problem.message} {problem.suggestion}"), problem


def test_problem_formats_as_file_line_column_with_a_caret():
    problem = only(problems_in("onbekende-sleutel"))
    text = problem.with_context().splitlines()
    assert text[0].endswith(
        "onbekende-sleutel.yaml:14:3: fout: onbekende sleutel `stemmming` in `beller`. "
        "Bedoelt u `stemming`?"
    )
    assert text[1] == "  14 |   stemmming: 5"
    assert text[2] == "     |   ^"


def test_load_scenario_raises_with_every_problem():
    with pytest.raises(ScenarioError) as caught:
        load_scenario(FIXTURES / "drie-fouten.yaml")
    assert len(caught.value.problems) == 3
    assert "3 fouten, 0 waarschuwingen" in str(caught.value)


def test_warnings_do_not_stop_loading():
    scenario = load_scenario(FIXTURES / "lint-onbereikbaar.yaml")
    assert "vergeten" in scenario.toestanden


def test_missing_file_empty_file_and_not_a_mapping(tmp_path: Path):
    assert "bestaat niet" in only(check_file(tmp_path / "weg.yaml")[1]).message
    (tmp_path / "leeg.yaml").write_text("# alleen commentaar\n", encoding="utf-8")
    assert "leeg" in only(check_file(tmp_path / "leeg.yaml")[1]).message
    (tmp_path / "lijst.yaml").write_text("- a\n- b\n", encoding="utf-8")
    assert "geen lijst" in only(check_file(tmp_path / "lijst.yaml")[1]).message


def test_unsafe_tags_are_refused_not_executed(tmp_path: Path):
    file = tmp_path / "tag.yaml"
    text = (FIXTURES / "geldig.yaml").read_text(encoding="utf-8")
    file.write_text(text.replace("thema: burgerzaken", "thema: !!python/object:os.system ls"))
    problems = [p for p in check_file(file)[1] if p.is_error]
    assert (problems[0].line, problems[0].column) == (6, 8)
    assert "tag" in problems[0].message


def test_id_differing_from_file_name_is_a_warning(tmp_path: Path):
    file = tmp_path / "andere-naam.yaml"
    file.write_text((FIXTURES / "geldig.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    scenario, problems = check_file(file)
    assert scenario is not None
    problem = only(problems)
    assert problem.level == "waarschuwing"
    assert (problem.line, problem.column) == (2, 5)
    assert "`geldig.yaml`" in problem.suggestion


def test_find_scenario_by_id_and_by_path():
    assert find_scenario("geldig", FIXTURES) == FIXTURES / "geldig.yaml"
    assert find_scenario(FIXTURES / "geldig.yaml") == FIXTURES / "geldig.yaml"
    assert find_scenario("afval-boze-beller") == default_folder() / "afval-boze-beller.yaml"


def test_find_scenario_suggests_the_nearest_id():
    with pytest.raises(ScenarioError) as caught:
        find_scenario("geldg", FIXTURES)
    assert "Bedoelt u `geldig`?" in caught.value.problems[0].suggestion


def test_load_scenarios_collects_problems_of_all_files(tmp_path: Path):
    for name in ("geldig", "verkeerd-type", "onbekende-sleutel"):
        (tmp_path / f"{name}.yaml").write_bytes((FIXTURES / f"{name}.yaml").read_bytes())
    with pytest.raises(ScenarioError) as caught:
        load_scenarios(tmp_path)
    assert {Path(p.path).name for p in caught.value.problems} == {
        "verkeerd-type.yaml",
        "onbekende-sleutel.yaml",
    }


def test_load_scenarios_reports_an_id_used_twice(tmp_path: Path):
    text = (FIXTURES / "geldig.yaml").read_text(encoding="utf-8")
    (tmp_path / "geldig.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "kopie.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenarios(tmp_path)
    assert any("`geldig`" in p.message and "ook voor" in p.message for p in caught.value.problems)


def test_every_real_scenario_validates_with_no_errors_and_no_warnings():
    files = sorted(default_folder().glob("*.yaml"))
    assert len(files) >= 3
    for file in files:
        _, problems = check_file(file)
        assert problems == [], "\n".join(str(p) for p in problems)
    assert len(load_scenarios()) == len(files)


def test_name_checks_run_even_when_the_model_has_errors():
    problems = problems_in("fout-en-namen")
    assert [(p.line, p.column) for p in problems] == [(5, 15), (45, 19), (65, 15)]
    assert "`moeilijkheid`" in problems[0].message
    assert problems[1].suggestion == "Bedoelt u `empathie`?"
    assert problems[2].suggestion == "Bedoelt u `afscheid`?"


def test_a_missing_start_is_reported_once(tmp_path: Path):
    file = tmp_path / "geldig.yaml"
    file.write_text((FIXTURES / "geldig.yaml").read_text().replace("start: vraag\n", ""))
    problem = only(check_file(file)[1])
    assert problem.message == "`start` ontbreekt in het scenario."


def test_empty_value_asks_for_a_value_with_an_example(tmp_path: Path):
    file = tmp_path / "geldig.yaml"
    text = (FIXTURES / "geldig.yaml").read_text(encoding="utf-8")
    file.write_text(
        text.replace(
            "        naar: bedankt\n      - beweging: [", "        naar:\n      - beweging: ["
        ),
        encoding="utf-8",
    )
    problem = only(check_file(file)[1])
    assert (problem.line, problem.column) == (55, 14)
    assert problem.message == "`naar` in overgang 1 van toestand `uitleg` heeft geen waarde."
    assert "`naar: " in problem.suggestion
