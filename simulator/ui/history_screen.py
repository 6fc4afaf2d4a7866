"""Voortgang: one trainee's attempts over time. A chart of the total and one per phase, per rule
how often it was met in the latest scored calls (weakest first), and every attempt in a list
(afgebroken ones too, though they have no score to chart). Esc goes back."""

from __future__ import annotations

import pygame

from simulator.ui.focus import Focusable
from simulator.ui.line_chart import LineChart
from simulator.ui.look import (
    BAD,
    BORDER,
    GOOD,
    MUTED,
    PANEL,
    PARTLY,
    TEXT,
    button_width,
    draw_text,
    ellipsize,
    font,
    wrap,
)
from simulator.ui.progress import Progress, load_progress, when_text
from simulator.ui.row_list import RowList
from simulator.ui.screen import Screen

NO_HISTORY = (
    "Er zijn nog geen gesprekken van {naam} opgeslagen. Oefen een gesprek: daarna ziet u hier "
    "hoe uw score per poging verandert en welke regels nog aandacht vragen."
)
NO_SCORES = "Nog geen beoordeelde gesprekken: hier ziet u straks welke regels u vaak haalt."
TRACK = (229, 231, 235)


def fitting(texts: list[str], fnt: pygame.font.Font, width: int) -> str:
    """The first text that fits `width`, else the last one cut to fit."""
    for text in texts:
        if fnt.size(text)[0] <= width:
            return text
    return ellipsize(texts[-1], fnt, width)


def share_colour(share: float) -> tuple[int, int, int]:
    return GOOD if share >= 0.7 else PARTLY if share >= 0.5 else BAD


class HistoryScreen(Screen):
    name = "voortgang"

    def __init__(self, ctx, trainee: str) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.progress: Progress = load_progress(ctx.services, trainee)
        self.charts: list[tuple[pygame.Rect, LineChart]] = []
        self.rule_list: RowList | None = None
        self.attempt_list: RowList | None = None

    # ----- layout ---------------------------------------------------------------------------

    def layout(self, rect: pygame.Rect) -> None:
        px = self.ctx.px
        margin, gap = px(20), px(14)
        header_h = px(80)
        buttons_h = px(46)
        self.header_rect = pygame.Rect(margin, margin, rect.width - 2 * margin, header_h)
        back_w = button_width("Terug (Esc)", px(17), px(28))
        self.back_button = self.button(
            pygame.Rect(margin, rect.height - margin - buttons_h, back_w, buttons_h),
            "Terug",
            self.back,
            pygame.K_ESCAPE,
            "#primary",
        )
        body_top = margin + header_h
        self.body_rect = pygame.Rect(
            margin,
            body_top,
            rect.width - 2 * margin,
            rect.height - body_top - 2 * margin - buttons_h,
        )
        self.charts = []
        self._previous_lists = (self.rule_list, self.attempt_list)
        self.rule_list = self.attempt_list = None
        if self.progress.empty:
            self.focus.focus(self.focus.items[0])
            return
        left_w = int((self.body_rect.width - gap) * 0.56)
        self._layout_charts(pygame.Rect(self.body_rect.topleft, (left_w, self.body_rect.height)))
        right = pygame.Rect(
            self.body_rect.left + left_w + gap,
            self.body_rect.top,
            self.body_rect.width - left_w - gap,
            self.body_rect.height,
        )
        self._layout_lists(right)

    def _layout_charts(self, area: pygame.Rect) -> None:
        px, gap = self.ctx.px, self.ctx.px(12)
        numbers = (1, len(self.progress.attempts))
        mark = self.progress.pass_mark
        total_h = int((area.height - gap) * 0.42)
        total = pygame.Rect(area.left, area.top, area.width, total_h)
        self.charts.append(
            (total, LineChart(self.progress.total, total.size, px(16), numbers, mark))
        )
        cell_w = (area.width - gap) // 2
        cell_h = (area.height - total_h - 2 * gap) // 2
        for i, series in enumerate(self.progress.phases):
            row, column = divmod(i, 2)
            cell = pygame.Rect(
                area.left + column * (cell_w + gap),
                total.bottom + gap + row * (cell_h + gap),
                cell_w,
                cell_h,
            )
            self.charts.append((cell, LineChart(series, cell.size, px(15), numbers, mark)))

    def _layout_lists(self, area: pygame.Rect) -> None:
        px = self.ctx.px
        # A rebuild (resize, large text) keeps where the lists were scrolled to.
        previous = [rows.first if rows else 0 for rows in self._previous_lists]
        heading = font(px(17), bold=True).get_linesize() + px(4)
        gap = px(12)
        rules_h = int((area.height - 2 * heading - gap) * 0.58)
        self.rules_heading = (area.left, area.top)
        rules = pygame.Rect(area.left, area.top + heading, area.width, rules_h)
        self.attempts_heading = (area.left, rules.bottom + gap)
        attempts_top = rules.bottom + gap + heading
        attempts = pygame.Rect(area.left, attempts_top, area.width, area.bottom - attempts_top)
        rule_h = font(px(15)).get_linesize() + px(12) + px(12)
        self.rule_list = RowList(
            rules, len(self.progress.rules), rule_h, self._draw_rule, NO_SCORES, px(15)
        )
        attempt_h = font(px(15)).get_linesize() + px(8)
        self.attempt_list = RowList(
            attempts, len(self.progress.attempts), attempt_h, self._draw_attempt, "", px(15)
        )
        for rows, first in zip((self.rule_list, self.attempt_list), previous, strict=True):
            rows.scroll_to(first)
        # Tab order: the rule list, the attempts, the back button (added first, reached last).
        for name, rows in (("regels", self.rule_list), ("pogingen", self.attempt_list)):
            self.focus.add(
                Focusable(rect=lambda r=rows: r.rect.inflate(-2, -2), on_key=rows.on_key, name=name)
            )
        self.focus.items.append(self.focus.items.pop(0))
        self.focus.focus(self.focus.items[0])

    # ----- actions and events ----------------------------------------------------------------

    def back(self) -> None:
        self.ctx.states.pop()

    def process_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            mouse = pygame.mouse.get_pos()
            for rows in (self.rule_list, self.attempt_list):
                if rows is not None and rows.rect.collidepoint(mouse):
                    rows.wheel(event.y)
                    return True
        return super().process_event(event)

    # ----- what the screen shows, as text (for tests) ----------------------------------------

    def rules_headings(self) -> list[str]:
        """The rule list's heading, longest first (the first that fits is shown)."""
        recent = self.progress.recent
        if not recent:
            return ["Regels (zwakste eerst)"]
        calls = "gesprek" if recent == 1 else "gesprekken"
        return [
            f"Regels in uw laatste {recent} beoordeelde {calls} (zwakste eerst)",
            f"Regels, laatste {recent} {calls} (zwakste eerst)",
            "Regels (zwakste eerst)",
        ]

    def message(self) -> str:
        """The Dutch message in place of the charts ("" when there is history to show)."""
        if self.progress.problem:
            return self.progress.problem
        if self.progress.empty:
            return NO_HISTORY.format(naam=self.progress.trainee or "u")
        return ""

    def rule_texts(self) -> list[str]:
        return [f"{bar.title}: {bar.fraction_text}" for bar in self.progress.rules]

    def attempt_texts(self) -> list[str]:
        """Newest first, as the list shows them."""
        return [
            f"{a.number} · {a.scenario} · {a.result_text}" for a in reversed(self.progress.attempts)
        ]

    # ----- drawing ----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        px = self.ctx.px
        r = self.header_rect
        draw_text(surface, f"Voortgang van {self.progress.trainee}", r.topleft, px(28), bold=True)
        if not self.progress.empty:
            line = self.progress.summary_text()
            draw_text(surface, line, (r.left, r.top + px(44)), px(16), MUTED)
        if self.message():
            self._draw_message(surface)
        if self.progress.empty:
            return
        for rect, chart in self.charts:
            surface.blit(chart.surface, rect)
        heading = fitting(self.rules_headings(), font(px(17), bold=True), self.rule_list.rect.width)
        draw_text(surface, heading, self.rules_heading, px(17), bold=True)
        self.rule_list.draw(surface)
        draw_text(
            surface, "Alle pogingen (nieuwste eerst)", self.attempts_heading, px(17), bold=True
        )
        self.attempt_list.draw(surface)

    def _draw_message(self, surface: pygame.Surface) -> None:
        """The empty-history message, or the store's problem (over the charts, if any)."""
        px = self.ctx.px
        fnt = font(px(20))
        box = self.body_rect.inflate(-self.body_rect.width // 5, 0)
        lines = wrap(self.message(), fnt, box.width - px(48))
        box.height = min(box.height, len(lines) * fnt.get_linesize() + px(48))
        colour = (146, 64, 14) if self.progress.problem else TEXT
        pygame.draw.rect(surface, PANEL, box, border_radius=10)
        pygame.draw.rect(surface, BORDER, box, width=1, border_radius=10)
        y = box.top + px(24)
        for line in lines:
            if y + fnt.get_linesize() > box.bottom:
                break
            surface.blit(fnt.render(line, True, colour), (box.left + px(24), y))
            y += fnt.get_linesize()

    def _draw_rule(self, surface: pygame.Surface, rect: pygame.Rect, index: int) -> None:
        px = self.ctx.px
        bar = self.progress.rules[index]
        pad = px(10)
        fnt, bold = font(px(15)), font(px(15), bold=True)
        fraction = fnt.render(bar.fraction_text, True, MUTED)
        title_w = rect.width - fraction.get_width() - 3 * pad
        title = bold.render(ellipsize(bar.title, bold, title_w), True, TEXT)
        surface.blit(title, (rect.left + pad, rect.top + px(4)))
        surface.blit(fraction, fraction.get_rect(topright=(rect.right - pad, rect.top + px(4))))
        track = pygame.Rect(
            rect.left + pad, rect.top + px(6) + fnt.get_linesize(), rect.width - 2 * pad, px(10)
        )
        pygame.draw.rect(surface, TRACK, track, border_radius=5)
        filled = track.copy()
        filled.width = int(track.width * bar.share)
        if filled.width:
            pygame.draw.rect(surface, share_colour(bar.share), filled, border_radius=5)
        bottom = rect.bottom - 1
        pygame.draw.line(surface, BORDER, (rect.left + pad, bottom), (rect.right - pad, bottom))

    def _draw_attempt(self, surface: pygame.Surface, rect: pygame.Rect, index: int) -> None:
        px = self.ctx.px
        attempt = self.progress.attempts[-1 - index]
        pad = px(10)
        fnt, bold = font(px(15)), font(px(15), bold=True)
        y = rect.top + px(4)
        number = bold.render(str(attempt.number), True, TEXT)
        number_w = bold.size(str(len(self.progress.attempts)))[0] + pad
        surface.blit(number, (rect.left + pad, y))
        when = fnt.render(when_text(attempt.when), True, MUTED)
        when_x = rect.left + pad + number_w
        surface.blit(when, (when_x, y))
        colour = MUTED if not attempt.charted else GOOD if attempt.passed else BAD
        result = bold.render(attempt.result_text, True, colour)
        surface.blit(result, result.get_rect(topright=(rect.right - pad, y)))
        scenario_x = when_x + fnt.size("30 sep 23:59")[0] + pad
        room = rect.right - pad - result.get_width() - pad - scenario_x
        scenario = attempt.scenario + (" (toets)" if attempt.mode == "toets" else "")
        if room > px(40):
            surface.blit(fnt.render(ellipsize(scenario, fnt, room), True, TEXT), (scenario_x, y))
        bottom = rect.bottom - 1
        pygame.draw.line(surface, BORDER, (rect.left + pad, bottom), (rect.right - pad, bottom))
