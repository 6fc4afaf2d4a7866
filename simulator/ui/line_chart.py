"""A line chart of scores over attempts, drawn with pygame onto its own surface.

Percent on the vertical axis (0-100), attempt numbers on the horizontal one, a dashed line at the
pass mark. Every chart on the history screen shares the same attempt range, so a point sits at
the same height of the screen in the total and in the phase charts.
"""

from __future__ import annotations

import pygame

from simulator.ui.look import BAD, BORDER, GOOD, MUTED, PANEL, PARTLY, PRIMARY, TEXT, font
from simulator.ui.progress import ChartSeries

GRID = (229, 231, 235)
NO_POINTS = "Nog geen afgeronde gesprekken"
CAPTION = "poging"
TICK_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)


def tick_step(first: int, last: int, room: int, label_width: int) -> int:
    """The smallest step of attempt numbers whose labels do not overlap."""
    count = max(1, last - first)
    for step in TICK_STEPS:
        if room * step / count >= label_width * 1.6:
            return step
    return TICK_STEPS[-1]


def dashed_line(surface, colour, start, end, width=2, dash=8) -> None:  # noqa: ANN001
    (x1, y), (x2, _) = start, end
    x = x1
    while x < x2:
        pygame.draw.line(surface, colour, (x, y), (min(x + dash, x2), y), width)
        x += 2 * dash


class LineChart:
    """One chart; `points_px` holds where each point was drawn (for tests and focus)."""

    def __init__(
        self,
        series: ChartSeries,
        size: tuple[int, int],
        text_size: int,
        attempts: tuple[int, int],
        pass_mark: float | None,
    ) -> None:
        self.series = series
        self.size = size
        self.text_size = text_size
        self.first, self.last = attempts
        self.pass_mark = pass_mark
        self.points_px: list[tuple[int, int]] = []
        self.surface = self.render()

    # ----- geometry -----------------------------------------------------------------------

    def plot_rect(self) -> pygame.Rect:
        small = font(self.label_size)
        left = max(small.size("100%")[0], small.size(CAPTION)[0]) + self.pad
        # Room for the title and for the top half of the "100%" label.
        top = font(self.text_size, bold=True).get_linesize() + small.get_linesize() // 2 + 2
        bottom = small.get_linesize() + self.pad // 2
        width, height = self.size
        return pygame.Rect(
            left + self.pad // 2, top, width - left - 2 * self.pad, height - top - bottom
        )

    @property
    def pad(self) -> int:
        return max(6, self.text_size // 2)

    @property
    def label_size(self) -> int:
        return max(11, self.text_size - 3)

    def x_of(self, number: float, plot: pygame.Rect) -> int:
        if self.last == self.first:
            return plot.centerx
        inset = min(plot.width // 10, self.pad * 2)
        share = (number - self.first) / (self.last - self.first)
        return round(plot.left + inset + share * (plot.width - 2 * inset))

    @staticmethod
    def y_of(percent: float, plot: pygame.Rect) -> int:
        return round(plot.bottom - max(0.0, min(100.0, percent)) / 100 * plot.height)

    # ----- drawing ------------------------------------------------------------------------

    def render(self) -> pygame.Surface:
        surface = pygame.Surface(self.size)
        surface.fill(PANEL)
        pygame.draw.rect(surface, BORDER, surface.get_rect(), width=1, border_radius=8)
        title = font(self.text_size, bold=True).render(self.series.title, True, TEXT)
        surface.blit(title, (self.pad, self.pad // 3))
        plot = self.plot_rect()
        if plot.width < 20 or plot.height < 20:
            return surface
        self._axes(surface, plot)
        if self.pass_mark is not None:
            self._pass_line(surface, plot)
        if self.series.points:
            self._line(surface, plot)
        else:
            image = font(self.label_size).render(NO_POINTS, True, MUTED)
            surface.blit(image, image.get_rect(center=plot.center))
        return surface

    def _axes(self, surface: pygame.Surface, plot: pygame.Rect) -> None:
        small = font(self.label_size)
        for percent in (0, 25, 50, 75, 100):
            y = self.y_of(percent, plot)
            pygame.draw.line(surface, GRID, (plot.left, y), (plot.right, y), 1)
            if percent % 50 == 0 or plot.height > 8 * small.get_linesize():
                label = small.render(f"{percent}%", True, MUTED)
                surface.blit(label, label.get_rect(midright=(plot.left - 6, y)))
        pygame.draw.line(surface, MUTED, plot.bottomleft, plot.topleft, 2)
        pygame.draw.line(surface, MUTED, plot.bottomleft, plot.bottomright, 2)
        # Under the percent labels, left of the first attempt number.
        caption = small.render(CAPTION, True, MUTED)
        caption_rect = caption.get_rect(topright=(plot.left - 6, plot.bottom + 3))
        label_w = small.size(str(self.last))[0]
        step = tick_step(self.first, self.last, plot.width, label_w)
        start = self.first + (-self.first) % step if step > 1 else self.first
        for number in range(start, self.last + 1, step):
            x = self.x_of(number, plot)
            pygame.draw.line(surface, MUTED, (x, plot.bottom), (x, plot.bottom + 4), 2)
            label = small.render(str(number), True, MUTED)
            rect = label.get_rect(midtop=(x, plot.bottom + 3))
            if not rect.colliderect(caption_rect):
                surface.blit(label, rect)
        surface.blit(caption, caption_rect)

    def _pass_line(self, surface: pygame.Surface, plot: pygame.Rect) -> None:
        y = self.y_of(self.pass_mark, plot)
        dashed_line(surface, PARTLY, (plot.left, y), (plot.right, y), 2, max(4, self.pad))
        small = font(self.label_size)
        if plot.height < 4 * small.get_linesize():
            return  # no room for a label: the total chart above explains the dashed line
        # At the left end: the latest value is labelled at the right end.
        label = small.render(f"grens {self.pass_mark:.0f}%", True, PARTLY)
        surface.blit(label, label.get_rect(bottomleft=(plot.left + 6, y - 1)))

    def _line(self, surface: pygame.Surface, plot: pygame.Rect) -> None:
        self.points_px = [
            (self.x_of(number, plot), self.y_of(value, plot))
            for number, value in self.series.points
        ]
        width = max(2, self.text_size // 6)
        if len(self.points_px) > 1:
            pygame.draw.lines(surface, PRIMARY, False, self.points_px, width)
        spacing = plot.width / max(1, len(self.points_px))
        radius = max(3, min(self.text_size // 3, int(spacing // 3)))
        for (x, y), value in zip(self.points_px, self.series.values, strict=True):
            passed = self.pass_mark is None or value >= self.pass_mark
            pygame.draw.circle(surface, GOOD if passed else BAD, (x, y), radius)
            pygame.draw.circle(surface, PANEL, (x, y), radius, 1)
        self._last_value(surface, plot, radius)

    def _last_value(self, surface: pygame.Surface, plot: pygame.Rect, radius: int) -> None:
        """The latest score next to its point: above it, else below, else to its left."""
        x, y = self.points_px[-1]
        value = font(self.label_size, bold=True).render(
            f"{self.series.values[-1]:.0f}%", True, TEXT
        )
        point = pygame.Rect(x - radius, y - radius, 2 * radius, 2 * radius)
        places = (
            value.get_rect(midbottom=(x, point.top - 1)),
            value.get_rect(midtop=(x, point.bottom + 1)),
            value.get_rect(midright=(point.left - 3, y)),
        )
        # The label may use the chart's right margin, not its title row or axis labels.
        room = pygame.Rect(plot.left, plot.top, surface.get_width() - 3 - plot.left, plot.height)
        inside = [rect for rect in places if room.contains(rect)]
        rect = inside[0] if inside else places[-1].clamp(room)
        surface.blit(value, rect)
