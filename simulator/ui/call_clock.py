"""Call time for the call screen: the app clock, paused while the trainee types an answer.

Typing takes longer than saying the same words; with the clock paused, a typed answer counts as
spoken at once and the caller does not complain about silence while the trainee types.
"""

from __future__ import annotations

from collections.abc import Callable


class PausableClock:
    def __init__(self, base: Callable[[], float]) -> None:
        self.base = base
        self._paused_at: float | None = None
        self._paused_total = 0.0

    def __call__(self) -> float:
        now = self._paused_at if self._paused_at is not None else self.base()
        return now - self._paused_total

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def pause(self) -> None:
        if self._paused_at is None:
            self._paused_at = self.base()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._paused_total += self.base() - self._paused_at
            self._paused_at = None
