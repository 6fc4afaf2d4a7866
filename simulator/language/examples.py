"""Recognises a move by its example phrases, tolerating a missing or a wrong word.

"kan ik u nog ergens anders mee van dienst zijn" said as "kan ik u nog ergens mee van dienst
zijn" still matches: the example's words must appear in order (longest common subsequence)
with at most one miss for examples of eight words or more (two from twelve words), within a
window not much longer than the example. Shorter examples must be there whole: one word less
turns "ik zoek het even op" into "(als) ik het even op (een rijtje zet)" and "wat kan ik hierin
voor u betekenen" into the plain opening question; slips of single words are repaired before.
A question's first word (the verb or question word that makes it a question) must be there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from simulator.language.normalize import tokens


@dataclass(frozen=True)
class Example:
    move: str
    words: tuple[str, ...]
    whole_only: bool = False
    question: bool = False  # a question: its first word (the inverted verb) must be there

    @classmethod
    def of(cls, move: str, phrase: str, whole_only: bool = False) -> Example:
        return cls(move, example_words(phrase), whole_only, phrase.rstrip().endswith("?"))

    @property
    def allowed_misses(self) -> int:
        n = len(self.words)
        return 0 if n < 8 else 1 if n < 12 else 2


@dataclass(frozen=True)
class ExampleMatch:
    move: str
    first: int
    last: int
    score: float


def example_words(phrase: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokens(phrase))


def align(words: Sequence[str], text: Sequence[str]) -> tuple[int, int, int] | None:
    """(matched, first, last) of the best in-order match of `words` in `text`."""
    n, m = len(words), len(text)
    if not n or not m:
        return None
    # lcs[i][j]: best match of words[:i] in text[:j]; start[i][j]: where that match began.
    lcs = [[0] * (m + 1) for _ in range(n + 1)]
    start = [[-1] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            if words[i - 1] == text[j - 1]:
                lcs[i][j] = lcs[i - 1][j - 1] + 1
                start[i][j] = start[i - 1][j - 1] if lcs[i - 1][j - 1] else j - 1
            elif lcs[i - 1][j] >= lcs[i][j - 1]:
                lcs[i][j], start[i][j] = lcs[i - 1][j], start[i - 1][j]
            else:
                lcs[i][j], start[i][j] = lcs[i][j - 1], start[i][j - 1]
    best = lcs[n][m]
    if not best:
        return None
    last = min(j for j in range(1, m + 1) if lcs[n][j] == best) - 1
    return best, start[n][last + 1], last


class ExampleBank:
    def __init__(self, examples: Iterable[Example]) -> None:
        self.examples = [e for e in examples if e.words]

    def matches(self, words: Sequence[str]) -> list[ExampleMatch]:
        present = set(words)
        found: list[ExampleMatch] = []
        for example in self.examples:
            n = len(example.words)
            need = n - example.allowed_misses
            if example.whole_only and len(words) != n:
                continue
            distinct = set(example.words)
            if len(distinct & present) < min(need, len(distinct)):
                continue
            aligned = align(example.words, words)
            if aligned is None:
                continue
            matched, first, last = aligned
            if matched < need or last - first + 1 > n + 2:
                continue
            if example.whole_only and matched != len(words):
                continue
            if example.question and words[first] != example.words[0]:
                continue  # "de container staat nog aan de straat" is no "staat de container ...?"
            if matched < n and not _tolerable_misses(example.words, words[first : last + 1]):
                continue
            found.append(ExampleMatch(example.move, first, last, matched / n))
        return found


def _tolerable_misses(words: Sequence[str], span: Sequence[str]) -> bool:
    """A missed example word may be left out ("ergens [anders] mee") or misheard ("gemeende"
    for "gemeente"), but not swapped for another word, and the first and last words must be
    there: "ik zoek het voor u op" is no "ik zoek het voor u uit", "het spijt me dat u ..." no
    "vervelend dat u ..."."""
    pairs = _aligned_pairs(words, span)
    if not pairs or pairs[0][0] != 0 or pairs[-1][0] != len(words) - 1:
        return False
    for (i, j), (k, m) in zip(pairs, pairs[1:], strict=False):
        if k - i > 1 and m - j > 1:  # example words i+1..k-1 stand where text words j+1..m-1 are
            missed, said = words[i + 1 : k], span[j + 1 : m]
            if not any(_sounds_alike(a, b) for a in missed for b in said):
                return False
    return True


def _aligned_pairs(words: Sequence[str], span: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs (example word, text word) of a longest in-order match."""
    n, m = len(words), len(span)
    lcs = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if words[i] == span[j]:
                lcs[i][j] = lcs[i + 1][j + 1] + 1
            else:
                lcs[i][j] = max(lcs[i + 1][j], lcs[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if words[i] == span[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif lcs[i + 1][j] >= lcs[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _sounds_alike(a: str, b: str) -> bool:
    """Crude: same start and nearly the same length, or one a prefix of the other."""
    if a.startswith(b) or b.startswith(a):
        return True
    return a[:3] == b[:3] and abs(len(a) - len(b)) <= 2
