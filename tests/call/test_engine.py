"""The call engine, trigger by trigger, with the real move classifier on clear Dutch phrases."""

from __future__ import annotations

import copy

import pytest

from simulator.call.engine import MAX_RINGS, SILENCE_LIMIT, CallEngine
from simulator.call.record import (
    ActionEvent,
    CallEnd,
    CallerTurn,
    Interruption,
    MoodChange,
    Silence,
    StateChange,
)
from simulator.scenario.model import Scenario

BASE = {
    "id": "test-scenario",
    "titel": "Test",
    "beschrijving": "Een scenario voor de tests van de engine.",
    "moeilijkheid": 2,
    "thema": "afval",
    "gemeente": "Zaanstad",
    "tijdstip": "10:00",
    "beller": {
        "aanhef": "mevrouw",
        "voornaam": "Els",
        "achternaam": "de Vries",
        "stemming": 5,
        "klantgegevens": {"adres": "Dorpsstraat 1", "postcode": "1234 AB"},
    },
    "afhandeling": {
        "soort": "doorverbinden",
        "collega": {"naam": "Sandra Peters", "afdeling": "Vergunningen", "bereikbaar": True},
    },
    "feiten": [{"id": "melding", "beschrijving": "Melding", "herkennen": ["melding ... maken"]}],
    "start": "open",
    "toestanden": {
        "open": {
            "fase": "aanvang",
            "emotioneel": True,
            "zegt": {"rustig": "Ik heb een vraag.", "boos": "Ik ben woedend!"},
            "overgangen": [
                {"beweging": "empathie", "naar": "kalm"},
                {"feit": "melding", "naar": "melding"},
                {"actie": "wacht", "naar": "wachten"},
                {"stilte": 6, "naar": "stil"},
                {"anders": True, "naar": "anders"},
            ],
        },
        "kalm": {"fase": "analyse", "zegt": "Dank u, dat doet me goed."},
        "melding": {"fase": "actie", "zegt": "Fijn dat u een melding maakt."},
        "wachten": {"fase": "analyse", "zegt": "Ik wacht wel even."},
        "stil": {"fase": "analyse", "zegt": "Is daar iemand?"},
        "anders": {"fase": "analyse", "zegt": "Daar heb ik niets aan.", "einde": True},
        "verhaal": {
            "fase": "analyse",
            "monoloog": ["Deel een.", "Deel twee.", "Deel drie."],
            "overgangen": [{"beweging": ["onderbreking", "terug_naar_vraag"], "naar": "kalm"}],
        },
    },
}


def scenario(**changes) -> Scenario:
    data = copy.deepcopy(BASE)
    for key, value in changes.items():
        target = data
        *path, last = key.split("__")
        for part in path:
            target = target[part]
        target[last] = value
    return Scenario.model_validate(data)


def opened(sc: Scenario | None = None, **kwargs) -> CallEngine:
    """An engine for a call that was picked up and greeted."""
    engine = CallEngine(sc or scenario(), **kwargs)
    engine.ring(0.0)
    engine.pick_up(2.0)
    engine.hear("Goedemorgen, gemeente Zaanstad, u spreekt met Pieter.", 2.5, 5.0)
    return engine


def said(lines: list[CallerTurn]) -> list[str]:
    return [line.text for line in lines]


def test_caller_waits_for_the_greeting_after_pick_up():
    engine = CallEngine(scenario())
    engine.ring(0.0)
    assert engine.pick_up(2.0) == []
    lines = engine.hear("Goedemorgen, gemeente Zaanstad, met Pieter.", 2.5, 5.0)
    assert said(lines) == ["Ik heb een vraag."]
    assert engine.state == "open"


def test_opening_line_depends_on_mood_band():
    engine = opened(scenario(beller__stemming=9))
    assert engine.record.caller_turns[0].text == "Ik ben woedend!"


def test_move_trigger_empathy_calms_the_caller():
    engine = opened()
    lines = engine.hear("Wat vervelend voor u, dat begrijp ik.", 10.0, 12.0)
    assert engine.state == "kalm"
    assert said(lines) == ["Dank u, dat doet me goed."]
    moods = engine.record.of(MoodChange)
    assert moods and moods[0].new < moods[0].old and moods[0].reason == "empathie"


def test_fact_trigger():
    engine = opened()
    engine.hear("Ik ga nu een melding voor u maken.", 10.0, 12.0)
    assert engine.state == "melding"
    assert "melding" in engine.conveyed
    assert engine.record.trainee_turns[-1].facts == ("melding",)


def test_action_trigger():
    engine = opened()
    lines = engine.act("wacht", 10.0)
    assert engine.state == "wachten"
    assert said(lines) == ["Ik wacht wel even."]
    assert engine.record.actions("wacht")[0].t == 10.0


def test_silence_trigger_fires_after_its_seconds():
    engine = opened()
    quiet_from = engine.speaking_until
    assert engine.tick(quiet_from + 3) == []
    lines = engine.tick(quiet_from + 6.5)
    assert engine.state == "stil" and said(lines) == ["Is daar iemand?"]
    assert engine.record.of(Silence)[0].duration >= 6


def test_fallback_and_end_state():
    engine = opened()
    lines = engine.hear("De lucht is blauw vandaag.", 10.0, 12.0)
    assert engine.state == "anders" and said(lines) == ["Daar heb ik niets aan."]
    assert engine.finished and engine.record.ended.by == "beller"


def test_built_in_name_answer_and_data_answers():
    engine = opened(scenario(toestanden__open__overgangen=[]))
    lines = engine.hear("Met wie spreek ik?", 10.0, 11.0)
    assert said(lines) == ["Met mevrouw de Vries."]
    lines = engine.hear("Mag ik uw postcode?", 13.0, 14.0)
    assert said(lines) == ["Mijn postcode is 1234 AB."]
    lines = engine.hear("En wat is uw geboortedatum?", 16.0, 17.0)
    assert said(lines) == ["Dat weet ik zo niet uit mijn hoofd."]


def test_built_in_trial_close_and_goodbye_end_the_call():
    engine = opened(scenario(toestanden__open__overgangen=[]))
    assert said(engine.hear("Kan ik u nog ergens anders mee van dienst zijn?", 10, 12)) == [
        "Nee, dat was het. Dank u wel."
    ]
    lines = engine.hear("Dank u voor het bellen, ik wens u een fijne dag.", 15, 17)
    assert said(lines) == ["Dag, dank u wel."]
    assert engine.finished and engine.record.ended.by == "medewerker"


def test_not_understood():
    engine = opened()
    assert said(engine.hear("", 10.0, 11.0)) == ["Sorry, wat zegt u?"]
    assert said(engine.hear("iets", 12.0, 13.0, confidence=0.1)) == ["Sorry, wat zegt u?"]
    assert engine.state == "open"


def test_scenario_overrides_a_built_in_reaction():
    sc = scenario(reacties={"niet_begrepen": "Wablief?"})
    engine = opened(sc)
    assert said(engine.hear("", 10.0, 11.0)) == ["Wablief?"]


def test_respectful_interruption_of_a_monologue():
    engine = opened(scenario(start="verhaal"))
    assert engine.record.caller_turns[-1].text == "Deel een."
    engine.let_continue(engine.speaking_until + 1.5)
    assert engine.record.caller_turns[-1].text == "Deel twee."
    middle = engine.record.caller_turns[-1].t + 0.3
    engine.hear(
        "Mevrouw De Vries, mag ik u even onderbreken? Wat is precies uw vraag?", middle, middle + 3
    )
    interruption = engine.record.of(Interruption)[0]
    assert interruption.respectful and interruption.after_parts == 2 and interruption.parts == 3
    assert engine.record.caller_turns[1].interrupted
    assert engine.state == "kalm"


def test_talking_over_the_caller_without_the_name_is_rude():
    engine = opened(scenario(start="verhaal", toestanden__verhaal__overgangen=[]))
    first = engine.record.caller_turns[-1]
    mood_before = engine.mood
    engine.hear("Ja maar luister nou eens even.", first.t + 0.2, first.t + 2)
    interruption = engine.record.of(Interruption)[0]
    assert not interruption.respectful and interruption.after_parts == 1
    assert engine.mood > mood_before
    assert any(m.reason == "door de beller heen gepraat" for m in engine.record.of(MoodChange))


def test_monologue_runs_on_while_the_trainee_listens():
    engine = opened(scenario(start="verhaal"))
    engine.tick(engine.speaking_until + 2.0)
    engine.hear("Ja.", engine.speaking_until + 0.3, engine.speaking_until + 0.6)
    texts = said(engine.record.caller_turns)
    assert texts[-2:] == ["Deel twee.", "Deel drie."]
    assert not engine.record.of(Interruption)


def test_angry_caller_hangs_up_at_the_maximum():
    engine = opened(scenario(beller__stemming=9, toestanden__open__overgangen=[]))
    engine.hear("Tja, daar kan ik niks aan doen, dat is die andere afdeling.", 10.0, 13.0)
    assert engine.finished and engine.mood == 10
    assert engine.record.ended.by == "beller"
    assert engine.record.caller_turns[-1].reason == "ophangen_boos"


def test_long_unannounced_silence_makes_the_caller_ask_and_angrier():
    engine = opened(scenario(toestanden__open__overgangen=[]))
    quiet_from = engine.speaking_until
    lines = engine.tick(quiet_from + SILENCE_LIMIT + 1)
    assert said(lines) == ["Hallo? Bent u daar nog?"]
    assert engine.record.of(Silence)[0].announced is False
    assert engine.record.of(MoodChange)[-1].reason == "lange stilte"


def test_announced_silence_is_tolerated():
    engine = opened(scenario(toestanden__open__overgangen=[]))
    engine.hear("Een moment, ik zoek het even voor u op.", 10.0, 12.0)
    assert engine.tick(engine.speaking_until + SILENCE_LIMIT + 5) == []


def test_warm_transfer_to_a_reachable_colleague():
    engine = opened()
    lines = engine.act("doorverbinden", 10.0)
    assert lines[0].speaker == "collega" and "Sandra Peters" in lines[0].text
    engine.hear(
        "Hoi Sandra, ik heb mevrouw De Vries aan de lijn over haar dakkapel.",
        lines[0].end + 0.5,
        lines[0].end + 4,
    )
    assert engine.record.trainee_turns[-1].to == "collega"
    assert engine.finished and engine.record.ended.by == "overdracht"


def test_transfer_to_an_absent_colleague_returns_to_the_caller():
    sc = scenario(
        afhandeling={
            "soort": "terugbelafspraak",
            "collega": {"naam": "Mark Jansen", "afdeling": "Belastingen", "bereikbaar": False},
        }
    )
    engine = opened(sc)
    lines = engine.act("doorverbinden", 10.0)
    assert [line.speaker for line in lines] == ["systeem", "beller"]
    assert "Mark Jansen is momenteel niet bereikbaar" in lines[0].text
    assert not engine.finished


def test_hold_and_return():
    engine = opened(scenario(toestanden__open__overgangen=[]))
    engine.act("wacht", 10.0)
    assert engine.on_hold
    assert engine.tick(10.0 + SILENCE_LIMIT + 5) == []
    lines = engine.act("terug", 40.0)
    assert said(lines) == ["Ja, ik ben er nog."] and not engine.on_hold


def test_caller_gives_up_after_too_many_rings():
    engine = CallEngine(scenario())
    for n in range(MAX_RINGS + 1):
        engine.ring(n * 5.0)
    assert engine.finished and engine.record.ended.by == "beller"
    assert engine.pick_up(60.0) == []


def test_hang_up_ends_the_call_and_later_input_is_ignored():
    engine = opened()
    engine.act("ophangen", 20.0)
    assert engine.finished and engine.record.ended == CallEnd(t=20.0, by="medewerker")
    assert engine.hear("Hallo?", 21.0, 22.0) == []
    assert isinstance(engine.record.events[-1], CallEnd)
    assert engine.record.of(ActionEvent)[-1].action == "ophangen"


def test_placeholders_are_filled_in():
    sc = scenario(toestanden__kalm__zegt="Dag {medewerker}, ik bel uit {gemeente}.")
    engine = opened(sc, trainee="Pieter")
    engine.hear("Wat vervelend voor u.", 10.0, 12.0)
    assert engine.record.caller_turns[-1].text == "Dag Pieter, ik bel uit Zaanstad."


def test_same_input_same_call():
    def run(seed: int) -> list[dict]:
        sc = scenario(toestanden__kalm__zegt=["Variant een.", "Variant twee.", "Variant drie."])
        engine = opened(sc, seed=seed)
        engine.hear("Wat vervelend voor u.", 10.0, 12.0)
        return engine.record.to_dict()["events"]

    assert run(7) == run(7)
    assert any(run(seed) != run(7) for seed in range(8))


@pytest.mark.parametrize("trigger", ["beweging", "feit", "actie", "stilte", "anders"])
def test_every_trigger_type_leads_to_a_state_change(trigger):
    engine = opened()
    if trigger == "beweging":
        engine.hear("Wat vervelend voor u.", 10.0, 12.0)
    elif trigger == "feit":
        engine.hear("Ik ga een melding maken.", 10.0, 12.0)
    elif trigger == "actie":
        engine.act("wacht", 10.0)
    elif trigger == "stilte":
        engine.tick(engine.speaking_until + 7)
    else:
        engine.hear("Het weer is mooi.", 10.0, 12.0)
    change = engine.record.of(StateChange)[0]
    assert change.old == "open" and change.trigger.startswith(trigger)


def test_moves_only_the_model_found_are_kept_apart_in_the_record():
    from simulator.call.record import TraineeTurn
    from simulator.language.moves import MoveHit

    class ModelSaysEmpathy:
        def classify(self, text: str) -> list[MoveHit]:
            return [
                MoveHit("begroeting", "Goedemorgen", 1.0, "patroon"),
                MoveHit("empathie", text, 0.99, "model"),
            ]

    engine = CallEngine(scenario(), classifier=ModelSaysEmpathy())
    engine.ring(0.0)
    engine.pick_up(2.0)
    engine.hear("Goedemorgen, ik snap dat dit lastig is.", 2.5, 4.0)
    (turn,) = engine.record.of(TraineeTurn)
    assert turn.moves == ("begroeting", "empathie")
    assert turn.model_moves == ("empathie",)
    copy_back = type(engine.record).from_dict(engine.record.to_dict())
    assert copy_back.of(TraineeTurn)[0].model_moves == ("empathie",)
