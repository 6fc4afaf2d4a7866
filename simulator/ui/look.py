"""The look of the app: the pygame_gui theme (scaled for large text), fonts and colours.

Custom-drawn parts (chat bubbles, meters, cards) use the same Noto Sans that pygame_gui ships,
so every text on screen has one typeface and Dutch accents render everywhere.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pygame

THEME_FILE = Path(__file__).with_name("theme.json")
# "Grote tekst" (presentation) multiplies every font size by this.
LARGE_SCALE = 1.3

BACKGROUND = (243, 244, 246)
PANEL = (255, 255, 255)
BORDER = (209, 213, 219)
TEXT = (17, 24, 39)
MUTED = (75, 85, 99)
PLACEHOLDER = (140, 147, 160)
PRIMARY = (29, 78, 216)
FOCUS = (245, 158, 11)
GOOD = (21, 128, 61)
PARTLY = (180, 83, 9)
BAD = (185, 28, 28)
NEUTRAL = (107, 114, 128)
CALLER_BUBBLE = (229, 231, 235)
TRAINEE_BUBBLE = (219, 234, 254)
SYSTEM_BUBBLE = (254, 243, 199)
HIGHLIGHT = (253, 230, 138)


def load_theme(scale: float = 1.0) -> dict:
    """theme.json with every font size multiplied by `scale`."""
    theme = json.loads(THEME_FILE.read_text(encoding="utf-8"))
    if scale == 1.0:
        return theme
    theme = copy.deepcopy(theme)
    for block in theme.values():
        font = block.get("font") if isinstance(block, dict) else None
        if font and "size" in font:
            font["size"] = str(round(int(font["size"]) * scale))
    return theme


def _font_dir() -> Path | None:
    try:
        import pygame_gui

        folder = Path(pygame_gui.__file__).parent / "data"
        return folder if (folder / "NotoSans-Regular.ttf").exists() else None
    except ImportError:
        return None


_fonts: dict[tuple[int, bool], pygame.font.Font] = {}


def clear_fonts() -> None:
    """Forget loaded fonts (they die with pygame.quit; a new app loads them again)."""
    _fonts.clear()


def font(size: int, bold: bool = False) -> pygame.font.Font:
    """A Noto Sans font (pygame's default font when pygame_gui's copy is missing)."""
    key = (size, bold)
    if key not in _fonts:
        _fonts[key] = _load_font(size, bold)
    return _fonts[key]


def _load_font(size: int, bold: bool) -> pygame.font.Font:
    folder = _font_dir()
    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    if folder is not None:
        return pygame.font.Font(str(folder / name), size)
    fallback = pygame.font.Font(None, round(size * 1.3))
    fallback.set_bold(bold)
    return fallback


def wrap(text: str, fnt: pygame.font.Font, width: int) -> list[str]:
    """Greedy word wrap to `width` pixels; a too-long word gets a line of its own."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if line and fnt.size(candidate)[0] > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def draw_text(
    surface: pygame.Surface,
    text: str,
    pos: tuple[int, int],
    size: int,
    colour: tuple[int, int, int] = TEXT,
    bold: bool = False,
) -> pygame.Rect:
    image = font(size, bold).render(text, True, colour)
    return surface.blit(image, pos)


def ellipsize(text: str, fnt: pygame.font.Font, width: int) -> str:
    """`text` cut to fit `width` pixels, ending in "…" when it was cut."""
    if fnt.size(text)[0] <= width:
        return text
    while text and fnt.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip(" ,.·") + "…"


def button_width(text: str, size: int, pad: int) -> int:
    """The width of a button that just fits `text` (bold, `size`) with `pad` on either side."""
    return font(size, bold=True).size(text)[0] + 2 * pad


def row_widths(texts: list[str], size: int, total: int, gap: int, pad: int) -> list[int]:
    """Widths for a row of buttons: each fits its text (bold, `size`) and the spare room is
    shared equally; when the row is too narrow every button shrinks in proportion."""
    natural = [button_width(text, size, pad) for text in texts]
    room = total - gap * (len(texts) - 1)
    spare = room - sum(natural)
    if spare >= 0:
        return [w + spare // len(texts) for w in natural]
    return [int(w * room / sum(natural)) for w in natural]
