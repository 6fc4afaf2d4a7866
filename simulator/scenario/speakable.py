"""Caller lines are spoken by espeak-ng: written shorthand that a voice reads out wrongly.

espeak-ng reads "t/m" as "t slash m", "bijv." letter by letter and "€ 45,-" as "euro
vijfenveertig komma min". A trainer writes what the caller *says*, so these are flagged with the
spoken form to use instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Unspeakable:
    found: str
    say_instead: str


# Written abbreviation -> how a caller says it.
ABBREVIATIONS = {
    "t/m": "tot en met",
    "bijv.": "bijvoorbeeld",
    "bv.": "bijvoorbeeld",
    "o.a.": "onder andere",
    "i.p.v.": "in plaats van",
    "z.s.m.": "zo snel mogelijk",
    "enz.": "enzovoort",
    "etc.": "enzovoort",
    "nr.": "nummer",
    "ca.": "ongeveer",
    "m.b.t.": "met betrekking tot",
    "i.v.m.": "in verband met",
    "d.w.z.": "dat wil zeggen",
    "mvg": "met vriendelijke groet",
    "a.u.b.": "alstublieft",
    "s.v.p.": "alstublieft",
}
_SYMBOLS = {
    "&": "en",
    "€": "euro (achter het bedrag: vijfenveertig euro)",
    "%": "procent",
    "+": "plus (of: en)",
    "@": "apenstaartje",
    "#": "hekje (of: nummer)",
    "=": "is",
}
_ABBREVIATION = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(a) for a in ABBREVIATIONS) + r")(?![\w])", re.IGNORECASE
)
_AMOUNT_DASH = re.compile(r"\d+,-")
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")


def unspeakable(text: str) -> list[Unspeakable]:
    """Every piece of `text` a text-to-speech voice would read out wrongly, in order."""
    found: list[tuple[int, Unspeakable]] = []
    for match in _ABBREVIATION.finditer(text):
        word = match.group(1)
        found.append((match.start(), Unspeakable(word, ABBREVIATIONS[word.lower()])))
    for match in _AMOUNT_DASH.finditer(text):
        found.append(
            (
                match.start(),
                Unspeakable(match.group(), "het bedrag in woorden of cijfers, zonder ',-'"),
            )
        )
    for index, char in enumerate(text):
        if char in _SYMBOLS:
            found.append((index, Unspeakable(char, _SYMBOLS[char])))
    for match in _EMOJI.finditer(text):
        found.append(
            (match.start(), Unspeakable(match.group(), "woorden, want een stem zegt geen emoji"))
        )
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]
