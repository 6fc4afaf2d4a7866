"""The klantbeeld: the caller's data as the KCC's contact system shows it, drawn in a panel.

One column with label over value at a desk; at a projector a wide panel with the fields in two
columns, one line each, so the conversation above it keeps most of the room.
"""

from __future__ import annotations

import pygame

from simulator.scenario.model import Scenario
from simulator.ui.look import MUTED, PRIMARY, TEXT, ellipsize, font

LABELS = {
    "adres": "Adres",
    "postcode": "Postcode",
    "woonplaats": "Woonplaats",
    "geboortedatum": "Geboortedatum",
    "telefoonnummer": "Telefoon",
    "email": "E-mail",
    "bsn": "BSN",
}
TITLE = "Klantbeeld (F2 sluit)"
BACKGROUND = (239, 246, 255)


def klantbeeld_lines(scenario: Scenario) -> list[tuple[str, str]]:
    beller = scenario.beller
    lines = [("Naam", f"{beller.aanhef} {beller.voornaam} {beller.achternaam}")]
    for key, value in beller.klantgegevens.items():
        lines.append((LABELS.get(key, key.capitalize()), str(value)))
    return lines


def _rows(count: int, columns: int) -> int:
    return -(-count // columns) * (1 if columns > 1 else 2)


def klantbeeld_height(count: int, size: int, columns: int, pad: int) -> int:
    """The panel's height for `count` fields; `columns` > 1 puts label and value on one line."""
    head = pad + font(size + 1, bold=True).get_linesize()
    return head + pad // 2 + _rows(count, columns) * font(size).get_linesize()


def draw_klantbeeld(
    surface: pygame.Surface,
    rect: pygame.Rect,
    lines: list[tuple[str, str]],
    size: int,
    columns: int,
    pad: int,
) -> int:
    """Draw the panel at the top of `rect` (never below it); returns the panel's bottom."""
    small, bold = font(size), font(size, bold=True)
    height = klantbeeld_height(len(lines), size, columns, pad)
    box = pygame.Rect(rect.left, rect.top, rect.width, min(rect.height, height))
    pygame.draw.rect(surface, BACKGROUND, box, border_radius=8)
    pygame.draw.rect(surface, PRIMARY, box, width=2, border_radius=8)
    title = font(size + 1, bold=True)
    surface.blit(title.render(TITLE, True, PRIMARY), (box.left + pad, box.top + pad // 2))
    top = box.top + pad + title.get_linesize()
    line_h = small.get_linesize()
    if columns == 1:
        y = top
        for label, value in lines:
            if y + 2 * line_h > box.bottom:
                break
            surface.blit(bold.render(label, True, MUTED), (box.left + pad, y))
            surface.blit(small.render(value, True, TEXT), (box.left + pad, y + line_h))
            y += 2 * line_h
        return box.bottom
    column_w = (box.width - pad) // columns
    label_w = max(bold.size(label)[0] for label, _ in lines) + pad
    per_column = -(-len(lines) // columns)
    for i, (label, value) in enumerate(lines):
        column, row = divmod(i, per_column)
        x, y = box.left + pad + column * column_w, top + row * line_h
        if y + line_h > box.bottom:
            continue
        surface.blit(bold.render(label, True, MUTED), (x, y))
        text = ellipsize(value, small, column_w - label_w - pad)
        surface.blit(small.render(text, True, TEXT), (x + label_w, y))
    return box.bottom
