"""The authoring commands: `kcc-sim nieuw` and `kcc-sim speel-door`."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    nieuw = subparsers.add_parser(
        "nieuw",
        help="maak een nieuw scenario met een paar vragen",
        description="Stel een paar vragen (titel, thema, beller, afhandeling, gemeente, tijdstip) "
        "en schrijf een startscenario met uitleg in het bestand. Antwoorden komen van de "
        "invoer, dus u kunt ze ook doorgeven met een pijp. Een leeg antwoord kiest de standaard.",
    )
    nieuw.add_argument(
        "--uit",
        metavar="BESTAND",
        help="schrijf het scenario naar dit bestand (standaard: scenarios/<id>.yaml)",
    )
    nieuw.set_defaults(func=_run_nieuw)

    speel = subparsers.add_parser(
        "speel-door",
        help="speel elke tak van een scenario automatisch door",
        description="Speel elke overgang van een scenario door met zelfgemaakte zinnen van de "
        "medewerker, en meld overgangen die niet afgaan, zinnen van de beller die nooit klinken "
        "en toestanden waar het gesprek niet meer kan eindigen.",
    )
    speel.add_argument("scenario", metavar="SCENARIO", help="naam of pad van het scenario")
    speel.add_argument(
        "--diepte",
        type=int,
        default=30,
        help="hoeveel beurten een pad hoogstens telt (standaard 30)",
    )
    speel.set_defaults(func=_run_speel_door)

    dekking = subparsers.add_parser(
        "dekking",
        help="toon welke scenario's welke regels oefenen",
        description="Maak de dekkingstabel: per scenario de afhandeling en de regels die de "
        "fout-gesprekken in de map met voorbeeldgesprekken bewust laten missen, en per regel "
        "in welke scenario's die geoefend wordt (Markdown, voor de handleiding).",
    )
    dekking.add_argument(
        "--voorbeelden",
        metavar="MAP",
        default=None,
        help="map met voorbeeldgesprekken per scenario (standaard: tests/golden)",
    )
    dekking.add_argument("--scenarios", metavar="MAP", default=None, help="map met scenario's")
    dekking.set_defaults(func=_run_dekking)


def _run_nieuw(args: argparse.Namespace) -> int:
    from simulator.authoring.new_scenario import run

    return run(args.uit)


def _run_speel_door(args: argparse.Namespace) -> int:
    from simulator.authoring.walk import run

    return run(args.scenario, depth=args.diepte)


def _run_dekking(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from simulator.authoring.coverage import coverage, markdown, uncovered
    from simulator.scenario.errors import ScenarioError
    from simulator.scenario.loader import default_folder, load_scenarios

    golden = (
        Path(args.voorbeelden) if args.voorbeelden else default_folder().parent / "tests" / "golden"
    )
    if not golden.is_dir():
        print(
            f"kcc-sim dekking: de map met voorbeeldgesprekken `{golden}` bestaat niet. "
            "Geef de map op met --voorbeelden MAP.",
            file=sys.stderr,
        )
        return 2
    try:
        rows = coverage(load_scenarios(args.scenarios), golden)
    except ScenarioError as error:
        print(error.report(), file=sys.stderr)
        return 2
    print(markdown(rows), end="")
    missing = uncovered(rows)
    if missing:
        print(f"\nNog niet geoefend: {', '.join(missing)}", file=sys.stderr)
    return 0
