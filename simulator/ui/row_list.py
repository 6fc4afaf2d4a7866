"""A scrollable list of equal-height rows, custom-drawn by a callback.

Scrolls by whole rows with the arrow keys, PageUp/PageDown, Home/End and the mouse wheel, so a
list of any length fits any window and large text.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from simulator.ui.look import BORDER, MUTED, PANEL, font, wrap

DrawRow = Callable[[pygame.Surface, pygame.Rect, int], None]


class RowList:
    def __init__(
        self,
        rect: pygame.Rect,
        count: int,
        row_height: int,
        draw_row: DrawRow,
        empty_text: str = "",
        text_size: int = 16,
    ) -> None:
        self.rect = rect
        self.count = count
        self.row_height = max(1, row_height)
        self.draw_row = draw_row
        self.empty_text = empty_text
        self.text_size = text_size
        self.first = 0  # index of the top visible row

    @property
    def visible(self) -> int:
        return max(1, (self.rect.height - 4) // self.row_height)

    def max_first(self) -> int:
        return max(0, self.count - self.visible)

    def scroll_to(self, first: int) -> None:
        self.first = max(0, min(self.max_first(), first))

    def on_key(self, event: pygame.event.Event) -> bool:
        page = max(1, self.visible - 1)
        steps = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -page, pygame.K_PAGEDOWN: page}
        if event.key in steps:
            self.scroll_to(self.first + steps[event.key])
            return True
        if event.key in (pygame.K_HOME, pygame.K_END):
            self.scroll_to(0 if event.key == pygame.K_HOME else self.max_first())
            return True
        return False

    def wheel(self, dy: int) -> None:
        self.scroll_to(self.first - dy)

    def row_rect(self, index: int) -> pygame.Rect:
        top = self.rect.top + 2 + (index - self.first) * self.row_height
        return pygame.Rect(self.rect.left + 2, top, self.rect.width - 4, self.row_height)

    def draw(self, surface: pygame.Surface) -> None:
        pygame.draw.rect(surface, PANEL, self.rect, border_radius=8)
        pygame.draw.rect(surface, BORDER, self.rect, width=1, border_radius=8)
        if not self.count:
            self._draw_empty(surface)
            return
        clip = surface.get_clip()
        surface.set_clip(self.rect.inflate(-2, -2))
        for index in range(self.first, min(self.count, self.first + self.visible)):
            self.draw_row(surface, self.row_rect(index), index)
        surface.set_clip(clip)
        if self.max_first():
            self._draw_scrollbar(surface)

    def _draw_empty(self, surface: pygame.Surface) -> None:
        fnt = font(self.text_size)
        y = self.rect.top + self.text_size
        for line in wrap(self.empty_text, fnt, self.rect.width - 2 * self.text_size):
            surface.blit(fnt.render(line, True, MUTED), (self.rect.left + self.text_size, y))
            y += fnt.get_linesize()

    def _draw_scrollbar(self, surface: pygame.Surface) -> None:
        track = self.rect.inflate(0, -12)
        height = max(24, track.height * self.visible // self.count)
        top = track.top + (track.height - height) * self.first // self.max_first()
        pygame.draw.rect(surface, BORDER, (self.rect.right - 8, top, 5, height), border_radius=3)
