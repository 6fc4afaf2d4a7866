"""The spoken call in the terminal (`kcc-sim oefen SCENARIO` without --tekst).

Push-to-talk in a terminal: Enter starts speaking, Enter again stops (a terminal sees no key
release). Typed text and /commands work as in the text mode. Whatever part of the audio chain is
missing is named in Dutch, and the call goes on without it (lines on screen, typed answers).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from typing import TextIO

from simulator.audio.errors import AudioUnavailable
from simulator.call.session import SessionEvent, SpokenCall
from simulator.config import load_settings
from simulator.scenario.model import Scenario

TALK_HINT = "Druk op Enter om te spreken en nogmaals op Enter om te stoppen. Typen mag ook."
TYPED_HINT = "Typ wat u zegt en druk op Enter."


def build_call(
    scenario: Scenario, trainee: str, seed: int, engine_name: str | None = None
) -> tuple[SpokenCall, object | None]:
    """The call with every audio part that works here; the missing ones become notices."""
    from simulator.audio.asr import make_recognizer
    from simulator.audio.microphone import SRMicrophone
    from simulator.audio.playback import PygamePlayback
    from simulator.audio.tts import Pyttsx3Speaker

    notices: list[str] = []
    tts = playback = recognizer = microphone = None
    try:
        tts = Pyttsx3Speaker()
    except AudioUnavailable as exc:
        notices.append(str(exc))
    if tts is not None:
        try:
            playback = PygamePlayback()
            if playback.notice:
                notices.append(playback.notice)
        except AudioUnavailable as exc:
            notices.append(str(exc))
    settings = load_settings()
    engine_name = engine_name or settings.asr_engine
    if engine_name != "getypt":
        try:
            microphone = SRMicrophone()
        except AudioUnavailable as exc:
            notices.append(str(exc))
    if microphone is not None:
        # No names prompt: measured, it buys a few names at the cost of prompted names in
        # sentences that never said them, and it needs Whisper's slow full 30 s window
        # (bench/README.md, sections 2 and 3).
        try:
            recognizer = make_recognizer(engine_name, model=settings.asr_model or None)
        except AudioUnavailable as exc:
            notices.append(str(exc))
            microphone = None
    call = SpokenCall(
        scenario,
        tts=tts,
        playback=playback,
        recognizer=recognizer,
        trainee=trainee,
        seed=seed,
        notices=notices,
    )
    return call, microphone


def show(event: SessionEvent, out: TextIO, hints: bool) -> None:
    from simulator.terminal import clock_text

    stamp = f"[{clock_text(event.t)}]"
    if event.kind == "ring":
        out.write(f"Tring... ({event.value})\n")
    elif event.kind == "caller_started" and event.turn is not None:
        who = {"beller": "Beller", "collega": "Collega", "systeem": "Telefooncentrale"}
        out.write(f"{stamp} {who[event.turn.speaker]}: {event.text}\n")
    elif event.kind == "caller_ended" and event.value:
        out.write("    (de beller stopt: u praat erdoorheen)\n")
    elif event.kind == "utterance" and event.utterance is not None:
        out.write(f"{stamp} U: {event.text}  (zekerheid {event.utterance.confidence:.0%})\n")
    elif event.kind == "not_heard":
        out.write("    (niets verstaan; probeer het nog eens of typ uw antwoord)\n")
    elif event.kind == "mood" and hints:
        out.write(f"    (stemming nu {event.value}: {event.text})\n")
    elif event.kind == "notice":
        out.write(f"Let op: {event.text}\n")
    elif event.kind == "ready":
        out.write("De beller is klaar.\n")
    out.flush()


def _is_terminal(source: TextIO) -> bool:
    try:
        return source.isatty()
    except (AttributeError, ValueError):
        return False


def _wait_until_quiet(
    call: SpokenCall, out: TextIO, hints: bool, clock: Callable[[], float], limit: float = 120.0
) -> None:
    """Show the call's events until nobody speaks and nothing is pending (or `limit` passes)."""
    deadline = clock() + limit
    while not call.quiet and not call.engine.finished and clock() < deadline:
        for event in call.update():
            show(event, out, hints)
        time.sleep(0.02)


def run_spoken_call(
    scenario: Scenario,
    trainee: str = "",
    seed: int = 0,
    hints: bool = True,
    source: TextIO = sys.stdin,
    out: TextIO = sys.stdout,
    clock: Callable[[], float] = time.monotonic,
    mode: str = "oefenen",
    database: str | None = None,
) -> int:
    """The whole spoken call in the terminal, then the registration and the scorecard; the
    call is saved as it goes."""
    from simulator.saving import CallSaver
    from simulator.terminal import _LineReader, ask_registration, parse_line

    # SDL (the loudspeaker) would otherwise swallow Ctrl+C and SIGTERM in a terminal program.
    os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
    call, microphone = build_call(scenario, trainee, seed)
    call.clock = clock
    engine_name = call.recognizer.name if call.recognizer is not None else "getypt"
    saver = CallSaver.open(call.engine.record, mode, engine_name, database, warn=out)
    if saver is not None:
        call.audio_listeners.append(saver.add_audio)
    out.write(
        f"\n=== {scenario.titel} ===\n"
        f"Gemeente {scenario.gemeente}, het is {scenario.tijdstip} uur.\n"
    )
    for event in call.update():
        show(event, out, hints)
    out.write("De beller wordt voorbereid...\n")
    out.flush()
    call.prepare()
    reader = _LineReader(source)
    deadline = clock() + 60.0
    while not call.ready and clock() < deadline:
        for event in call.update():
            show(event, out, hints)
        time.sleep(0.05)
    out.write((TALK_HINT if microphone else TYPED_HINT) + " Typ /help voor de opdrachten.\n")
    out.write("De telefoon gaat. Druk op Enter om op te nemen.\n")
    call.start()
    recording: tuple | None = None
    # Piped answers (a scripted call) wait for the caller to finish, as a person would.
    scripted = not _is_terminal(source)
    while not call.finished and not call.engine.finished:
        for event in call.update():
            show(event, out, hints)
        if scripted and call.engine.picked_up:
            _wait_until_quiet(call, out, hints, clock)
            if call.engine.finished:
                break
        line = reader.get(timeout=0.05)
        if line is None:
            break
        if line is False:
            continue
        if not call.engine.picked_up:
            call.pick_up()
            out.write("U neemt op. Begin het gesprek.\n")
            continue
        if line == "" and microphone is not None:
            recording = _toggle_recording(call, microphone, recording, out)
            continue
        try:
            turn = parse_line(line)
        except ValueError as exc:
            out.write(f"    {exc}\n")
            continue
        if turn is None:
            from simulator.terminal import HELP

            out.write(HELP + "\n")
        elif turn.zegt is not None:
            call.say_typed(turn.zegt)
        elif turn.actie is not None:
            call.act(turn.actie, turn.detail)
        else:
            call.let_continue()
    if not call.engine.finished:
        call.engine.abandon(call.now())
    for event in call.update():
        show(event, out, hints)
    call.close()
    out.write("\nHet gesprek is beëindigd.\n")

    def read() -> str | None:
        answer = reader.get(timeout=3600)
        return None if answer is None or answer is False else answer

    ask_registration(call.engine, read, out)
    from simulator.commands import show_result

    scorecard = show_result(call.engine.record, scenario)
    if saver is not None:
        saver.finish(call.engine.record, scorecard)
    return 0


def _toggle_recording(call: SpokenCall, microphone, recording, out: TextIO):  # noqa: ANN001
    """Enter once: start recording (the caller falls silent); Enter again: stop and recognise."""
    if recording is None:
        stop = threading.Event()
        captured: list = []
        start = call.talk_started()

        def pieces(chunk: bytes) -> None:
            call.talk_audio(chunk, microphone.sample_rate, microphone.sample_width)

        def capture() -> None:
            try:
                captured.append(microphone.record(stop, pieces))
            except AudioUnavailable as exc:
                captured.append(exc)

        thread = threading.Thread(target=capture, daemon=True)
        thread.start()
        out.write("    (u spreekt... druk op Enter om te stoppen)\n")
        out.flush()
        return stop, thread, captured, start
    stop, thread, captured, start = recording
    stop.set()
    thread.join(timeout=5)
    if captured and not isinstance(captured[0], AudioUnavailable):
        call.talk_ended(captured[0], start)
    elif captured:
        out.write(f"Let op: {captured[0]}\n")
    return None
