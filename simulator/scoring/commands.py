"""`beoordeel SCENARIO TRANSCRIPT`: score a written call (a YAML transcript) against a scenario."""

from __future__ import annotations

import argparse
import json
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "beoordeel",
        help="beoordeel een uitgeschreven gesprek (transcript)",
        description=(
            "Speel een uitgeschreven gesprek (YAML-transcript) af tegen een scenario en toon "
            "de beoordeling volgens de KCC-gespreksstructuur."
        ),
    )
    parser.add_argument("scenario", metavar="SCENARIO", help="naam of pad van het scenario")
    parser.add_argument("transcript", metavar="TRANSCRIPT", help="pad van het transcript (YAML)")
    parser.add_argument(
        "--json", action="store_true", help="toon de volledige beoordeling als JSON"
    )
    parser.add_argument(
        "--slaaggrens",
        type=float,
        default=None,
        metavar="N",
        help="percentage dat nodig is om te slagen (standaard 70)",
    )
    parser.set_defaults(func=run_beoordeel)


def run_beoordeel(args: argparse.Namespace) -> int:
    from simulator.call.replay import TranscriptError, load_transcript, replay
    from simulator.scenario.errors import ScenarioError
    from simulator.scenario.loader import find_scenario, load_scenario
    from simulator.scoring.render import render_text
    from simulator.scoring.rubric import RubricError
    from simulator.scoring.scorer import DEFAULT_PASS_MARK, score

    pass_mark = DEFAULT_PASS_MARK if args.slaaggrens is None else args.slaaggrens
    if not 0 <= pass_mark <= 100:
        print(
            f"--slaaggrens {args.slaaggrens:g} kan niet: kies een percentage van 0 tot en met 100.",
            file=sys.stderr,
        )
        return 2
    try:
        scenario = load_scenario(find_scenario(args.scenario))
    except ScenarioError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    try:
        transcript = load_transcript(args.transcript)
    except TranscriptError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if transcript.scenario != scenario.id:
        print(
            f"{args.transcript}: let op: dit transcript hoort bij scenario "
            f"'{transcript.scenario}', niet bij '{scenario.id}'. Het wordt toch beoordeeld "
            f"tegen '{scenario.id}'.",
            file=sys.stderr,
        )
    try:
        card = score(replay(scenario, transcript), scenario, pass_mark=pass_mark)
    except RubricError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(card.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_text(card, scenario))
    return 0
