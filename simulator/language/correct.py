"""Repairs recognition slips before move patterns run.

A recogniser writes "terug gebelt", "onder breken", "klop dat" or "ergensanders". Words that
are not in the library's own vocabulary are replaced by a close library word (edit distance via
rapidfuzz), split into two library words, or merged with their neighbour. Known words are never
touched, so a correct sentence reaches the patterns unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process

from simulator.language.normalize import Token


def word_cutoff(word: str) -> float | None:
    """Minimum similarity (0-100) for a fuzzy match of a word this long; None: exact only."""
    if len(word) <= 3 or word.isdigit():
        return None
    if len(word) == 4:
        return 88.0
    return 80.0


class Corrector:
    def __init__(self, lexicon: Iterable[str], known: Iterable[str] = ()) -> None:
        self.lexicon = frozenset(w for w in lexicon if len(w) >= 2)
        self.known = frozenset(known) | self.lexicon
        self._choices = sorted(w for w in self.lexicon if len(w) >= 4)
        self._fix = lru_cache(maxsize=8192)(self._fix_word)

    def _fix_word(self, word: str) -> tuple[str, ...]:
        if word in self.known:
            return (word,)
        cutoff = word_cutoff(word)
        if cutoff is not None:
            best = process.extractOne(word, self._choices, scorer=fuzz.ratio, score_cutoff=cutoff)
            if best is not None and abs(len(best[0]) - len(word)) <= 2:
                return (best[0],)
        if len(word) >= 6:
            for cut in range(2, len(word) - 1):
                left, right = word[:cut], word[cut:]
                if left in self.lexicon and right in self.lexicon:
                    return (left, right)
        return (word,)

    def correct(self, toks: tuple[Token, ...]) -> tuple[Token, ...]:
        """The tokens with slips repaired; each repaired token keeps its original span."""
        out: list[Token] = []
        i = 0
        while i < len(toks):
            tok = toks[i]
            if i + 1 < len(toks):
                merged = tok.text + toks[i + 1].text
                both_known = tok.text in self.known and toks[i + 1].text in self.known
                if merged in self.lexicon and len(merged) >= 7 and not both_known:
                    out.append(Token(merged, tok.start, toks[i + 1].end))
                    i += 2
                    continue
            for part in self._fix(tok.text):
                out.append(Token(part, tok.start, tok.end))
            i += 1
        return tuple(out)
