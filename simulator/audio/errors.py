"""The one error type of the audio edge: a missing part of the chain, told in Dutch."""

from __future__ import annotations


class AudioUnavailable(RuntimeError):
    """A voice, sound card, microphone or model is missing; `str(exc)` is the Dutch message.

    `part` names what is missing (stem, geluidskaart, microfoon, pyaudio, model) so callers can
    decide how the call goes on (caller lines on screen, typed answers).
    """

    def __init__(self, message: str, part: str) -> None:
        super().__init__(message)
        self.part = part
