"""Keyboard focus across pygame_gui widgets and custom-drawn parts: Tab / Shift+Tab move it,
Enter or Space activate a focused button, and a clear outline shows where the focus is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame
import pygame_gui
from pygame_gui.core import UIElement

from simulator.ui.look import FOCUS


@dataclass
class Focusable:
    """A button, a text field or a custom part that can hold the keyboard focus."""

    rect: Callable[[], pygame.Rect]
    activate: Callable[[], None] | None = None
    element: UIElement | None = None
    # Custom parts handle their own keys (arrows in the scenario cards); True when used.
    on_key: Callable[[pygame.event.Event], bool] | None = None
    name: str = ""

    @property
    def takes_text(self) -> bool:
        return isinstance(
            self.element,
            pygame_gui.elements.UITextEntryLine | pygame_gui.elements.UITextEntryBox,
        )

    @property
    def enabled(self) -> bool:
        if self.element is None:
            return True
        return self.element.visible and getattr(self.element, "is_enabled", True)


class FocusRing:
    def __init__(self, manager: pygame_gui.UIManager) -> None:
        self.manager = manager
        self.items: list[Focusable] = []
        self.index = -1

    def add(self, item: Focusable) -> Focusable:
        self.items.append(item)
        return item

    @property
    def current(self) -> Focusable | None:
        if 0 <= self.index < len(self.items):
            return self.items[self.index]
        return None

    def focus(self, item: Focusable | UIElement | None) -> None:
        if item is not None and not isinstance(item, Focusable):
            item = next((i for i in self.items if i.element is item), None)
        self.index = self.items.index(item) if item in self.items else -1
        element = item.element if isinstance(item, Focusable) and item.takes_text else None
        self.manager.set_focus_set(element)

    def move(self, step: int) -> None:
        live = [i for i in self.items if i.enabled]
        if not live:
            return
        current = self.current
        position = live.index(current) if current in live else (-1 if step > 0 else 0)
        self.focus(live[(position + step) % len(live)])

    def sync_with_mouse(self) -> None:
        """A click into a text field moves the keyboard focus there too."""
        focused = self.manager.get_focus_set()
        for item in self.items:
            if item.element is not None and focused and item.element in focused:
                self.index = self.items.index(item)

    def process_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONUP:
            self.sync_with_mouse()
            return False
        if event.type != pygame.KEYDOWN:
            return False
        if event.key == pygame.K_TAB and not self._dropdown_open():
            self.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return True
        current = self.current
        if current is None or current.takes_text:
            return False
        if current.on_key is not None and current.on_key(event):
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE) and current.activate:
            current.activate()
            return True
        return False

    def _dropdown_open(self) -> bool:
        return False

    def draw(self, surface: pygame.Surface) -> None:
        current = self.current
        if current is None or not current.enabled:
            return
        pygame.draw.rect(surface, FOCUS, current.rect().inflate(8, 8), width=3, border_radius=8)
