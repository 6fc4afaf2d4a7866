"""A screen: a state with widget helpers, keyboard shortcuts and a focus ring."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pygame_gui
from pygame_gui.core import UIElement
from pygame_gui.elements import UIButton, UILabel, UITextBox, UITextEntryLine

from simulator.ui.focus import Focusable, FocusRing
from simulator.ui.look import PLACEHOLDER, font
from simulator.ui.states import State

KEY_NAMES = {
    pygame.K_F1: "F1",
    pygame.K_F2: "F2",
    pygame.K_F3: "F3",
    pygame.K_F4: "F4",
    pygame.K_F5: "F5",
    pygame.K_F6: "F6",
    pygame.K_F7: "F7",
    pygame.K_F8: "F8",
    pygame.K_F9: "F9",
    pygame.K_F10: "F10",
    pygame.K_F11: "F11",
    pygame.K_F12: "F12",
    pygame.K_RETURN: "Enter",
    pygame.K_SPACE: "Spatie",
    pygame.K_ESCAPE: "Esc",
}


def clear_entry(entry: UITextEntryLine) -> None:
    """Empty a text field; a focused one must not show its placeholder as typed text."""
    entry.set_text("")
    if entry.is_focused:
        entry.focus()


class Screen(State):
    def build(self, rect: pygame.Rect) -> None:
        self.focus = FocusRing(self.ctx.manager)
        self.actions: dict[UIElement, Callable[[], None]] = {}
        self.shortcuts: dict[int, Callable[[], None]] = {}
        self.placeholders: list[tuple[UIElement, str]] = []
        self.layout(rect)

    def layout(self, rect: pygame.Rect) -> None:
        """Create this screen's widgets for `rect`."""

    # ----- widget helpers ------------------------------------------------------------------

    def button(
        self,
        rect: pygame.Rect,
        text: str,
        action: Callable[[], None],
        key: int | None = None,
        object_id: str | None = None,
        container: UIElement | None = None,
        focusable: bool = True,
    ) -> UIButton:
        """A button; its shortcut key is shown on it, e.g. "Ophangen (F8)"."""
        if key is not None:
            text = f"{text} ({KEY_NAMES.get(key, pygame.key.name(key))})"
            self.shortcuts[key] = action
        element = UIButton(rect, text, self.ctx.manager, container=container, object_id=object_id)
        self.actions[element] = action
        if focusable:
            self.focus.add(
                Focusable(rect=lambda: element.get_abs_rect(), activate=action, element=element)
            )
        return element

    def label(
        self,
        rect: pygame.Rect,
        text: str,
        object_id: str | None = None,
        container: UIElement | None = None,
    ) -> UILabel:
        return UILabel(rect, text, self.ctx.manager, container=container, object_id=object_id)

    def text_box(
        self,
        rect: pygame.Rect,
        html: str,
        object_id: str | None = None,
        container: UIElement | None = None,
    ) -> UITextBox:
        return UITextBox(html, rect, self.ctx.manager, container=container, object_id=object_id)

    def entry(
        self,
        rect: pygame.Rect,
        text: str = "",
        placeholder: str = "",
        container: UIElement | None = None,
    ) -> UITextEntryLine:
        element = UITextEntryLine(rect, self.ctx.manager, container=container)
        if text:
            element.set_text(text)
        if placeholder:
            # Drawn by us in grey: pygame_gui draws its placeholder in the normal text colour.
            self.placeholders.append((element, placeholder))
        self.focus.add(Focusable(rect=lambda: element.get_abs_rect(), element=element))
        return element

    # ----- events --------------------------------------------------------------------------

    def process_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.actions:
            self.actions[event.ui_element]()
            return True
        if self.focus.process_event(event):
            return True
        if event.type == pygame.KEYDOWN and event.key in self.shortcuts and self.shortcut_ok(event):
            self.shortcuts[event.key]()
            return True
        return False

    def shortcut_ok(self, event: pygame.event.Event) -> bool:
        """Enter and Space belong to a focused text field; F-keys always work."""
        if event.key in (pygame.K_RETURN, pygame.K_SPACE, pygame.K_KP_ENTER):
            current = self.focus.current
            return current is None or not current.takes_text
        return True

    def draw_overlay(self, surface: pygame.Surface) -> None:
        for element, text in self.placeholders:
            if element.alive() and element.visible and not element.get_text():
                rect = element.get_abs_rect()
                fnt = font(self.ctx.px(15))
                image = fnt.render(text, True, PLACEHOLDER)
                surface.blit(image, (rect.left + 10, rect.centery - image.get_height() // 2))
        self.focus.draw(surface)
