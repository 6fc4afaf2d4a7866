"""The text-mode call, scripted through standard input, as a trainee's terminal would run it."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from simulator import terminal
from simulator.call.record import CallEnd, Registration
from simulator.scenario.loader import find_scenario, load_scenario
from simulator.store import open_store

ROOT = Path(__file__).resolve().parents[2]

SCRIPTS = {
    "afval-boze-beller": [
        "",
        "Goedemorgen, gemeente Zaanstad, u spreekt met Pieter.",
        "Wat vervelend voor u, meneer Bakker. Wat is er precies gebeurd?",
        "/klantbeeld",
        "Mag ik voor de controle uw adres en postcode?",
        "Als ik u goed begrijp is uw grijze container drie keer niet geleegd. Klopt dat?",
        "Ik maak nu een melding en de container wordt binnen twee werkdagen alsnog geleegd.",
        "Is dit wat u betreft akkoord?",
        "Kan ik u nog ergens anders mee van dienst zijn?",
        "Dank u voor het bellen, meneer Bakker. Ik wens u een fijne dag verder.",
        "Container niet geleegd",
        "Grijze container Rosmolenstraat 14 voor de derde keer niet geleegd, melding gemaakt.",
        "direct beantwoord",
        "Container binnen twee werkdagen legen",
    ],
    "oudere-beller-dwaalt": [
        "",
        "Goedemiddag, gemeente Alkmaar, u spreekt met Pieter.",
        "",
        "Meneer Van Dijk, mag ik u even onderbreken? Wat is precies uw vraag?",
        "Als ik u goed begrijp wilt u een nieuwe identiteitskaart. Klopt dat?",
        "U maakt een afspraak bij het stadskantoor en u neemt een pasfoto mee.",
        "Is dit wat u betreft akkoord?",
        "Kan ik u nog ergens anders mee van dienst zijn?",
        "Dank u voor het bellen, meneer Van Dijk. Ik wens u een fijne dag.",
        "",
    ],
    "doorverbinden-collega-afwezig": [
        "",
        "Goedemiddag, gemeente Haarlem, u spreekt met Pieter.",
        "Wat vervelend dat u zo lang moet wachten, mevrouw Visser.",
        "Als ik u goed begrijp wilt u weten hoe het staat met uw bezwaar. Klopt dat?",
        "/doorverbinden",
        "Het spijt me mevrouw Visser. Meneer Jansen is momenteel niet bereikbaar. "
        "Ik zorg ervoor dat u binnen twee werkdagen wordt teruggebeld.",
        "/terugbellen Mevrouw Visser terugbellen over bezwaar WOZ-waarde",
        "Is dit wat u betreft akkoord?",
        "Kan ik u nog ergens anders mee van dienst zijn?",
        "Dank u voor het bellen. Ik wens u een fijne dag.",
        "",
    ],
}


@pytest.mark.parametrize("scenario_id", sorted(SCRIPTS))
def test_scripted_call_in_a_subprocess(scenario_id, tmp_path):
    script = "\n".join(SCRIPTS[scenario_id]) + "\n"
    database = tmp_path / "resultaten.db"
    result = subprocess.run(
        [sys.executable, "-m", "simulator", "oefen", scenario_id, "--tekst", "--naam", "Pieter"],
        input=script,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "KCC_SIM_DATABASE": str(database)},
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Tring... (1)" in out and "U neemt op." in out
    assert "Beller:" in out and "Het gesprek is beëindigd." in out
    assert "Traceback" not in out + result.stderr
    # The scorecard follows the call, and the attempt is stored whole.
    assert "Totaal: " in out and "GESLAAGD" in out
    (summary,) = open_store(database).attempts()
    assert summary.status == "afgerond" and summary.scenario_id == scenario_id
    assert summary.total is not None and summary.total >= 70


def test_scripted_call_keeps_every_turn_in_the_record():
    scenario = load_scenario(find_scenario("afval-boze-beller"))
    out = io.StringIO()
    record = terminal.play_scripted(
        scenario,
        io.StringIO("\n".join(SCRIPTS["afval-boze-beller"]) + "\n"),
        out,
        "Pieter",
        0,
        True,
    )
    said = [turn.text for turn in record.trainee_turns]
    assert said[0].startswith("Goedemorgen, gemeente Zaanstad")
    assert len(said) == 8
    assert record.actions("klantbeeld")
    assert "Rosmolenstraat 14" in out.getvalue()  # the klantbeeld was shown
    assert isinstance(record.events[-1], Registration)
    assert record.of(CallEnd)[0].by == "beller"


def test_unknown_command_gets_a_dutch_hint():
    scenario = load_scenario(find_scenario("afval-boze-beller"))
    out = io.StringIO()
    terminal.play_scripted(scenario, io.StringIO("\n/doorverbinde\n/ophangen\n"), out, "", 0, True)
    assert "Onbekende opdracht /doorverbinde" in out.getvalue()


def test_parse_line():
    assert terminal.parse_line("/stil 8").stilte == 8
    assert terminal.parse_line("").doorgaan
    assert terminal.parse_line("/terugbellen bel haar morgen").detail == "bel haar morgen"
    assert terminal.parse_line("/help") is None
    with pytest.raises(terminal.CommandError):
        terminal.parse_line("/stil lang")
