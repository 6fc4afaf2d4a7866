"""JSON Schema of the scenario format, with Dutch titles and descriptions, for editor completion."""

from __future__ import annotations

import json
from typing import Any

from simulator.scenario.model import Scenario

SCHEMA_ID = "https://kcc-sim.local/scenario.schema.json"

# Per model: Dutch title, Dutch description and one Dutch description per key.
DUTCH: dict[str, tuple[str, str, dict[str, str]]] = {
    "Scenario": (
        "Scenario",
        "Een oefengesprek: wie er belt, waarover, wat een goed gesprek bereikt en hoe de beller "
        "reageert.",
        {
            "id": "Korte naam, gelijk aan de bestandsnaam: kleine letters, cijfers en streepjes. "
            "Bijvoorbeeld `afval-boze-beller`.",
            "titel": "Titel zoals de cursist hem in de lijst ziet.",
            "beschrijving": "Uitleg voor de cursist: de situatie en wat er geoefend wordt.",
            "moeilijkheid": "Moeilijkheid van 1 (makkelijk) tot 5 (zeer moeilijk).",
            "thema": "Onderwerp, bijvoorbeeld `afval`, `belastingen` of `burgerzaken`.",
            "gemeente": "Naam van de gemeente waar de cursist opneemt (voor de openingszin).",
            "tijdstip": "Gesimuleerde tijd van het gesprek, uu:mm tussen aanhalingstekens, bijv. "
            '"09:30". Bepaalt goedemorgen/goedemiddag/goedenavond.',
            "beller": "Wie er belt: naam, stem, beginstemming en klantgegevens.",
            "afhandeling": "Wat een goed gesprek bereikt (direct beantwoorden, doorverbinden, …).",
            "feiten": "Feiten die de cursist moet noemen, elk met zinnen om ze te herkennen.",
            "vocabulaire": (
                "Namen en vakwoorden van dit scenario; de simulator herkent ze ook als de "
                "spraakherkenning ze net iets anders schrijft."
            ),
            "jargon": "Vakwoorden die de cursist níet tegen de beller moet gebruiken.",
            "rubriek": "Aanpassingen van de beoordeling: regels uit, gewichten, extra zinnen.",
            "bewegingen": "Eigen gespreksbewegingen voor dit scenario, naast de ingebouwde.",
            "reacties": "Vaste reacties van de beller; overschrijf hier de ingebouwde zinnen.",
            "start": "Naam van de toestand waarmee de beller begint.",
            "toestanden": "De toestanden van de beller, elk met een naam (zonder spaties).",
        },
    ),
    "Beller": (
        "Beller",
        "De inwoner die belt.",
        {
            "aanhef": "`mevrouw` of `meneer`.",
            "voornaam": "Voornaam van de beller.",
            "achternaam": "Achternaam van de beller, zoals de cursist hem moet noemen.",
            "stem": "Instellingen van de computerstem.",
            "stemming": "Stemming bij het begin: 0-3 rustig, 4-6 geïrriteerd, 7-10 boos.",
            "klantgegevens": "Gegevens die de beller kan geven als erom gevraagd wordt, zoals "
            "`adres`, `postcode`, `geboortedatum`.",
        },
    ),
    "Stem": (
        "Stem",
        "De computerstem van de beller.",
        {
            "geslacht": "`man` of `vrouw`.",
            "tempo": "Spreektempo in woorden per minuut (80-300).",
            "volume": "Volume van 0.0 tot 1.0.",
            "toonhoogte": "Toonhoogte van 0 (laag) tot 99 (hoog).",
        },
    ),
    "Afhandeling": (
        "Afhandeling",
        "Wat een goed gesprek bereikt.",
        {
            "soort": "Hoe de vraag wordt afgehandeld: direct_beantwoord, doorverbinden, "
            "terugbelafspraak, verwijzen, email of uitzoeken_terugbellen.",
            "afdeling": "Afdeling die over de vraag gaat.",
            "organisatie": "Organisatie waarnaar verwezen wordt, voluit geschreven (bij "
            "`verwijzen`).",
            "afkortingen": "Afkortingen van de organisatie die de cursist niet mag gebruiken.",
            "collega": "De collega naar wie doorverbonden wordt (bij doorverbinden en "
            "terugbelafspraak).",
            "registratie": "Moet het gesprek na afloop geregistreerd worden?",
            "beller_wil_regie": "De beller wil zelf de regie houden (dan hoort een e-mail erbij).",
        },
    ),
    "Collega": (
        "Collega",
        "Een collega in de tweede lijn.",
        {
            "naam": "Naam van de collega.",
            "afdeling": "Afdeling van de collega.",
            "bereikbaar": "Neemt de collega op? Bij `false` maakt de cursist een terugbelafspraak.",
        },
    ),
    "Feit": (
        "Feit",
        "Een feit dat de cursist moet overbrengen.",
        {
            "id": "Korte naam van het feit, voor `feit:` in een overgang.",
            "beschrijving": "Het feit in een zin, voor de beoordeling.",
            "herkennen": "Zinnen waaraan het feit herkend wordt; `...` betekent 'iets ertussen'.",
        },
    ),
    "Overgang": (
        "Overgang",
        "Waar de beller naartoe gaat: precies één trigger (beweging, feit, actie, stilte of "
        "anders) en `naar`.",
        {
            "naar": "Naam van de volgende toestand.",
            "beweging": "Gespreksbeweging(en) van de cursist die deze overgang starten, bijv. "
            "`empathie` of `[bedanken, goede_wens]`.",
            "feit": "Id van een feit dat de cursist noemt.",
            "actie": "Een knop die de cursist gebruikt, zoals `doorverbinden` of `wacht`.",
            "stilte": "Aantal seconden stilte van de cursist.",
            "anders": "`true`: alles wat niet door een andere overgang gevangen wordt.",
            "stemming": "Verandering van de stemming bij deze overgang (-10 tot 10), bijv. `1`.",
        },
    ),
    "Toestand": (
        "Toestand",
        "Wat de beller in deze toestand zegt en waar het gesprek daarna heen gaat.",
        {
            "fase": "Gespreksfase: aanvang, analyse, actie of afsluiting.",
            "zegt": "Wat de beller zegt: een tekst, een lijst van varianten, of per stemming "
            "(`rustig`, `geirriteerd`, `boos`) een tekst.",
            "monoloog": "Een lang verhaal in delen (minstens twee); de cursist kan onderbreken.",
            "emotioneel": "`true` als de beller hier klaagt of emotioneel is (empathie verwacht).",
            "einde": "`true` als het gesprek na deze zin eindigt.",
            "overgangen": "De overgangen; de eerste die past wordt genomen.",
        },
    ),
    "Reacties": (
        "Reacties",
        "Vaste reacties van de beller. Invulplekken: {aanhef} {voornaam} {achternaam} "
        "{gemeente} {medewerker} {collega} {afdeling} {organisatie} {veld} {waarde}.",
        {
            "naam": "Als de cursist naar de naam vraagt.",
            "gegevens": "Als de cursist een gegeven vraagt ({veld} en {waarde}).",
            "gegevens_onbekend": "Als het gevraagde gegeven niet in `klantgegevens` staat.",
            "proefafsluiting": "Antwoord op 'Kan ik u nog ergens anders mee helpen?'.",
            "afscheid": "Laatste zin als de cursist afsluit.",
            "niet_begrepen": "Als de spraakherkenning de cursist niet verstond.",
            "genegeerd": "Als de cursist niet op de beller ingaat.",
            "stilte": "Na een lange stilte van de cursist.",
            "terug_uit_wacht": "Als de cursist het gesprek uit de wacht haalt.",
            "ophangen_boos": "Als de stemming 10 bereikt en de beller ophangt.",
            "collega_neemt_op": "De collega neemt op bij doorverbinden.",
            "collega_overdracht": "De collega na de overdracht.",
            "collega_afwezig": "Als de collega niet bereikbaar is.",
            "terug_na_doorverbinden": "De beller als doorverbinden mislukt.",
        },
    ),
    "ExtraZin": (
        "Extra zin",
        "Een zin die de cursist in een fase moet zeggen.",
        {
            "fase": "Fase waarin de zin hoort: aanvang, analyse, actie of afsluiting.",
            "zin": "De zin; `...` betekent 'iets ertussen'.",
            "beschrijving": "Waarom deze zin erbij hoort (voor de feedback).",
        },
    ),
    "Rubriek": (
        "Rubriek",
        "Aanpassingen van de beoordeling voor dit scenario.",
        {
            "uit": "Regels die in dit scenario niet meetellen, bijv. `[algemeen.registratie]`.",
            "gewichten": "Ander gewicht per regel, bijv. `algemeen.empathie: 2`.",
            "extra_zinnen": "Extra zinnen die de cursist moet zeggen.",
        },
    ),
    "EigenBeweging": (
        "Eigen beweging",
        "Een gespreksbeweging alleen voor dit scenario, herkend aan voorbeeldzinnen.",
        {
            "id": "Korte naam, voor `beweging:` in een overgang.",
            "beschrijving": "Wat de beweging is.",
            "voorbeelden": "Voorbeeldzinnen waaraan de beweging herkend wordt.",
        },
    ),
}


def _dutch(schema: dict[str, Any], name: str) -> None:
    title, description, fields = DUTCH[name]
    schema["title"] = title
    schema["description"] = description
    for key, prop in schema.get("properties", {}).items():
        if key in fields:
            prop["description"] = fields[key]
        prop["title"] = key


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema of a scenario file (draft 2020-12), in Dutch."""
    from simulator.scenario.lint import builtin_move_ids

    schema = Scenario.model_json_schema()
    _dutch(schema, "Scenario")
    for name, definition in schema.get("$defs", {}).items():
        if name in DUTCH:
            _dutch(definition, name)
    # Completion for the built-in moves; scenario moves are allowed too, so no enum.
    moves = schema["$defs"]["Overgang"]["properties"]["beweging"]
    moves["examples"] = list(builtin_move_ids())
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_text() -> str:
    return json.dumps(scenario_schema(), ensure_ascii=False, indent=2)
