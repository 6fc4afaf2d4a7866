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


def _run_nieuw(args: argparse.Namespace) -> int:
    from simulator.authoring.new_scenario import run

    return run(args.uit)


def _run_speel_door(args: argparse.Namespace) -> int:
    from simulator.authoring.walk import run

    return run(args.scenario, depth=args.diepte)
