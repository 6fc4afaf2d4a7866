"""Capturing the trainee with SpeechRecognition: push-to-talk (default) or an open line."""

from __future__ import annotations

import threading
from collections.abc import Callable

from speech_recognition import AudioData

from simulator.audio.errors import AudioUnavailable

NO_PYAUDIO = (
    "Spreken kan niet: het pakket PyAudio ontbreekt (nodig voor de microfoon). "
    "Installeer het met 'pip install kcc-sim[mic]' (op Linux eerst 'apt install portaudio19-dev'), "
    "of oefen met getypte antwoorden: kcc-sim oefen SCENARIO --tekst."
)
NO_INPUT_DEVICE = (
    "Spreken kan niet: er is geen microfoon gevonden ({error}). "
    "Sluit een headset of microfoon aan en start opnieuw, "
    "of oefen met getypte antwoorden: kcc-sim oefen SCENARIO --tekst."
)
# Open line: how long a pause ends the trainee's turn, and the shortest sound that counts.
PAUSE_THRESHOLD = 0.9
PHRASE_THRESHOLD = 0.25
NON_SPEAKING = 0.4
CALIBRATION_SECONDS = 1.0


def explain(exc: BaseException) -> AudioUnavailable:
    """The Dutch message for SpeechRecognition's errors about PyAudio and input devices."""
    if isinstance(exc, AttributeError) and "PyAudio" in str(exc):
        return AudioUnavailable(NO_PYAUDIO, "pyaudio")
    return AudioUnavailable(NO_INPUT_DEVICE.format(error=exc), "microfoon")


class SRMicrophone:
    """The default microphone through speech_recognition.Microphone (needs PyAudio)."""

    def __init__(
        self,
        factory: Callable[[], object] | None = None,
        calibrate: bool = True,
    ) -> None:
        import speech_recognition as sr

        try:
            self._source = (factory or sr.Microphone)()
        except (AttributeError, OSError, AssertionError) as exc:
            raise explain(exc) from exc
        self._recognizer = sr.Recognizer()
        self._recognizer.pause_threshold = PAUSE_THRESHOLD
        self._recognizer.phrase_threshold = PHRASE_THRESHOLD
        self._recognizer.non_speaking_duration = NON_SPEAKING
        self._calibrated = not calibrate

    @property
    def sample_rate(self) -> int:
        return self._source.SAMPLE_RATE

    @property
    def sample_width(self) -> int:
        return self._source.SAMPLE_WIDTH

    def record(
        self, stop: threading.Event, on_level: Callable[[bytes], None] | None = None
    ) -> AudioData:
        """Push-to-talk: everything from now until `stop` is set (the key is released);
        `on_level` gets every chunk as it is read (level meter, recognition in pieces)."""
        frames = []
        try:
            with self._source as source:
                while not stop.is_set():
                    chunk = source.stream.read(source.CHUNK)
                    frames.append(chunk)
                    if on_level:
                        on_level(chunk)
        except (OSError, AttributeError) as exc:
            raise explain(exc) from exc
        return AudioData(b"".join(frames), self._source.SAMPLE_RATE, self._source.SAMPLE_WIDTH)

    def listen(self, timeout: float | None = None) -> AudioData | None:
        """Open line: wait for speech, return it after a pause; None when nobody spoke."""
        import speech_recognition as sr

        try:
            with self._source as source:
                if not self._calibrated:
                    self._recognizer.adjust_for_ambient_noise(source, CALIBRATION_SECONDS)
                    self._calibrated = True
                return self._recognizer.listen(source, timeout=timeout)
        except sr.WaitTimeoutError:
            return None
        except (OSError, AttributeError) as exc:
            raise explain(exc) from exc
