"""The trainee's commands: `oefen` (practise a call) and `scenarios` (what can be practised)."""

from __future__ import annotations

import argparse
import sys

from simulator.call.record import CallRecord
from simulator.scenario.model import Scenario
from simulator.scoring.scorecard import Scorecard


def register(subparsers: argparse._SubParsersAction) -> None:
    oefen = subparsers.add_parser(
        "oefen",
        help="oefen een gesprek",
        description="Oefen een telefoongesprek met een moeilijke beller.",
    )
    oefen.add_argument("scenario", metavar="SCENARIO", help="naam of pad van het scenario")
    oefen.add_argument(
        "--tekst", action="store_true", help="typ uw antwoorden in plaats van te spreken"
    )
    oefen.add_argument("--naam", default="", help="uw naam (zoals u zich voorstelt)")
    oefen.add_argument(
        "--toets", action="store_true", help="toetsmodus: geen hints tijdens het gesprek"
    )
    oefen.add_argument(
        "--seed", type=int, default=0, help="vaste keuze van varianten (herhaalbaar)"
    )
    oefen.add_argument(
        "--database", help="resultatenbestand of database-URL (standaard: uit de instellingen)"
    )
    oefen.set_defaults(func=run_oefen)

    lijst = subparsers.add_parser(
        "scenarios", help="toon de beschikbare scenario's", description="Toon alle scenario's."
    )
    lijst.set_defaults(func=run_list)


def load_named_scenario(name: str) -> Scenario | None:
    """The scenario by name or path, or None after printing the Dutch problems."""
    from simulator.scenario.errors import ScenarioError
    from simulator.scenario.loader import find_scenario, load_scenario

    try:
        return load_scenario(find_scenario(name))
    except ScenarioError as exc:
        print(str(exc), file=sys.stderr)
        return None


def run_oefen(args: argparse.Namespace) -> int:
    scenario = load_named_scenario(args.scenario)
    if scenario is None:
        return 1
    mode = "toets" if args.toets else "oefenen"
    if not args.tekst:
        from simulator.call.session import run_spoken_call

        return run_spoken_call(
            scenario,
            trainee=args.naam,
            seed=args.seed,
            hints=not args.toets,
            mode=mode,
            database=args.database,
        )
    from simulator import terminal
    from simulator.saving import CallSaver

    savers: list[CallSaver] = []

    def start_saving(record: CallRecord) -> None:
        saver = CallSaver.open(record, mode, "getypt", args.database)
        if saver:
            savers.append(saver)

    record = terminal.play(
        scenario, trainee=args.naam, seed=args.seed, hints=not args.toets, on_start=start_saving
    )
    scorecard = show_result(record, scenario)
    for saver in savers:
        saver.finish(record, scorecard)
    return 0


def show_result(record: CallRecord, scenario: Scenario) -> Scorecard:
    """Score the call with the configured pass mark and print the scorecard."""
    from simulator.config import ConfigError, load_settings
    from simulator.scoring.render import render_text
    from simulator.scoring.scorer import score

    try:
        pass_mark = load_settings().pass_mark
    except ConfigError as exc:
        print(f"{exc}\nDe standaard slaaggrens wordt gebruikt.", file=sys.stderr)
        pass_mark = None
    scorecard = (
        score(record, scenario)
        if pass_mark is None
        else score(record, scenario, pass_mark=pass_mark)
    )
    print()
    print(render_text(scorecard, scenario))
    return scorecard


def run_list(args: argparse.Namespace) -> int:
    from simulator.scenario.errors import ScenarioError
    from simulator.scenario.loader import default_folder, load_scenarios

    try:
        scenarios = load_scenarios(default_folder())
    except ScenarioError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    for scenario in sorted(scenarios, key=lambda s: (s.moeilijkheid, s.id)):
        stars = "★" * scenario.moeilijkheid + "☆" * (5 - scenario.moeilijkheid)
        print(f"{scenario.id:<36} {stars}  {scenario.thema:<16} {scenario.titel}")
    return 0
