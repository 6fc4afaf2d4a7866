"""Playing the caller's WAV files through pygame.mixer, on one channel that stops at once."""

from __future__ import annotations

import os
from pathlib import Path

from simulator.audio.errors import AudioUnavailable

NO_SOUND_CARD = (
    "Er is geen geluidskaart of luidspreker gevonden ({error}). "
    "Het gesprek gaat door zonder geluid: de zinnen van de beller staan op het scherm. "
    "Sluit een koptelefoon of luidspreker aan en start opnieuw om de beller te horen."
)
DUMMY_NOTICE = (
    "Let op: geen geluidskaart gevonden, het geluid gaat naar een stil apparaat "
    "(SDL_AUDIODRIVER=dummy). U hoort de beller niet; de zinnen staan op het scherm."
)


def init_mixer(allow_dummy: bool = True) -> str | None:
    """Start pygame.mixer; returns a Dutch notice when it fell back to the silent dummy driver.

    Raises AudioUnavailable when not even the dummy driver starts.
    """
    import pygame

    if pygame.mixer.get_init():
        return DUMMY_NOTICE if os.environ.get("SDL_AUDIODRIVER") == "dummy" else None
    try:
        pygame.mixer.init(frequency=22050, size=-16, channels=1)
        return None
    except pygame.error as exc:
        # "ALSA: Couldn't open audio device" (no sound card): the call goes on silently.
        if not allow_dummy:
            raise AudioUnavailable(NO_SOUND_CARD.format(error=exc), "geluidskaart") from exc
        first_error = exc
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    try:
        pygame.mixer.init(frequency=22050, size=-16, channels=1)
    except pygame.error as exc:
        raise AudioUnavailable(NO_SOUND_CARD.format(error=first_error), "geluidskaart") from exc
    return DUMMY_NOTICE


class PygamePlayback:
    """One mixer channel for the caller; `stop` cuts the line off mid-word."""

    def __init__(self, allow_dummy: bool = True) -> None:
        import pygame

        self.notice = init_mixer(allow_dummy)
        self.silent = self.notice is not None
        self._pygame = pygame
        self._channel = pygame.mixer.Channel(0)

    def play(self, wav: Path) -> float:
        sound = self._pygame.mixer.Sound(str(wav))
        self._channel.stop()
        self._channel.play(sound)
        return float(sound.get_length())

    def stop(self) -> None:
        self._channel.stop()

    @property
    def busy(self) -> bool:
        return bool(self._channel.get_busy())
