"""Hand-built call records and scenarios for the rule tests (moves filled in by hand)."""

from __future__ import annotations

import copy
from typing import Any

from simulator.call.record import (
    ActionEvent,
    CallEnd,
    CallerTurn,
    CallRecord,
    Interruption,
    PickUp,
    Registration,
    Ring,
    Silence,
    TraineeTurn,
    Word,
)
from simulator.scenario.model import Scenario

BASE: dict[str, Any] = {
    "id": "test-scenario",
    "titel": "Container niet geleegd",
    "beschrijving": "Een scenario voor de tests van de beoordeling.",
    "moeilijkheid": 2,
    "thema": "afval",
    "gemeente": "Zaanstad",
    "tijdstip": "09:30",
    "beller": {
        "aanhef": "mevrouw",
        "voornaam": "Els",
        "achternaam": "de Vries",
        "klantgegevens": {"adres": "Dorpsstraat 1", "postcode": "1234 AB"},
    },
    "afhandeling": {"soort": "direct_beantwoord"},
    "feiten": [
        {
            "id": "melding",
            "beschrijving": "Er wordt een melding gemaakt.",
            "herkennen": ["melding"],
        },
        {
            "id": "termijn",
            "beschrijving": "Binnen twee werkdagen geleegd.",
            "herkennen": ["binnen twee werkdagen"],
        },
    ],
    "vocabulaire": ["container"],
    "jargon": ["diftar"],
    "start": "open",
    "toestanden": {"open": {"fase": "aanvang", "zegt": "Mijn container is niet geleegd."}},
}


def scenario(**changes: Any) -> Scenario:
    """The base scenario with changes; `a__b=1` sets data["a"]["b"]."""
    data = copy.deepcopy(BASE)
    for key, value in changes.items():
        target = data
        *path, last = key.split("__")
        for part in path:
            target = target[part]
        target[last] = value
    return Scenario.model_validate(data)


class Script:
    """Builds a CallRecord turn by turn on a virtual clock."""

    def __init__(self, rings: int | None = 2, typed: bool = False) -> None:
        self.record = CallRecord(scenario_id="test-scenario")
        self.now = 0.0
        self.typed = typed  # every trainee turn typed, as in `kcc-sim oefen --tekst`
        if rings is not None:
            for n in range(rings):
                self.record.add(Ring(t=n * 5.0, count=n + 1))
            self.now = max(rings - 1, 0) * 5.0 + 2.0
            self.record.add(PickUp(t=self.now, rings=rings))

    def trainee(
        self,
        text: str,
        *moves: str,
        facts: tuple[str, ...] = (),
        confidence: float = 1.0,
        to: str = "beller",
        seconds: float | None = None,
        words: bool = False,
        over_caller: bool = False,
        typed: bool = False,
    ) -> TraineeTurn:
        start = self.now + 0.5
        duration = seconds if seconds is not None else len(text.split()) * 60 / 150
        end = start + duration
        timed: tuple[Word, ...] = ()
        if words:
            step = duration / max(len(text.split()), 1)
            timed = tuple(
                Word(w, start + i * step, start + (i + 1) * step)
                for i, w in enumerate(text.split())
            )
        turn = TraineeTurn(
            t=round(start, 2),
            end=round(end, 2),
            text=text,
            confidence=confidence,
            words=timed,
            moves=moves,
            facts=facts,
            to=to,  # type: ignore[arg-type]
            over_caller=over_caller,
            typed=typed or self.typed,
        )
        self.record.add(turn)
        self.now = end
        return turn

    def caller(
        self,
        text: str,
        emotional: bool = False,
        phase: str = "analyse",
        state: str = "open",
        part: int = 1,
        parts: int = 1,
        speaker: str = "beller",
    ) -> CallerTurn:
        start = self.now + 0.4
        end = start + len(text.split()) * 60 / 165
        turn = CallerTurn(
            t=round(start, 2),
            end=round(end, 2),
            text=text,
            speaker=speaker,  # type: ignore[arg-type]
            state=state,
            phase=phase,
            emotional=emotional,
            part=part,
            parts=parts,
        )
        self.record.add(turn)
        self.now = end
        return turn

    def action(self, name: str, detail: str = "") -> None:
        self.now += 1.0
        self.record.add(ActionEvent(t=self.now, action=name, detail=detail))

    def silence(self, seconds: float, announced: bool = False) -> None:
        self.now += seconds
        self.record.add(Silence(t=self.now, duration=seconds, announced=announced))

    def interruption(self, respectful: bool, after_parts: int, parts: int, state: str) -> None:
        self.record.add(
            Interruption(
                t=round(self.now + 0.5, 2),
                respectful=respectful,
                after_parts=after_parts,
                parts=parts,
                state=state,
            )
        )

    def register(self, **fields: str) -> None:
        self.record.add(Registration(t=self.now + 5.0, **fields))

    def end(self, by: str = "medewerker") -> CallRecord:
        self.record.add(CallEnd(t=self.now + 1.0, by=by))  # type: ignore[arg-type]
        return self.record


def good_call(script: Script | None = None) -> Script:
    """A complete, good call on the base scenario (morning, Zaanstad, mevrouw De Vries)."""
    s = script or Script()
    s.trainee(
        "Goedemorgen, gemeente Zaanstad, u spreekt met Pieter.", "begroeting", "stelt_zich_voor"
    )
    s.caller(
        "Met mevrouw De Vries. Mijn container is alweer niet geleegd!",
        emotional=True,
        phase="aanvang",
    )
    s.trainee(
        "Wat vervelend voor u, mevrouw De Vries. Wat is er precies gebeurd?",
        "empathie",
        "open_vraag",
    )
    s.caller("Hij stond dinsdag gewoon aan de straat.")
    s.trainee(
        "Als ik u goed begrijp, is uw container dinsdag niet geleegd. Klopt dat?",
        "samenvatting",
        "controlevraag",
    )
    s.caller("Ja, dat klopt.")
    s.trainee("Mag ik uw adres en postcode controleren?", "vraagt_gegevens")
    s.caller("Dorpsstraat 1, 1234 AB.")
    s.trainee(
        "Ik maak een melding. De container wordt binnen twee werkdagen geleegd.",
        facts=("melding", "termijn"),
    )
    s.caller("Goed.", phase="actie")
    s.trainee("Is dit wat u betreft akkoord?", "akkoord_check")
    s.caller("Ja.", phase="afsluiting")
    s.trainee("Kan ik u nog ergens anders mee van dienst zijn?", "proefafsluiting")
    s.caller("Nee, dank u.", phase="afsluiting")
    s.trainee(
        "Dank u voor het bellen, mevrouw De Vries. Ik wens u een fijne dag.",
        "bedanken",
        "goede_wens",
    )
    s.caller("Dag.", phase="afsluiting")
    s.end()
    s.register(
        onderwerp="Container niet geleegd",
        samenvatting="Melding gemaakt, container wordt binnen twee werkdagen geleegd.",
        afhandeling="direct_beantwoord",
    )
    return s
