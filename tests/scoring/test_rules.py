"""Every rubric rule, with calls that must meet it and calls that must fail it (like proselint).

Records are built by hand (moves filled in as the engine would store them), so each case pins
what one rule type concludes from the events of a call.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from simulator.call.record import CallRecord
from simulator.scenario.model import Scenario
from simulator.scoring.rubric import load_rubric
from simulator.scoring.rules import Call
from simulator.scoring.scorer import evaluate
from tests.scoring.factory import Script, good_call, scenario

Case = Callable[[], tuple[CallRecord, Scenario]]
CASES: dict[str, dict[str, list[tuple[str, Case]]]] = {}


def case(rule_id: str, expect: str, name: str) -> Callable[[Case], Case]:
    """Register a case: `expect` is "gehaald", "deels", "niet_gehaald" or "nvt"."""

    def add(build: Case) -> Case:
        CASES.setdefault(rule_id, {}).setdefault(expect, []).append((name, build))
        return build

    return add


def good() -> tuple[CallRecord, Scenario]:
    return good_call().record, scenario()


def closing(s: Script, name: bool = True) -> None:
    s.trainee("Kan ik u nog ergens anders mee van dienst zijn?", "proefafsluiting")
    s.caller("Nee.", phase="afsluiting")
    who = ", mevrouw De Vries" if name else ""
    s.trainee(f"Dank u voor het bellen{who}. Fijne dag.", "bedanken", "goede_wens")
    s.end()


# ----- algemeen.opnemen ------------------------------------------------------------------------

for rings, verdict in ((1, "gehaald"), (3, "gehaald"), (4, "deels"), (6, "niet_gehaald")):
    case("algemeen.opnemen", verdict, f"{rings} keer overgaan")(
        lambda rings=rings: (good_call(Script(rings=rings)).record, scenario())
    )


@case("algemeen.opnemen", "niet_gehaald", "niet opgenomen")
def _never_picked_up():
    s = Script(rings=None)
    return s.end("beller"), scenario()


# ----- algemeen.empathie -----------------------------------------------------------------------

case("algemeen.empathie", "gehaald", "empathie na boze uiting")(good)


@case("algemeen.empathie", "niet_gehaald", "meteen naar de inhoud")
def _no_empathy():
    s = Script()
    s.trainee("Goedemorgen, gemeente Zaanstad.", "begroeting")
    s.caller("Ik ben het zat, voor de derde keer!", emotional=True)
    s.trainee("Wat is uw adres?", "vraagt_gegevens", "open_vraag")
    return s.end(), scenario()


@case("algemeen.empathie", "deels", "pas empathie bij het tweede emotionele moment")
def _late_empathy():
    s = Script()
    s.caller("Ik ben het zat!", emotional=True, state="klacht")
    s.trainee("Wat is uw adres?", "vraagt_gegevens")
    s.trainee("En uw postcode?", "vraagt_gegevens")
    s.caller("En niemand doet iets!", emotional=True, state="aandringen")
    s.trainee("Wat vervelend voor u.", "empathie")
    return s.end(), scenario()


@case("algemeen.empathie", "gehaald", "herhaalde klacht in dezelfde toestand is één moment")
def _repeated_complaint():
    s = Script()
    s.caller("Ik ben het zat!", emotional=True, state="klacht")
    s.trainee("Wat vervelend voor u.", "empathie")
    s.caller("Drie keer al!", emotional=True, state="klacht")
    s.trainee("Wat is uw adres?", "vraagt_gegevens")
    s.trainee("En uw postcode?", "vraagt_gegevens")
    return s.end(), scenario()


@case("algemeen.empathie", "nvt", "rustige beller")
def _calm_caller():
    s = Script()
    s.caller("Ik heb een vraag.")
    s.trainee("Waarmee kan ik u helpen?", "open_vraag")
    return s.end(), scenario()


# ----- algemeen.professioneel -------------------------------------------------------------------

case("algemeen.professioneel", "gehaald", "niemand de schuld gegeven")(good)


@case("algemeen.professioneel", "niet_gehaald", "collega afvallen")
def _blames_colleague():
    s = good_call()
    s.trainee("Ja, mijn collega heeft dat echt verkeerd gedaan, die let nooit op.")
    return s.record, scenario()


# ----- algemeen.stemgebruik ---------------------------------------------------------------------

case("algemeen.stemgebruik", "gehaald", "rustig tempo")(good)


@case("algemeen.stemgebruik", "deels", "één keer veel te snel (woordtijden)")
def _too_fast():
    s = good_call()
    s.trainee(
        "Dan maak ik daar nu meteen een melding van en dan komt het helemaal goed met die bak.",
        seconds=3.0,
        words=True,
    )
    return s.record, scenario()


@case("algemeen.stemgebruik", "niet_gehaald", "drie lange stiltes zonder aankondiging")
def _dead_air():
    s = good_call()
    for _ in range(3):
        s.silence(12)
    return s.record, scenario()


@case("algemeen.stemgebruik", "nvt", "getypt gesprek: tempo niet te meten")
def _typed_call():
    return good_call(Script(typed=True)).record, scenario()


@case("algemeen.stemgebruik", "gehaald", "een snel getypte beurt telt niet als te snel praten")
def _typed_fast_turn():
    s = good_call()
    s.trainee(
        "Dan maak ik daar nu meteen een melding van en dan komt het helemaal goed met die bak.",
        seconds=0.5,
        typed=True,
    )
    return s.record, scenario()


@case("algemeen.stemgebruik", "niet_gehaald", "getypt, maar drie lange stiltes")
def _typed_dead_air():
    s = good_call(Script(typed=True))
    for _ in range(3):
        s.silence(12)
    return s.record, scenario()


@case("algemeen.stemgebruik", "gehaald", "aangekondigde stilte en wachtstand")
def _announced_silence():
    s = good_call()
    s.silence(15, announced=True)
    s.action("wacht")
    s.silence(30)
    s.action("terug")
    return s.record, scenario()


# ----- algemeen.taalgebruik ---------------------------------------------------------------------

case("algemeen.taalgebruik", "gehaald", "nette taal")(good)


@case("algemeen.taalgebruik", "niet_gehaald", "verkleinwoorden en stopwoorden")
def _sloppy_language():
    s = good_call()
    s.trainee("Momentje hoor, ik kijk eventjes in het systeempje.")
    s.trainee("Eigenlijk is het gewoon zo dat het eigenlijk gewoon even duurt.")
    return s.record, scenario()


@case("algemeen.taalgebruik", "deels", "een paar keer jargon en je")
def _some_slips():
    s = good_call()
    s.trainee("Dat valt onder de diftar, weet je.")
    return s.record, scenario()


# ----- algemeen.naam_beller ---------------------------------------------------------------------

case("algemeen.naam_beller", "gehaald", "naam genoemd")(good)


@case("algemeen.naam_beller", "niet_gehaald", "naam nooit genoemd")
def _no_name():
    s = Script()
    s.trainee("Goedemorgen, gemeente Zaanstad.", "begroeting")
    s.caller("Met mevrouw De Vries.")
    s.trainee("Wat kan ik voor u doen?", "open_vraag")
    return s.end(), scenario()


@case("algemeen.naam_beller", "niet_gehaald", "alleen de beller noemt de naam")
def _only_caller_says_name():
    s = Script()
    s.caller("Met mevrouw De Vries, De Vries met een V.")
    s.trainee("Dank u.", "bedanken")
    return s.end(), scenario()


# ----- algemeen.registratie ---------------------------------------------------------------------

case("algemeen.registratie", "gehaald", "volledig en kloppend")(good)


@case("algemeen.registratie", "niet_gehaald", "niet geregistreerd")
def _not_registered():
    s = Script()
    s.trainee("Goedemorgen, gemeente Zaanstad.", "begroeting")
    return s.end(), scenario()


@case("algemeen.registratie", "deels", "verkeerde afhandeling")
def _wrong_outcome():
    s = good_call()
    s.register(onderwerp="Container", samenvatting="Niet geleegd.", afhandeling="doorverbonden")
    return s.record, scenario()


@case("algemeen.registratie", "niet_gehaald", "leeg en zonder onderwerp")
def _empty_form():
    s = good_call()
    s.register(onderwerp="Vraag", samenvatting="", afhandeling="")
    return s.record, scenario()


@case("algemeen.registratie", "nvt", "eenvoudige algemene informatie")
def _simple_info():
    s = Script()
    s.trainee("Goedemorgen, gemeente Zaanstad.", "begroeting")
    return s.end(), scenario(afhandeling={"soort": "direct_beantwoord", "registratie": False})


# ----- aanvang.openingszin ----------------------------------------------------------------------

case("aanvang.openingszin", "gehaald", "goedemorgen en gemeente")(good)


@case("aanvang.openingszin", "deels", "goedemiddag om half tien")
def _wrong_greeting():
    s = Script()
    s.trainee("Goedemiddag, gemeente Zaanstad, met Pieter.", "begroeting")
    return s.end(), scenario()


@case("aanvang.openingszin", "niet_gehaald", "alleen hallo")
def _hello():
    s = Script()
    s.trainee("Hallo, met Pieter.", "begroeting")
    return s.end(), scenario()


@case("aanvang.openingszin", "gehaald", "goedemiddag in de middag, ASR-spelling")
def _afternoon():
    s = Script()
    s.trainee("Goede middag, gemeente Zaanstad.", "begroeting")
    return s.end(), scenario(tijdstip="14:00")


# ----- aanvang.naam_bekend ----------------------------------------------------------------------

case("aanvang.naam_bekend", "gehaald", "beller noemt de naam")(good)


@case("aanvang.naam_bekend", "gehaald", "medewerker vraagt de naam")
def _asks_name():
    s = Script()
    s.caller("Ik heb een vraag over mijn container.")
    s.trainee("Met wie spreek ik?", "vraagt_naam")
    return s.end(), scenario()


@case("aanvang.naam_bekend", "niet_gehaald", "naam blijft onbekend")
def _name_unknown():
    s = Script()
    s.caller("Ik heb een vraag over mijn container.")
    s.trainee("Wat is uw vraag?", "open_vraag")
    return s.end(), scenario()


# ----- analyse.lsd ------------------------------------------------------------------------------

case("analyse.lsd", "gehaald", "open en gesloten vragen")(good)


@case("analyse.lsd", "deels", "alleen een open vraag")
def _only_open():
    s = Script()
    s.trainee("Wat is er precies gebeurd?", "open_vraag")
    return s.end(), scenario()


@case("analyse.lsd", "niet_gehaald", "geen vragen")
def _no_questions():
    s = Script()
    s.trainee("Ik maak een melding.", facts=("melding",))
    return s.end(), scenario()


# ----- analyse.samenvatten ----------------------------------------------------------------------

case("analyse.samenvatten", "gehaald", "samenvatting met controlevraag")(good)


@case("analyse.samenvatten", "deels", "samenvatting zonder controlevraag")
def _summary_without_check():
    s = Script()
    s.trainee("Uw container is dus niet geleegd.", "samenvatting")
    s.trainee("Ik maak een melding.", facts=("melding",))
    return s.end(), scenario()


@case("analyse.samenvatten", "deels", "samenvatting pas na de actie")
def _summary_late():
    s = Script()
    s.trainee("Ik maak een melding.", facts=("melding",))
    s.trainee(
        "Als ik u goed begrijp is hij niet geleegd. Klopt dat?", "samenvatting", "controlevraag"
    )
    return s.end(), scenario()


@case("analyse.samenvatten", "niet_gehaald", "geen samenvatting")
def _no_summary():
    s = Script()
    s.trainee("Ik maak een melding.", facts=("melding",))
    return s.end(), scenario()


# ----- analyse.klantgegevens --------------------------------------------------------------------

case("analyse.klantgegevens", "gehaald", "vraagt naar adres")(good)


@case("analyse.klantgegevens", "gehaald", "klantbeeld en bevestigende vraag")
def _customer_view():
    s = Script()
    s.action("klantbeeld")
    s.trainee("U woont aan de Dorpsstraat 1, klopt dat?", "controlevraag")
    return s.end(), scenario()


@case("analyse.klantgegevens", "deels", "alleen klantbeeld geopend")
def _only_view():
    s = Script()
    s.action("klantbeeld")
    s.trainee("Ik maak een melding.", facts=("melding",))
    return s.end(), scenario()


@case("analyse.klantgegevens", "niet_gehaald", "geen controle")
def _no_check():
    s = Script()
    s.trainee("Ik maak een melding.", facts=("melding",))
    return s.end(), scenario()


@case("analyse.klantgegevens", "nvt", "geen klantgegevens in het scenario")
def _no_customer_data():
    s = Script()
    s.trainee("Ik maak een melding.", facts=("melding",))
    return s.end(), scenario(beller__klantgegevens={})


# ----- analyse.regie ----------------------------------------------------------------------------


def _monologue(s: Script, heard: int) -> None:
    for part in range(1, heard + 1):
        s.caller(f"Deel {part} van mijn verhaal.", state="dwaalt", part=part, parts=4)


@case("analyse.regie", "gehaald", "respectvol en op tijd onderbroken")
def _good_interruption():
    s = Script()
    _monologue(s, 2)
    s.interruption(respectful=True, after_parts=2, parts=4, state="dwaalt")
    s.trainee("Mevrouw De Vries, wat is precies uw vraag?", "onderbreking", "terug_naar_vraag")
    return s.end(), scenario()


@case("analyse.regie", "deels", "onderbroken zonder naam")
def _rude_interruption():
    s = Script()
    _monologue(s, 2)
    s.interruption(respectful=False, after_parts=2, parts=4, state="dwaalt")
    s.trainee("Ja ja, wat wilt u nou?", "open_vraag")
    return s.end(), scenario()


@case("analyse.regie", "deels", "te laat onderbroken")
def _late_interruption():
    s = Script()
    _monologue(s, 4)
    s.interruption(respectful=True, after_parts=4, parts=4, state="dwaalt")
    s.trainee("Mevrouw De Vries, wat is precies uw vraag?", "onderbreking", "terug_naar_vraag")
    return s.end(), scenario()


@case("analyse.regie", "niet_gehaald", "monoloog nooit onderbroken")
def _never_interrupted():
    s = Script()
    _monologue(s, 4)
    s.trainee("Ja.", "luistersignaal")
    return s.end(), scenario()


case("analyse.regie", "nvt", "geen monoloog")(good)


# ----- actie.informatie -------------------------------------------------------------------------

case("actie.informatie", "gehaald", "alle feiten")(good)


@case("actie.informatie", "deels", "één van twee feiten")
def _one_fact():
    s = Script()
    s.trainee("Ik maak een melding.", facts=("melding",))
    return s.end(), scenario()


@case("actie.informatie", "niet_gehaald", "geen feiten")
def _no_facts():
    s = Script()
    s.trainee("Daar kan ik niets mee.")
    return s.end(), scenario()


@case("actie.informatie", "nvt", "scenario zonder feiten")
def _no_facts_needed():
    s = Script()
    s.trainee("Goedemorgen.")
    return s.end(), scenario(feiten=[])


# ----- actie.controle ---------------------------------------------------------------------------

case("actie.controle", "gehaald", "akkoord gevraagd na de actie")(good)


@case("actie.controle", "niet_gehaald", "geen akkoord gevraagd")
def _no_agreement():
    s = Script()
    s.trainee("Ik maak een melding.", facts=("melding",))
    closing(s)
    return s.record, scenario()


@case("actie.controle", "deels", "alleen controlevraag voor de actie")
def _check_too_early():
    s = Script()
    s.trainee("Klopt dat?", "controlevraag")
    s.trainee("Ik maak een melding.", facts=("melding",))
    return s.end(), scenario()


# ----- actie.onbekende_vraag --------------------------------------------------------------------

UNKNOWN = {"afhandeling": {"soort": "uitzoeken_terugbellen"}}


@case("actie.onbekende_vraag", "gehaald", "uitzoeken en terugbellen")
def _find_out():
    s = Script()
    s.trainee("Dat is een goede vraag. Ik ga dat uitzoeken.", "uitzoeken")
    s.trainee("U wordt daarover teruggebeld.", "terugbellen")
    return s.end(), scenario(**UNKNOWN)


@case("actie.onbekende_vraag", "deels", "alleen uitzoeken")
def _only_find_out():
    s = Script()
    s.trainee("Ik ga dat uitzoeken.", "uitzoeken")
    return s.end(), scenario(**UNKNOWN)


@case("actie.onbekende_vraag", "niet_gehaald", "gegokt")
def _guessed():
    s = Script()
    s.trainee("Dat zal wel goed zitten.")
    return s.end(), scenario(**UNKNOWN)


case("actie.onbekende_vraag", "nvt", "bekende vraag")(good)


# ----- actie.doorverbinden ----------------------------------------------------------------------

TRANSFER = {
    "afhandeling": {
        "soort": "doorverbinden",
        "collega": {"naam": "Sandra Peters", "afdeling": "Vergunningen"},
    }
}


def _transfer(announce: bool, handover: str | None) -> tuple[CallRecord, Scenario]:
    s = Script()
    if announce:
        s.trainee("Ik verbind u door met mijn collega van Vergunningen.", "doorverbinden")
    s.action("doorverbinden")
    s.caller("Met Sandra Peters, afdeling Vergunningen.", speaker="collega")
    if handover:
        s.trainee(handover, to="collega")
        s.caller("Prima, verbind maar door.", speaker="collega")
        return s.end("overdracht"), scenario(**TRANSFER)
    return s.end(), scenario(**TRANSFER)


case("actie.doorverbinden", "gehaald", "warm doorverbonden")(
    lambda: _transfer(True, "Ik heb mevrouw De Vries voor je, met een vraag over een dakkapel.")
)
case("actie.doorverbinden", "deels", "niet aangekondigd")(
    lambda: _transfer(False, "Ik heb mevrouw De Vries voor je, met een vraag over een dakkapel.")
)
case("actie.doorverbinden", "niet_gehaald", "koud doorverbonden")(lambda: _transfer(True, None))


@case("actie.doorverbinden", "niet_gehaald", "niet doorverbonden terwijl het moest")
def _no_transfer():
    s = Script()
    s.trainee("Daar kan ik u niet mee helpen.")
    return s.end(), scenario(**TRANSFER)


case("actie.doorverbinden", "nvt", "geen doorverbinding nodig")(good)

# ----- actie.verwijzen --------------------------------------------------------------------------

REFER = {
    "afhandeling": {
        "soort": "verwijzen",
        "organisatie": "Uitvoeringsinstituut Werknemersverzekeringen",
        "afkortingen": ["UWV"],
    }
}


@case("actie.verwijzen", "gehaald", "volledige naam")
def _full_name():
    s = Script()
    s.trainee(
        "Daarvoor kunt u terecht bij het Uitvoeringsinstituut Werknemersverzekeringen.", "verwijzen"
    )
    return s.end(), scenario(**REFER)


@case("actie.verwijzen", "deels", "volledige naam en afkorting")
def _both_names():
    s = Script()
    s.trainee(
        "Daarvoor kunt u terecht bij het Uitvoeringsinstituut Werknemersverzekeringen, het UWV.",
        "verwijzen",
    )
    return s.end(), scenario(**REFER)


@case("actie.verwijzen", "niet_gehaald", "alleen de afkorting")
def _abbreviation():
    s = Script()
    s.trainee("Daarvoor moet u bij het UWV zijn.", "verwijzen")
    return s.end(), scenario(**REFER)


case("actie.verwijzen", "nvt", "geen verwijzing nodig")(good)


@case("actie.verwijzen", "gehaald", "onverwacht verwezen, met de volledige naam")
def _unexpected_referral():
    s = Script()
    s.trainee("Daarvoor kunt u ook terecht bij het Juridisch Loket.", "verwijzen")
    return s.end(), scenario()


@case("actie.verwijzen", "niet_gehaald", "onverwacht verwezen, met een afkorting")
def _unexpected_abbreviation():
    s = Script()
    s.trainee("Daarvoor moet u bij het UWV zijn.", "verwijzen")
    return s.end(), scenario()


# ----- actie.terugbelafspraak -------------------------------------------------------------------

ABSENT = {
    "afhandeling": {
        "soort": "terugbelafspraak",
        "collega": {"naam": "Mark Jansen", "afdeling": "Belastingen", "bereikbaar": False},
    }
}


@case("actie.terugbelafspraak", "gehaald", "terugbelafspraak gemaakt")
def _calls_back():
    s = Script()
    s.action("doorverbinden")
    s.caller("Mark Jansen is momenteel niet bereikbaar.", speaker="systeem")
    s.trainee(
        "Het spijt me, mevrouw De Vries. Mark Jansen is niet bereikbaar. "
        "Ik zorg ervoor dat u wordt teruggebeld.",
        "excuses",
        "terugbellen",
    )
    return s.end(), scenario(**ABSENT)


@case("actie.terugbelafspraak", "deels", "alleen een notitie")
def _only_note():
    s = Script()
    s.action("terugbelnotitie")
    s.trainee("Ik heb het genoteerd.")
    return s.end(), scenario(**ABSENT)


@case("actie.terugbelafspraak", "niet_gehaald", "beller moet zelf terugbellen")
def _call_again():
    s = Script()
    s.trainee("Hij is er niet. Belt u morgen maar terug.")
    return s.end(), scenario(**ABSENT)


case("actie.terugbelafspraak", "nvt", "geen collega nodig")(good)

# ----- actie.email ------------------------------------------------------------------------------

CONTROL = {"afhandeling": {"soort": "email", "beller_wil_regie": True}}


@case("actie.email", "gehaald", "e-mail aangeboden")
def _email():
    s = Script()
    s.trainee("Wilt u ons daarover een e-mail sturen?", "email_aanbod")
    return s.end(), scenario(**CONTROL)


@case("actie.email", "niet_gehaald", "geen e-mail aangeboden")
def _no_email():
    s = Script()
    s.trainee("Ik regel het wel voor u.")
    return s.end(), scenario(**CONTROL)


case("actie.email", "nvt", "beller wil geen regie")(good)

# ----- afsluiting.proefafsluiting ---------------------------------------------------------------

case("afsluiting.proefafsluiting", "gehaald", "proefafsluiting na de actie")(good)


@case("afsluiting.proefafsluiting", "niet_gehaald", "geen proefafsluiting")
def _no_trial_close():
    s = Script()
    s.trainee("Ik maak een melding.", facts=("melding",))
    s.trainee("Dank u voor het bellen, fijne dag.", "bedanken", "goede_wens")
    return s.end(), scenario()


@case("afsluiting.proefafsluiting", "deels", "proefafsluiting voor de actie")
def _trial_close_early():
    s = Script()
    s.trainee("Kan ik u nog ergens anders mee helpen?", "proefafsluiting")
    s.trainee("Ik maak een melding.", facts=("melding",))
    return s.end(), scenario()


@case("afsluiting.proefafsluiting", "nvt", "doorverbonden")
def _transferred_no_close():
    return _transfer(True, "Ik heb mevrouw De Vries voor je over haar dakkapel.")


# ----- afsluiting.naam --------------------------------------------------------------------------

case("afsluiting.naam", "gehaald", "naam bij de afsluiting")(good)


@case("afsluiting.naam", "niet_gehaald", "geen naam bij de afsluiting")
def _no_name_at_close():
    s = Script()
    s.trainee("Ik maak een melding, mevrouw De Vries.", facts=("melding",))
    closing(s, name=False)
    return s.record, scenario()


# ----- afsluiting.persoonlijke_noot -------------------------------------------------------------

case("afsluiting.persoonlijke_noot", "gehaald", "dank en wens")(good)


@case("afsluiting.persoonlijke_noot", "deels", "alleen bedankt")
def _only_thanks():
    s = Script()
    s.trainee("Ik maak een melding.", facts=("melding",))
    s.trainee("Kan ik u nog ergens anders mee van dienst zijn?", "proefafsluiting")
    s.trainee("Dank u voor het bellen.", "bedanken")
    return s.end(), scenario()


@case("afsluiting.persoonlijke_noot", "niet_gehaald", "zonder groet opgehangen")
def _hangs_up():
    s = Script()
    s.trainee("Ik maak een melding.", facts=("melding",))
    s.trainee("Kan ik u nog ergens anders mee van dienst zijn?", "proefafsluiting")
    s.trainee("Oké.")
    return s.end(), scenario()


# ----- the tests --------------------------------------------------------------------------------

PARAMS = [
    pytest.param(rule_id, expect, build, id=f"{rule_id}-{expect}-{name}")
    for rule_id, by_verdict in CASES.items()
    for expect, builds in by_verdict.items()
    for name, build in builds
]


@pytest.mark.parametrize(("rule_id", "expect", "build"), PARAMS)
def test_rule_case(rule_id: str, expect: str, build: Case) -> None:
    record, sc = build()
    result = evaluate(load_rubric().rule(rule_id), Call(record, sc))
    assert result.verdict == expect, result.explanation
    if expect == "gehaald":
        assert result.points == result.max_points > 0
    if expect == "nvt":
        assert result.points == result.max_points == 0
    if expect == "niet_gehaald":
        assert result.points == 0 and result.max_points > 0
        assert result.explanation


def test_every_rule_has_cases_that_pass_and_fail() -> None:
    for rule_id in load_rubric().ids:
        verdicts = CASES.get(rule_id, {})
        assert "gehaald" in verdicts, f"{rule_id} has no passing case"
        assert {"niet_gehaald", "deels"} & set(verdicts), f"{rule_id} has no failing case"


def test_evidence_quotes_what_was_said_with_its_time() -> None:
    record, sc = _wrong_greeting()
    result = evaluate(load_rubric().rule("aanvang.openingszin"), Call(record, sc))
    first = record.trainee_turns[0]
    assert result.evidence[0].t == first.t
    assert "Goedemiddag" in result.evidence[0].quote
    assert "goedemorgen" in result.explanation


def test_an_unexpected_abbreviation_is_explained_without_an_empty_name() -> None:
    record, sc = _unexpected_abbreviation()
    result = evaluate(load_rubric().rule("actie.verwijzen"), Call(record, sc))
    assert result.explanation == "Alleen een afkorting gebruikt; noem de organisatie voluit."
    assert result.evidence and "UWV" in result.evidence[0].note
