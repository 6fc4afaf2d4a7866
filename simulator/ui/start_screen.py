"""Start screen: the trainee's name, a scenario card, oefenen or toets, spoken or typed input."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIDropDownMenu

from simulator.ui.cards import CardGrid
from simulator.ui.focus import Focusable
from simulator.ui.jobs import BackgroundJob
from simulator.ui.look import MUTED, TEXT, button_width, draw_text
from simulator.ui.mic_check import MicResult, check_microphone
from simulator.ui.screen import KEY_NAMES, Screen

MODES = (("oefenen", "Oefenen (hints)"), ("toets", "Toets (geen hints)"))
INPUTS = (("spreektoets", "Spreektoets"), ("open_lijn", "Open lijn"), ("typen", "Typen"))
NO_NAME = "Vul eerst uw naam in: u stelt zich daarmee voor aan de beller."
NO_NAME_HISTORY = "Vul eerst uw naam in: dan ziet u uw voortgang."
PICK_PARTICIPANT = "Kies uw naam"


class StartScreen(Screen):
    name = "start"

    def __init__(self, ctx, selected: int = 0) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.selected = selected
        self.message = ""
        self.mic_message = ""
        self.mic_job: BackgroundJob | None = None
        self.participants = ctx.services.participants()
        self._best_for = None
        self.best: dict[str, float] = {}
        self._refresh_best()

    # ----- data --------------------------------------------------------------------------------

    @property
    def scenarios(self):  # noqa: ANN201
        return self.ctx.services.scenarios

    def _refresh_best(self) -> None:
        trainee = self.ctx.settings.trainee.strip()
        if trainee != self._best_for:
            self._best_for = trainee
            self.best = self.ctx.services.best_scores(trainee)
            if hasattr(self, "cards"):
                self.cards.best = self.best

    # ----- layout ------------------------------------------------------------------------------

    def layout(self, rect: pygame.Rect) -> None:
        ctx, px = self.ctx, self.ctx.px
        margin = px(24)
        row = px(40)
        gap = px(10)
        self.title_y = margin
        left_w = max(px(360), int(rect.width * 0.32))
        x = margin
        y = margin + px(70)
        w = left_w - margin
        self.left_rect = pygame.Rect(x, y, w, rect.height - y - margin)

        self.label(pygame.Rect(x, y, w, px(32)), "Uw naam", "#heading")
        # On the name's heading row: the history belongs to the name typed below it.
        history_w = button_width("Voortgang (F3)", px(16), px(14))
        self.history_button = self.button(
            pygame.Rect(x + w - history_w, y, history_w, px(32)),
            "Voortgang",
            self.show_history,
            pygame.K_F3,
        )
        y += px(32)
        if self.participants:
            self.name_entry = self.entry(
                pygame.Rect(x, y, w // 2 - gap // 2, row), ctx.settings.trainee, "Voornaam"
            )
            options = [PICK_PARTICIPANT, *self.participants]
            self.participant_menu = UIDropDownMenu(
                options,
                PICK_PARTICIPANT,
                pygame.Rect(x + w // 2 + gap // 2, y, w // 2 - gap // 2, row),
                ctx.manager,
            )
            menu = self.participant_menu
            self.focus.add(
                Focusable(
                    rect=lambda: menu.get_abs_rect(), element=menu, activate=self._open_participants
                )
            )
        else:
            self.name_entry = self.entry(
                pygame.Rect(x, y, w, row),
                ctx.settings.trainee,
                "Uw voornaam, zoals u zich voorstelt",
            )
        y += row + gap * 2

        self.label(pygame.Rect(x, y, w, px(32)), "Soort oefening", "#heading")
        y += px(32)
        self.mode_buttons = self._choice_row(x, y, w, row, MODES, "mode")
        y += row + gap * 2

        self.label(pygame.Rect(x, y, w, px(32)), "Hoe antwoordt u?", "#heading")
        y += px(32)
        self.input_buttons = self._choice_row(x, y, w, row, INPUTS, "input")
        y += row + gap
        self.button(pygame.Rect(x, y, w, row), "Microfoon testen", self._check_mic, pygame.K_F2)
        y += row + gap
        self.mic_rect = pygame.Rect(x, y, w, px(64))
        y += px(64) + gap

        start_h = px(56)
        self.start_button = self.button(
            pygame.Rect(x, rect.height - margin - start_h, w, start_h),
            "Start gesprek",
            self.start,
            pygame.K_F5,
            "#primary",
        )
        self.message_rect = pygame.Rect(x, y, w, rect.height - margin - start_h - y - gap)

        self._layout_view_toggles(rect, margin)

        cards_x = left_w + margin
        top = margin + px(70)
        self.cards_heading_y = top
        cards_rect = pygame.Rect(
            cards_x,
            top + px(36),
            rect.width - cards_x - margin,
            rect.height - top - px(36) - margin,
        )
        previous = getattr(self, "cards", None)
        self.cards = CardGrid(
            cards_rect,
            self.scenarios,
            px(17),
            self.best,
            previous.selected if previous else self.selected,
        )
        cards = self.cards
        self.cards_focus = self.focus.add(
            Focusable(
                rect=cards.focus_rect, activate=self.start, on_key=cards.on_key, name="kaarten"
            )
        )
        self.focus.focus(self.name_entry if not ctx.settings.trainee else self.cards_focus)

    def _layout_view_toggles(self, rect: pygame.Rect, margin: int) -> None:
        """Presentatie, Grote tekst and Volledig scherm, right-aligned on the title row."""
        px, settings = self.ctx.px, self.ctx.settings
        toggles = (
            ("Presentatie", self._toggle_presentation, pygame.K_F12, settings.presentation),
            ("Grote tekst", self._toggle_large, pygame.K_F10, settings.large_text),
            ("Volledig scherm", self.ctx.toggle_fullscreen, pygame.K_F11, settings.fullscreen),
        )
        labels = [f"{text} ({KEY_NAMES[key]})" for text, _, key, _ in toggles]
        gap = px(10)
        widths = [button_width(label, px(16), px(14)) for label in labels]
        x = rect.width - margin - sum(widths) - gap * (len(widths) - 1)
        self.view_buttons = {}
        for (text, action, key, on), width in zip(toggles, widths, strict=True):
            self.view_buttons[text] = self.button(
                pygame.Rect(x, margin, width, px(36)),
                text,
                action,
                key,
                "#choice_on" if on else None,
            )
            x += width + gap

    def _choice_row(self, x, y, w, h, choices, setting):  # noqa: ANN001, ANN202
        gap = self.ctx.px(8)
        width = (w - gap * (len(choices) - 1)) // len(choices)
        buttons = {}
        for i, (value, text) in enumerate(choices):
            chosen = getattr(self.ctx.settings, setting) == value
            rect = pygame.Rect(x + i * (width + gap), y, width, h)
            buttons[value] = self.button(
                rect,
                text,
                lambda v=value, s=setting: self._choose(s, v),
                object_id="#choice_on" if chosen else None,
            )
        return buttons

    # ----- actions -----------------------------------------------------------------------------

    def _choose(self, setting: str, value: str) -> None:
        setattr(self.ctx.settings, setting, value)
        focused = self.focus.index
        self.ctx.states.rebuild()
        self.focus.index = focused

    def _toggle_large(self) -> None:
        focused = self.focus.index
        self.ctx.set_large_text(not self.ctx.settings.large_text)
        self.focus.index = focused

    def _toggle_presentation(self) -> None:
        focused = self.focus.index
        self.ctx.set_presentation(not self.ctx.settings.presentation)
        self.focus.index = focused

    def show_history(self) -> None:
        self.ctx.settings.trainee = self.name_entry.get_text().strip()
        if not self.ctx.settings.trainee:
            self.message = NO_NAME_HISTORY
            self.focus.focus(self.name_entry)
            return
        from simulator.ui.history_screen import HistoryScreen

        self.selected = self.cards.selected
        self.ctx.states.push(HistoryScreen(self.ctx, self.ctx.settings.trainee))

    def _open_participants(self) -> None:
        menu = self.participant_menu
        if hasattr(menu, "current_state") and menu.current_state is menu.menu_states["closed"]:
            menu.current_state.should_transition = True
            menu.current_state.target_state = "expanded"

    def _check_mic(self) -> None:
        if self.mic_job is None:
            self.mic_message = "De microfoon wordt getest: zeg iets…"
            self.mic_job = BackgroundJob(check_microphone, "microfoontest")

    def start(self) -> None:
        self.ctx.settings.trainee = self.name_entry.get_text().strip()
        if not self.ctx.settings.trainee:
            self.message = NO_NAME
            self.focus.focus(self.name_entry)
            return
        scenario = self.cards.current
        if scenario is None:
            self.message = "Er is geen scenario om te oefenen."
            return
        from simulator.ui.call_screen import CallScreen

        self.selected = self.cards.selected
        self.ctx.states.push(CallScreen(self.ctx, scenario))

    # ----- events and time ---------------------------------------------------------------------

    def process_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.name_entry:
            self.ctx.settings.trainee = self.name_entry.get_text()
            self.message = ""
            return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.name_entry:
            self.focus.focus(self.cards_focus)
            return True
        if event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED and event.text != PICK_PARTICIPANT:
            self.name_entry.set_text(event.text)
            self.ctx.settings.trainee = event.text
            return True
        clicked = event.type == pygame.MOUSEBUTTONDOWN and event.button == 1
        if clicked and self.cards.click(event.pos) is not None:
            self.focus.focus(self.cards_focus)
            return True
        if event.type == pygame.MOUSEWHEEL and self.cards.rect.collidepoint(pygame.mouse.get_pos()):
            self.cards.wheel(event.y)
            return True
        return super().process_event(event)

    def update(self, dt: float) -> None:
        self._refresh_best()
        if self.mic_job is not None and self.mic_job.done:
            result: MicResult = self.mic_job.result or MicResult(False, str(self.mic_job.error))
            self.mic_message = result.message
            self.mic_job = None
            if not result.ok:
                self._choose("input", "typen")

    def draw(self, surface: pygame.Surface) -> None:
        px = self.ctx.px
        draw_text(surface, "KCC-oefensimulator", (px(24), self.title_y), px(30), bold=True)
        draw_text(
            surface,
            "Oefen telefoongesprekken met inwoners van de gemeente.",
            (px(24), self.title_y + px(42)),
            px(16),
            MUTED,
        )
        draw_text(
            surface,
            "Kies een scenario (pijltjestoetsen, Enter om te starten)",
            (self.cards.rect.left, self.cards_heading_y),
            px(19),
            bold=True,
        )
        self.cards.draw(surface)
        self._draw_paragraph(surface, self.mic_rect, self.mic_message, MUTED)
        notes = [m for m in (self.message, *self.ctx.services.problems, *self.ctx.notices) if m]
        self._draw_paragraph(surface, self.message_rect, "\n".join(notes), (146, 64, 14))

    def _draw_paragraph(self, surface, rect, text, colour=TEXT) -> None:  # noqa: ANN001
        from simulator.ui.look import font, wrap

        if not text:
            return
        fnt = font(self.ctx.px(14))
        y = rect.top
        for line in wrap(text, fnt, rect.width):
            if y + fnt.get_linesize() > rect.bottom:
                break
            surface.blit(fnt.render(line, True, colour), (rect.left, y))
            y += fnt.get_linesize()
