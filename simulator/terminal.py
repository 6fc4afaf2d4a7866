"""The text-mode call: the phone rings in the terminal, the trainee types, the caller answers.

Interactive (a terminal): real time, rings every five seconds, monologues run on while the
trainee listens. Scripted (standard input from a file): virtual time, one line per turn, so a
whole call can be played with `kcc-sim oefen SCENARIO --tekst < antwoorden.txt`.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from simulator.call.engine import CallEngine
from simulator.call.record import CallerTurn, CallRecord, MoodChange
from simulator.call.replay import RING_SECONDS, Turn, play_turn
from simulator.scenario.model import Scenario

HELP = """Opdrachten tijdens het gesprek:
  /doorverbinden        verbind door naar de collega
  /terugbellen [notitie] maak een terugbelnotitie
  /wacht  /terug        zet de beller in de wacht en haal hem terug
  /klantbeeld           bekijk de gegevens van de beller in het systeem
  /stil N               zeg N seconden niets
  /verder               laat de beller doorpraten (of druk Enter)
  /ophangen             beëindig het gesprek
  /help                 deze hulp"""

ACTION_COMMANDS = {
    "/doorverbinden": "doorverbinden",
    "/terugbellen": "terugbelnotitie",
    "/terugbelnotitie": "terugbelnotitie",
    "/wacht": "wacht",
    "/terug": "terug",
    "/klantbeeld": "klantbeeld",
    "/ophangen": "ophangen",
}


class CommandError(ValueError):
    """A typed command the terminal does not know; the message is Dutch."""


def parse_line(line: str) -> Turn | None:
    """One typed line as a transcript turn; None for /help. Raises CommandError for typos."""
    text = line.strip()
    if not text:
        return Turn(doorgaan=True)
    if not text.startswith("/"):
        return Turn(zegt=text)
    command, _, rest = text.partition(" ")
    command = command.lower()
    if command == "/help":
        return None
    if command == "/verder":
        return Turn(doorgaan=True)
    if command == "/stil":
        try:
            return Turn(stilte=float(rest.replace(",", ".")))
        except ValueError:
            raise CommandError(
                "Gebruik /stil met een aantal seconden, bijvoorbeeld: /stil 8"
            ) from None
    if command in ACTION_COMMANDS:
        return Turn(actie=ACTION_COMMANDS[command], detail=rest.strip())
    raise CommandError(f"Onbekende opdracht {command}. Typ /help voor de lijst met opdrachten.")


@dataclass
class Printer:
    """Prints what happened in the call since the last time it was asked."""

    engine: CallEngine
    out: TextIO
    hints: bool
    shown: int = 0

    def flush(self) -> None:
        events = self.engine.record.events
        for event in events[self.shown :]:
            if isinstance(event, CallerTurn):
                who = {"beller": "Beller", "collega": "Collega", "systeem": "Telefooncentrale"}[
                    event.speaker
                ]
                self.out.write(f"[{clock_text(event.t)}] {who}: {event.text}\n")
            elif isinstance(event, MoodChange) and self.hints:
                arrow = "rustiger" if event.new < event.old else "bozer"
                self.out.write(
                    f"    (stemming {event.old} → {event.new}: {arrow}, {event.reason})\n"
                )
        self.shown = len(events)
        self.out.flush()


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def show_customer(scenario: Scenario, out: TextIO) -> None:
    out.write("    Klantbeeld:\n")
    beller = scenario.beller
    out.write(f"      naam: {beller.voornaam} {beller.achternaam}\n")
    for key, value in beller.klantgegevens.items():
        out.write(f"      {key}: {value}\n")


def ask_registration(
    engine: CallEngine, read: Callable[[], str | None], out: TextIO, echo: bool = False
) -> None:
    out.write(
        "\nRegistratie in het contactsysteem (laat het onderwerp leeg om niet te registreren).\n"
    )
    answers: dict[str, str] = {}
    for field, label in (
        ("onderwerp", "Onderwerp"),
        ("samenvatting", "Korte samenvatting"),
        ("afhandeling", "Afhandeling"),
        ("vervolgactie", "Vervolgactie"),
    ):
        out.write(f"{label}: ")
        out.flush()
        answer = read()
        if echo and answer is not None:
            out.write(answer + "\n")
        if answer is None or (field == "onderwerp" and not answer.strip()):
            out.write("\n(niet geregistreerd)\n")
            return
        answers[field] = answer.strip()
    engine.register(engine.record.duration + 5.0, **answers)


def _header(scenario: Scenario, out: TextIO) -> None:
    out.write(f"\n=== {scenario.titel} ===\n")
    out.write(f"Gemeente {scenario.gemeente}, het is {scenario.tijdstip} uur.\n")
    out.write("Typ wat u zegt en druk op Enter. Typ /help voor de opdrachten.\n\n")


OnStart = Callable[[CallRecord], None]


def _new_engine(
    scenario: Scenario, trainee: str, seed: int, on_start: OnStart | None
) -> CallEngine:
    engine = CallEngine(scenario, seed=seed, trainee=trainee)
    if on_start is not None:
        on_start(engine.record)
    return engine


def play_scripted(
    scenario: Scenario,
    source: TextIO,
    out: TextIO,
    trainee: str,
    seed: int,
    hints: bool,
    on_start: OnStart | None = None,
) -> CallRecord:
    """Standard input is a file: one line per turn, virtual time, no waiting."""
    engine = _new_engine(scenario, trainee, seed, on_start)
    printer = Printer(engine, out, hints)
    _header(scenario, out)

    def read() -> str | None:
        line = source.readline()
        return None if line == "" else line.rstrip("\n")

    engine.ring(0.0)
    out.write("Tring... (1)\n")
    first = read()
    now = 2.0
    engine.pick_up(now)
    out.write("U neemt op.\n")
    pending = [first] if first and first.strip() and first.strip() != "/opnemen" else []
    while not engine.finished:
        line = pending.pop() if pending else read()
        if line is None:
            break
        now = _play_line(engine, scenario, line, now, out)
        printer.flush()
    if not engine.finished:
        engine.end(max(now, engine.speaking_until) + 1.0)
    out.write("\nHet gesprek is beëindigd.\n")
    ask_registration(engine, read, out, echo=True)
    return engine.record


def _play_line(engine: CallEngine, scenario: Scenario, line: str, now: float, out: TextIO) -> float:
    try:
        turn = parse_line(line)
    except CommandError as exc:
        out.write(f"    {exc}\n")
        return now
    if turn is None:
        out.write(HELP + "\n")
        return now
    if turn.zegt is not None:
        out.write(f"[{clock_text(max(now, engine.speaking_until))}] U: {turn.zegt}\n")
    if turn.actie == "klantbeeld":
        show_customer(scenario, out)
    return play_turn(engine, turn, now)


class _LineReader:
    """Reads lines on a thread so the call can go on (rings, monologues) while nobody types."""

    def __init__(self, source: TextIO) -> None:
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._source = source
        self._ended = False
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        for line in iter(self._source.readline, ""):
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def get(self, timeout: float) -> str | None | bool:
        """A line, None at end of input (every time after it), or False when nothing was
        typed within `timeout`."""
        if self._ended:
            return None
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            return False
        self._ended = line is None
        return line


def play_interactive(
    scenario: Scenario,
    source: TextIO,
    out: TextIO,
    trainee: str,
    seed: int,
    hints: bool,
    on_start: OnStart | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> CallRecord:
    """A person at a terminal: real time, with rings and monologues that run on."""
    engine = _new_engine(scenario, trainee, seed, on_start)
    printer = Printer(engine, out, hints)
    reader = _LineReader(source)
    _header(scenario, out)
    begin = clock()

    def now() -> float:
        return clock() - begin

    out.write("De telefoon gaat. Druk op Enter om op te nemen.\n")
    while not engine.picked_up and not engine.finished:
        engine.ring(now())
        out.write(f"Tring... ({engine.rings})\n")
        out.flush()
        line = reader.get(timeout=RING_SECONDS)
        if line is None:
            break
        if line is not False:
            engine.pick_up(now())
            out.write("U neemt op. Begin het gesprek.\n")
    while not engine.finished and engine.picked_up:
        line = reader.get(timeout=0.2)
        if line is None:
            break
        if line is False:
            engine.tick(now())
        else:
            _play_live(engine, scenario, line, now(), out)
        printer.flush()
    if not engine.finished:
        engine.abandon(now())
    printer.flush()
    out.write("\nHet gesprek is beëindigd.\n")

    def read() -> str | None:
        line = reader.get(timeout=3600)
        return None if line is None or line is False else line

    ask_registration(engine, read, out)
    return engine.record


def _play_live(engine: CallEngine, scenario: Scenario, line: str, t: float, out: TextIO) -> None:
    try:
        turn = parse_line(line)
    except CommandError as exc:
        out.write(f"    {exc}\n")
        return
    if turn is None:
        out.write(HELP + "\n")
    elif turn.zegt is not None:
        # A typed line counts as said in the seconds before Enter was pressed.
        engine.hear(turn.zegt, max(0.0, t - 0.5), t, typed=True)
    elif turn.actie is not None:
        if turn.actie == "klantbeeld":
            show_customer(scenario, out)
        engine.act(turn.actie, t, turn.detail)
    elif turn.stilte is not None:
        engine.tick(t + turn.stilte)
    else:
        engine.let_continue(t)


def play(
    scenario: Scenario,
    source: TextIO = sys.stdin,
    out: TextIO = sys.stdout,
    trainee: str = "",
    seed: int = 0,
    hints: bool = True,
    on_start: OnStart | None = None,
) -> CallRecord:
    """The text-mode call; `on_start` gets the call record before anything happens in it."""
    runner = play_interactive if source.isatty() else play_scripted
    return runner(scenario, source, out, trainee, seed, hints, on_start)
