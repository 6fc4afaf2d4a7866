"""Small custom-drawn parts of the call screen: phase checklist, mood meter, level meter,
ring counter and difficulty stars. Each has a plain data model the tests can read."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from simulator.call.record import ActionEvent, CallRecord, TraineeTurn
from simulator.scenario.model import PHASES, mood_band
from simulator.ui.look import BAD, BORDER, GOOD, MUTED, NEUTRAL, PARTLY, PRIMARY, TEXT, font

PHASE_TITLES = {
    "aanvang": "Aanvang",
    "analyse": "Analyse",
    "actie": "Actie",
    "afsluiting": "Afsluiting",
}
# What the trainee does in each phase, as live checklist items (id, Dutch label).
CHECKLIST: dict[str, tuple[tuple[str, str], ...]] = {
    "aanvang": (("begroeting", "Begroeting en gemeente"), ("naam", "Naam van de beller bekend")),
    "analyse": (
        ("open_vraag", "Open vraag gesteld"),
        ("samenvatting", "Samengevat en gecheckt"),
        ("klantgegevens", "Klantgegevens gecontroleerd"),
    ),
    "actie": (("oplossing", "Informatie of oplossing"), ("akkoord", "Akkoord gevraagd")),
    "afsluiting": (
        ("proefafsluiting", "Nog andere vragen?"),
        ("afscheid", "Bedankt en goede wens"),
    ),
}
SOLUTION_MOVES = ("uitzoeken", "doorverbinden", "terugbellen", "email_aanbod", "verwijzen")
MOOD_LABELS = {"rustig": "rustig", "geirriteerd": "geïrriteerd", "boos": "boos"}


@dataclass(frozen=True)
class ChecklistState:
    done: frozenset[str]
    phase: str  # the phase the call is in now ("" before the caller spoke)

    def phase_done(self, phase: str) -> bool:
        return all(item in self.done for item, _ in CHECKLIST[phase])

    def lines(self) -> list[str]:
        """The checklist as text, e.g. "[x] Begroeting en gemeente" (for tests and logs)."""
        out = []
        for phase in PHASES:
            marker = ">" if phase == self.phase else " "
            out.append(f"{marker} {PHASE_TITLES[phase]}")
            for item, label in CHECKLIST[phase]:
                out.append(f"  [{'x' if item in self.done else ' '}] {label}")
        return out


def checklist_state(record: CallRecord, phase: str, name_known: bool) -> ChecklistState:
    moves: set[str] = set()
    facts = False
    for turn in record.of(TraineeTurn):
        moves.update(turn.moves)
        facts = facts or bool(turn.facts)
    actions = {a.action for a in record.of(ActionEvent)}
    done = {
        "begroeting": "begroeting" in moves,
        "naam": name_known or "vraagt_naam" in moves,
        "open_vraag": "open_vraag" in moves,
        "samenvatting": "samenvatting" in moves,
        "klantgegevens": "klantbeeld" in actions or "vraagt_gegevens" in moves,
        "oplossing": facts
        or bool(moves & set(SOLUTION_MOVES))
        or bool(actions & {"doorverbinden", "terugbelnotitie"}),
        "akkoord": "akkoord_check" in moves,
        "proefafsluiting": "proefafsluiting" in moves,
        "afscheid": bool(moves & {"bedanken", "goede_wens"}),
    }
    return ChecklistState(frozenset(k for k, v in done.items() if v), phase)


def draw_tick(surface: pygame.Surface, rect: pygame.Rect, on: bool) -> None:
    pygame.draw.rect(surface, GOOD if on else BORDER, rect, width=0 if on else 2, border_radius=4)
    if on:
        w, h = rect.size
        points = [
            (rect.left + w * 0.22, rect.top + h * 0.52),
            (rect.left + w * 0.42, rect.top + h * 0.72),
            (rect.left + w * 0.78, rect.top + h * 0.28),
        ]
        pygame.draw.lines(surface, (255, 255, 255), False, points, max(2, w // 6))


def draw_checklist(
    surface: pygame.Surface, rect: pygame.Rect, state: ChecklistState, size: int
) -> None:
    head = font(size, bold=True)
    body = font(size - 2)
    y = rect.top
    box = body.get_height() - 6
    items = sum(len(v) for v in CHECKLIST.values())
    full = len(PHASES) * (head.get_linesize() + size // 3) + items * body.get_linesize()
    # Too little room (large text on a small window): only the current phase shows its items.
    compact = full > rect.height
    clip = surface.get_clip()
    surface.set_clip(rect.inflate(4, 4).clip(clip))
    for phase in PHASES:
        current = phase == state.phase
        colour = PRIMARY if current else (GOOD if state.phase_done(phase) else TEXT)
        done = sum(item in state.done for item, _ in CHECKLIST[phase])
        title = PHASE_TITLES[phase] + ("  (nu)" if current else "")
        if compact and not current:
            title += f"  {done}/{len(CHECKLIST[phase])}"
        surface.blit(head.render(title, True, colour), (rect.left, y))
        y += head.get_linesize()
        if compact and not current:
            continue
        for item, label in CHECKLIST[phase]:
            on = item in state.done
            draw_tick(surface, pygame.Rect(rect.left + 6, y + 4, box, box), on)
            surface.blit(body.render(label, True, TEXT if on else MUTED), (rect.left + box + 14, y))
            y += body.get_linesize()
        y += size // 3
    surface.set_clip(clip)


def mood_colour(mood: int) -> tuple[int, int, int]:
    return {"rustig": GOOD, "geirriteerd": PARTLY, "boos": BAD}[mood_band(mood)]


def mood_text(mood: int) -> str:
    return f"Stemming beller: {MOOD_LABELS[mood_band(mood)]} ({mood}/10)"


def draw_mood(surface: pygame.Surface, rect: pygame.Rect, mood: int, size: int) -> None:
    label = font(size - 1, bold=True).render(mood_text(mood), True, TEXT)
    surface.blit(label, rect.topleft)
    bar_top = rect.top + label.get_height() + 4
    gap = 3
    width = (rect.width - 9 * gap) / 10
    for i in range(10):
        cell = pygame.Rect(rect.left + i * (width + gap), bar_top, width, rect.bottom - bar_top)
        colour = mood_colour(i + 1) if i < mood else (229, 231, 235)
        pygame.draw.rect(surface, colour, cell, border_radius=3)


def draw_level(
    surface: pygame.Surface, rect: pygame.Rect, level: float, active: bool, text: str, size: int
) -> None:
    """The push-to-talk indicator: a microphone dot (red while talking) and the input level."""
    radius = rect.height // 2 - 2
    centre = (rect.left + radius + 2, rect.centery)
    pygame.draw.circle(surface, BAD if active else NEUTRAL, centre, radius)
    label = font(size - 1, bold=active).render(text, True, TEXT)
    surface.blit(label, (rect.left + 2 * radius + 12, rect.centery - label.get_height() // 2))
    bar = pygame.Rect(rect.right - rect.width // 3, rect.centery - 6, rect.width // 3, 12)
    pygame.draw.rect(surface, (229, 231, 235), bar, border_radius=6)
    filled = bar.copy()
    filled.width = int(bar.width * max(0.0, min(1.0, level)))
    if filled.width:
        pygame.draw.rect(surface, GOOD if level < 0.8 else PARTLY, filled, border_radius=6)


def star_points(centre: tuple[float, float], radius: float) -> list[tuple[float, float]]:
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((centre[0] + r * math.cos(angle), centre[1] + r * math.sin(angle)))
    return points


def draw_stars(surface: pygame.Surface, pos: tuple[int, int], count: int, size: int) -> int:
    """Difficulty as five stars, `count` of them filled; returns the width drawn."""
    radius = size / 2
    for i in range(5):
        centre = (pos[0] + radius + i * (size + 2), pos[1] + radius)
        colour = (245, 158, 11) if i < count else (209, 213, 219)
        pygame.draw.polygon(surface, colour, star_points(centre, radius))
    return int(5 * (size + 2))


def draw_phone(
    surface: pygame.Surface, centre: tuple[int, int], size: int, ringing: bool, phase: float
) -> None:
    """A handset that shakes while ringing, with sound arcs."""
    shake = math.sin(phase * 40) * size * 0.06 if ringing else 0
    cx, cy = centre[0] + shake, centre[1]
    colour = GOOD if ringing else NEUTRAL
    body = pygame.Rect(0, 0, size, size * 0.42)
    body.center = (int(cx), int(cy + size * 0.12))
    pygame.draw.rect(surface, colour, body, border_radius=int(size * 0.12))
    handset = pygame.Rect(0, 0, size * 1.15, size * 0.22)
    handset.center = (int(cx), int(cy - size * 0.2))
    pygame.draw.rect(surface, colour, handset, border_radius=int(size * 0.1))
    if ringing:
        for i in (1, 2):
            arc = pygame.Rect(0, 0, size * (1.2 + 0.35 * i), size * (1.2 + 0.35 * i))
            arc.center = (int(cx), int(cy))
            pygame.draw.arc(surface, colour, arc, -0.6, 0.6, 3)
            pygame.draw.arc(surface, colour, arc, math.pi - 0.6, math.pi + 0.6, 3)
