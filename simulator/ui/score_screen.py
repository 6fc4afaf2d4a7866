"""The score screen: total against the pass mark, a bar per phase, every rule with its evidence,
tips and model phrases; choosing a rule scrolls the transcript to that moment."""

from __future__ import annotations

from pathlib import Path

import pygame

from simulator.call.record import CallRecord
from simulator.scenario.model import Scenario
from simulator.scoring.scorecard import PHASE_LABELS, PHASE_ORDER, Scorecard
from simulator.ui.focus import Focusable
from simulator.ui.jobs import BackgroundJob
from simulator.ui.look import BAD, GOOD, MUTED, PARTLY, TEXT, draw_text, font, row_widths, wrap
from simulator.ui.rule_list import RuleList
from simulator.ui.screen import KEY_NAMES, Screen
from simulator.ui.transcript_view import Bubble, TranscriptView, bubbles_from_record


def verdict_text(scorecard: Scorecard) -> str:
    result = "Geslaagd" if scorecard.passed else "Niet geslaagd"
    return f"{result} (grens {scorecard.pass_mark:.0f}%)"


def bar_colour(percent: float) -> tuple[int, int, int]:
    return GOOD if percent >= 70 else PARTLY if percent >= 50 else BAD


class ScoreScreen(Screen):
    name = "score"

    def __init__(
        self,
        ctx,
        scenario: Scenario,
        record: CallRecord,  # noqa: ANN001
        scorecard: Scorecard,
        bubbles: list[Bubble] | None = None,
    ) -> None:
        super().__init__(ctx)
        self.scenario = scenario
        self.record = record
        self.scorecard = scorecard
        self.bubbles = bubbles or bubbles_from_record(record)
        self.message = ""
        self.report_job: BackgroundJob | None = None
        self.selected_rule = 0

    def layout(self, rect: pygame.Rect) -> None:
        px = self.ctx.px
        margin = px(20)
        gap = px(12)
        header_h = px(96)
        buttons_h = px(48)
        left_w = int((rect.width - 2 * margin - gap) * 0.55)
        top = margin + header_h
        bars_h = len(self.phase_scores()) * px(30) + px(8)
        self.header_rect = pygame.Rect(margin, margin, rect.width - 2 * margin, header_h)
        self.bars_rect = pygame.Rect(margin, top, left_w, bars_h)
        list_top = top + bars_h + gap
        bottom = rect.height - margin - buttons_h - gap
        self.rules = RuleList(
            pygame.Rect(margin, list_top, left_w, bottom - list_top), self.scorecard.rules, px(16)
        )
        self.rules.select(self.selected_rule)
        transcript_rect = pygame.Rect(
            margin + left_w + gap,
            top + px(30),
            rect.width - 2 * margin - left_w - gap,
            bottom - top - px(30),
        )
        self.transcript = TranscriptView(transcript_rect, px(15))
        self.transcript.follow = False
        self.transcript.set(self.bubbles)
        rules, view = self.rules, self.transcript
        self.focus.add(
            Focusable(
                rect=rules.focus_rect,
                activate=self.show_rule_moment,
                on_key=self._rule_key,
                name="regels",
            )
        )
        self.focus.add(Focusable(rect=lambda: view.rect, on_key=view.on_key, name="transcript"))
        labels = (
            ("Opnieuw", self.again, pygame.K_F5),
            ("Volgend scenario", self.next_scenario, pygame.K_F6),
            ("Transcript bekijken", self.show_transcript, pygame.K_F7),
            ("Voortgang", self.show_history, pygame.K_F3),
            ("Rapport opslaan", self.save_report, pygame.K_F9),
        )
        widths = row_widths(
            [f"{text} ({KEY_NAMES[key]})" for text, _, key in labels],
            px(17),
            rect.width - 2 * margin,
            gap,
            px(12),
        )
        x = margin
        for i, ((text, action, key), width) in enumerate(zip(labels, widths, strict=True)):
            self.button(
                pygame.Rect(x, rect.height - margin - buttons_h, width, buttons_h),
                text,
                action,
                key,
                "#primary" if i == 0 else None,
            )
            x += width + gap
        self.focus.focus(self.focus.items[0])
        self.show_rule_moment()

    def phase_scores(self):  # noqa: ANN201
        order = {p: i for i, p in enumerate(PHASE_ORDER)}
        return sorted(self.scorecard.phases, key=lambda p: order.get(p.phase, 99))

    # ----- actions ------------------------------------------------------------------------------

    def _rule_key(self, event: pygame.event.Event) -> bool:
        if self.rules.on_key(event):
            self.selected_rule = self.rules.selected
            self.show_rule_moment()
            return True
        return False

    def show_rule_moment(self) -> None:
        if not self.rules.rows:
            return
        moment = self.rules.rows[self.rules.selected].moment
        if moment is not None:
            self.transcript.scroll_to_time(moment)
        else:
            self.transcript.highlight = None

    def again(self) -> None:
        from simulator.ui.call_screen import CallScreen
        from simulator.ui.start_screen import StartScreen

        index = self._scenario_index()
        self.ctx.states.reset(StartScreen(self.ctx, selected=index))
        self.ctx.states.push(CallScreen(self.ctx, self.scenario))

    def next_scenario(self) -> None:
        from simulator.ui.start_screen import StartScreen

        count = max(1, len(self.ctx.services.scenarios))
        self.ctx.states.reset(StartScreen(self.ctx, selected=(self._scenario_index() + 1) % count))

    def _scenario_index(self) -> int:
        ids = [s.id for s in self.ctx.services.scenarios]
        return ids.index(self.scenario.id) if self.scenario.id in ids else 0

    def show_transcript(self) -> None:
        from simulator.ui.transcript_screen import TranscriptScreen

        self.ctx.states.push(TranscriptScreen(self.ctx, self.scenario, self.bubbles))

    def show_history(self) -> None:
        from simulator.ui.history_screen import HistoryScreen

        self.ctx.states.push(HistoryScreen(self.ctx, self.ctx.settings.trainee))

    def save_report(self) -> None:
        if self.report_job is not None:
            return
        services, folder = self.ctx.services, self.report_folder()
        record, scorecard, scenario = self.record, self.scorecard, self.scenario
        self.message = "Het rapport wordt opgeslagen…"
        self.report_job = BackgroundJob(
            lambda: services.save_report(record, scorecard, scenario, folder), "rapport"
        )

    def report_folder(self) -> Path:
        if self.ctx.services.report_folder is not None:
            return self.ctx.services.report_folder
        return Path.home() / "kcc-sim-rapporten"

    # ----- events and time ---------------------------------------------------------------------

    def process_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            index = self.rules.index_at(event.pos)
            if index is not None:
                self.rules.select(index)
                self.selected_rule = index
                self.focus.focus(self.focus.items[0])
                self.show_rule_moment()
                return True
        if event.type == pygame.MOUSEWHEEL:
            mouse = pygame.mouse.get_pos()
            if self.rules.rect.collidepoint(mouse):
                self.rules.wheel(event.y)
                return True
            if self.transcript.process_event(event):
                return True
        return super().process_event(event)

    def update(self, dt: float) -> None:
        if self.report_job is not None and self.report_job.done:
            job, self.report_job = self.report_job, None
            if job.error is not None:
                self.message = (
                    f"Het rapport kon niet worden opgeslagen ({job.error}). "
                    "Controleer of de map schrijfbaar is."
                )
            else:
                self.message = f"Rapport opgeslagen: {job.result}"

    def draw(self, surface: pygame.Surface) -> None:
        px = self.ctx.px
        r = self.header_rect
        card = self.scorecard
        colour = GOOD if card.passed else BAD
        draw_text(surface, f"{card.total:.0f}%", r.topleft, px(52), colour, bold=True)
        x = r.left + font(px(52), True).size("100%")[0] + px(24)
        draw_text(surface, verdict_text(card), (x, r.top + px(4)), px(24), colour, bold=True)
        trainee = self.ctx.settings.trainee
        sub = f"{self.scenario.titel}" + (f" · {trainee}" if trainee else "")
        draw_text(surface, sub, (x, r.top + px(40)), px(16), MUTED)
        if self.message:
            fnt = font(px(14))
            for i, line in enumerate(wrap(self.message, fnt, r.width - x)[:1]):
                surface.blit(fnt.render(line, True, TEXT), (x, r.top + px(64) + i * px(18)))
        self._draw_bars(surface)
        self.rules.draw(surface)
        draw_text(
            surface,
            "Transcript (kies een regel om naar dat moment te gaan)",
            (self.transcript.rect.left, self.bars_rect.top),
            px(16),
            bold=True,
        )
        self.transcript.draw(surface)

    def _draw_bars(self, surface: pygame.Surface) -> None:
        px = self.ctx.px
        r = self.bars_rect
        label_w = px(110)
        value_w = px(120)
        fnt = font(px(15))
        for i, phase in enumerate(self.phase_scores()):
            y = r.top + i * px(30)
            surface.blit(
                fnt.render(PHASE_LABELS.get(phase.phase, phase.phase), True, TEXT), (r.left, y)
            )
            track = pygame.Rect(r.left + label_w, y + px(4), r.width - label_w - value_w, px(16))
            pygame.draw.rect(surface, (229, 231, 235), track, border_radius=6)
            filled = track.copy()
            filled.width = int(track.width * max(0.0, min(100.0, phase.percent)) / 100)
            if filled.width:
                pygame.draw.rect(surface, bar_colour(phase.percent), filled, border_radius=6)
            value = f"{phase.percent:.0f}%  ({phase.points:g}/{phase.max_points:g})"
            surface.blit(fnt.render(value, True, TEXT), (track.right + px(10), y))

    def phase_lines(self) -> list[str]:
        """The phase bars as text (for tests)."""
        return [
            f"{PHASE_LABELS.get(p.phase, p.phase)}: {p.percent:.0f}%" for p in self.phase_scores()
        ]
