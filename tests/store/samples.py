"""Hand-built call records and scorecards for the store and report tests."""

from __future__ import annotations

from simulator.call.record import (
    ActionEvent,
    CallEnd,
    CallerTurn,
    CallRecord,
    PickUp,
    Registration,
    Ring,
    TraineeTurn,
    Word,
)
from simulator.scoring.scorecard import Evidence, PhaseScore, RuleResult, Scorecard

# (rule id, phase, title, tip, model phrase, max points)
RULES = (
    ("algemeen.opnemen", "algemeen", "Op tijd opnemen", "Neem op binnen drie keer overgaan.", ""),
    (
        "aanvang.openingszin",
        "aanvang",
        "Openingszin",
        "Begin met de groet en de naam van de gemeente.",
        "Goedemorgen, gemeente Zaanstad",
    ),
    (
        "analyse.samenvatten",
        "analyse",
        "Samenvatten met controlevraag",
        "Vat de vraag samen en check of het klopt.",
        "Als ik u goed begrijp, … Klopt dat?",
    ),
    (
        "actie.controle",
        "actie",
        "Afspraak controleren",
        "Vraag of de afspraak aan de verwachting voldoet.",
        "Is dit wat u betreft akkoord?",
    ),
    (
        "afsluiting.proefafsluiting",
        "afsluiting",
        "Proefafsluiting",
        "Vraag of u nog ergens anders mee van dienst kunt zijn.",
        "Kan ik u nog ergens anders mee van dienst zijn?",
    ),
)


def make_record(trainee: str = "Pieter", scenario_id: str = "afval-boze-beller") -> CallRecord:
    record = CallRecord(scenario_id=scenario_id, trainee=trainee, seed=3)
    record.add(Ring(t=0.0, count=1))
    record.add(Ring(t=5.0, count=2))
    record.add(PickUp(t=7.5, rings=2))
    record.add(
        TraineeTurn(
            t=8.0,
            end=11.0,
            text="Goedemorgen, gemeente Zaanstad, u spreekt met Pieter.",
            confidence=0.93,
            words=(Word("Goedemorgen", 8.0, 8.7, 0.9),),
            moves=("begroeting", "stelt_zich_voor"),
        )
    )
    record.add(
        CallerTurn(
            t=11.5,
            end=16.0,
            text="Mijn container is al twee weken niet geleegd!",
            state="klacht",
            phase="analyse",
            mood=6,
            emotional=True,
        )
    )
    record.add(
        TraineeTurn(
            t=17.0,
            end=21.0,
            text="Als ik u goed begrijp is uw grijze container niet geleegd. Klopt dat?",
            moves=("samenvatting", "controlevraag"),
        )
    )
    record.add(ActionEvent(t=22.0, action="klantbeeld"))
    record.add(TraineeTurn(t=30.0, end=33.0, text="Dank u wel en een fijne dag verder."))
    record.add(CallEnd(t=34.0, by="medewerker"))
    record.add(Registration(t=40.0, onderwerp="afval", samenvatting="container niet geleegd"))
    return record


def make_scorecard(
    verdicts: dict[str, str] | None = None,
    scenario_id: str = "afval-boze-beller",
    pass_mark: float = 60.0,
) -> Scorecard:
    """A scorecard with one rule per phase; verdicts default to all met except the trial close."""
    if verdicts is None:
        verdicts = {"afsluiting.proefafsluiting": "niet_gehaald"}
    points_for = {"gehaald": 10.0, "deels": 5.0, "niet_gehaald": 0.0, "nvt": 0.0}
    rules = []
    for rule_id, phase, title, tip, phrase in RULES:
        verdict = verdicts.get(rule_id, "gehaald")
        evidence = ()
        if rule_id == "aanvang.openingszin" and verdict != "nvt":
            evidence = (Evidence(t=8.0, quote="Goedemorgen, gemeente Zaanstad"),)
        if rule_id == "analyse.samenvatten" and verdict != "nvt":
            evidence = (Evidence(t=17.0, quote="Als ik u goed begrijp", note="samenvatting"),)
        rules.append(
            RuleResult(
                rule_id=rule_id,
                phase=phase,
                title=title,
                verdict=verdict,  # type: ignore[arg-type]
                points=points_for[verdict],
                max_points=0.0 if verdict == "nvt" else 10.0,
                evidence=evidence,
                explanation=f"Uitleg bij {title.lower()}.",
                tip=tip if verdict != "gehaald" else "",
                model_phrase=phrase,
            )
        )
    phases = []
    for phase in ("algemeen", "aanvang", "analyse", "actie", "afsluiting"):
        mine = [r for r in rules if r.phase == phase]
        phases.append(
            PhaseScore(phase, sum(r.points for r in mine), sum(r.max_points for r in mine))
        )
    earned = sum(p.points for p in phases)
    possible = sum(p.max_points for p in phases)
    return Scorecard(
        scenario_id=scenario_id,
        rules=tuple(rules),
        phases=tuple(phases),
        total=round(100.0 * earned / possible, 1) if possible else 100.0,
        pass_mark=pass_mark,
        strongest=("aanvang.openingszin",),
        weakest=("afsluiting.proefafsluiting",),
        language={"stopwoord": {"count": 2.0, "per_100_words": 1.5}},
        voice={"wpm": [140.0, 152.5], "talk_share": 0.45},
    )
