"""Commands for results: `pogingen`, `rapport`, `groep` and `klas` (Dutch help texts)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simulator.config import ConfigError, Settings, load_settings
from simulator.store.errors import StoreError


def register(subparsers: argparse._SubParsersAction) -> None:
    pogingen = subparsers.add_parser(
        "pogingen",
        help="toon de opgeslagen pogingen",
        description="Toon de opgeslagen gesprekken met nummer, datum, deelnemer, scenario, "
        "score en status.",
    )
    pogingen.add_argument("--deelnemer", metavar="NAAM", help="alleen de pogingen van NAAM")
    _database_option(pogingen)
    pogingen.set_defaults(func=run_pogingen)

    rapport = subparsers.add_parser(
        "rapport",
        help="maak een HTML-rapport van één poging",
        description="Maak een rapport van één poging (score, alle regels, tips en het gesprek) "
        "als los HTML-bestand dat zonder internet werkt en af te drukken is.",
    )
    rapport.add_argument("poging", metavar="POGING", type=int, help="nummer van de poging")
    rapport.add_argument("--uit", metavar="BESTAND", type=Path, help="waar het rapport komt")
    _database_option(rapport)
    rapport.set_defaults(func=run_rapport)

    groep = subparsers.add_parser(
        "groep",
        help="maak een groepsoverzicht voor de trainer",
        description="Maak een overzicht van een klas: per deelnemer de pogingen en de laatste "
        "scores per fase, per regel hoeveel deelnemers die missen.",
    )
    groep.add_argument("--van", metavar="DATUM", required=True, help="begindatum, bv. 3-3-2025")
    groep.add_argument("--tot", metavar="DATUM", help="einddatum (die dag telt mee)")
    groep.add_argument(
        "--deelnemers", metavar="NAAM", nargs="+", help="alleen deze deelnemers (standaard: alle)"
    )
    groep.add_argument("--uit", metavar="BESTAND", type=Path, help="waar het HTML-overzicht komt")
    groep.add_argument("--csv", metavar="BESTAND", type=Path, help="dezelfde cijfers als CSV")
    _database_option(groep)
    groep.set_defaults(func=run_groep)

    klas = subparsers.add_parser(
        "klas",
        help="leg de deelnemerslijst van de klas vast",
        description="Leg de namen van de deelnemers vast; het startscherm biedt ze aan. Zonder "
        "namen toont dit de huidige lijst.",
    )
    klas.add_argument("namen", metavar="NAAM", nargs="*", help="namen van de deelnemers")
    klas.add_argument("--leeg", action="store_true", help="maak de lijst leeg")
    _database_option(klas)
    klas.set_defaults(func=run_klas)


def _database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        metavar="PAD_OF_URL",
        help="resultatenbestand of database-URL (standaard: in uw gegevensmap)",
    )


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings().with_database(args.database)


def _open(args: argparse.Namespace):  # noqa: ANN202 - Store
    from simulator.store.store import open_store

    return open_store(settings=_settings(args))


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def run_pogingen(args: argparse.Namespace) -> int:
    from simulator.report.dates import short_datetime

    try:
        with _open(args) as store:
            attempts = store.attempts(trainee=args.deelnemer)
    except (StoreError, ConfigError) as exc:
        return _fail(str(exc))
    if not attempts:
        who = f" van {args.deelnemer}" if args.deelnemer else ""
        print(f"Er zijn nog geen pogingen{who} opgeslagen.")
        return 0
    print(f"{'nr':>5}  {'datum':<16}  {'deelnemer':<20}  {'scenario':<32}  {'score':>5}  status")
    for a in attempts:
        score = "–" if a.total is None else f"{a.total:.0f}%"
        print(
            f"{a.id:>5}  {short_datetime(a.started_at):<16}  {a.trainee or '-':<20}  "
            f"{a.scenario_id:<32}  {score:>5}  {a.status}"
        )
    return 0


def run_rapport(args: argparse.Namespace) -> int:
    from simulator.report.attempt import report_file_name, write_stored_report

    try:
        with _open(args) as store:
            stored = store.load_attempt(args.poging)
    except (StoreError, ConfigError) as exc:
        return _fail(str(exc))
    path = args.uit or Path(report_file_name(stored.record, stored.summary.started_at))
    try:
        write_stored_report(stored, path, _scenario(stored.record.scenario_id))
    except OSError as exc:
        return _fail(
            f"Het rapport kan niet worden geschreven naar {path} ({exc.strerror}). "
            "Kies een andere plek met --uit."
        )
    print(f"Rapport van poging {args.poging} geschreven naar {path}")
    return 0


def _scenario(scenario_id: str):  # noqa: ANN202 - Scenario | None
    """The scenario for its title and description; the report works without it."""
    from simulator.scenario.errors import ScenarioError
    from simulator.scenario.loader import find_scenario, load_scenario

    try:
        return load_scenario(find_scenario(scenario_id))
    except (ScenarioError, OSError):
        return None


def run_groep(args: argparse.Namespace) -> int:
    from simulator.report.dates import parse_date
    from simulator.report.group import build_overview, write_group

    try:
        since = parse_date(args.van)
        until = parse_date(args.tot) if args.tot else None
    except ValueError as exc:
        return _fail(
            f"De datum '{exc}' is niet te lezen. Schrijf een datum als 3-3-2025 of 2025-03-03."
        )
    if until is not None and until < since:
        return _fail("De einddatum (--tot) ligt vóór de begindatum (--van). Draai ze om.")
    html_path = args.uit
    if html_path is None and args.csv is None:
        html_path = Path(f"groepsoverzicht-{since:%Y%m%d}.html")
    try:
        with _open(args) as store:
            overview = build_overview(store, since, until, args.deelnemers)
        write_group(overview, html_path, args.csv)
    except (StoreError, ConfigError) as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(
            f"Het overzicht kan niet worden geschreven ({exc.strerror}: {exc.filename}). "
            "Kies een andere plek met --uit of --csv."
        )
    for path in (html_path, args.csv):
        if path is not None:
            print(f"Groepsoverzicht geschreven naar {path}")
    print(f"{len(overview.trainees)} deelnemers, {overview.attempt_count} pogingen.")
    return 0


def run_klas(args: argparse.Namespace) -> int:
    try:
        with _open(args) as store:
            if args.leeg:
                store.set_participants([])
                print("De deelnemerslijst is leeggemaakt.")
                return 0
            names = store.set_participants(args.namen) if args.namen else store.participants()
    except (StoreError, ConfigError) as exc:
        return _fail(str(exc))
    if not names:
        print("Er is nog geen deelnemerslijst. Leg hem vast met: kcc-sim klas NAAM NAAM ...")
        return 0
    heading = "Deelnemerslijst opgeslagen:" if args.namen else "Deelnemerslijst:"
    print(heading)
    for name in names:
        print(f"  {name}")
    return 0
