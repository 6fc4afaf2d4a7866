"""`kcc-sim oefen SCENARIO` without --tekst: the spoken call in a terminal, with the real caller
voice rendered by pyttsx3. CI has no microphone, so the call must say so and go on typed, and the
attempt must be saved like any other."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from simulator.store import open_store

ROOT = Path(__file__).resolve().parents[2]
# A short call: the caller's lines play in real time, so every line costs seconds of test time.
ANSWERS = [
    "",
    "Goedemorgen, gemeente Zaanstad, u spreekt met Pieter.",
    "Wat vervelend voor u, meneer Bakker. Wat is er precies gebeurd?",
    "/ophangen",
    "Container niet geleegd",
    "Grijze container niet geleegd, beller opgehangen.",
    "direct beantwoord",
    "geen",
]


def test_a_spoken_call_without_microphone_goes_on_typed_and_is_saved(tmp_path):
    database = tmp_path / "resultaten.db"
    result = subprocess.run(
        [sys.executable, "-m", "simulator", "oefen", "afval-boze-beller", "--naam", "Pieter"],
        input="\n".join(ANSWERS) + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={
            **os.environ,
            "KCC_SIM_DATABASE": str(database),
            "KCC_SIM_CONFIG": str(tmp_path),
            "KCC_SIM_CACHE": str(tmp_path / "cache"),
            "SDL_AUDIODRIVER": "dummy",
        },
    )
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in out + result.stderr
    assert "geen microfoon" in out and "--tekst" in out  # says what is missing, and the way on
    assert "De beller is klaar." in out  # lines rendered before the phone rings
    # The caller answers every turn: the piped answers wait until he has finished.
    assert out.count("Beller:") == 2
    assert (
        out.index("U: Goedemorgen")
        < out.index("Beller: Ja, met Bakker")
        < out.index("U: Wat vervelend")
    )
    assert "Het gesprek is beëindigd." in out and "Totaal: " in out
    (summary,) = open_store(database).attempts()
    assert summary.status == "afgerond" and summary.trainee == "Pieter"
    assert summary.total is not None
