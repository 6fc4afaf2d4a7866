"""The trainer's commands: `valideer` (check scenario files) and `schema` (editor completion)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simulator.scenario.errors import Problem, count_summary, sort_key


def register(subparsers: argparse._SubParsersAction) -> None:
    valideer = subparsers.add_parser(
        "valideer",
        help="controleer scenariobestanden",
        description="Controleer scenariobestanden en toon elke fout en waarschuwing met de plek "
        "in het bestand (bestand:regel:kolom).",
    )
    valideer.add_argument(
        "paden",
        nargs="*",
        metavar="PAD",
        help="scenariobestanden of mappen (standaard: de map met scenario's)",
    )
    valideer.add_argument(
        "--streng", action="store_true", help="laat ook waarschuwingen de controle doen mislukken"
    )
    valideer.set_defaults(func=run_valideer)

    schema = subparsers.add_parser(
        "schema",
        help="toon het JSON-schema van het scenarioformaat",
        description="Toon het JSON-schema van het scenarioformaat, voor aanvullen en controleren "
        "in een editor (zoals VS Code met de YAML-extensie).",
    )
    schema.add_argument("--uit", metavar="BESTAND", help="schrijf het schema naar dit bestand")
    schema.set_defaults(func=run_schema)


def files_to_check(paths: list[str]) -> tuple[list[Path], list[Problem]]:
    """The scenario files named or inside the named folders, and problems with missing paths."""
    from simulator.scenario.loader import default_folder, scenario_files

    files: list[Path] = []
    problems: list[Problem] = []
    for name in paths or [str(default_folder())]:
        path = Path(name)
        if path.is_dir():
            found = scenario_files(path)
            if not found:
                problems.append(
                    Problem(name, 0, 0, "in deze map staan geen scenariobestanden (.yaml).", "")
                )
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(
                Problem(
                    name,
                    0,
                    0,
                    "dit bestand of deze map bestaat niet.",
                    "Controleer de naam; geef een .yaml-bestand of een map.",
                )
            )
    return list(dict.fromkeys(files)), problems


def validate_files(files: list[Path]) -> list[Problem]:
    """Every problem in the files, including ids used by two files."""
    from simulator.scenario.loader import check_file, duplicate_id_problems

    problems: list[Problem] = []
    loaded = []
    for file in files:
        scenario, found = check_file(file)
        problems.extend(found)
        if scenario is not None:
            loaded.append((file, scenario))
    problems.extend(duplicate_id_problems(loaded))
    return problems


def run_valideer(args: argparse.Namespace) -> int:
    files, problems = files_to_check(list(args.paden))
    problems = sorted(problems + validate_files(files), key=sort_key)
    for problem in problems:
        print(problem.with_context())
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    print(count_summary(errors, warnings, len(files)))
    failed = errors > 0 or (args.streng and warnings > 0)
    return 1 if failed else 0


def run_schema(args: argparse.Namespace) -> int:
    from simulator.scenario.schema import schema_text

    text = schema_text()
    if not args.uit:
        print(text)
        return 0
    try:
        Path(args.uit).write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        print(
            f"kcc-sim schema: het bestand {args.uit} kan niet worden geschreven "
            f"({error.strerror}). Kies een andere plek met --uit.",
            file=sys.stderr,
        )
        return 1
    print(f"Schema geschreven naar {args.uit}.")
    return 0
