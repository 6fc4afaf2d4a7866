"""The score screen's list of rules: verdict, evidence with time, and for failures tip and model
phrase. Custom-drawn, scrollable; choosing a rule asks the transcript to jump to its evidence."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from simulator.scoring.scorecard import PHASE_LABELS, PHASE_ORDER, VERDICT_LABELS, RuleResult
from simulator.ui.look import (
    BAD,
    BORDER,
    GOOD,
    MUTED,
    NEUTRAL,
    PANEL,
    PARTLY,
    PRIMARY,
    TEXT,
    font,
    wrap,
)
from simulator.ui.transcript_view import clock_text

VERDICT_COLOURS = {"gehaald": GOOD, "deels": PARTLY, "niet_gehaald": BAD, "nvt": NEUTRAL}


@dataclass(frozen=True)
class RuleRow:
    rule: RuleResult
    lines: tuple[tuple[str, str], ...]  # (style, text): title, evidence, tip, model, note

    @property
    def moment(self) -> float | None:
        return self.rule.evidence[0].t if self.rule.evidence else None


def rule_texts(rule: RuleResult) -> list[tuple[str, str]]:
    """What the list shows for a rule, as (style, text) pairs."""
    verdict = VERDICT_LABELS.get(rule.verdict, rule.verdict)
    points = f"{rule.points:g}/{rule.max_points:g}" if rule.verdict != "nvt" else ""
    lines = [("title", f"{rule.title}"), ("verdict", f"{verdict}  {points}".strip())]
    for evidence in rule.evidence[:2]:
        note = f" – {evidence.note}" if evidence.note else ""
        lines.append(("evidence", f"“{evidence.quote}” ({clock_text(evidence.t)}){note}"))
    if rule.verdict in ("niet_gehaald", "deels"):
        if rule.explanation:
            lines.append(("body", rule.explanation))
        if rule.tip:
            lines.append(("tip", f"Tip: {rule.tip}"))
        if rule.model_phrase:
            lines.append(("model", f"Zo kan het: “{rule.model_phrase}”"))
    if rule.uncertain:
        lines.append(("note", "Let op: de spraakherkenning was hier onzeker."))
    return lines


def sorted_rules(rules: tuple[RuleResult, ...]) -> list[RuleResult]:
    order = {phase: i for i, phase in enumerate(PHASE_ORDER)}
    return sorted(rules, key=lambda r: order.get(r.phase, 99))


class RuleList:
    def __init__(self, rect: pygame.Rect, rules: tuple[RuleResult, ...], size: int) -> None:
        self.rect = rect
        self.size = size
        self.rows = [RuleRow(r, tuple(rule_texts(r))) for r in sorted_rules(rules)]
        self.selected = 0
        self.scroll = 0
        self._heights = [self._row_height(row) for row in self.rows]

    def _fonts(self) -> dict[str, pygame.font.Font]:
        s = self.size
        return {
            "title": font(s, bold=True),
            "verdict": font(s - 2, bold=True),
            "evidence": font(s - 2),
            "body": font(s - 2),
            "tip": font(s - 2),
            "model": font(s - 2),
            "note": font(s - 3),
            "phase": font(s + 1, bold=True),
        }

    def _wrapped(self, row: RuleRow) -> list[tuple[str, str]]:
        fonts = self._fonts()
        width = self.rect.width - 3 * self.pad - 10
        out = []
        for style, text in row.lines:
            if style == "verdict":
                continue
            for line in wrap(text, fonts[style], width - (self.badge_w if style == "title" else 0)):
                out.append((style, line))
        return out

    @property
    def pad(self) -> int:
        return max(8, self.size // 2)

    @property
    def badge_w(self) -> int:
        return font(self.size - 2, bold=True).size("niet gehaald  10/10")[0] + 16

    def _phase_header(self, index: int) -> str | None:
        phase = self.rows[index].rule.phase
        if index == 0 or self.rows[index - 1].rule.phase != phase:
            return PHASE_LABELS.get(phase, phase.capitalize())
        return None

    def _row_height(self, row: RuleRow) -> int:
        fonts = self._fonts()
        index = self.rows.index(row)
        header = fonts["phase"].get_linesize() + self.pad if self._phase_header(index) else 0
        body = sum(fonts[style].get_linesize() for style, _ in self._wrapped(row))
        return header + body + 2 * self.pad

    def row_top(self, index: int) -> int:
        return self.rect.top + sum(self._heights[:index]) - self.scroll

    def max_scroll(self) -> int:
        return max(0, sum(self._heights) - self.rect.height)

    def select(self, index: int) -> None:
        if not self.rows:
            return
        self.selected = max(0, min(len(self.rows) - 1, index))
        top = self.row_top(self.selected)
        bottom = top + self._heights[self.selected]
        if top < self.rect.top:
            self.scroll -= self.rect.top - top
        elif bottom > self.rect.bottom:
            self.scroll += bottom - self.rect.bottom
        self.scroll = max(0, min(self.max_scroll(), self.scroll))

    def focus_rect(self) -> pygame.Rect:
        if not self.rows:
            return self.rect
        top = self.row_top(self.selected)
        return pygame.Rect(self.rect.left, top, self.rect.width, self._heights[self.selected]).clip(
            self.rect
        )

    def index_at(self, pos: tuple[int, int]) -> int | None:
        if not self.rect.collidepoint(pos):
            return None
        for index in range(len(self.rows)):
            top = self.row_top(index)
            if top <= pos[1] < top + self._heights[index]:
                return index
        return None

    def on_key(self, event: pygame.event.Event) -> bool:
        step = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -5, pygame.K_PAGEDOWN: 5}
        if event.key in step:
            self.select(self.selected + step[event.key])
            return True
        return False

    def wheel(self, dy: int) -> None:
        self.scroll = max(0, min(self.max_scroll(), self.scroll - dy * 3 * self.size))

    def draw(self, surface: pygame.Surface) -> None:
        pygame.draw.rect(surface, PANEL, self.rect, border_radius=8)
        pygame.draw.rect(surface, BORDER, self.rect, width=1, border_radius=8)
        clip = surface.get_clip()
        surface.set_clip(self.rect.inflate(-2, -2))
        fonts = self._fonts()
        colours = {
            "title": TEXT,
            "evidence": MUTED,
            "body": TEXT,
            "tip": PRIMARY,
            "model": (30, 64, 175),
            "note": PARTLY,
        }
        for index, row in enumerate(self.rows):
            top = self.row_top(index)
            height = self._heights[index]
            if top + height < self.rect.top or top > self.rect.bottom:
                continue
            x, y = self.rect.left + self.pad, top + self.pad
            header = self._phase_header(index)
            if header:
                surface.blit(fonts["phase"].render(header, True, PRIMARY), (x, y))
                y += fonts["phase"].get_linesize() + self.pad // 2
            if index == self.selected:
                box = pygame.Rect(self.rect.left + 4, y - 4, self.rect.width - 8, top + height - y)
                pygame.draw.rect(surface, (239, 246, 255), box, border_radius=6)
            self._badge(surface, row.rule, (self.rect.right - self.pad - self.badge_w, y))
            for style, line in self._wrapped(row):
                surface.blit(fonts[style].render(line, True, colours[style]), (x, y))
                y += fonts[style].get_linesize()
            pygame.draw.line(
                surface,
                BORDER,
                (self.rect.left + 8, top + height - 1),
                (self.rect.right - 8, top + height - 1),
            )
        surface.set_clip(clip)

    def _badge(self, surface: pygame.Surface, rule: RuleResult, pos: tuple[int, int]) -> None:
        text = VERDICT_LABELS.get(rule.verdict, rule.verdict)
        if rule.verdict != "nvt":
            text += f"  {rule.points:g}/{rule.max_points:g}"
        fnt = font(self.size - 2, bold=True)
        image = fnt.render(text, True, (255, 255, 255))
        box = pygame.Rect(pos, (self.badge_w, fnt.get_height() + 4))
        pygame.draw.rect(surface, VERDICT_COLOURS.get(rule.verdict, NEUTRAL), box, border_radius=6)
        surface.blit(image, image.get_rect(center=box.center))
