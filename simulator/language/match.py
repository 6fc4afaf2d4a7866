"""Finds a trainer's phrase or the caller's name in an utterance, tolerant of recognition slips."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from simulator.language.correct import word_cutoff
from simulator.language.normalize import Token, tokens

# Words between two parts of a phrase written with "..." ("melding ... maken").
MAX_GAP = 8

TITLES = frozenset(
    [
        "meneer",
        "mevrouw",
        "mijnheer",
        "menheer",
        "meneertje",
        "heer",
        "juffrouw",
        "familie",
        "mevr",
        "dhr",
        "mw",
        "mr",
        "dokter",
    ]
)
SURNAME_PREFIXES = frozenset(
    [
        "de",
        "der",
        "den",
        "van",
        "vd",
        "von",
        "het",
        "ter",
        "ten",
        "te",
        "in",
        "t",
        "s",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "op",
        "'t",
    ]
)


def words_match(expected: str, said: str) -> bool:
    """One word of a phrase against one recognised word: exact for short words, fuzzy for long."""
    if expected == said:
        return True
    cutoff = word_cutoff(expected)
    if cutoff is None or abs(len(expected) - len(said)) > 2:
        return False
    return fuzz.ratio(expected, said) >= cutoff


def _match_at(words: Sequence[str], toks: Sequence[Token], j: int) -> int | None:
    """Index after the last token used when `words` match starting at token j, else None."""
    i = 0
    while i < len(words):
        if j >= len(toks):
            return None
        word = words[i]
        if words_match(word, toks[j].text):
            i, j = i + 1, j + 1
        elif (
            j + 1 < len(toks)
            and word.startswith(toks[j].text)
            and words_match(word, toks[j].text + toks[j + 1].text)
        ):
            i, j = i + 1, j + 2  # "pas foto" said for "pasfoto"
        elif (
            i + 1 < len(words)
            and toks[j].text.startswith(word)
            and words_match(word + words[i + 1], toks[j].text)
        ):
            i, j = i + 2, j + 1  # "pasfoto" said for "pas foto"
        else:
            return None
    return j


@lru_cache(maxsize=4096)
def _phrase_parts(phrase: str) -> tuple[tuple[str, ...], ...]:
    parts = (tuple(t.text for t in tokens(part)) for part in phrase.split("..."))
    return tuple(p for p in parts if p)


def find_phrase(phrase: str, text: str) -> str | None:
    """The words of `text` that say `phrase` ("..." = anything in between), or None."""
    parts = _phrase_parts(phrase)
    toks = tokens(text)
    if not parts or not toks:
        return None
    for start in range(len(toks)):
        end = _match_at(parts[0], toks, start)
        if end is None:
            continue
        for part in parts[1:]:
            for j in range(end, min(len(toks), end + MAX_GAP + 1)):
                part_end = _match_at(part, toks, j)
                if part_end is not None:
                    end = part_end
                    break
            else:
                end = None
                break
        if end is not None:
            return text[toks[start].start : toks[end - 1].end]
    return None


def mentions_name(text: str, surname: str) -> str | None:
    """The title and surname as said ("mevrouw De Vries", "meneer Bakker"), or None."""
    name = [t.text for t in tokens(surname)]
    core = [w for w in name if w not in SURNAME_PREFIXES] or name
    toks = tokens(text)
    for i, tok in enumerate(toks):
        if tok.text not in TITLES:
            continue
        j = i + 1
        while j < len(toks) and toks[j].text in SURNAME_PREFIXES:
            j += 1
        end = _match_at(core, toks, j)
        if end is None and j < len(toks):
            # "mevrouw Devries": prefix and name run together by the recogniser
            end = _match_at(["".join(name)], toks, i + 1)
        if end is not None:
            return text[tok.start : toks[end - 1].end]
    return None
