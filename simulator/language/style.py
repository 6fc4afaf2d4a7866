"""Word-level language checks: diminutives, fillers, hesitation, jargon, abbreviations,
informal address and running down colleagues. Token rules over editable lists (style.yaml)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from simulator.language.normalize import tokens
from simulator.language.patterns import Pattern, Text, compile_pattern, find_all

CATEGORIES = (
    "verkleinwoord",
    "stopwoord",
    "twijfeltaal",
    "jargon",
    "afkorting",
    "informeel",
    "afvallen",
)


@dataclass(frozen=True)
class StyleHit:
    category: str
    word: str  # the words as written in the original text
    start: int  # character offsets in the original text
    end: int


@dataclass(frozen=True)
class _Category:
    name: str
    phrases: tuple[tuple[str, ...], ...] = ()
    patterns: tuple[Pattern, ...] = ()
    exceptions: tuple[Pattern, ...] = ()


@dataclass(frozen=True, eq=False)  # hashed by identity: cached per rule set
class StyleRules:
    categories: dict[str, _Category]
    endings: tuple[str, ...]
    not_diminutive: frozenset[str]


def _phrase(words: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokens(words))


def parse_rules(data: dict) -> StyleRules:
    groups = data.get("woordgroepen") or {}
    categories = {}
    for name in CATEGORIES:
        spec = data.get(name) or {}
        categories[name] = _Category(
            name,
            tuple(p for p in (_phrase(str(w)) for w in spec.get("woorden", ())) if p),
            tuple(compile_pattern(p, groups) for p in spec.get("patronen", ())),
            tuple(compile_pattern(p, groups) for p in spec.get("uitzonderingen", ())),
        )
    dim = data.get("verkleinwoord", {})
    return StyleRules(
        categories,
        tuple(dim.get("uitgangen", ("je", "jes"))),
        frozenset(w for word in dim.get("geen_verkleinwoord", ()) for w in _phrase(str(word))),
    )


@lru_cache(maxsize=1)
def builtin_rules() -> StyleRules:
    text = resources.files("simulator.language").joinpath("style.yaml").read_text(encoding="utf-8")
    return parse_rules(yaml.safe_load(text))


def find_style_issues(
    text: str,
    jargon: Sequence[str] = (),
    abbreviations: Sequence[str] = (),
    rules: StyleRules | None = None,
) -> list[StyleHit]:
    """Every style slip in `text`, in order of appearance."""
    return list(_find(text, tuple(jargon), tuple(abbreviations), rules or builtin_rules()))


@lru_cache(maxsize=2048)
def _find(
    text: str, jargon: tuple[str, ...], abbreviations: tuple[str, ...], rules: StyleRules
) -> tuple[StyleHit, ...]:
    toks = tokens(text)
    if not toks:
        return ()
    norm = Text.build(text, toks)
    hits: list[StyleHit] = []
    extra = {
        "jargon": tuple(p for p in map(_phrase, jargon) if p),
        "afkorting": tuple(p for p in map(_phrase, abbreviations) if p),
    }
    protected = {w for phrases in extra.values() for p in phrases for w in p}
    for name in CATEGORIES:
        category = rules.categories[name]
        spans: list[tuple[int, int]] = []
        if name == "verkleinwoord":
            spans = list(_diminutives(norm, rules, protected))
        phrases = category.phrases + extra.get(name, ())
        spans += list(_phrase_spans(norm, phrases))
        spans += [span for p in category.patterns for span in find_all(p, norm)]
        vetoes = [span for p in category.exceptions for span in find_all(p, norm)]
        for first, last in sorted(set(spans)):
            if any(v[0] <= first and last <= v[1] for v in vetoes):
                continue
            start, end = toks[first].start, toks[last].end
            hits.append(StyleHit(name, text[start:end], start, end))
    hits.sort(key=lambda h: (h.start, CATEGORIES.index(h.category)))
    return tuple(_drop_nested(hits))


def _phrase_spans(norm: Text, phrases: Iterable[tuple[str, ...]]) -> Iterable[tuple[int, int]]:
    words = [t.text for t in norm.toks]
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        by_first.setdefault(phrase[0], []).append(phrase)
    for i, word in enumerate(words):
        for phrase in by_first.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                yield i, i + len(phrase) - 1


_DIMINUTIVE = re.compile(r"^[a-z]{2,}(?:je|jes)$")


def _diminutives(norm: Text, rules: StyleRules, protected: set[str]) -> Iterable[tuple[int, int]]:
    for i, tok in enumerate(norm.toks):
        word = tok.text
        if not word.endswith(rules.endings) or not _DIMINUTIVE.match(word):
            continue
        if word.endswith(("ije", "ijes")) or word in rules.not_diminutive or word in protected:
            continue
        written = norm.original[tok.start : tok.end]
        if written[:1].isupper() and i not in norm.clause_starts:
            continue  # a name ("Grietje", "Marietje") is no diminutive
        yield i, i


def _drop_nested(hits: list[StyleHit]) -> list[StyleHit]:
    """One hit per category per place: "weet je wel" is not also "weet je"."""
    out: list[StyleHit] = []
    for hit in hits:
        if any(
            o.category == hit.category and o.start <= hit.start and hit.end <= o.end and o != hit
            for o in hits
        ):
            continue
        out.append(hit)
    return out
