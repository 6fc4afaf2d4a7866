"""The pygame app: one window, a stack of screens, an injected clock.

`run_app(argv)` is what the launcher starts when there is a screen. Tests build an `App` with a
fake clock and drive it with `step()`, posting pygame events as a person would.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence

WINDOW_SIZE = (1280, 720)
FPS = 30
NO_WINDOW = (
    "Het venster van de simulator kon niet worden geopend ({error}). "
    "Start de simulator op een computer met beeldscherm, of oefen in tekstmodus: "
    "python run_sim.py --tekst"
)
NO_SCENARIOS = (
    "Er zijn geen scenario's gevonden. Zet scenario-bestanden (.yaml) in de map 'scenarios' "
    "en start opnieuw."
)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kcc-sim", add_help=False)
    parser.add_argument("--naam", default="")
    parser.add_argument("--toets", action="store_true")
    parser.add_argument("--tekst", action="store_true")
    parser.add_argument("--groot", action="store_true")
    parser.add_argument("--presentatie", action="store_true")
    parser.add_argument("--volledig-scherm", action="store_true", dest="fullscreen")
    parser.add_argument("--geen-geluid", action="store_true", dest="no_audio")
    parser.add_argument("--seed", type=int, default=0)
    args, _ = parser.parse_known_args(list(argv))
    return args


class App:
    def __init__(
        self,
        window,  # noqa: ANN001 - a pygame.Surface
        services,  # noqa: ANN001 - simulator.ui.services.Services
        clock: Callable[[], float] = time.monotonic,
        settings=None,  # noqa: ANN001
        ring=None,  # noqa: ANN001
    ) -> None:
        from simulator.ui.context import AppContext, Settings
        from simulator.ui.look import clear_fonts
        from simulator.ui.start_screen import StartScreen

        clear_fonts()
        self.ctx = AppContext(
            window=window,
            clock=clock,
            services=services,
            settings=settings or Settings(),
            ring=ring,
        )
        if ring is not None and ring.notice:
            self.ctx.notices.append(ring.notice)
        self.running = True
        self._last = clock()
        self.ctx.states.push(StartScreen(self.ctx))

    @property
    def top(self):  # noqa: ANN201
        return self.ctx.states.top

    def step(self, events: Sequence | None = None) -> None:
        """One frame: handle events, advance time, draw."""
        import pygame

        events = pygame.event.get() if events is None else events
        for event in events:
            self.handle(event)
        now = self.ctx.clock()
        dt, self._last = max(0.0, now - self._last), now
        top = self.top
        if top is not None:
            top.update(dt)
        self.ctx.manager.update(dt)
        self.draw()

    def handle(self, event) -> None:  # noqa: ANN001
        import pygame

        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type == pygame.VIDEORESIZE:
            self._resize(event.w, event.h)
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.ctx.toggle_fullscreen()
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F10:
            self.ctx.set_large_text(not self.ctx.settings.large_text)
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F12:
            self.ctx.set_presentation(not self.ctx.settings.presentation)
            return
        self.ctx.manager.process_events(event)
        top = self.top
        if top is not None:
            top.process_event(event)

    def _resize(self, width: int, height: int) -> None:
        import pygame

        from simulator.ui.context import MIN_SIZE

        size = (max(MIN_SIZE[0], width), max(MIN_SIZE[1], height))
        window = pygame.display.get_surface()
        if window is None or window.get_size() != size:
            window = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.ctx.resized(window)

    def draw(self) -> None:
        import pygame

        self.ctx.clear()
        top = self.top
        if top is not None:
            top.draw(self.ctx.window)
        self.ctx.manager.draw_ui(self.ctx.window)
        if top is not None:
            top.draw_overlay(self.ctx.window)
        pygame.display.flip()

    def close(self) -> None:
        while self.ctx.states.stack:
            self.ctx.states.pop()


def open_window(fullscreen: bool):  # noqa: ANN201
    import pygame

    pygame.display.set_caption("KCC-oefensimulator")
    if fullscreen:
        return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    return pygame.display.set_mode(WINDOW_SIZE, pygame.RESIZABLE)


def run_app(argv: Sequence[str] = ()) -> int:
    """The windowed simulator; returns the exit code (non-zero with a Dutch message on failure)."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from simulator.ui.context import Settings
    from simulator.ui.services import Services
    from simulator.ui.sound import RingTone

    args = parse_args(argv)
    try:
        pygame.init()
        window = open_window(args.fullscreen)
    except pygame.error as exc:
        print(NO_WINDOW.format(error=exc), file=sys.stderr)
        pygame.quit()
        return 1
    services = Services.default(audio=not args.no_audio)
    if not services.scenarios and not services.problems:
        print(NO_SCENARIOS, file=sys.stderr)
        pygame.quit()
        return 1
    settings = Settings(
        trainee=args.naam,
        mode="toets" if args.toets else "oefenen",
        input="typen" if args.tekst or args.no_audio else "spreektoets",
        large_text=args.groot,
        presentation=args.presentatie,
        fullscreen=args.fullscreen,
        seed=args.seed,
    )
    ring = RingTone() if not args.no_audio else None
    app = App(window, services, time.monotonic, settings, ring)
    frames = pygame.time.Clock()
    try:
        while app.running:
            app.step()
            frames.tick(FPS)
    except KeyboardInterrupt:
        pass
    finally:
        app.close()
        pygame.quit()
    return 0
