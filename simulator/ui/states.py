"""Screens as states on a push/pop stack (the Tuxemon pattern).

Only the top state owns pygame_gui widgets: a state builds them in `build(rect)` and the manager
clears them when another state is pushed on top, when the window is resized, or on a theme change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from simulator.ui.context import AppContext


class State:
    """One screen. Subclasses keep their data in attributes so `build` can run again any time."""

    name = "state"

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def build(self, rect: pygame.Rect) -> None:
        """Create the widgets for a window of this size."""

    def update(self, dt: float) -> None:
        """Time passed (seconds)."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw what pygame_gui does not (drawn before the widgets)."""

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """Draw on top of the widgets (focus ring, meters)."""

    def process_event(self, event: pygame.event.Event) -> bool:
        """Handle an event; True when it was used."""
        return False

    def leave(self) -> None:
        """The state is popped for good: stop its threads and sounds."""


class StateManager:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.stack: list[State] = []

    @property
    def top(self) -> State | None:
        return self.stack[-1] if self.stack else None

    def push(self, state: State) -> State:
        self.stack.append(state)
        self.rebuild()
        return state

    def pop(self) -> State | None:
        if not self.stack:
            return None
        state = self.stack.pop()
        state.leave()
        self.rebuild()
        return state

    def replace(self, state: State) -> State:
        """Swap the top screen for another (the call screen becomes the registration form)."""
        if self.stack:
            self.stack.pop().leave()
        return self.push(state)

    def reset(self, state: State) -> State:
        """Back to one screen (Opnieuw, Volgend scenario)."""
        while self.stack:
            self.stack.pop().leave()
        return self.push(state)

    def rebuild(self) -> None:
        self.ctx.clear_widgets()
        if self.top is not None:
            self.top.build(self.ctx.window_rect)
