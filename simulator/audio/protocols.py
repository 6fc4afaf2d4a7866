"""The small interfaces between the call and the audio world; fakes for tests live in tests/."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from speech_recognition import AudioData

from simulator.audio.utterance import Utterance
from simulator.call.voice import VoiceSettings


class TextToSpeech(Protocol):
    """Renders a caller line to a WAV file (cached); never plays it."""

    def render(self, text: str, voice: VoiceSettings) -> Path: ...


class Playback(Protocol):
    """Plays WAV files one at a time; `stop` silences at once (the trainee interrupts)."""

    def play(self, wav: Path) -> float: ...  # returns the duration in seconds

    def stop(self) -> None: ...

    @property
    def busy(self) -> bool: ...


class SpeechRecognizer(Protocol):
    """Turns recorded speech into an Utterance; times are shifted by `start` (call time)."""

    name: str

    def transcribe(self, audio: AudioData, start: float = 0.0) -> Utterance: ...


class Microphone(Protocol):
    """Captures the trainee: push-to-talk (`record` until `stop` is set) or open line."""

    sample_rate: int
    sample_width: int

    def record(
        self, stop: threading.Event, on_level: Callable[[bytes], None] | None = None
    ) -> AudioData: ...

    def listen(self, timeout: float | None = None) -> AudioData | None: ...
