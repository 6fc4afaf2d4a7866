"""Normalised Dutch text: the common ground for move patterns, phrase matching and word lists.

Speech recognisers and typists write the same words differently ("Goede morgen", "goedemorgen",
"u.w.v.", "U W V", "twee" or "2"). Everything that compares text goes through `tokens()` so
the comparison ignores those differences, while each token keeps its place in the original text
(for quotes on the score screen).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

_NUMBERS = {
    "nul": 0, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
    "tachtig": 80, "negentig": 90, "honderd": 100, "duizend": 1000,
}  # fmt: skip
# "een" stays a word: it is far more often the article than the number one.
_UNITS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
          "acht": 8, "negen": 9}  # fmt: skip
_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
         "zeventig": 70, "tachtig": 80, "negentig": 90}  # fmt: skip
_COMPOUND_NUMBER = re.compile(r"^(" + "|".join(_UNITS) + r")en(" + "|".join(_TENS) + r")$")

# Words a recogniser (or a typist) splits or spells differently; joined to one form.
_JOINS: dict[tuple[str, ...], str] = {
    ("goede", "morgen"): "goedemorgen",
    ("goeie", "morgen"): "goedemorgen",
    ("goeiemorgen",): "goedemorgen",
    ("goedenmorgen",): "goedemorgen",
    ("goeden", "morgen"): "goedemorgen",
    ("goede", "middag"): "goedemiddag",
    ("goeie", "middag"): "goedemiddag",
    ("goeiemiddag",): "goedemiddag",
    ("goedenmiddag",): "goedemiddag",
    ("goeden", "middag"): "goedemiddag",
    ("goeiedag",): "goedendag",
    ("goeiendag",): "goedendag",
    ("goededag",): "goedendag",
    ("goeden", "avond"): "goedenavond",
    ("goede", "avond"): "goedenavond",
    ("goedeavond",): "goedenavond",
    ("goeienavond",): "goedenavond",
    ("e", "mail"): "email",
    ("e", "mailen"): "emailen",
    ("e", "mailtje"): "emailtje",
    ("e", "mailadres"): "emailadres",
    ("mail", "adres"): "mailadres",
    ("email", "adres"): "emailadres",
    ("terug", "bellen"): "terugbellen",
    ("terug", "gebeld"): "teruggebeld",
    ("terug", "belt"): "terugbelt",
    ("door", "verbinden"): "doorverbinden",
    ("door", "verbonden"): "doorverbonden",
    ("door", "verbind"): "doorverbind",
    ("uit", "zoeken"): "uitzoeken",
    ("uit", "eindelijk"): "uiteindelijk",
    ("waar", "mee"): "waarmee",
    ("door", "mailen"): "doormailen",
    ("a", "koord"): "akkoord",
    ("er", "mee"): "ermee",
    ("af", "spraak"): "afspraak",
    ("klant", "contact", "centrum"): "klantcontactcentrum",
    ("klantcontact", "centrum"): "klantcontactcentrum",
    # Words a recogniser writes as heard.
    ("gemeende",): "gemeente",
    ("meel",): "mail",
    ("meeltje",): "mailtje",
    ("heef",): "heeft",
    ("akkord",): "akkoord",
    ("uit", "gezocht"): "uitgezocht",
    ("op", "zoeken"): "opzoeken",
    ("na", "vragen"): "navragen",
    ("na", "gevraagd"): "nagevraagd",
    ("post", "code"): "postcode",
    ("woon", "plaats"): "woonplaats",
    ("geboorte", "datum"): "geboortedatum",
    ("telefoon", "nummer"): "telefoonnummer",
    ("huis", "nummer"): "huisnummer",
    ("hm", "hm"): "hmhm",
    ("hm", "hmm"): "hmhm",
    ("mm", "hm"): "hmhm",
    ("hmm", "hmm"): "hmhm",
    ("uh", "huh"): "hmhm",
    ("ok",): "oke",
    ("okay",): "oke",
    ("okee",): "oke",
    ("okido",): "oke",
    ("o", "k"): "oke",
}
_MAX_JOIN = max(len(k) for k in _JOINS)


@dataclass(frozen=True)
class Token:
    """One normalised word and the span of the original text it came from."""

    text: str
    start: int
    end: int


def fold(word: str) -> str:
    """Lower case without accents: "Oké" -> "oke", "één" -> "een"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def _number(word: str) -> str:
    if word in _NUMBERS:
        return str(_NUMBERS[word])
    compound = _COMPOUND_NUMBER.match(word)
    if compound:
        return str(_UNITS[compound.group(1)] + _TENS[compound.group(2)])
    return word


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Token, ...]:
    """Normalised tokens with character offsets into `text`."""
    raw = [
        Token(fold(m.group()).replace("'", "") if "'" in m.group() else fold(m.group()),
              m.start(), m.end())
        for m in _WORD.finditer(text)
    ]  # fmt: skip
    return join_words(_join_letters(raw))


def join_words(raw: list[Token] | tuple[Token, ...]) -> tuple[Token, ...]:
    """Split-up words joined to one form ("goede morgen" -> "goedemorgen"), numbers as digits."""
    joined: list[Token] = []
    i = 0
    while i < len(raw):
        for size in range(min(_MAX_JOIN, len(raw) - i), 0, -1):
            key = tuple(t.text for t in raw[i : i + size])
            if key in _JOINS:
                joined.append(Token(_JOINS[key], raw[i].start, raw[i + size - 1].end))
                i += size
                break
        else:
            joined.append(Token(_number(raw[i].text), raw[i].start, raw[i].end))
            i += 1
    return tuple(joined)


def _join_letters(raw: list[Token]) -> list[Token]:
    """Spelled-out abbreviations ("u w v", "u.w.v.") become one token ("uwv")."""
    out: list[Token] = []
    i = 0
    while i < len(raw):
        j = i
        while j < len(raw) and len(raw[j].text) == 1 and raw[j].text.isalpha():
            j += 1
        if j - i >= 2 and raw[j - 1].text == "e" and j < len(raw) and raw[j].text[:4] == "mail":
            j -= 1  # "u e-mailadres": the "e" belongs to "mail", not to a spelled "ue"
        if j - i >= 2 and not _is_plain_words(raw[i:j]):
            out.append(Token("".join(t.text for t in raw[i:j]), raw[i].start, raw[j - 1].end))
            i = j
        else:
            out.append(raw[i])
            i += 1
    return out


def _is_plain_words(run: list[Token]) -> bool:
    # "o k" is handled by the join table; "e mail" too. Two letters "u u" are two words, and so
    # are "k u" and "t u" ("mag k u iets vragen": "ik"/"het" swallowed by the recogniser).
    letters = "".join(t.text for t in run)
    return letters in {"ok", "uu", "ku", "tu"}


def canonical(word: str) -> str:
    """The one form of a single word the join table rewrites ("goeiemorgen" -> "goedemorgen")."""
    return _JOINS.get((word,), word)


def normalize(text: str) -> str:
    """Lower case, accents folded, punctuation removed, numbers and spelled letters joined."""
    return " ".join(t.text for t in tokens(text))


def span_text(text: str, toks: tuple[Token, ...] | list[Token]) -> str:
    """The original text covered by a run of tokens (for evidence quotes)."""
    if not toks:
        return ""
    return text[toks[0].start : toks[-1].end]
