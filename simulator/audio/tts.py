"""The caller's voice: pyttsx3 renders each line to a cached WAV file (never plays it).

Traps measured with pyttsx3 2.99 on espeak-ng, and how this module avoids them:
- a new voice, rate, volume or pitch is sometimes applied one line late or dropped, and the first
  line after start-up ignores the settings: set the voice first, let the driver settle before and
  after each render, render a throw-away line at start-up, and re-render a line whose duration
  does not fit its rate;
- two `save_to_file` calls before one `runAndWait` write only the last file: one line per run;
- `say()` plays through `aplay`: never used; playback.py plays the WAVs with pygame.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import sys
import tempfile
import threading
import time
import wave
from pathlib import Path

from simulator.audio.errors import AudioUnavailable
from simulator.audio.espeak import load_espeak
from simulator.audio.paths import voice_cache_dir
from simulator.audio.voices import VoiceInfo, pick_voice, voice_infos
from simulator.call.voice import VoiceSettings

# Seconds the driver gets to take a new setting before and after a render (see module doc).
SETTLE_SECONDS = 0.03
# A rendered line whose length is off its expected length by more than this is rendered again.
DURATION_TOLERANCE = (0.6, 1.6)
RENDER_ATTEMPTS = 3
CACHE_VERSION = "1"

NO_DUTCH_VOICE = (
    "Er is geen Nederlandse stem voor de beller gevonden ({driver}). "
    "Het gesprek gaat door: de zinnen van de beller staan op het scherm. "
    "Installeer een Nederlandse stem (Linux: pip-pakket espeakng-loader of apt-pakket espeak-ng; "
    "Windows: Instellingen > Tijd en taal > Spraak > Nederlands; macOS: Systeeminstellingen > "
    "Toegankelijkheid > Gesproken materiaal) en start opnieuw."
)
NO_TTS = (
    "De spraakmotor voor de beller kon niet starten ({error}). "
    "Het gesprek gaat door: de zinnen van de beller staan op het scherm. "
    "Installeer op Linux het pip-pakket espeakng-loader (of apt-pakket espeak-ng) en start opnieuw."
)


def default_driver() -> str:
    if sys.platform == "win32":
        return "sapi5"
    if sys.platform == "darwin":
        return "nsss"
    return "espeak"


def expected_seconds(text: str, rate_wpm: int) -> float:
    """Rough spoken length of `text`: espeak keeps to its rate within about 10%."""
    words = max(1, len(text.split()))
    return words * 60.0 / max(rate_wpm, 60)


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / float(wav.getframerate() or 1)


class Pyttsx3Speaker:
    """Renders text with pyttsx3 into the voice cache; safe to call from one worker thread."""

    def __init__(self, cache: Path | None = None, driver: str | None = None) -> None:
        self.driver = driver or default_driver()
        self.cache = cache or voice_cache_dir()
        self.library = load_espeak() if self.driver == "espeak" else "systeem"
        self._lock = threading.Lock()
        try:
            import pyttsx3

            self._engine = pyttsx3.init(self.driver)
            self.voices: list[VoiceInfo] = voice_infos(self._engine.getProperty("voices"))
        except Exception as exc:  # pyttsx3 raises RuntimeError/OSError/ImportError per driver
            raise AudioUnavailable(NO_TTS.format(error=exc), "stem") from exc
        if pick_voice(self.driver, "vrouw", self.voices) is None:
            raise AudioUnavailable(NO_DUTCH_VOICE.format(driver=self.driver), "stem")
        self._warm_up()

    def voice_id(self, gender: str) -> str:
        return pick_voice(self.driver, gender, self.voices) or ""

    def cache_path(self, text: str, voice: VoiceSettings) -> Path:
        """The cache file for a line: keyed by text, voice settings, driver and voice id."""
        key = "|".join(
            (
                CACHE_VERSION,
                self.driver,
                self.voice_id(voice.gender),
                str(voice.rate),
                f"{voice.volume:.2f}",
                str(voice.pitch),
                text,
            )
        )
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        return self.cache / digest[:2] / f"{digest}.wav"

    def cached(self, text: str, voice: VoiceSettings) -> bool:
        return self.cache_path(text, voice).is_file()

    def render(self, text: str, voice: VoiceSettings) -> Path:
        """The WAV file of `text` in `voice`, rendered now unless it is in the cache."""
        target = self.cache_path(text, voice)
        if target.is_file():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            fd, temporary = tempfile.mkstemp(suffix=".wav", dir=target.parent)
            os.close(fd)
            try:
                self._render_checked(text, voice, Path(temporary))
                os.replace(temporary, target)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temporary)
        return target

    def _render_checked(self, text: str, voice: VoiceSettings, path: Path) -> None:
        expected = expected_seconds(text, voice.rate)
        low, high = DURATION_TOLERANCE
        for attempt in range(RENDER_ATTEMPTS):
            self._render_once(text, voice, path, settle=SETTLE_SECONDS * (attempt + 1))
            seconds = _safe_seconds(path)
            # Numbers and postcodes take longer than their word count says: only a line that is
            # far off (a dropped rate setting) is rendered again, and the last try is kept.
            if seconds > 0 and low <= seconds / expected <= high:
                return
        if _safe_seconds(path) <= 0:
            raise AudioUnavailable(
                f"De stem van de beller kon de zin '{text[:40]}' niet maken. "
                "Het gesprek gaat door met de zinnen op het scherm.",
                "stem",
            )

    def _render_once(self, text: str, voice: VoiceSettings, path: Path, settle: float) -> None:
        engine = self._engine
        engine.setProperty("voice", self.voice_id(voice.gender))
        time.sleep(settle)
        engine.setProperty("rate", voice.rate)
        engine.setProperty("volume", voice.volume)
        if self.driver == "espeak":
            engine.setProperty("pitch", voice.pitch)
        time.sleep(settle)
        # The espeak driver prints "Audio saved to ..." for every file.
        with contextlib.redirect_stdout(io.StringIO()):
            engine.save_to_file(text, str(path))
            engine.runAndWait()
        time.sleep(settle)

    def _warm_up(self) -> None:
        """The first render after start-up ignores its settings: spend it on a throw-away line."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "opwarmen.wav"
            with self._lock:
                self._render_once("Hallo.", VoiceSettings("vrouw", 170, 0.5, 50), path, 0.01)


def _safe_seconds(path: Path) -> float:
    try:
        return wav_seconds(path)
    except (OSError, EOFError, wave.Error):
        return 0.0
