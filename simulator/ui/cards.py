"""Scenario cards on the start screen: a grid of custom-drawn cards, chosen by mouse or arrows."""

from __future__ import annotations

import pygame

from simulator.scenario.model import Scenario
from simulator.ui.look import BORDER, MUTED, PANEL, PRIMARY, TEXT, font, wrap
from simulator.ui.widgets import draw_stars

SELECTED_BG = (239, 246, 255)


def _clip_lines(lines: list[str], count: int) -> list[str]:
    if len(lines) <= count:
        return lines
    return lines[: count - 1] + [lines[count - 1].rstrip(".,") + " …"]


class CardGrid:
    def __init__(
        self,
        rect: pygame.Rect,
        scenarios: list[Scenario],
        text_size: int,
        best: dict[str, float] | None = None,
        selected: int = 0,
    ) -> None:
        self.rect = rect
        self.scenarios = scenarios
        self.size = text_size
        self.best = best or {}
        self.selected = min(selected, max(0, len(scenarios) - 1))
        self.scroll = 0
        self.columns = max(1, min(3, rect.width // (text_size * 17)))
        gap = self.gap
        self.card_w = (rect.width - (self.columns - 1) * gap) // self.columns
        line = font(text_size).get_linesize()
        self.card_h = int(line * 2 + font(text_size - 2).get_linesize() * 4 + 3 * gap)
        self.keep_visible()

    @property
    def gap(self) -> int:
        return max(10, self.size // 2 + 4)

    @property
    def current(self) -> Scenario | None:
        return self.scenarios[self.selected] if self.scenarios else None

    def card_rect(self, index: int) -> pygame.Rect:
        row, column = divmod(index, self.columns)
        return pygame.Rect(
            self.rect.left + column * (self.card_w + self.gap),
            self.rect.top + row * (self.card_h + self.gap) - self.scroll,
            self.card_w,
            self.card_h,
        )

    def max_scroll(self) -> int:
        rows = -(-len(self.scenarios) // self.columns)
        return max(0, rows * (self.card_h + self.gap) - self.gap - self.rect.height)

    def keep_visible(self) -> None:
        card = self.card_rect(self.selected)
        if card.top < self.rect.top:
            self.scroll -= self.rect.top - card.top
        elif card.bottom > self.rect.bottom:
            self.scroll += card.bottom - self.rect.bottom
        self.scroll = max(0, min(self.max_scroll(), self.scroll))

    def select(self, index: int) -> None:
        if self.scenarios:
            self.selected = max(0, min(len(self.scenarios) - 1, index))
            self.keep_visible()

    def focus_rect(self) -> pygame.Rect:
        return self.card_rect(self.selected).clip(self.rect.inflate(8, 8))

    # ----- input -------------------------------------------------------------------------------

    def on_key(self, event: pygame.event.Event) -> bool:
        moves = {
            pygame.K_LEFT: -1,
            pygame.K_RIGHT: 1,
            pygame.K_UP: -self.columns,
            pygame.K_DOWN: self.columns,
        }
        if event.key in moves:
            self.select(self.selected + moves[event.key])
            return True
        return False

    def click(self, pos: tuple[int, int]) -> int | None:
        """The card under `pos` becomes selected; returns its index."""
        if not self.rect.collidepoint(pos):
            return None
        for index in range(len(self.scenarios)):
            if self.card_rect(index).collidepoint(pos):
                self.select(index)
                return index
        return None

    def wheel(self, dy: int) -> None:
        self.scroll = max(0, min(self.max_scroll(), self.scroll - dy * self.card_h // 3))

    # ----- drawing -----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        clip = surface.get_clip()
        surface.set_clip(self.rect.inflate(10, 10))
        for index, scenario in enumerate(self.scenarios):
            card = self.card_rect(index)
            if card.bottom < self.rect.top or card.top > self.rect.bottom:
                continue
            self._draw_card(surface, card, scenario, index == self.selected)
        surface.set_clip(clip)

    def _draw_card(
        self, surface: pygame.Surface, card: pygame.Rect, scenario: Scenario, selected: bool
    ) -> None:
        pad = self.gap
        pygame.draw.rect(surface, SELECTED_BG if selected else PANEL, card, border_radius=10)
        pygame.draw.rect(
            surface,
            PRIMARY if selected else BORDER,
            card,
            width=3 if selected else 1,
            border_radius=10,
        )
        title_font = font(self.size, bold=True)
        small = font(self.size - 2)
        inner = card.width - 2 * pad
        y = card.top + pad // 2 + 2
        for line in _clip_lines(wrap(scenario.titel, title_font, inner), 2):
            surface.blit(title_font.render(line, True, TEXT), (card.left + pad, y))
            y += title_font.get_linesize()
        y = card.top + pad // 2 + 2 + 2 * title_font.get_linesize()
        theme = small.render(f"{scenario.thema.capitalize()}  ·  niveau", True, MUTED)
        surface.blit(theme, (card.left + pad, y))
        star = small.get_height() - 6
        draw_stars(
            surface, (card.left + pad + theme.get_width() + 8, y + 3), scenario.moeilijkheid, star
        )
        y += small.get_linesize() + 2
        description = " ".join(scenario.beschrijving.split())
        for line in _clip_lines(wrap(description, small, inner), 2):
            surface.blit(small.render(line, True, TEXT), (card.left + pad, y))
            y += small.get_linesize()
        best = self.best.get(scenario.id)
        text = f"Uw beste score: {best:.0f}%" if best is not None else "Nog niet geoefend"
        surface.blit(
            small.render(text, True, PRIMARY if best is not None else MUTED),
            (card.left + pad, card.bottom - small.get_linesize() - pad // 2),
        )
