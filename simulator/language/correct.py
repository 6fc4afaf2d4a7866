"""Repairs recognition slips before move patterns run.

A recogniser writes "terug gebelt", "onder breken", "klop dat", "hebik", "k luister" or "wat is
u naam". Words that are not in the library's own vocabulary are split into two library words,
replaced by a close library word (edit distance via rapidfuzz), or merged with their neighbour;
"u" and "uw" are swapped where the next word shows the other was meant. Known words are never
otherwise touched, so a correct sentence reaches the patterns unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from rapidfuzz import fuzz, process

from simulator.language.normalize import Token, join_words

# Short forms of speech that recognisers write as heard.
_CLITICS = {"k": "ik", "t": "het", "et": "het", "da": "dat", "m": "hem", "em": "hem"}
# A split never leaves one of these as the second word: "dagen" is no "dag en".
_ENDINGS = frozenset(["e", "en", "er", "te", "ten", "st", "je", "jes", "s", "n", "t"])
# Separable prefixes: "voor stel" is "voorstel" even though "voor" and "stel" are both words.
_PREFIXES = frozenset(["door", "terug", "onder", "uit", "op", "na", "aan", "mee", "voor", "samen"])
# "uw" before one of these was "u" ("ik verwijs uw hiervoor door", "blijft uw aan de lijn"):
# no noun follows a possessive here. "u" before one of the nouns was "uw" ("wat is u postcode").
_NOT_AFTER_UW_WORDS = (
    "hiervoor daarvoor daarover hierover terug door even nog niet wel graag morgen vandaag "
    "contact maar gerust ook al dan zelf verder straks zo meteen direct alvast aan op in mee "
    "bij met naar van om dat het de een ons mij me terugbelt terugbellen bellen doorverbinden "
    "helpen vertellen verwijzen"
)
_NOT_AFTER_UW = frozenset(_NOT_AFTER_UW_WORDS.split())
_NOUNS_AFTER_UW_WORDS = (
    "postcode huisnummer naam achternaam voornaam voorletters geboortedatum adres "
    "telefoonnummer emailadres gegevens burgerservicenummer bsn woonplaats kenteken "
    "klantnummer dossiernummer zaaknummer"
)
_NOUNS_AFTER_UW = frozenset(_NOUNS_AFTER_UW_WORDS.split())


def word_cutoff(word: str) -> float | None:
    """Minimum similarity (0-100) for a fuzzy match of a word this long; None: exact only."""
    if len(word) <= 3 or word.isdigit():
        return None
    if len(word) == 4:
        return 88.0
    return 80.0


class Corrector:
    def __init__(
        self,
        lexicon: Iterable[str],
        known: Iterable[str] = (),
        sentences: Iterable[Sequence[str]] = (),
    ) -> None:
        self.lexicon = frozenset(w for w in lexicon if len(w) >= 2)
        self.known = frozenset(known) | self.lexicon
        self._parts = self.lexicon | {"u"}
        self._choices = sorted(w for w in self.lexicon if len(w) >= 4)
        self._fix = lru_cache(maxsize=8192)(self._fix_word)
        self._after_u, self._after_uw = _followers(sentences)

    def _fix_word(self, word: str) -> tuple[str, ...]:
        if word in self.known:
            return (word,)
        if word in _CLITICS:
            return (_CLITICS[word],)
        for variant in _sound_alikes(word):
            if variant in self.lexicon:
                return (variant,)
        split = self._split(word)
        if split:
            return split
        best = self._fuzzy(word)
        return (best,) if best else (word,)

    def _fuzzy(self, word: str) -> str | None:
        """The closest library word when it is close enough."""
        cutoff = word_cutoff(word)
        if cutoff is not None:
            best = process.extractOne(word, self._choices, scorer=fuzz.ratio, score_cutoff=cutoff)
            if (
                best is not None
                and abs(len(best[0]) - len(word)) <= 2
                and _same_onset(word, best[0])
            ):
                return best[0]
        return None

    def _split(self, word: str) -> tuple[str, str] | None:
        """Two library words run together: "hebik", "watis", "heeftu", "uwnaam"; or "met" run
        into a name the library cannot know: "metlisa"."""
        if len(word) < 3:
            return None
        if word.startswith("met") and len(word) >= 6 and not self._fuzzy(word):
            return "met", word[3:]
        for cut in range(1, len(word)):
            left, right = word[:cut], word[cut:]
            if left in self._parts and right in self._parts and right not in _ENDINGS:
                return left, right
        return None

    def correct(self, toks: tuple[Token, ...]) -> tuple[Token, ...]:
        """The tokens with slips repaired; each repaired token keeps its original span."""
        merged = self._merge(list(toks))
        fixed = [Token(part, t.start, t.end) for t in merged for part in self._fix(t.text)]
        return self._u_or_uw(join_words(self._merge(fixed)))

    def _merge(self, toks: list[Token]) -> list[Token]:
        """A word split in two ("onder breken", "terug gebelt") becomes one library word."""
        out: list[Token] = []
        i = 0
        while i < len(toks):
            tok = toks[i]
            if i + 1 < len(toks):
                nxt = toks[i + 1]
                merged = tok.text + nxt.text
                both_known = tok.text in self.known and nxt.text in self.known
                if (
                    merged in self.lexicon
                    and len(merged) >= (6 if tok.text in _PREFIXES else 7)
                    and (not both_known or tok.text in _PREFIXES)
                ):
                    out.append(Token(merged, tok.start, nxt.end))
                    i += 2
                    continue
            out.append(tok)
            i += 1
        return out

    def _u_or_uw(self, toks: tuple[Token, ...]) -> tuple[Token, ...]:
        """Swap "u" and "uw" where the next word shows the other was meant.

        "wat is u naam" -> "uw naam", "waar woont uw" -> "u"; the followers of each come from
        the library's own sentences."""
        out = list(toks)
        for i, tok in enumerate(toks):
            nxt = toks[i + 1].text if i + 1 < len(toks) else None
            if tok.text == "u" and (
                nxt in _NOUNS_AFTER_UW or (nxt in self._after_uw and nxt not in self._after_u)
            ):
                out[i] = Token("uw", tok.start, tok.end)
            elif tok.text == "uw" and (
                nxt is None
                or nxt in _NOT_AFTER_UW
                or (nxt in self._after_u and nxt not in self._after_uw)
            ):
                out[i] = Token("u", tok.start, tok.end)
        return tuple(out)


# First letters a recogniser confuses; others stay: "waterschap" is no slip of "beterschap".
_ONSETS = ({"v", "f", "w"}, {"z", "s"}, {"c", "k"}, {"g", "ch"})


def _same_onset(word: str, other: str) -> bool:
    """Both start alike, or a short word ran into the front of `other` ("udoorverbinde")."""
    if word[0] == other[0] or any(word[0] in p and other[0] in p for p in _ONSETS):
        return True
    stem = other[: len(other) - 2]
    return len(stem) >= 4 and stem in word[1:]


def _sound_alikes(word: str) -> list[str]:
    """Spellings of the same sound: "begreip" -> "begrijp", "gebelt" -> "gebeld", "morge"."""
    out = [word + "n"]  # a swallowed final -n: "begrepe", "morge"
    for a, b in (("ei", "ij"), ("ij", "ei"), ("ou", "au"), ("au", "ou")):
        if a in word:
            out.append(word.replace(a, b))
    for a, b in (("dt", "d"), ("dt", "t"), ("d", "t"), ("t", "d"), ("d", "dt"), ("t", "dt")):
        if word.endswith(a):
            out.append(word[: -len(a)] + b)
    return out


def _followers(sentences: Iterable[Sequence[str]]) -> tuple[frozenset[str], frozenset[str]]:
    """The words that follow "u" and those that follow "uw" in the library's own sentences."""
    after: dict[str, set[str]] = {"u": set(), "uw": set()}
    for words in sentences:
        for first, second in zip(words, words[1:], strict=False):
            if first in after:
                after[first].add(second)
    return frozenset(after["u"]), frozenset(after["uw"])
