"""Golden calls spoken: the trainee's turns synthesised with espeak-ng, recognised by the real
recogniser and played through a real SpokenCall in virtual time.

Shared by tests/audio/test_spoken_calls.py and the benchmarks in bench/. The clock is the only
fake: the session, engine and recogniser are the real ones; recognition runs in real time on the
session's worker while the call's clock stands still (so results do not depend on machine speed).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import speech_recognition as sr

from simulator.audio.asr import audio_seconds
from simulator.audio.protocols import SpeechRecognizer
from simulator.audio.utterance import Utterance
from simulator.call.engine import MONOLOGUE_PAUSE, CallEngine
from simulator.call.record import CallRecord
from simulator.call.replay import DEFAULT_GAP, RING_SECONDS, Transcript, Turn, register_form
from simulator.call.session import SessionEvent, SpokenCall
from simulator.scenario.model import Scenario

# The trainee speaks with another espeak-ng voice than any caller (callers use nl+f3 / nl+m3).
TRAINEE_VOICE = "nl+m7"
TRAINEE_RATE = 150
STEP = 0.1  # virtual seconds per poll while waiting for the caller
REAL_TIMEOUT = 120.0  # real seconds to wait for one recognition
ANSWERS = ("utterance", "not_heard", "notice")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def synthesise(text: str, folder: Path, voice: str = TRAINEE_VOICE) -> Path:
    """A WAV of `text` spoken by espeak-ng, cached in `folder` by text and voice."""
    if shutil.which("espeak-ng") is None:
        raise RuntimeError("espeak-ng (apt-get install espeak-ng) is needed to synthesise speech")
    key = hashlib.sha256(f"{voice}|{TRAINEE_RATE}|{text}".encode()).hexdigest()[:16]
    path = folder / f"{voice.replace('+', '-')}-{key}.wav"
    if not path.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".deel.wav")
        subprocess.run(
            ["espeak-ng", "-v", voice, "-s", str(TRAINEE_RATE), "-w", str(partial), text],
            check=True,
            capture_output=True,
        )
        partial.replace(path)
    return path


class CachingRecognizer:
    """The real recogniser, remembering its answer per audio and prompt (the same sentence in two
    golden calls is recognised once). Times are shifted per call like the real one does."""

    def __init__(self, inner: SpeechRecognizer) -> None:
        self.inner = inner
        self.name = inner.name
        self.seconds: list[float] = []  # real recognition time of every sentence not cached
        self._known: dict[tuple[str, str], Utterance] = {}

    def load(self) -> None:
        if hasattr(self.inner, "load"):
            self.inner.load()

    def with_names(self, names: Sequence[str]) -> CachingRecognizer:
        """The same cache in front of the inner recogniser with another names prompt."""
        other = CachingRecognizer(self.inner.with_names(names))
        other.seconds, other._known = self.seconds, self._known
        return other

    def transcribe(self, audio: sr.AudioData, start: float = 0.0) -> Utterance:
        key = (hashlib.sha256(audio.frame_data).hexdigest(), str(getattr(self.inner, "prompt", "")))
        if key not in self._known:
            began = time.perf_counter()
            self._known[key] = self.inner.transcribe(audio, 0.0)
            self.seconds.append(time.perf_counter() - began)
        return self._known[key].shifted(start)


@dataclass(frozen=True)
class SpokenTurn:
    """One trainee turn that was really spoken: the transcript's words, when the trainee started
    (call time) and for how long, and the session's answer: "utterance" or "not_heard" with what
    was heard, or "" and None when recognition failed."""

    text: str
    began: float
    seconds: float
    heard: str
    utterance: Utterance | None


@dataclass
class SpokenResult:
    record: CallRecord
    events: list[SessionEvent]
    # The trainee turns that were spoken (turns after the end of the call are not).
    said: list[SpokenTurn] = field(default_factory=list)


MICROPHONE_CHUNK = 1024  # frames per read, as speech_recognition.Microphone reads them


def microphone_chunks(audio: sr.AudioData) -> list[bytes]:
    size = MICROPHONE_CHUNK * audio.sample_width
    return [audio.frame_data[i : i + size] for i in range(0, len(audio.frame_data), size)]


class CallDriver(Protocol):
    """How a runner lets time pass in a spoken call: virtual time here, real time in
    bench/latency.py."""

    def poll(self) -> object: ...

    def settle(self) -> None: ...  # until nobody speaks and nothing is pending

    def advance(self, seconds: float) -> None: ...

    def silence(self, seconds: float) -> None: ...  # the trainee says nothing this long


def play_transcript(
    call: SpokenCall, transcript: Transcript, driver: CallDriver, speak: Callable[[Turn], None]
) -> None:
    """Ring, pick up and play the trainee's side of a golden transcript turn by turn, until the
    transcript or the call ends; spoken turns go to `speak`."""
    call.start()
    driver.advance((max(transcript.beltonen, 1) - 1) * RING_SECONDS + 2.0)
    driver.poll()
    call.pick_up()
    for turn in transcript.beurten:
        if call.engine.finished:
            break
        if turn.zegt is not None:
            speak(turn)
        elif turn.actie is not None:
            driver.settle()
            driver.advance(1.0)
            call.act(turn.actie, turn.detail)
        elif turn.stilte is not None:
            driver.settle()
            driver.silence(turn.stilte)
        else:
            driver.settle()
            call.let_continue()
            driver.advance(MONOLOGUE_PAUSE)


class _Driver:
    def __init__(self, call: SpokenCall, clock: FakeClock, pieces: bool = True) -> None:
        self.call, self.clock, self.pieces = call, clock, pieces
        self.events: list[SessionEvent] = []

    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)

    def silence(self, seconds: float) -> None:
        target = self.clock.now + seconds
        self.wait(lambda: self.clock.now >= target)

    def poll(self) -> list[SessionEvent]:
        new = self.call.update()
        self.events += new
        return new

    def wait(self, done: Callable[[], bool], limit: float = 300.0, to_end: bool = False) -> None:
        """Let virtual time pass (and recognition finish in real time) until `done()`, or until
        the call is over unless `to_end`."""
        waited, deadline = 0.0, time.monotonic() + REAL_TIMEOUT
        self.poll()
        while not done() and (to_end or not self.call.engine.finished):
            if self.call._recognising:  # recognition runs in real time; the clock stands still
                if time.monotonic() > deadline:
                    raise TimeoutError("recognition took longer than the test allows")
                time.sleep(0.01)
            elif waited < limit:
                self.clock.advance(STEP)
                waited += STEP
            else:
                raise TimeoutError(f"the call did not get there in {limit:g} virtual seconds")
            self.poll()

    def settle(self) -> None:
        self.wait(lambda: self.call.quiet)

    def speak(self, text: str, wav: Path, interrupt: bool) -> SpokenTurn | None:
        """Press to talk, play the WAV's length in virtual time, release; None when the call
        ended before the trainee could start."""
        call = self.call
        if interrupt:
            self.wait(lambda: call.caller_speaking)
            playing = call._playing
            if playing is not None:
                self.clock.advance(max(0.0, (playing.ends - playing.started) / 2))
                self.poll()
        else:
            self.settle()
            self.clock.advance(DEFAULT_GAP)
        if call.engine.finished:
            return None
        audio = sr.AudioData.from_file(str(wav))
        began = call.talk_started()
        for chunk in microphone_chunks(audio) if self.pieces else ():
            call.talk_audio(chunk, audio.sample_rate, audio.sample_width)  # as a microphone does
        self.clock.advance(audio_seconds(audio))
        seen = len(self.events)
        call.talk_ended(audio)
        # The answer comes even when the call ends meanwhile; a failed recognition is a notice.
        self.wait(lambda: any(e.kind in ANSWERS for e in self.events[seen:]), to_end=True)
        answer = next((e for e in self.events[seen:] if e.kind in ANSWERS), None)
        if answer is None or answer.kind == "notice":
            return SpokenTurn(text, began, audio_seconds(audio), "", None)
        return SpokenTurn(text, began, audio_seconds(audio), answer.kind, answer.utterance)


def speak_call(
    scenario: Scenario,
    transcript: Transcript,
    recognizer: SpeechRecognizer,
    wav_folder: Path,
    voice: str = TRAINEE_VOICE,
    pieces: bool = True,
) -> SpokenResult:
    """Play a golden transcript as a spoken call; returns the record and the session's events."""
    clock = FakeClock()
    engine = CallEngine(scenario, seed=transcript.seed, trainee=transcript.medewerker)
    call = SpokenCall(
        scenario, recognizer=recognizer, clock=clock, trainee=transcript.medewerker, engine=engine
    )
    driver = _Driver(call, clock, pieces)
    result = SpokenResult(engine.record, driver.events)

    def speak(turn: Turn) -> None:
        wav = synthesise(turn.zegt, wav_folder, voice)
        spoken = driver.speak(turn.zegt, wav, turn.onderbreekt)
        if spoken is not None:
            result.said.append(spoken)

    try:
        play_transcript(call, transcript, driver, speak)
        driver.settle()
        if not engine.finished:
            call.hang_up()
        driver.wait(lambda: call.finished, limit=60.0, to_end=True)
        driver.poll()
        register_form(engine, transcript)
    finally:
        call.close()
    return result
