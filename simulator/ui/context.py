"""What every screen shares: the window, the widget manager, the injected clock and settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame
import pygame_gui

from simulator.ui.look import BACKGROUND, LARGE_SCALE, load_theme

if TYPE_CHECKING:
    from simulator.ui.services import Services
    from simulator.ui.sound import RingTone
    from simulator.ui.states import StateManager

MIN_SIZE = (1024, 640)


@dataclass
class Settings:
    trainee: str = ""
    mode: str = "oefenen"  # oefenen (hints, mood meter) | toets (no hints)
    input: str = "typen"  # typen | spreektoets (push-to-talk) | open_lijn
    large_text: bool = False
    # For a projector in a classroom: large text plus a call screen laid out for a group.
    presentation: bool = False
    fullscreen: bool = False
    seed: int = 0

    @property
    def hints(self) -> bool:
        return self.mode == "oefenen"


@dataclass
class AppContext:
    window: pygame.Surface
    clock: Callable[[], float]
    services: Services
    settings: Settings = field(default_factory=Settings)
    ring: RingTone | None = None
    # Dutch notices for the whole session (no sound card, no microphone, ...).
    notices: list[str] = field(default_factory=list)
    manager: pygame_gui.UIManager = field(init=False)
    states: StateManager = field(init=False)

    def __post_init__(self) -> None:
        from simulator.ui.states import StateManager

        self.manager = self._new_manager()
        self.states = StateManager(self)

    @property
    def scale(self) -> float:
        """Text and widget size: grows with the window (1280x720 is 1.0) and with large text
        (which the presentation setting switches on too)."""
        width, height = self.window.get_size()
        window = max(1.0, min(1.5, width / 1280, height / 720))
        return round(window * (LARGE_SCALE if self.large_text else 1.0), 2)

    @property
    def large_text(self) -> bool:
        return self.settings.large_text or self.settings.presentation

    def px(self, value: float) -> int:
        """A size in pixels that grows with large text."""
        return round(value * self.scale)

    @property
    def window_rect(self) -> pygame.Rect:
        return self.window.get_rect()

    def _new_manager(self) -> pygame_gui.UIManager:
        return pygame_gui.UIManager(self.window.get_size(), load_theme(self.scale))

    def clear_widgets(self) -> None:
        self.manager.clear_and_reset()

    def set_large_text(self, on: bool) -> None:
        self.settings.large_text = on
        self.manager = self._new_manager()
        self.states.rebuild()

    def set_presentation(self, on: bool) -> None:
        """Presentation on or off. It brings large text (`large_text`) without touching the
        large-text switch, so switching presentation off restores what the trainee chose."""
        self.settings.presentation = on
        self.manager = self._new_manager()
        self.states.rebuild()

    def resized(self, window: pygame.Surface) -> None:
        scale = self.scale
        self.window = window
        if self.scale != scale:
            self.manager = self._new_manager()
        else:
            self.manager.set_window_resolution(window.get_size())
        self.states.rebuild()

    def toggle_fullscreen(self) -> None:
        self.settings.fullscreen = not self.settings.fullscreen
        try:
            if self.settings.fullscreen:
                window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            else:
                window = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
        except pygame.error:
            self.settings.fullscreen = False
            self.notices.append("Volledig scherm lukt niet op dit beeldscherm.")
            return
        self.resized(window)

    def clear(self) -> None:
        self.window.fill(BACKGROUND)
