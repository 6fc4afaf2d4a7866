"""What the recogniser heard: one utterance with its timing, confidence and words."""

from __future__ import annotations

from dataclasses import dataclass, replace

from simulator.call.record import Word


@dataclass(frozen=True)
class Utterance:
    """Times are seconds in the call; `confidence` is 0..1 for the whole utterance."""

    text: str
    start: float
    end: float
    confidence: float
    words: tuple[Word, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    def shifted(self, offset: float) -> Utterance:
        """The same utterance with every time moved by `offset` seconds."""
        words = tuple(
            replace(w, start=round(w.start + offset, 2), end=round(w.end + offset, 2))
            for w in self.words
        )
        return replace(
            self, start=round(self.start + offset, 2), end=round(self.end + offset, 2), words=words
        )
