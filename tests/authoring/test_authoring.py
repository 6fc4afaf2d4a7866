"""`kcc-sim nieuw` and `kcc-sim speel-door`, run as a trainer runs them: as commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.authoring.walk import walk
from simulator.call.replay import load_transcript, replay
from simulator.scenario.loader import check_file, load_scenario, load_scenarios
from simulator.scoring.scorer import score

ROOT = Path(__file__).resolve().parents[2]


def kcc_sim(*args: str, stdin: str = "", cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


# Answers in the order `nieuw` asks them; the outcome decides the follow-up questions.
TRANSFER_ANSWERS = [
    "Paspoort kwijt op vakantie",  # titel
    "",  # id: from the title
    "burgerzaken",
    "meneer",
    "Ahmed",
    "El Amrani",
    "doorverbinden",
    "Sandra Peters",
    "Burgerzaken",
    "Zaanstad",
    "14:30",
]


def test_nieuw_writes_a_scenario_that_validates_and_plays(tmp_path: Path) -> None:
    target = tmp_path / "paspoort.yaml"
    result = kcc_sim("nieuw", "--uit", str(target), stdin="\n".join(TRANSFER_ANSWERS) + "\n")
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert "#" in text  # commented for the trainer
    scenario, problems = check_file(target)
    assert scenario is not None and [p for p in problems if p.level == "fout"] == []
    assert scenario.titel == "Paspoort kwijt op vakantie"
    assert scenario.beller.achternaam == "El Amrani"
    assert scenario.afhandeling.soort == "doorverbinden"
    assert scenario.tijdstip == "14:30"
    # The starting scenario is a whole call, not a stub: every branch can be walked.
    assert walk(scenario).dead_ends == []


def test_nieuw_asks_again_after_a_wrong_answer(tmp_path: Path) -> None:
    answers = list(TRANSFER_ANSWERS)
    answers[-1:] = ["half drie", "14:30"]
    target = tmp_path / "paspoort.yaml"
    result = kcc_sim("nieuw", "--uit", str(target), stdin="\n".join(answers) + "\n")
    assert result.returncode == 0, result.stderr
    assert "UU:MM" in result.stdout
    assert load_scenario(target).tijdstip == "14:30"


def test_nieuw_with_only_defaults_gives_a_valid_scenario(tmp_path: Path) -> None:
    target = tmp_path / "standaard.yaml"
    result = kcc_sim("nieuw", "--uit", str(target), stdin="")
    assert result.returncode == 0, result.stderr
    assert load_scenario(target).afhandeling.soort == "direct_beantwoord"


@pytest.mark.parametrize("scenario", load_scenarios(), ids=lambda s: s.id)
def test_every_library_scenario_walks_without_problems(scenario) -> None:
    report = walk(scenario)
    assert report.fired == report.transitions
    assert report.problems == 0, (report.unfired, report.unreachable, report.unspoken)


def broken_copy(tmp_path: Path) -> Path:
    """The angry caller with a transition to a state that can only be left by a fact nobody
    can convey, and a state that no transition reaches."""
    source = (ROOT / "scenarios" / "afval-boze-beller.yaml").read_text(encoding="utf-8")
    extra = """
  vergeten:
    fase: analyse
    zegt: "Deze zin hoort niemand ooit."
    overgangen:
      - anders: true
        naar: vergeten
"""
    path = tmp_path / "kapot.yaml"
    path.write_text(source.rstrip("\n") + "\n" + extra, encoding="utf-8")
    return path


def test_speel_door_reports_a_state_nobody_reaches(tmp_path: Path) -> None:
    path = broken_copy(tmp_path)
    report = walk(load_scenario(path))
    assert "vergeten" in report.unreachable
    result = kcc_sim("speel-door", str(path))
    assert result.returncode == 1
    assert "vergeten" in result.stdout
    assert "gevonden. Pas het scenario aan" in result.stdout


def test_speel_door_on_a_good_scenario_prints_the_tree_and_exits_0() -> None:
    result = kcc_sim("speel-door", "afval-boze-beller")
    assert result.returncode == 0, result.stdout
    assert "Boom van het gesprek" in result.stdout
    assert "Geen problemen gevonden" in result.stdout


def test_speel_door_on_a_broken_file_is_a_dutch_message(tmp_path: Path) -> None:
    path = tmp_path / "stuk.yaml"
    path.write_text("id: stuk\ntitel: [niet goed\n", encoding="utf-8")
    result = kcc_sim("speel-door", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "kan niet worden geladen" in result.stderr


def test_a_golden_model_call_of_a_new_scenario_scores(tmp_path: Path) -> None:
    """The generated scenario is scorable: a replayed minimal call yields a scorecard."""
    target = tmp_path / "info.yaml"
    assert kcc_sim("nieuw", "--uit", str(target), stdin="").returncode == 0
    scenario = load_scenario(target)
    transcript = tmp_path / "gesprek.yaml"
    transcript.write_text(
        f"scenario: {scenario.id}\nmedewerker: Pieter\nbeurten:\n"
        "  - zegt: Goedemorgen, gemeente Zaanstad, u spreekt met Pieter.\n"
        "  - zegt: Met wie spreek ik?\n",
        encoding="utf-8",
    )
    card = score(replay(scenario, load_transcript(transcript)), scenario)
    assert 0 <= card.total <= 100
    assert card.rule("algemeen.opnemen").verdict == "gehaald"


def test_the_trainer_guide_holds_the_current_coverage_table() -> None:
    result = kcc_sim("dekking")
    assert result.returncode == 0, result.stderr
    assert "Nog niet geoefend" not in result.stderr
    guide = (ROOT / "docs" / "scenario-schrijven.md").read_text(encoding="utf-8")
    start, end = guide.index("<!-- dekking:begin -->\n"), guide.index("<!-- dekking:eind -->")
    in_guide = guide[start + len("<!-- dekking:begin -->\n") : end]
    assert in_guide == result.stdout, "voer `kcc-sim dekking` uit en zet de tabel in de handleiding"
    for scenario in load_scenarios():
        assert f"`{scenario.id}`" in in_guide


def test_dekking_without_golden_calls_says_what_to_do(tmp_path: Path) -> None:
    result = kcc_sim("dekking", "--voorbeelden", str(tmp_path / "bestaat-niet"))
    assert result.returncode == 2
    assert "--voorbeelden" in result.stderr and "Traceback" not in result.stderr


def test_output_piped_into_a_reader_that_stops_early_is_not_an_error() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        f"'{sys.executable}' -m simulator speel-door afval-boze-beller | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert result.stdout.startswith("Speel-door van scenario")
    assert "onverwachts" not in result.stderr and "Traceback" not in result.stderr
