"""Which customer-data fields a trainee asks for or checks ("mag ik uw postcode?" -> postcode)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from simulator.language.normalize import tokens
from simulator.language.patterns import Text

FIELD_KEYS = (
    "adres",
    "postcode",
    "huisnummer",
    "woonplaats",
    "geboortedatum",
    "telefoonnummer",
    "emailadres",
    "bsn",
    "kenteken",
)

# Nouns that name a field; matched on normalised words.
_NOUNS: dict[str, str] = {
    "adres": r"(?:woon|post|huis|bezoek|verhuis|correspondentie)?adres(?:gegevens)?",
    "postcode": r"postcode",
    "huisnummer": r"huisnummer(?:s)?|huisnummertoevoeging|toevoeging",
    "woonplaats": r"woonplaats|(?:plaats|stad|gemeente|dorp) waar u woont",
    "geboortedatum": r"geboortedatum|geboortedag|geboortejaar|geboorte datum",
    "telefoonnummer": r"(?:telefoon|mobiele|mobiel|06|vaste|terugbel|bel)\s?nummer|telefoonnummers|"
    r"nummer (?:waarop|waar) (?:ik|we|wij|u) .{0,30}(?:bereik|bel)",
    "emailadres": r"e?mailadres|email|mail adres",
    "bsn": r"bsn|burgerservicenummer|burger service nummer|sofinummer|sofi nummer",
    "kenteken": r"kenteken|kentekennummer|nummerbord",
}

# Phrases that ask for a field by themselves.
_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("adres", r"waar (?:woont|woonde|verblijft) u"),
    # "woont u in een huurwoning?" asks about the home, not the address
    ("adres", r"^(?:en )?(?:woont|woonde) u (?:nog |nog steeds |nog altijd )?"
     r"(?:op|aan|in(?! een))"),
    ("adres", r"op welk adres"),
    ("adres", r"klopt het dat u (?:nog )?(?:op|aan) (?:[^ ]+ ){0,4}\d+[a-z]? (?:[^ ]+ )?woont"),
    ("postcode", r"welke (?:postcode|postkode)"),
    ("woonplaats", r"(?:in )?welke (?:plaats|stad|gemeente|woonplaats) woont u"),
    ("woonplaats", r"waar (?:woont|woonde) u"),
    ("geboortedatum", r"wanneer (?:bent|was) u geboren|(?:wat is|wat was) uw geboortejaar"),
    ("geboortedatum", r"(?:wat is|wat was|welke) (?:uw|de) geboorte"),
    ("geboortedatum", r"(?:op )?welke (?:datum|dag) bent u geboren"),
    ("huisnummer", r"(?<!bij )(?:op )?welk huisnummer"),  # not "bij welk huisnummer staat ..."
    ("adres", r"(?:in |aan |op )?welke straat (?:is|was|woont|woonde|staat)"),
    ("emailadres", r"welk e ?mailadres"),
    ("adres", r"(?:(?:wat|welk) (?:is|was) )?(?:het )?adres waar u (?:woont|ingeschreven staat|"
     r"staat ingeschreven)"),
    # "staat u nog ingeschreven op de Lindelaan 4?"
    ("adres", r"^(?:en )?(?:staat|bent) u (?:nog |nog steeds |nog altijd )?ingeschreven"
     r"(?: op| aan| in)"),
    ("telefoonnummer", r"(?:op|onder) welk (?:telefoon)?nummer"),
    ("telefoonnummer", r"welk (?:telefoon)?nummer (?:kan|mag|zal) ik (?:daarvoor |daarop |u )?"
     r"(?:gebruiken|bellen|bereiken)"),
    ("telefoonnummer", r"(?:hoe|waar) (?:kan|kunnen|mag) (?:ik|we|wij|de collega|mijn collega|"
     r"hij|zij) u (?:het best |het beste |goed )?(?:bereiken|terugbellen|bellen)"),
    ("emailadres", r"op welk (?:e ?mail)?adres"),
)  # fmt: skip

# Words in the same sentence that make a field mention a request or a check.
_ASKING = re.compile(
    r"(?<![^ ])(?:mag ik|mogen wij|mogen we|kan ik|kunt u|kan u|wilt u|zou u|noemt u|noem|geeft u|"
    r"geef|spellen|spelt u|controleren|controleer|checken|check|nagaan|bevestigen|verifieren|"
    r"klopt|nog steeds|nog altijd|nog het|is dat|is het|welk|welke|wat is|wat was|hoe luidt|"
    r"heeft u|hebt u|weet u|kent u|noteren|opgeven|doorgeven|bij de hand|bij de hand hebben|"
    r"vragen naar|is nog|nog juist|nog actueel|juist|correct|hetzelfde|wat wordt|wat word)(?![^ ])"
)
_OWNER = re.compile(r"(?<![^ ])(?:uw|je|jouw)(?: [a-z]+){0,2}$")
_OWNER_ARTICLE = re.compile(r"(?<![^ ])(?:het|de)(?: [a-z]+){0,1}$")
_ARTICLE_FIELDS = frozenset({"kenteken", "huisnummer", "postcode", "bsn"})
# "het adres" and "het e-mailadres" are the caller's only while they are being checked ("ik zie
# hier het adres Molenweg 3 staan, klopt dat nog?"); "het telefoonnummer" whenever it is asked
# for ("wat is het telefoonnummer waarop we u kunnen bereiken?"); none of them when it is
# somebody else's ("het adres van het stadskantoor").
_CHECKING = re.compile(
    r"(?<![^ ])(?:klopt|klopte|juist|correct|nog actueel|controleren|checken|bevestigen|"
    r"verifieren|wat is|wat was|welk is|wat wordt|wat word)(?![^ ])"
)
# A field after a preposition is a place or a destination, not a request: "de post komt nog op het
# oude adres", "kunt u voor de energie op uw oude adres bij uw leverancier terecht".
_AFTER_PREPOSITION = re.compile(r"(?<![^ ])(?:op|naar|aan|bij|via|in|uit)(?: [a-z]+){1,2}$")
_SOMEBODY_ELSES = re.compile(r" van (?!u\b)")
_SENTENCE_END = re.compile(r"[?!;]|\.(?=\s|$)")  # not the dot in "jansen@ziggo.nl"


@dataclass(frozen=True)
class FieldHit:
    field: str
    start: int
    end: int


@lru_cache(maxsize=2048)
def field_hits(text: str) -> tuple[FieldHit, ...]:
    """Field requests with the character span in `text` that asks for them."""
    hits: list[FieldHit] = []
    for sentence_start, sentence in _sentences(text):
        toks = tokens(sentence)
        if not toks:
            continue
        norm = Text.build(sentence, toks)
        string = norm.string
        question = "?" in sentence
        for key, rx in _QUESTIONS:
            for m in re.finditer(rf"(?<![^ ])(?:{rx})(?![^ ])", string):
                first, last = norm.token_span(m.start(), m.end())
                hits.append(_hit(key, sentence_start, toks, first, last))
        asking = list(_ASKING.finditer(string))
        for key, rx in _NOUNS.items():
            for m in re.finditer(rf"(?<![^ ])(?:{rx})(?![^ ])", string):
                before = string[: m.start()].rstrip()
                owned = bool(_OWNER.search(before)) or (
                    bool(_OWNER_ARTICLE.search(before)) and _article_owned(key, string, m.end())
                )
                if owned and _AFTER_PREPOSITION.search(before) and not question:
                    owned = False
                cues = [a for a in asking if abs(a.start() - m.start()) < 60]
                bare = string.strip() == m.group() or re.fullmatch(
                    rf"(?:en )?(?:uw |de |het )?{re.escape(m.group())}(?: nog| graag| even)*",
                    string,
                )
                if (owned and (cues or question)) or bare:
                    if key == "adres" and "email" in m.group():
                        continue
                    first, last = norm.token_span(m.start(), m.end())
                    if cues:
                        # The span covers the asking words on both sides ("uw postcode is 1506
                        # AB, klopt dat?"), so a check question there yields to this request.
                        first = min(first, norm.token_span(cues[0].start(), cues[0].end())[0])
                        last = max(last, norm.token_span(cues[-1].start(), cues[-1].end())[1])
                    hits.append(_hit(key, sentence_start, toks, first, last))
    return tuple(dict.fromkeys(hits))


def _article_owned(key: str, string: str, end: int) -> bool:
    """Whether "de/het <field>" ending at `end` is the caller's."""
    if key in _ARTICLE_FIELDS:
        return True
    if key not in ("adres", "telefoonnummer", "emailadres") or _SOMEBODY_ELSES.match(string, end):
        return False
    return key == "telefoonnummer" or bool(_CHECKING.search(string))


def _hit(key: str, offset: int, toks, first: int, last: int) -> FieldHit:
    return FieldHit(key, offset + toks[first].start, offset + toks[last].end)


def _sentences(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, text[start : m.end()]))
        start = m.end()
    if start < len(text):
        out.append((start, text[start:]))
    return out


def requested_fields(text: str) -> list[str]:
    """Field keys (adres, postcode, geboortedatum, ...) the utterance asks for or checks."""
    seen = dict.fromkeys(hit.field for hit in field_hits(text))
    return [key for key in FIELD_KEYS if key in seen]
