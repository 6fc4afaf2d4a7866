"""The whole transcript on one screen (from the score screen); Esc goes back."""

from __future__ import annotations

import pygame

from simulator.scenario.model import Scenario
from simulator.ui.focus import Focusable
from simulator.ui.look import draw_text
from simulator.ui.screen import Screen
from simulator.ui.transcript_view import Bubble, TranscriptView


class TranscriptScreen(Screen):
    name = "transcript"

    def __init__(self, ctx, scenario: Scenario, bubbles: list[Bubble]) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.scenario = scenario
        self.bubbles = bubbles

    def layout(self, rect: pygame.Rect) -> None:
        px = self.ctx.px
        margin = px(20)
        self.view = TranscriptView(
            pygame.Rect(
                margin,
                margin + px(50),
                rect.width - 2 * margin,
                rect.height - 2 * margin - px(50) - px(60),
            ),
            px(18),
        )
        self.view.follow = False
        self.view.set(self.bubbles)
        self.view.scroll = 0
        view = self.view
        self.focus.add(Focusable(rect=lambda: view.rect, on_key=view.on_key, name="transcript"))
        self.button(
            pygame.Rect(margin, rect.height - margin - px(48), px(260), px(48)),
            "Terug naar de score",
            self.ctx.states.pop,
            pygame.K_ESCAPE,
            "#primary",
        )
        self.focus.focus(self.focus.items[0])

    def process_event(self, event: pygame.event.Event) -> bool:
        return self.view.process_event(event) or super().process_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        draw_text(
            surface,
            f"Transcript: {self.scenario.titel}",
            (self.ctx.px(20), self.ctx.px(20)),
            self.ctx.px(24),
            bold=True,
        )
        self.view.draw(surface)
