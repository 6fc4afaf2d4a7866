"""What `python run_sim.py` starts: the pygame app on a screen, the text-mode menu without one."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TextIO


def has_display() -> bool:
    """A screen we can open a window on (Windows and macOS always have one when logged in)."""
    if os.environ.get("SDL_VIDEODRIVER") in ("dummy", "offscreen"):
        return True
    if sys.platform.startswith(("win", "darwin")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def choose_scenario(scenarios: Sequence, source: TextIO, out: TextIO):
    """A numbered menu; returns the chosen scenario or None."""
    out.write("\nKies een scenario:\n")
    for n, scenario in enumerate(scenarios, 1):
        stars = "★" * scenario.moeilijkheid
        out.write(f"  {n:2d}. {scenario.titel} ({scenario.thema}, {stars})\n")
    while True:
        out.write("Nummer (of Enter om te stoppen): ")
        out.flush()
        answer = source.readline()
        if not answer.strip():
            return None
        if answer.strip().isdigit() and 1 <= int(answer) <= len(scenarios):
            return scenarios[int(answer) - 1]
        out.write(f"Typ een nummer van 1 tot {len(scenarios)}.\n")


def text_mode(source: TextIO = sys.stdin, out: TextIO = sys.stdout) -> int:
    from simulator import terminal
    from simulator.commands import show_result
    from simulator.scenario.errors import ScenarioError
    from simulator.scenario.loader import default_folder, load_scenarios

    try:
        scenarios = sorted(load_scenarios(default_folder()), key=lambda s: (s.moeilijkheid, s.id))
    except ScenarioError as exc:
        out.write(f"{exc}\n")
        return 1
    scenario = choose_scenario(scenarios, source, out)
    if scenario is None:
        return 0
    out.write("Uw naam (zoals u zich aan de telefoon voorstelt): ")
    out.flush()
    name = source.readline().strip()
    record = terminal.play(scenario, source, out, trainee=name)
    show_result(record, scenario)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--tekst" in args or not has_display():
        if "--tekst" not in args:
            print(
                "Er is geen beeldscherm gevonden (geen DISPLAY). De simulator start daarom het "
                "gesprek in tekstmodus. Op een computer met scherm opent het venster vanzelf."
            )
        return text_mode()
    try:
        from simulator.ui.app import run_app
    except ModuleNotFoundError as exc:
        if exc.name != "simulator.ui.app":
            raise
        return text_mode()
    return run_app(args)
