"""Drives the real app like a person: posted key presses and typed text, a fake clock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from simulator.ui.app import App
from simulator.ui.context import Settings
from simulator.ui.services import Services

ROOT = Path(__file__).resolve().parents[2]


class FakeClock:
    """The app's clock; tests move it on by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class AppDriver:
    def __init__(self, app: App, clock: FakeClock) -> None:
        self.app = app
        self.clock = clock

    @classmethod
    def start(
        cls,
        clock: FakeClock,
        tmp_path: Path,
        size: tuple[int, int] = (1280, 720),
        settings: Settings | None = None,
    ) -> AppDriver:
        window = pygame.display.set_mode(size, pygame.RESIZABLE)
        services = Services.default(audio=False, folder=ROOT / "scenarios")
        services.store_path = tmp_path / "resultaten.db"
        services.report_folder = tmp_path / "rapporten"
        app = App(window, services, clock, settings or Settings())
        return cls(app, clock)

    # ----- what is on screen -------------------------------------------------------------------

    @property
    def screen(self):  # noqa: ANN201
        return self.app.top

    @property
    def ctx(self):  # noqa: ANN201
        return self.app.ctx

    def button_texts(self) -> list[str]:
        from pygame_gui.elements import UIButton

        return [
            e.text
            for e in self.ctx.manager.get_sprite_group().sprites()
            if isinstance(e, UIButton) and e.visible
        ]

    def label_texts(self) -> list[str]:
        from pygame_gui.elements import UILabel

        return [
            e.text for e in self.ctx.manager.get_sprite_group().sprites() if isinstance(e, UILabel)
        ]

    # ----- input ----------------------------------------------------------------------------------

    def step(self, frames: int = 1, seconds: float = 0.0) -> None:
        for _ in range(frames):
            self.clock.advance(seconds)
            self.app.step()

    def press(self, key: int, mod: int = 0) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=""))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=""))
        self.step(2)

    def type(self, text: str) -> None:
        for char in text:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
        self.step(2)

    def say(self, text: str, wait: bool = True) -> None:
        """Type an answer in the call screen and press Enter; then let the caller finish."""
        self.type(text)
        self.press(pygame.K_RETURN)
        if wait:
            self.until_caller_quiet()

    def click(self, element) -> None:  # noqa: ANN001
        centre = element.get_abs_rect().center
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=centre))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=centre))
        self.step(3)

    def click_at(self, y: int, x: int) -> None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(x, y)))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=(x, y)))
        self.step(2)

    def until(self, condition: Callable[[], bool], seconds: float = 0.1, limit: int = 2000) -> None:
        """Step (moving the clock `seconds` per frame) until `condition` holds."""
        import time

        for _ in range(limit):
            if condition():
                return
            self.step(1, seconds)
            time.sleep(0.001)  # lets worker threads finish their jobs
        raise AssertionError(f"gave up waiting on {getattr(condition, '__name__', condition)}")

    def until_caller_quiet(self) -> None:
        screen = self.screen
        call = getattr(screen, "call", None)
        if call is None:
            return
        self.step(2, 0.1)
        self.until(
            lambda: (
                self.screen is not screen
                or (
                    not call.caller_speaking
                    and not call._lines
                    and call.now() >= call.engine.speaking_until
                )
            ),
            seconds=0.5,
        )

    def start_call(self, scenario_id: str = "afval-boze-beller", rings: int = 2) -> None:
        """From the start screen: name, scenario card, F5, wait for the ring, pick up."""
        self.type("Pieter")
        ids = [s.id for s in self.ctx.services.scenarios]
        self.screen.cards.select(ids.index(scenario_id))
        self.press(pygame.K_F5)
        self.until(lambda: getattr(self.screen, "phase_name", "") == "rinkelen")
        self.step(1, 0.1)
        for _ in range(rings - 1):
            self.step(1, 5.0)
        self.press(pygame.K_SPACE)
        self.step(1, 1.0)  # a breath before the greeting

    def close(self) -> None:
        self.app.close()
