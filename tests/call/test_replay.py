"""Replaying a written transcript through the engine, and the Dutch errors for a broken one."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.call.record import CallEnd, Interruption, PickUp, Registration, Silence
from simulator.call.replay import Transcript, TranscriptError, load_transcript, replay
from simulator.scenario.loader import find_scenario, load_scenario


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "gesprek.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_rings_times_and_registration(tmp_path):
    transcript = load_transcript(
        write(
            tmp_path,
            """
scenario: afval-boze-beller
beltonen: 4
beurten:
  - zegt: "Goedemorgen, gemeente Zaanstad, met Pieter."
  - stilte: 15
  - zegt: "Excuus, ik ben er weer."
    start: 1.0
    duur: 2.0
  - actie: ophangen
registratie:
  onderwerp: Afval
""",
        )
    )
    record = replay(load_scenario(find_scenario("afval-boze-beller")), transcript)
    assert record.pickup == PickUp(t=17.0, rings=4)
    first, second = record.trainee_turns
    assert first.t == 17.6 and first.end > first.t
    assert round(second.end - second.t, 2) == 2.0
    silence = record.of(Silence)[0]
    assert silence.duration >= 15 and not silence.announced
    assert record.ended.by == "medewerker"
    assert isinstance(record.events[-1], Registration)


def test_interruption_cuts_in_halfway_the_caller_line():
    scenario = load_scenario(find_scenario("oudere-beller-dwaalt"))
    transcript = Transcript.model_validate(
        {
            "scenario": scenario.id,
            "beurten": [
                {"zegt": "Goedemiddag, gemeente Alkmaar, met Pieter."},
                {"zegt": "Meneer Van Dijk, mag ik u even onderbreken?", "onderbreekt": True},
            ],
        }
    )
    record = replay(scenario, transcript)
    cut = record.caller_turns[0]
    assert cut.interrupted
    assert record.trainee_turns[1].over_caller
    assert record.of(Interruption)[0].after_parts == 1


def test_unfinished_transcript_still_ends_the_call():
    scenario = load_scenario(find_scenario("afval-boze-beller"))
    record = replay(
        scenario,
        Transcript.model_validate({"scenario": scenario.id, "beurten": [{"zegt": "Hallo"}]}),
    )
    assert isinstance(record.of(CallEnd)[0], CallEnd)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("scenario: x\nbeurten:\n  - zegt: hoi\n    actie: wacht\n", "precies één van"),
        ("scenario: x\nbeurten:\n  - actie: dansen\n", "beurten.1.actie' moet een van deze acties"),
        ("scenario: x\nbeurten:\n  - zeg: hoi\n", "'beurten.1.zeg' is geen bekend veld"),
        ("beurten: []\n", "'scenario' ontbreekt"),
        ("scenario: x\nbeurten: [\n", ":3:1: dit is geen geldige YAML"),
    ],
)
def test_broken_transcripts_get_dutch_messages(tmp_path, text, expected):
    with pytest.raises(TranscriptError) as info:
        load_transcript(write(tmp_path, text))
    assert expected in str(info.value)
    assert str(tmp_path) in str(info.value)
