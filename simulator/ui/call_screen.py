"""The call screen: the phone rings, the trainee picks up, talks (or types) and acts.

The SpokenCall (simulator.call.session) runs the call; this screen feeds it input, polls its
events every frame and shows them: chat bubbles, ring counter, caller card, klantbeeld, mood
meter and the live phase checklist. Building the call (voices, recogniser) runs on a thread.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import replace

import pygame
import pygame_gui

from simulator.call.session import SessionEvent, SpokenCall
from simulator.scenario.model import Scenario
from simulator.ui.call_clock import PausableClock
from simulator.ui.call_layout import PRESENTATION_PANEL, plan_call_layout
from simulator.ui.focus import Focusable
from simulator.ui.hints import next_hint
from simulator.ui.jobs import BackgroundJob
from simulator.ui.klantbeeld import draw_klantbeeld, klantbeeld_height, klantbeeld_lines
from simulator.ui.look import (
    BAD,
    BORDER,
    GOOD,
    MUTED,
    PANEL,
    PRIMARY,
    TEXT,
    draw_text,
    font,
    wrap,
)
from simulator.ui.screen import KEY_NAMES, Screen, clear_entry
from simulator.ui.transcript_view import Bubble, TranscriptView, clock_text
from simulator.ui.widgets import (
    checklist_state,
    draw_checklist,
    draw_level,
    draw_mood,
    draw_phone,
)

PICK_UP_WITHIN = 3
# A typed answer counts as said in this many seconds before Enter (see SpokenCall.say_typed).
TYPED_TURN = 0.6
PREPARE_TIMEOUT = 90.0
NOT_HEARD = "Niet verstaan. Probeer het nog eens, of typ uw antwoord."
NO_MIC_TYPED = "Er is geen microfoon: u typt uw antwoorden. Druk op Enter om te versturen."


class CallScreen(Screen):
    name = "gesprek"

    def __init__(self, ctx, scenario: Scenario) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.scenario = scenario
        self.clock = PausableClock(ctx.clock)
        self.call: SpokenCall | None = None
        self.microphone = None
        self.phase_name = "voorbereiden"  # voorbereiden | rinkelen | gesprek | einde
        self.bubbles: list[Bubble] = []
        self.rings = 0
        self.mood = scenario.beller.stemming
        self.call_phase = ""
        self.klantbeeld_open = False
        self.note_open = False
        self.notices: list[str] = []
        self.status = ""
        self.typed = ctx.settings.input == "typen" or not ctx.services.audio
        self.talking = False
        self.level = 0.0
        self._recording: tuple[threading.Event, BackgroundJob, float] | None = None
        self._heard: queue.Queue = queue.Queue()
        self._open_line: threading.Thread | None = None
        self._stop_listening = threading.Event()
        self._picked_at: float | None = None
        self._prepare_started = ctx.clock()
        self._typed_text = ""
        self._note_text = ""
        self.job = BackgroundJob(self._build_call, "gesprek voorbereiden")
        if ctx.ring is not None and ctx.ring.notice:
            self.notices.append(ctx.ring.notice)

    def _build_call(self) -> tuple[SpokenCall, object | None]:
        settings = self.ctx.settings
        call, microphone = self.ctx.services.build_call(
            self.scenario, settings.trainee, settings.seed, settings.input, self.clock
        )
        call.prepare()
        return call, microphone

    # ----- derived state ------------------------------------------------------------------------

    @property
    def engine(self):  # noqa: ANN201
        return self.call.engine if self.call else None

    @property
    def caller_name_known(self) -> bool:
        surname = self.scenario.beller.achternaam.lower()
        return any(b.speaker == "beller" and surname in b.text.lower() for b in self.bubbles)

    @property
    def caller_card_text(self) -> str:
        if self.caller_name_known:
            beller = self.scenario.beller
            return f"{beller.aanhef.capitalize()} {beller.voornaam} {beller.achternaam}"
        return "Naam nog onbekend"

    @property
    def hints(self) -> bool:
        return self.ctx.settings.hints

    def checklist(self):  # noqa: ANN201
        engine = self.engine
        if engine is None:
            return checklist_state_empty()
        phase = engine.phase if self.bubbles else ""
        return checklist_state(engine.record, phase, self.caller_name_known)

    def call_seconds(self) -> float:
        if self.call is None:
            return 0.0
        return self.call.now()

    # ----- layout --------------------------------------------------------------------------------

    def layout(self, rect: pygame.Rect) -> None:
        specs = self._action_specs()
        self.plan = plan_call_layout(
            rect,
            self.ctx.px,
            self.hints,
            self.phase_name == "rinkelen",
            [f"{text} ({KEY_NAMES[key]})" for text, _, key, _ in specs],
            self.ctx.settings.presentation,
            self._wide_klantbeeld_height(),
        )
        plan = self.plan
        self.top_rect = plan.top
        self.transcript_rect = plan.transcript
        self.hint_rect = plan.hint
        self.input_rect = plan.input

        old = getattr(self, "transcript", None)
        self.transcript = TranscriptView(self.transcript_rect, plan.bubble_size)
        self.transcript.set(self.bubbles)
        if old is not None:
            self.transcript.follow = old.follow
            self.transcript.highlight = old.highlight
            if not old.follow:
                self.transcript.scroll = min(old.scroll, self.transcript.max_scroll())
        self.transcript.placeholder = "U hebt opgenomen. Begin het gesprek met uw begroeting."

        self._layout_input()
        self._layout_actions(specs)
        view = self.transcript
        self.focus.add(Focusable(rect=lambda: view.rect, on_key=view.on_key, name="transcript"))
        if self.phase_name == "rinkelen":
            self.focus.focus(self.pickup_button)
        elif self.entry_widget is not None:
            self.focus.focus(self.entry_widget)

    def _layout_input(self) -> None:
        px = self.ctx.px
        self.entry_widget = None
        self.send_button = None
        self.note_entry = None
        r = self.input_rect
        if self.phase_name not in ("gesprek",):
            return
        send_w = px(170)
        if self.note_open:
            self.note_entry = self.entry(
                pygame.Rect(r.left, r.top, r.width - 2 * send_w - px(16), r.height),
                self._note_text,
                "Notitie voor de terugbelafspraak (wie, wat, wanneer)",
            )
            self.button(
                pygame.Rect(r.right - 2 * send_w - px(8), r.top, send_w, r.height),
                "Opslaan",
                self._save_note,
                object_id="#primary",
            )
            self.button(
                pygame.Rect(r.right - send_w, r.top, send_w, r.height),
                "Annuleren",
                self._cancel_note,
                pygame.K_ESCAPE,
            )
            self.focus.focus(self.note_entry)
            return
        if self.typed:
            self.entry_widget = self.entry(
                pygame.Rect(r.left, r.top, r.width - send_w - px(8), r.height),
                self._typed_text,
                "Typ wat u zegt en druk op Enter",
            )
            self.send_button = self.button(
                pygame.Rect(r.right - send_w, r.top, send_w, r.height),
                "Zeg het",
                self._send_typed,
                object_id="#primary",
            )

    def _wide_klantbeeld_height(self) -> int:
        """The open klantbeeld's panel under the transcript in presentation (0: none)."""
        if not (self.ctx.settings.presentation and self.klantbeeld_open):
            return 0
        lines = len(self.klantbeeld_lines())
        return klantbeeld_height(lines, self._side_size(14), 2, self.ctx.px(10))

    def _action_specs(self) -> tuple:
        """(label, action, key, theme id) of the action buttons, in screen order."""
        return (
            ("Klantbeeld", self.toggle_klantbeeld, pygame.K_F2, None),
            (
                "Terug uit de wacht" if self.on_hold else "In de wacht",
                self.toggle_hold,
                pygame.K_F3,
                None,
            ),
            ("Doorverbinden", self.transfer, pygame.K_F4, None),
            ("Terugbelnotitie", self.open_note, pygame.K_F6, None),
            ("Ophangen", self.hang_up, pygame.K_F8, "#danger"),
        )

    def _layout_actions(self, specs: tuple) -> None:
        self.pickup_button = None
        if self.plan.pickup is not None:
            self.pickup_button = self.button(
                self.plan.pickup, "Opnemen", self.pick_up, pygame.K_SPACE, "#pickup"
            )
            self.shortcuts[pygame.K_RETURN] = self.pick_up
        in_call = self.phase_name == "gesprek"
        self.action_buttons = {}
        for (text, action, key, object_id), rect in zip(specs, self.plan.actions, strict=True):
            button = self.button(rect, text, action, key, object_id)
            if not in_call:
                button.disable()
            self.action_buttons[text.split(" ")[0]] = button

    @property
    def on_hold(self) -> bool:
        return bool(self.engine and self.engine.on_hold)

    # ----- actions -------------------------------------------------------------------------------

    def pick_up(self) -> None:
        if self.phase_name != "rinkelen" or self.call is None:
            return
        self.call.pick_up()
        if self.ctx.ring:
            self.ctx.ring.stop()
        self._picked_at = self.call.now()
        self.phase_name = "gesprek"
        self.status = "U hebt opgenomen. Begin het gesprek."
        self._start_open_line()
        self.ctx.states.rebuild()

    def toggle_klantbeeld(self) -> None:
        if self.phase_name != "gesprek":
            return
        self.klantbeeld_open = not self.klantbeeld_open
        if self.klantbeeld_open:
            self.call.act("klantbeeld")
        if self.plan.presentation:  # the transcript makes room for the klantbeeld's panel
            self.ctx.states.rebuild()

    def toggle_hold(self) -> None:
        if self.phase_name != "gesprek":
            return
        self.call.act("terug" if self.on_hold else "wacht")
        self.ctx.states.rebuild()

    def transfer(self) -> None:
        if self.phase_name == "gesprek":
            self.call.act("doorverbinden")
            self.status = "U verbindt door. Vertel de collega wie er belt en waarover."

    def open_note(self) -> None:
        if self.phase_name == "gesprek":
            self.note_open = True
            self._typed_text = self.entry_widget.get_text() if self.entry_widget else ""
            self.ctx.states.rebuild()

    def _save_note(self) -> None:
        text = self.note_entry.get_text().strip() if self.note_entry else ""
        self.note_open = False
        self._note_text = ""
        if text:
            self.call.act("terugbelnotitie", text)
            self.status = "Terugbelnotitie opgeslagen."
        self.ctx.states.rebuild()

    def _cancel_note(self) -> None:
        if self.note_open:
            self.note_open = False
            self.ctx.states.rebuild()

    def hang_up(self) -> None:
        if self.phase_name == "gesprek":
            self.call.hang_up()

    def _send_typed(self) -> None:
        if self.entry_widget is None or self.call is None:
            return
        text = self.entry_widget.get_text().strip()
        clear_entry(self.entry_widget)
        self._typed_text = ""
        self.clock.resume()
        if text:
            self.call.say_typed(text)

    # ----- speech ------------------------------------------------------------------------------

    def _start_talking(self) -> None:
        if self._recording is not None or self.microphone is None or self.call is None:
            return
        stop = threading.Event()
        start = self.call.talk_started()
        microphone, call = self.microphone, self.call

        def on_level(chunk: bytes) -> None:
            import numpy as np

            samples = np.frombuffer(chunk, dtype=np.int16)
            if samples.size:
                self.level = float(np.abs(samples).max()) / 32768.0
            call.talk_audio(chunk, microphone.sample_rate, microphone.sample_width)

        job = BackgroundJob(lambda: microphone.record(stop, on_level), "opnemen")
        self._recording = (stop, job, start)
        self.talking = True

    def _stop_talking(self) -> None:
        if self._recording is not None:
            self._recording[0].set()
        self.talking = False

    def _collect_recording(self) -> None:
        if self._recording is None or not self._recording[1].done:
            return
        _, job, start = self._recording
        self._recording = None
        self.level = 0.0
        if job.error is not None:
            self._microphone_failed(str(job.error))
            return
        self.call.talk_ended(job.result, start)

    def _start_open_line(self) -> None:
        if self.typed or self.microphone is None or self.ctx.settings.input != "open_lijn":
            return
        microphone, heard, stop = self.microphone, self._heard, self._stop_listening

        def listen() -> None:
            while not stop.is_set():
                try:
                    audio = microphone.listen(timeout=1.0)
                except Exception as exc:  # shown in Dutch on the main thread
                    heard.put(exc)
                    return
                if audio is not None:
                    heard.put(audio)

        self._open_line = threading.Thread(target=listen, name="open lijn", daemon=True)
        self._open_line.start()

    def _collect_open_line(self) -> None:
        while True:
            try:
                item = self._heard.get_nowait()
            except queue.Empty:
                return
            if isinstance(item, Exception):
                self._microphone_failed(str(item))
                return
            seconds = len(item.get_raw_data()) / (item.sample_rate * item.sample_width)
            self.call.talk_ended(item, max(0.0, self.call.now() - seconds))

    def _microphone_failed(self, message: str) -> None:
        self.notices.append(message)
        self.microphone = None
        self.typed = True
        self.status = NO_MIC_TYPED
        self.ctx.states.rebuild()

    # ----- events ---------------------------------------------------------------------------------

    def process_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            if event.ui_element is self.entry_widget:
                self._send_typed()
                return True
            if event.ui_element is self.note_entry:
                self._save_note()
                return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.entry_widget:
            self._typed_text = self.entry_widget.get_text()
            return True
        if self.transcript.process_event(event):
            return True
        if self._push_to_talk(event):
            return True
        return super().process_event(event)

    def _push_to_talk(self, event: pygame.event.Event) -> bool:
        if (
            self.phase_name != "gesprek"
            or self.typed
            or self.microphone is None
            or self.ctx.settings.input != "spreektoets"
            or event.type not in (pygame.KEYDOWN, pygame.KEYUP)
            or event.key != pygame.K_SPACE
        ):
            return False
        if event.type == pygame.KEYDOWN:
            self._start_talking()
        else:
            self._stop_talking()
        return True

    # ----- time -----------------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        if self.call is None:
            self._poll_preparation()
            return
        self.start_ringing_if_ready()
        self._pause_while_typing()
        self._collect_recording()
        self._collect_open_line()
        for event in self.call.update():
            self._on_event(event)

    def _pause_while_typing(self) -> None:
        typing = bool(self.entry_widget is not None and self.entry_widget.get_text().strip())
        # Pause only once the caller has been quiet for a moment: a typed answer counts as said
        # in the half second before Enter, and must not overlap the caller's last line.
        quiet = self.call.now() >= self.call.engine.speaking_until + TYPED_TURN
        if typing and quiet and not self.call.caller_speaking and self.phase_name == "gesprek":
            self.clock.pause()
        else:
            self.clock.resume()

    def _poll_preparation(self) -> None:
        if not self.job.done:
            return
        if self.job.error is not None:
            self.notices.append(
                f"Het gesprek kon niet worden voorbereid ({self.job.error}). "
                "Ga terug met Esc en probeer het opnieuw."
            )
            self.shortcuts[pygame.K_ESCAPE] = self.ctx.states.pop
            self.job = BackgroundJob(lambda: None)  # nothing more to wait for
            self.call = None
            self.phase_name = "fout"
            return
        if self.job.result is None:
            return
        self.call, self.microphone = self.job.result
        recognizer = self.call.recognizer
        engine_name = "getypt" if self.typed or recognizer is None else recognizer.name
        self.ctx.services.begin_attempt(
            self.call.engine.record, self.ctx.settings.mode, engine_name, call=self.call
        )
        self.notices.extend(self.call.notices)
        if self.microphone is None and not self.typed:
            self.typed = True
            self.notices.append(NO_MIC_TYPED)

    def _ready_to_ring(self) -> bool:
        waited = self.ctx.clock() - self._prepare_started
        return self.call.ready or waited > PREPARE_TIMEOUT

    def _on_event(self, event: SessionEvent) -> None:
        kind = event.kind
        if kind == "ring":
            self.rings = int(event.value)
            if self.ctx.ring:
                self.ctx.ring.ring()
        elif kind == "caller_started" and event.turn is not None:
            self._add(Bubble(event.turn.speaker, event.text, event.turn.t))
        elif kind == "caller_ended" and event.value and event.turn is not None:
            self._mark_interrupted(event.turn.t)
        elif kind == "utterance" and event.utterance is not None:
            self._add(Bubble("medewerker", event.text, event.utterance.start))
            self.status = ""
        elif kind == "not_heard":
            self.status = NOT_HEARD
        elif kind == "mood":
            self.mood = int(event.value)
        elif kind == "phase":
            self.call_phase = str(event.value)
        elif kind == "notice" and event.text not in self.notices:
            self.notices.append(event.text)
        elif kind == "ended":
            self._finish()

    def _add(self, bubble: Bubble) -> None:
        self.bubbles.append(bubble)
        self.transcript.add(bubble)

    def _mark_interrupted(self, t: float) -> None:
        for i in range(len(self.bubbles) - 1, -1, -1):
            if self.bubbles[i].speaker != "medewerker" and abs(self.bubbles[i].t - t) < 0.01:
                self.bubbles[i] = replace(self.bubbles[i], interrupted=True)
                self.transcript.set(self.bubbles)
                return

    def _finish(self) -> None:
        self.phase_name = "einde"
        self._stop_listening.set()
        self._stop_talking()
        if self.ctx.ring:
            self.ctx.ring.stop()
        from simulator.ui.registration_screen import RegistrationScreen

        self.ctx.states.replace(
            RegistrationScreen(self.ctx, self.scenario, self.call, self.bubbles)
        )

    def start_ringing_if_ready(self) -> None:
        if self.phase_name == "voorbereiden" and self.call is not None and self._ready_to_ring():
            self.call.start()
            self.phase_name = "rinkelen"
            self.ctx.states.rebuild()

    def leave(self) -> None:
        self._stop_listening.set()
        self._stop_talking()
        if self.ctx.ring:
            self.ctx.ring.stop()
        if self.call is not None:
            if not self.call.engine.finished:
                self.call.engine.abandon(self.call.now())
            self.call.close()

    # ----- drawing -------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        px = self.ctx.px
        self._draw_top(surface)
        checklist_rect = self._draw_side(surface)
        if self.phase_name in ("voorbereiden", "rinkelen", "fout"):
            self._draw_waiting(surface)
        else:
            self.transcript.draw(surface)
        if self.hints and self.hint_rect.height and self.phase_name == "gesprek":
            hint = next_hint(
                self.checklist(),
                self.scenario.expected_greeting,
                self.scenario.gemeente,
                self.ctx.settings.trainee,
            )
            self._paragraph(surface, self.hint_rect, hint, self._side_size(15), PRIMARY, lines=1)
        if self.phase_name == "gesprek" and not self.typed and not self.note_open:
            text = "U spreekt…" if self.talking else "Houd de spatiebalk ingedrukt om te spreken"
            if self.ctx.settings.input == "open_lijn":
                text = "Open lijn: spreek gewoon, de microfoon luistert"
            draw_level(surface, self.input_rect, self.level, self.talking, text, px(16))
        if self.hints and self.phase_name != "voorbereiden":
            draw_checklist(surface, checklist_rect, self.checklist(), self.plan.panel_size)

    def _draw_top(self, surface: pygame.Surface) -> None:
        px = self.ctx.px
        r = self.top_rect
        draw_text(surface, self.scenario.titel, r.topleft, px(22), bold=True)
        mode = "oefenen" if self.hints else "toets"
        sub = f"Gemeente {self.scenario.gemeente} · {self.scenario.tijdstip} uur · {mode}"
        draw_text(surface, sub, (r.left, r.top + px(30)), px(15), MUTED)
        if self.phase_name == "gesprek" and self._picked_at is not None:
            seconds = self.call_seconds() - self._picked_at
            text = f"Gesprekstijd {clock_text(seconds)}"
            if self.clock.paused:
                text += " (staat stil tijdens typen)"
            image = font(px(20), bold=True).render(text, True, TEXT)
            surface.blit(image, image.get_rect(topright=(r.right, r.top)))
        if self.rings:
            colour = GOOD if self.rings <= PICK_UP_WITHIN else BAD
            image = font(px(15)).render(self.ring_text, True, colour)
            surface.blit(image, image.get_rect(topright=(r.right, r.top + px(30))))

    @property
    def ring_text(self) -> str:
        return f"Overgegaan: {self.rings} keer (opnemen binnen {PICK_UP_WITHIN})"

    def _side_size(self, size: int) -> int:
        """A side-panel text size; presentation makes these larger too."""
        factor = PRESENTATION_PANEL if self.ctx.settings.presentation else 1.0
        return round(self.ctx.px(size) * factor)

    def _draw_side(self, surface: pygame.Surface) -> pygame.Rect:
        """Caller card, mood meter, klantbeeld and notices; returns the checklist's place."""
        px, size, plan = self.ctx.px, self._side_size, self.plan
        card = plan.card
        pygame.draw.rect(surface, PANEL, card, border_radius=8)
        pygame.draw.rect(surface, BORDER, card, width=1, border_radius=8)
        label = draw_text(
            surface, "Beller", (card.left + px(12), card.top + px(8)), size(14), MUTED
        )
        name_colour = TEXT if self.caller_name_known else MUTED
        self._paragraph(
            surface,
            pygame.Rect(
                card.left + px(12), label.bottom, card.width - px(24), card.bottom - label.bottom
            ),
            self.caller_card_text,
            size(18),
            name_colour,
            bold=True,
            lines=2,
        )
        if self.hints and plan.mood.height:
            draw_mood(surface, plan.mood, self.mood, size(15))
        notes = "\n".join(n for n in (*self.notices, self.status) if n)
        column, lines = plan.column, self.klantbeeld_lines()
        if plan.presentation:
            if self.klantbeeld_open and plan.klantbeeld is not None:
                draw_klantbeeld(surface, plan.klantbeeld, lines, size(14), 2, px(10))
            # Notices under the checklist, which keeps the rest of the column.
            fnt = font(size(14))
            shown = wrap(notes, fnt, column.width) if notes else []
            notes_h = min(column.height // 3, len(shown) * fnt.get_linesize())
            notes_rect = pygame.Rect(column.left, column.bottom - notes_h, column.width, notes_h)
            checklist = pygame.Rect(column.topleft, (column.width, column.height - notes_h))
        else:
            y = column.top
            if self.klantbeeld_open:
                y = draw_klantbeeld(surface, column, lines, size(14), 1, px(10)) + px(6)
            notes_rect = pygame.Rect(column.left, y + px(6), column.width, column.bottom - y)
            checklist = plan.checklist
        self._paragraph(surface, notes_rect, notes, size(14), (146, 64, 14))
        return checklist

    def klantbeeld_lines(self) -> list[tuple[str, str]]:
        return klantbeeld_lines(self.scenario)

    def _draw_waiting(self, surface: pygame.Surface) -> None:
        px = self.ctx.px
        r = self.transcript_rect
        pygame.draw.rect(surface, PANEL, r, border_radius=8)
        pygame.draw.rect(surface, BORDER, r, width=1, border_radius=8)
        centre = (r.centerx, r.centery - px(60))
        t = self.ctx.clock()
        if self.phase_name == "voorbereiden":
            draw_spinner(surface, centre, px(34), t)
            lines = ["De beller wordt voorbereid…", "Stem en spraakherkenning worden geladen."]
        elif self.phase_name == "fout":
            lines = ["Het gesprek kon niet starten.", "Druk op Esc om terug te gaan."]
        else:
            draw_phone(surface, centre, px(90), True, t)
            lines = [
                "De telefoon gaat!",
                f"Neem op binnen {PICK_UP_WITHIN} keer overgaan: Spatie, Enter of de knop.",
                self.ring_text,
            ]
        y = centre[1] + px(80)
        for i, line in enumerate(lines):
            image = font(px(24 if i == 0 else 17), bold=i == 0).render(line, True, TEXT)
            surface.blit(image, image.get_rect(midtop=(r.centerx, y)))
            y += image.get_height() + px(8)

    def _paragraph(self, surface, rect, text, size, colour, bold=False, lines=99) -> None:  # noqa: ANN001
        fnt = font(size, bold)
        y = rect.top
        for line in wrap(text, fnt, rect.width)[:lines]:
            if y + fnt.get_linesize() > rect.bottom + 2:
                break
            surface.blit(fnt.render(line, True, colour), (rect.left, y))
            y += fnt.get_linesize()


def draw_spinner(surface: pygame.Surface, centre: tuple[int, int], radius: int, t: float) -> None:
    import math

    for i in range(12):
        angle = (t * 8 + i) * math.pi / 6
        shade = 60 + int(160 * (i / 12))
        point = (centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle))
        pygame.draw.circle(surface, (255 - shade, 255 - shade // 2, 255), point, radius // 6)


def checklist_state_empty():  # noqa: ANN201
    from simulator.ui.widgets import ChecklistState

    return ChecklistState(frozenset(), "")
