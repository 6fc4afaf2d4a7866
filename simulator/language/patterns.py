"""A small pattern language over normalised text, readable for trainers who edit moves.yaml.

- words in order: `ik ga dat uitzoeken`; `(a|b)` alternatives; `[x]` optional words;
- `...` zero to five other words; `_` any one word; `woord*` any word starting with "woord";
- `{groep}` a named word group from `woordgroepen` in moves.yaml;
- `^` at the start: only at the start of a clause (after punctuation, "ja", "oké", a greeting
  or the caller's name); `=` at the start: the whole utterance and nothing more;
- `re:` at the start: a plain regular expression over the normalised text (for programmers).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from simulator.language.normalize import Token

GAP = r"(?:[^ ]+ ){0,5}"
_GROUP = re.compile(r"\{(\w+)\}")
_CLAUSE_PUNCTUATION = re.compile(r"[.?!;:,…]")
_SENTENCE_PUNCTUATION = re.compile(r"[.?!;…]")
_UNREAD_OPTIONAL = re.compile(r"\[(?!\^)")
_INSIDE_A_WORD = frozenset({".", ","})

# A verb after one of these words still opens the clause ("ja, heeft u ...", "mevrouw, bent u").
CLAUSE_OPENERS = frozenset(
    [
        "ja",
        "nee",
        "oke",
        "goed",
        "prima",
        "mevrouw",
        "meneer",
        "mijnheer",
        "en",
        "maar",
        "of",
        "sorry",
        "hallo",
        "goedemorgen",
        "goedemiddag",
        "goedenavond",
        "goedendag",
        "dag",
        "hmhm",
        "hm",
        "nou",
        "eh",
        "uh",
        "uhm",
        "ehm",
        "zeg",
        "kijk",
        "fijn",
        "dank",
        "bedankt",
        "precies",
        "juist",
        "aha",
        "ah",
        "o",
        "oh",
        "dankuwel",
        "excuses",
        "pardon",
    ]
)


# Before a surname: "Mevrouw Bakker heeft u ...", "meneer De Vries, bent u ...".
_TITLES = frozenset(["mevrouw", "meneer", "mijnheer", "dokter"])
_NAME_PARTICLES = frozenset(["de", "van", "der", "den", "ter", "ten", "te", "het", "la", "le"])


class PatternError(ValueError):
    """A pattern in moves.yaml cannot be read; the message names the pattern."""


@dataclass(frozen=True)
class Pattern:
    source: str
    regex: re.Pattern[str]
    clause_start: bool = False
    whole: bool = False


def compile_pattern(source: str, groups: Mapping[str, Iterable[str]] | None = None) -> Pattern:
    """Translate one pattern line into a regular expression over normalised text."""
    text = source.strip()
    clause_start = whole = False
    if text.startswith("re:"):
        body = text[3:].strip()
    else:
        if text.startswith("^"):
            clause_start, text = True, text[1:].strip()
        elif text.startswith("="):
            whole, text = True, text[1:].strip()
        body = _translate(text, groups or {})
        if _UNREAD_OPTIONAL.search(body):
            # "[a] [b]" at the end: the second has no space of its own and would be read as a
            # character class, so the pattern would silently never match.
            raise PatternError(f"pattern {source!r}: two optional [...] parts at the end")
    body = rf"^(?:{body})$" if whole else rf"(?<![^ ])(?:{body})(?![^ ])"
    try:
        return Pattern(source, re.compile(body), clause_start, whole)
    except re.error as error:
        raise PatternError(f"pattern {source!r}: {error}") from error


def _translate(text: str, groups: Mapping[str, Iterable[str]]) -> str:
    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in groups:
            raise PatternError(f"pattern {text!r}: unknown word group {{{name}}}")
        return "(" + "|".join(groups[name]) + ")"

    text = _GROUP.sub(expand, text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\((?!\?)", "(?:", text)
    text = re.sub(r"(?:(?<= )|^)\.\.\. ", lambda _: GAP, text)
    text = re.sub(r"\[([^\]]+)\] ", r"(?:(?:\1) )?", text)
    text = re.sub(r" \[([^\]]+)\]", r"(?: (?:\1))?", text)
    text = re.sub(r"^\[([^\]]+)\]$", r"(?:\1)?", text)
    text = re.sub(r"(?<![\w\]])_(?!\w)", "[^ ]+", text)
    return text.replace("*", "[^ ]*")


@dataclass
class Text:
    """Normalised tokens as one string, with the way back to the original text."""

    original: str
    toks: tuple[Token, ...]
    string: str = ""
    offsets: list[int] = field(default_factory=list)
    clause_starts: frozenset[int] = frozenset()
    sentence_of: tuple[int, ...] = ()

    @classmethod
    def build(
        cls, original: str, toks: tuple[Token, ...], names: frozenset[str] = frozenset()
    ) -> Text:
        offsets, pos = [], 0
        for tok in toks:
            offsets.append(pos)
            pos += len(tok.text) + 1
        starts, sentence, sentences = set(), 0, []
        for i, tok in enumerate(toks):
            between = original[toks[i - 1].end : tok.start] if i else ""
            if between in _INSIDE_A_WORD:
                between = ""  # "jansen@ziggo.nl", "1.250": no sentence or clause ends there
            if i and _SENTENCE_PUNCTUATION.search(between):
                sentence += 1
            sentences.append(sentence)
            if i == 0 or _CLAUSE_PUNCTUATION.search(between):
                starts.add(i)
                continue
            previous = toks[i - 1]
            if previous.start == tok.start:
                continue  # the second half of a word the slip repair split ("morgen|ochtend")
            if previous.text in CLAUSE_OPENERS or previous.text in names:
                starts.add(i)
            elif _after_title_and_name(original, toks, i):
                starts.add(i)  # "Mevrouw Bakker heeft u ...", not "Voor de Wmo heeft u ..."
        return cls(
            original,
            toks,
            " ".join(t.text for t in toks),
            offsets,
            frozenset(starts),
            tuple(sentences),
        )

    def token_span(self, start: int, end: int) -> tuple[int, int]:
        """Token indexes [first, last] covered by a character span of `string`."""
        first = bisect_right(self.offsets, start) - 1
        last = bisect_right(self.offsets, max(start, end - 1)) - 1
        return first, last

    def quote(self, first: int, last: int) -> str:
        return self.original[self.toks[first].start : self.toks[last].end]

    def sentence_start(self, index: int) -> int:
        """The first token of the sentence holding token `index`."""
        first = index
        while first and self.sentence_of[first - 1] == self.sentence_of[index]:
            first -= 1
        return first

    def sentence_end(self, index: int) -> int:
        """The last token of the sentence holding token `index`."""
        last = index
        while last + 1 < len(self.toks) and self.sentence_of[last + 1] == self.sentence_of[index]:
            last += 1
        return last

    def sentences(self) -> list[tuple[int, int]]:
        """Token spans [first, last] of the sentences, in order."""
        spans: list[tuple[int, int]] = []
        for i, sentence in enumerate(self.sentence_of):
            if i and sentence == self.sentence_of[i - 1]:
                spans[-1] = (spans[-1][0], i)
            else:
                spans.append((i, i))
        return spans

    def ends_with_question(self, last: int) -> bool:
        """True when the sentence holding token `last` ends with a question mark."""
        end = len(self.original)
        for j in range(last + 1, len(self.toks)):
            if self.sentence_of[j] != self.sentence_of[last]:
                end = self.toks[j].start
                break
        tail = self.original[self.toks[last].end : end]
        return "?" in tail


def _after_title_and_name(original: str, toks: tuple[Token, ...], i: int) -> bool:
    """Token i follows a title and a capitalised surname ("Mevrouw De Vries heeft ...").

    A capitalised word alone is no name: "Bij de Belastingdienst is het druk" is a statement."""
    j = i - 1
    if not original[toks[j].start : toks[j].start + 1].isupper():
        return False
    while j >= 0 and toks[j].text not in _TITLES:
        capital = original[toks[j].start : toks[j].start + 1].isupper()
        if not capital and toks[j].text not in _NAME_PARTICLES:
            return False
        j -= 1
    return j >= 0 and j < i - 1


def find_all(pattern: Pattern, text: Text, overlapping: bool = False) -> Iterator[tuple[int, int]]:
    """Token spans [first, last] where the pattern matches. `overlapping`: also the matches that
    start inside an earlier one (when a guard cancels "ze u zou terugbellen", the later "ik bel u
    nu zelf terug" of the same pattern must still be found)."""
    if not text.toks:
        return
    if pattern.clause_start or overlapping:
        starts = sorted(text.clause_starts) if pattern.clause_start else range(len(text.toks))
        matches = (pattern.regex.match(text.string, text.offsets[i]) for i in starts)
    else:
        matches = pattern.regex.finditer(text.string)
    for match in matches:
        if match is None or match.end() == match.start():
            continue
        yield text.token_span(match.start(), match.end())
