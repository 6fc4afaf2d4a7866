"""The transcript as chat bubbles: caller on the left, trainee on the right, each with mm:ss.

Custom-drawn (pygame_gui has no bubbles); scrolls with the mouse wheel and PageUp/PageDown, and
can jump to a moment (the score screen links each rule's evidence to it).
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from simulator.call.record import CallerTurn, CallRecord, TraineeTurn
from simulator.ui.look import (
    BORDER,
    CALLER_BUBBLE,
    HIGHLIGHT,
    MUTED,
    PANEL,
    SYSTEM_BUBBLE,
    TEXT,
    TRAINEE_BUBBLE,
    font,
    wrap,
)

WHO = {"beller": "Beller", "collega": "Collega", "systeem": "Telefooncentrale", "medewerker": "U"}


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


@dataclass(frozen=True)
class Bubble:
    speaker: str  # beller | collega | systeem | medewerker
    text: str
    t: float
    interrupted: bool = False
    note: str = ""

    @property
    def who(self) -> str:
        return WHO.get(self.speaker, self.speaker)

    @property
    def header(self) -> str:
        extra = " · onderbroken" if self.interrupted else ""
        return f"{self.who} · {clock_text(self.t)}{extra}"


def bubbles_from_record(record: CallRecord, caller_name: str = "") -> list[Bubble]:
    """Every spoken line of a finished call, in time order."""
    out: list[Bubble] = []
    for event in record.events:
        if isinstance(event, CallerTurn):
            out.append(Bubble(event.speaker, event.text, event.t, event.interrupted))
        elif isinstance(event, TraineeTurn):
            out.append(Bubble("medewerker", event.text, event.t))
    return sorted(out, key=lambda b: b.t)


class TranscriptView:
    def __init__(self, rect: pygame.Rect, text_size: int) -> None:
        self.rect = rect
        self.size = text_size
        self.bubbles: list[Bubble] = []
        self.scroll = 0  # pixels scrolled up from the bottom-aligned end
        self.follow = True  # keep the newest bubble in view
        self.highlight: int | None = None
        self.placeholder = ""
        self._wrapped: dict[tuple[Bubble, int, int], list[str]] = {}

    # ----- content --------------------------------------------------------------------------

    def add(self, bubble: Bubble) -> None:
        self.bubbles.append(bubble)
        if self.follow:
            self.scroll = self.max_scroll()

    def set(self, bubbles: list[Bubble]) -> None:
        self.bubbles = list(bubbles)
        self.scroll = self.max_scroll() if self.follow else min(self.scroll, self.max_scroll())

    def texts(self) -> list[str]:
        return [f"{b.who}: {b.text}" for b in self.bubbles]

    # ----- geometry ---------------------------------------------------------------------------

    def _pad(self) -> int:
        return max(8, self.size // 2)

    def _bubble_width(self) -> int:
        return int(self.rect.width * 0.74)

    def _layout(self) -> list[tuple[Bubble, list[str], int]]:
        """Each bubble with its wrapped lines and height."""
        body = font(self.size)
        line_h = body.get_linesize()
        head_h = font(self.size - 3).get_linesize()
        inner = self._bubble_width() - 2 * self._pad()
        out = []
        for bubble in self.bubbles:
            key = (bubble, inner, self.size)
            if key not in self._wrapped:
                self._wrapped[key] = wrap(bubble.text, body, inner)
            lines = self._wrapped[key]
            out.append((bubble, lines, head_h + len(lines) * line_h + 2 * self._pad()))
        return out

    def content_height(self) -> int:
        gap = self._pad()
        return sum(h + gap for _, _, h in self._layout()) + gap

    def max_scroll(self) -> int:
        return max(0, self.content_height() - self.rect.height)

    def scroll_by(self, pixels: int) -> None:
        self.scroll = max(0, min(self.max_scroll(), self.scroll + pixels))
        self.follow = self.scroll >= self.max_scroll()

    def scroll_to_time(self, t: float) -> int | None:
        """Show (and highlight) the last bubble said at or before `t`; returns its index."""
        if not self.bubbles:
            return None
        index = 0
        for i, bubble in enumerate(self.bubbles):
            if bubble.t <= t + 0.05:
                index = i
        gap = self._pad()
        top = gap + sum(h + gap for _, _, h in self._layout()[:index])
        self.scroll = max(0, min(self.max_scroll(), top - self.rect.height // 3))
        self.follow = False
        self.highlight = index
        return index

    # ----- input and drawing --------------------------------------------------------------------

    def process_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL and self.rect.collidepoint(pygame.mouse.get_pos()):
            self.scroll_by(-event.y * 3 * font(self.size).get_linesize())
            return True
        return False

    def on_key(self, event: pygame.event.Event) -> bool:
        step = {pygame.K_PAGEUP: -1, pygame.K_PAGEDOWN: 1, pygame.K_UP: -0.2, pygame.K_DOWN: 0.2}
        if event.key in step:
            self.scroll_by(int(step[event.key] * self.rect.height * 0.8))
            return True
        if event.key == pygame.K_END:
            self.scroll_by(self.max_scroll())
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        pygame.draw.rect(surface, PANEL, self.rect, border_radius=8)
        pygame.draw.rect(surface, BORDER, self.rect, width=1, border_radius=8)
        if not self.bubbles and self.placeholder:
            image = font(self.size).render(self.placeholder, True, MUTED)
            surface.blit(image, image.get_rect(center=self.rect.center))
            return
        previous_clip = surface.get_clip()
        surface.set_clip(self.rect.inflate(-2, -2))
        body = font(self.size)
        head = font(self.size - 3, bold=True)
        pad = self._pad()
        y = self.rect.top + pad - self.scroll
        for index, (bubble, lines, height) in enumerate(self._layout()):
            if y + height >= self.rect.top and y <= self.rect.bottom:
                self._draw_bubble(surface, index, bubble, lines, height, y, body, head)
            y += height + pad
        surface.set_clip(previous_clip)
        if self.max_scroll() > 0:
            self._draw_scrollbar(surface)

    def _draw_bubble(self, surface, index, bubble, lines, height, y, body, head) -> None:  # noqa: ANN001
        pad = self._pad()
        width = min(
            self._bubble_width(),
            max([body.size(line)[0] for line in lines] + [head.size(bubble.header)[0]]) + 2 * pad,
        )
        mine = bubble.speaker == "medewerker"
        x = self.rect.right - width - 2 * pad if mine else self.rect.left + 2 * pad
        colour = {
            "medewerker": TRAINEE_BUBBLE,
            "systeem": SYSTEM_BUBBLE,
            "collega": SYSTEM_BUBBLE,
        }.get(bubble.speaker, CALLER_BUBBLE)
        box = pygame.Rect(x, y, width, height)
        if index == self.highlight:
            pygame.draw.rect(surface, HIGHLIGHT, box.inflate(8, 8), border_radius=12)
        pygame.draw.rect(surface, colour, box, border_radius=10)
        surface.blit(head.render(bubble.header, True, MUTED), (x + pad, y + pad))
        line_y = y + pad + head.get_linesize()
        for line in lines:
            surface.blit(body.render(line, True, TEXT), (x + pad, line_y))
            line_y += body.get_linesize()

    def _draw_scrollbar(self, surface: pygame.Surface) -> None:
        total = self.content_height()
        track = self.rect.inflate(0, -12)
        height = max(24, int(track.height * self.rect.height / total))
        top = track.top + int((track.height - height) * self.scroll / max(1, self.max_scroll()))
        bar = pygame.Rect(self.rect.right - 8, top, 5, height)
        pygame.draw.rect(surface, BORDER, bar, border_radius=3)
