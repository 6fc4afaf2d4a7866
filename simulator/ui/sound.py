"""The phone's ring tone: generated with numpy (a Dutch-style 425 Hz double burst) and played
through pygame.mixer. Without a sound card the ring is silent and the screen says so in Dutch."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pygame

RATE = 22050
# One ring cycle is 5 seconds (the rubric counts rings): two short bursts, then silence.
RING_SECONDS = 5.0
BURSTS = ((0.0, 0.4), (0.6, 1.0))
ASSET = Path(__file__).resolve().parents[2] / "assets" / "sounds" / "ring.wav"
NO_SOUND = (
    "Er is geen geluid beschikbaar ({error}). De telefoon rinkelt daarom alleen op het scherm; "
    "het aantal keer overgaan staat in beeld."
)


def ring_samples(rate: int = RATE) -> np.ndarray:
    """One ring: two bursts of a 425 Hz tone with a 25 Hz warble, 16-bit mono, 2 seconds."""
    t = np.arange(int(rate * 2.0)) / rate
    tone = np.sin(2 * np.pi * 425 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 25 * t))
    envelope = np.zeros_like(t)
    for start, end in BURSTS:
        inside = (t >= start) & (t < end)
        envelope[inside] = 1.0
    # 10 ms fades so the bursts do not click.
    fade = int(rate * 0.01)
    ramp = np.convolve(envelope, np.ones(fade) / fade, mode="same")
    return (tone * ramp * 0.5 * 32767).astype(np.int16)


def write_ring_wav(path: Path, rate: int = RATE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(ring_samples(rate).tobytes())
    return path


def ring_wav() -> Path:
    """The committed WAV in assets/, or a freshly generated one in the user cache."""
    if ASSET.exists():
        return ASSET
    from simulator.audio.paths import cache_dir

    target = cache_dir() / "ring.wav"
    return target if target.exists() else write_ring_wav(target)


class RingTone:
    """Plays one ring per call to `ring()`; `notice` holds the Dutch message when silent."""

    def __init__(self) -> None:
        self.notice: str | None = None
        self._sound: pygame.mixer.Sound | None = None
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=RATE, size=-16, channels=1)
            self._sound = pygame.mixer.Sound(str(ring_wav()))
        except (pygame.error, OSError) as exc:
            self.notice = NO_SOUND.format(error=exc)

    @property
    def audible(self) -> bool:
        return self._sound is not None

    def ring(self) -> None:
        if self._sound is not None:
            self._sound.play()

    def stop(self) -> None:
        if self._sound is not None:
            self._sound.stop()
