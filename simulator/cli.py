"""`kcc-sim`: the command line, with Dutch help texts. Each part registers its own subcommands."""

from __future__ import annotations

import argparse
import contextlib
import faulthandler
import importlib
import os
import sys
from collections.abc import Sequence

from simulator.config import ConfigError

# Parts that add subcommands through `register(subparsers)`.
COMMAND_MODULES = (
    "simulator.commands",
    "simulator.scenario.commands",
    "simulator.scoring.commands",
    "simulator.audio.commands",
    "simulator.store.commands",
    "simulator.authoring.commands",
)


class DutchArgumentParser(argparse.ArgumentParser):
    """argparse with its fixed English phrases in Dutch."""

    def error(self, message: str) -> None:  # type: ignore[override]
        message = (
            message.replace("the following arguments are required", "deze argumenten ontbreken")
            .replace("unrecognized arguments", "onbekende argumenten")
            .replace("invalid choice", "ongeldige keuze")
            .replace("choose from", "kies uit")
            .replace("expected one argument", "verwacht één waarde")
            .replace("argument", "argument")
        )
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")

    def format_help(self) -> str:
        return (
            super()
            .format_help()
            .replace("usage:", "gebruik:")
            .replace("positional arguments:", "argumenten:")
            .replace("options:", "opties:")
            .replace("show this help message and exit", "toon deze hulp en stop")
        )

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "gebruik:")


def build_parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(
        prog="kcc-sim",
        description="Oefensimulator voor telefoongesprekken in het klantcontactcentrum (KCC).",
    )
    subparsers = parser.add_subparsers(
        title="opdrachten", metavar="OPDRACHT", parser_class=DutchArgumentParser
    )
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            # Only a part that is not installed is skipped; a broken import inside it is a bug.
            if not (exc.name and name.startswith(exc.name)):
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # A crash inside a native library (espeak-ng, SDL, CTranslate2) then leaves the Python stack
    # of every thread on stderr instead of a bare "Segmentation fault".
    with contextlib.suppress(ValueError, OSError, AttributeError):  # stderr without a file
        faulthandler.enable()
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "func", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        print("\nAfgebroken.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader stopped early (`kcc-sim speel-door X | head`): nothing went wrong here.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except ConfigError as exc:  # a broken settings file: its message names the file and the fix
        print(f"kcc-sim: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # the last safety net: a Dutch sentence, not a traceback
        if os.environ.get("KCC_SIM_DEBUG"):
            raise
        print(
            f"Er ging iets onverwachts mis: {exc.__class__.__name__}: {exc}\n"
            "Probeer het opnieuw. Blijft het gebeuren, start dan met KCC_SIM_DEBUG=1 en meld "
            "de uitvoer aan de beheerder van de simulator.",
            file=sys.stderr,
        )
        return 3
