"""After hanging up: the contact registration form, then the call is scored (on a thread)."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIDropDownMenu, UITextEntryBox

from simulator.call.session import SpokenCall
from simulator.scenario.model import Scenario
from simulator.ui.focus import Focusable
from simulator.ui.jobs import BackgroundJob
from simulator.ui.look import BAD, BORDER, MUTED, PANEL, draw_text, font, wrap
from simulator.ui.screen import Screen
from simulator.ui.transcript_view import Bubble

# Dropdown label -> the outcome id the scorer compares with the scenario's `afhandeling.soort`.
OUTCOME_CHOICES: tuple[tuple[str, str], ...] = (
    ("direct beantwoord", "direct_beantwoord"),
    ("doorverbonden", "doorverbinden"),
    ("terugbelafspraak", "terugbelafspraak"),
    ("verwezen", "verwijzen"),
    ("e-mail", "email"),
    ("uitzoeken en terugbellen", "uitzoeken_terugbellen"),
    ("niet geregistreerd", ""),
)


class RegistrationScreen(Screen):
    name = "registratie"

    def __init__(
        self,
        ctx,
        scenario: Scenario,
        call: SpokenCall,  # noqa: ANN001
        bubbles: list[Bubble],
    ) -> None:
        super().__init__(ctx)
        self.scenario = scenario
        self.call = call
        self.bubbles = bubbles
        self.values = {"onderwerp": "", "samenvatting": "", "vervolgactie": ""}
        self.outcome = 0
        self.message = ""
        self.job: BackgroundJob | None = None
        record = call.engine.record
        self.picked_up = record.pickup is not None
        end = record.ended
        self.ended_by = end.by if end else "medewerker"

    @property
    def outcome_label(self) -> str:
        return OUTCOME_CHOICES[self.outcome][0]

    def layout(self, rect: pygame.Rect) -> None:
        px = self.ctx.px
        w = min(rect.width - 2 * px(24), px(860))
        x = (rect.width - w) // 2
        y = px(106)
        row, head, gap = px(40), px(32), px(12)
        half = (w - gap) // 2
        self.form_rect = pygame.Rect(x - px(20), px(16), w + px(40), rect.height - px(32))
        self.widgets: dict[str, object] = {}
        # Row 1: subject and outcome side by side; then the summary and the follow-up.
        self.label(pygame.Rect(x, y, half, head), "Onderwerp", "#heading")
        self.label(pygame.Rect(x + half + gap, y, half, head), "Afhandeling (pijltjes)", "#heading")
        y += head
        self.widgets["onderwerp"] = self.entry(
            pygame.Rect(x, y, half, row), self.values["onderwerp"], "Bijvoorbeeld: afval"
        )
        self.menu = UIDropDownMenu(
            [label for label, _ in OUTCOME_CHOICES],
            self.outcome_label,
            pygame.Rect(x + half + gap, y, half, row),
            self.ctx.manager,
        )
        menu = self.menu
        self.focus.add(
            Focusable(rect=lambda: menu.get_abs_rect(), element=menu, on_key=self._outcome_key)
        )
        y += row + gap
        self.label(pygame.Rect(x, y, w, head), "Korte samenvatting", "#heading")
        y += head
        box_h = px(88)
        box = UITextEntryBox(
            pygame.Rect(x, y, w, box_h), self.values["samenvatting"], manager=self.ctx.manager
        )
        self.focus.add(Focusable(rect=lambda: box.get_abs_rect(), element=box))
        self.widgets["samenvatting"] = box
        y += box_h + gap
        self.label(pygame.Rect(x, y, w, head), "Vervolgactie", "#heading")
        y += head
        self.widgets["vervolgactie"] = self.entry(
            pygame.Rect(x, y, w, row),
            self.values["vervolgactie"],
            "Bijvoorbeeld: terugbellen voor vrijdag",
        )
        y += row + gap * 2
        self.save_button = self.button(
            pygame.Rect(x, y, half, px(52)),
            "Registreren en beoordelen",
            self.submit,
            pygame.K_F5,
            "#primary",
        )
        self.button(
            pygame.Rect(x + half + gap, y, half, px(52)), "Niet registreren", self.skip, pygame.K_F9
        )
        self.message_y = y + px(64)
        self.focus.focus(self.widgets["onderwerp"])

    # ----- actions ------------------------------------------------------------------------------

    def _outcome_key(self, event: pygame.event.Event) -> bool:
        step = {pygame.K_UP: -1, pygame.K_DOWN: 1}.get(event.key)
        if step is None:
            return False
        self._remember()
        self.outcome = (self.outcome + step) % len(OUTCOME_CHOICES)
        index = self.focus.index
        self.ctx.states.rebuild()
        self.focus.focus(self.focus.items[index])
        return True

    def _remember(self) -> None:
        for key, widget in self.widgets.items():
            self.values[key] = widget.get_text()

    def submit(self) -> None:
        if self.job is not None:
            return
        self._remember()
        if OUTCOME_CHOICES[self.outcome][1] == "":
            self.skip()
            return
        if not self.values["onderwerp"].strip():
            self.message = "Vul een onderwerp in, of kies 'Niet registreren'."
            self.focus.focus(self.widgets["onderwerp"])
            return
        self.call.engine.register(
            self.call.now(),
            onderwerp=self.values["onderwerp"].strip(),
            samenvatting=self.values["samenvatting"].strip(),
            afhandeling=OUTCOME_CHOICES[self.outcome][1],
            vervolgactie=self.values["vervolgactie"].strip(),
        )
        self._score()

    def skip(self) -> None:
        if self.job is None:
            self._score()

    def _score(self) -> None:
        record, scenario, services = self.call.engine.record, self.scenario, self.ctx.services
        mode = self.ctx.settings.mode

        def work():  # noqa: ANN202
            scorecard = services.score(record, scenario)
            services.save_attempt(record, scorecard, mode)
            return scorecard

        self.message = "Het gesprek wordt beoordeeld…"
        self.job = BackgroundJob(work, "beoordelen")

    # ----- events and time ---------------------------------------------------------------------

    def process_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED and event.ui_element is self.menu:
            labels = [label for label, _ in OUTCOME_CHOICES]
            self.outcome = labels.index(event.text)
            return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            self.focus.move(1)
            return True
        return super().process_event(event)

    def update(self, dt: float) -> None:
        if self.job is None or not self.job.done:
            return
        job, self.job = self.job, None
        if job.error is not None:
            self.message = (
                f"Het beoordelen is mislukt ({job.error}). Probeer het opnieuw met "
                "'Registreren en beoordelen'."
            )
            return
        from simulator.ui.score_screen import ScoreScreen

        self.ctx.states.replace(
            ScoreScreen(self.ctx, self.scenario, self.call.engine.record, job.result, self.bubbles)
        )

    def draw(self, surface: pygame.Surface) -> None:
        px = self.ctx.px
        pygame.draw.rect(surface, PANEL, self.form_rect, border_radius=10)
        pygame.draw.rect(surface, BORDER, self.form_rect, width=1, border_radius=10)
        x = self.form_rect.left + px(20)
        draw_text(surface, "Registratie in het contactsysteem", (x, px(34)), px(26), bold=True)
        draw_text(surface, self._end_text(), (x, px(74)), px(16), MUTED)
        if self.message:
            fnt = font(px(16), bold=True)
            y = self.message_y
            for line in wrap(self.message, fnt, self.form_rect.width - px(40)):
                surface.blit(fnt.render(line, True, BAD), (x, y))
                y += fnt.get_linesize()

    def _end_text(self) -> str:
        if not self.picked_up:
            return "De telefoon is niet opgenomen: de beller heeft opgehangen."
        return {
            "beller": "De beller heeft het gesprek beëindigd. Registreer het contact.",
            "overdracht": "U hebt doorverbonden. Registreer het contact.",
            "afgebroken": "Het gesprek is afgebroken. Registreer wat er is besproken.",
        }.get(self.ended_by, "U hebt opgehangen. Registreer het contact.")
