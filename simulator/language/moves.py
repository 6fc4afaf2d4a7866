"""Classifies a trainee utterance into conversational moves ("gespreksbewegingen").

Three paths, each recorded in `MoveHit.method`:
- "patroon": a pattern from moves.yaml matched the normalised (and slip-repaired) text;
- "voorbeeld": an example phrase matched, with at most one word missing or wrong;
- "model": the learned second opinion (learned.py) recognised a move the rules missed.
The first two are rules: fast, deterministic and explainable. The second opinion adds a move
when it is confident (in a one-sentence question it may take the place of the closed- or
open-question fallback) and drops a rule hit it finds very unlikely; the guards of moves.yaml
(exceptions, past tense, nouns, reported speech) cancel its hits as they cancel those of the
rules.

Decision order for questions: a move's own patterns first; then, inside a question sentence, the
core of a move's question (`vraagkern`: "kunt u uw voor- en achternaam geven?" asks for the
name); only a question that holds no other move is a closed ("?") or open (question word) one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from simulator.language.correct import Corrector
from simulator.language.examples import Example, ExampleBank, example_words
from simulator.language.fields import field_hits
from simulator.language.library import Library, MoveSpec, builtin_library
from simulator.language.match import SURNAME_PREFIXES
from simulator.language.normalize import Token, fold, tokens
from simulator.language.past import past_spans, reported_spans
from simulator.language.patterns import CLAUSE_OPENERS, Text, compile_pattern, find_all

MOVE_IDS: tuple[str, ...] = tuple(builtin_library().moves)

_METHOD_RANK = {"patroon": 0, "voorbeeld": 1, "model": 2}
_WORDS = re.compile(r"[a-z0-9']+")
# Shorter fragments ("postcode twaalf", "gemeente") give the model too little to add a move on.
_MIN_MODEL_WORDS = 3
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
    method: str  # "patroon", "voorbeeld" or "model"


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
        model: bool | None = None,
        second_opinion=None,
    ) -> None:
        """`model`: True requires the learned second opinion, False turns it off (rules only),
        None (default) uses it unless KCC_SIM_MODEL=0. `second_opinion`: a ready
        learned.SecondOpinion to use instead (the benchmark's models trained on other parts)."""
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
        self._opinion = second_opinion
        if second_opinion is None and model is not False:
            from simulator.language.learned import MODEL_SWITCH, load_second_opinion, switched_on

            if model or switched_on(MODEL_SWITCH):
                self._opinion = load_second_opinion(required=bool(model))
        self.model_status = "aan" if self._opinion else "uit"

    def _build_corrector(self, examples: list[Example]) -> Corrector:
        lexicon: set[str] = set()
        for spec in self.moves.values():
            for pattern in spec.patterns:
                lexicon.update(w for w in _WORDS.findall(pattern.source) if not w.isdigit())
        for example in examples:
            lexicon.update(example.words)
        known = set(self.names) | set(CLAUSE_OPENERS) | set(self.library.common_words)
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
        found = self._by_patterns(plain, 1.0, fixed)
        if fixed is not None:
            found += [self._respan(f, fixed, plain) for f in self._by_patterns(fixed, 0.9, plain)]
        found += self._by_fields(text, plain, fixed)
        if fixed is not None:  # "wat is u postcode", "mag ik uwpostcode"
            found += [self._respan(f, fixed, plain) for f in self._by_repaired_fields(fixed, plain)]
        found += self._by_examples(fixed or plain, plain)
        found = [f for f in found if not self._inverted_statement(f, plain) and not _torn(f, plain)]
        found += self._by_question_core(plain, fixed, found)
        found += self._by_question_mark(plain, found)
        found += self._by_question_word(plain, found)
        found = self._suppress(found)
        if self._opinion is not None:
            found = self._second_opinion(text, len(raw), plain, fixed, found)
        return self._best_per_move(found, plain)

    def _second_opinion(
        self, text: str, size: int, plain: Text, fixed: Text | None, found: list[_Found]
    ) -> list[_Found]:
        """Drop the rule hits the learned model finds very unlikely; add the moves it is sure of
        in a turn of a few words or more. Scenario moves are left to the rules."""
        probs = self._model_probabilities(text, plain)
        found = [f for f in found if self._question_form(f.move) or self._believed(f.move, probs)]
        present = {f.move for f in found}
        if size < _MIN_MODEL_WORDS:
            return found
        for move, p in probs.items():
            if p < self._opinion.add_at or move in present or move not in self.moves:
                continue
            if self._question_form(move):
                continue  # the form decides a closed or open question, and the rules see it
            if self._guarded_anywhere(move, plain, fixed):
                continue
            conflicting = {o for o in present if self._excludes(move, o)}
            if conflicting:
                if not self._overrules_fallback(move, conflicting, plain):
                    continue
                found = [f for f in found if f.move not in conflicting]
            found.append(_Found(move, 0, size - 1, p, "model"))
        return found

    def _model_probabilities(self, text: str, plain: Text) -> dict[str, float]:
        """The model learned from short turns: a longer one is also judged sentence by sentence,
        and each move counts with its best probability."""
        spans = plain.sentences()
        if len(spans) == 1:
            return self._opinion.probabilities(text)
        starts = [plain.toks[first].start for first, _ in spans] + [len(text)]
        # Each sentence with its own "?" or ".".
        sentences = [text[begin:end].strip() for begin, end in itertools.pairwise(starts)]
        return self._opinion.best_of([text, *sentences])

    def _question_form(self, move: str) -> bool:
        """The closed and open questions are decided by form (a "?", a question word), which the
        model cannot judge: it neither adds nor drops them (it may replace them by the move the
        question is about)."""
        spec = self.moves.get(move)
        return spec is not None and (spec.question_mark or spec.question_word)

    def _believed(self, move: str, probs: dict[str, float]) -> bool:
        return probs.get(move, 1.0) >= self._opinion.veto_below

    def _overrules_fallback(self, move: str, conflicting: set[str], plain: Text) -> bool:
        """The closed and open questions are the fallback for a question no rule knows: in a
        one-sentence utterance, a move of the model that they yield to (onderdrukt_door) takes
        their place ("Mag ik u verzoeken de stukken digitaal aan te leveren?")."""
        if plain.sentence_of[-1] != 0:
            return False
        return all(
            self._question_form(o) and move in self.moves[o].suppressed_by for o in conflicting
        )

    def _excludes(self, move: str, other: str) -> bool:
        """One of the two built-in moves is `onderdrukt_door` the other."""
        if move not in self.moves or other not in self.moves:
            return False
        return other in self.moves[move].suppressed_by or move in self.moves[other].suppressed_by

    def _guarded_anywhere(self, move: str, plain: Text, fixed: Text | None) -> bool:
        """A model hit has no span of its own: any exception, past-tense, noun or
        reported-speech span of the move in the utterance cancels it, as it would a rule hit
        ("de afdeling heeft u gisteren teruggebeld zie ik")."""
        spec = self.moves.get(move)
        return any(self._vetoes(spec, text) for text in (plain, fixed) if text is not None)

    # --- paths -------------------------------------------------------------------------

    def _by_patterns(self, text: Text, score: float, other: Text | None) -> list[_Found]:
        """Pattern hits in one version of the utterance (`other`: the other version, plain or
        repaired, whose guards count too)."""
        found = []
        for spec in self.moves.values():
            patterns = list(spec.patterns) + self._extra_patterns.get(spec.id, [])
            if not patterns:
                continue
            vetoes = self._vetoes(spec, text, other)
            for pattern in patterns:
                for first, last in find_all(pattern, text, overlapping=bool(vetoes)):
                    if any(_overlap((first, last), veto) for veto in vetoes):
                        continue
                    if spec.to_sentence_end:
                        last = text.sentence_end(last)
                    found.append(_Found(spec.id, first, last, score, "patroon"))
        return found

    def _vetoes(
        self, spec: MoveSpec | None, text: Text, other: Text | None = None
    ) -> list[tuple[int, int]]:
        """Spans where an exception or a guard of the move cancels its hits (patterns, fields,
        examples), found in `text` and in the other version of the same utterance (plain or
        repaired): a repair must not hide a perfect tense, and a slip must
        not hide one that the repair shows ("bentu ... doorverbonden")."""
        if spec is None:
            return []
        spans = self._own_vetoes(spec, text)
        if other is not None and other is not text:
            for first, last in self._own_vetoes(spec, other):
                span = _map_span(other, text, first, last)
                if span is not None:
                    spans.append(span)
        return spans

    def _own_vetoes(self, spec: MoveSpec, text: Text) -> list[tuple[int, int]]:
        spans = [span for p in spec.exceptions for span in find_all(p, text)]
        if self.library.guarded(spec.id):
            spans += self._guard_spans(spec.id, text)
        return spans

    def _guard_spans(self, move: str, text: Text) -> list[tuple[int, int]]:
        """Past tense and nouns (verleden_tijd), someone else's words (indirecte_rede)."""
        spans = []
        if move in self.library.past.moves:
            spans += past_spans(text, self.library.past)
        if move in self.library.reported.moves:
            spans += reported_spans(text, self.library.reported)
        return spans

    def _by_fields(self, original: str, plain: Text, fixed: Text | None) -> list[_Found]:
        found = []
        for spec in self.moves.values():
            if not spec.uses_fields:
                continue
            vetoes = self._vetoes(spec, plain, fixed)
            for hit in field_hits(original):
                span = _char_span_to_tokens(plain.toks, hit.start, hit.end)
                if span is not None and not any(_overlap(span, veto) for veto in vetoes):
                    found.append(_Found(spec.id, *span, 1.0, "patroon"))
        return found

    def _by_repaired_fields(self, fixed: Text, plain: Text) -> list[_Found]:
        """Field questions in the repaired text, sentence by sentence: fixed.string has lost the
        punctuation that field_hits splits sentences on."""
        hits = []
        for first, last in fixed.sentences():
            start = fixed.offsets[first]
            end = fixed.offsets[last] + len(fixed.toks[last].text)
            for hit in field_hits(fixed.string[start:end]):
                hits.append(fixed.token_span(start + hit.start, start + hit.end))
        found = []
        for spec in self.moves.values():
            if not spec.uses_fields:
                continue
            vetoes = self._vetoes(spec, fixed, plain)
            for span in hits:
                if not any(_overlap(span, veto) for veto in vetoes):
                    found.append(_Found(spec.id, *span, 0.9, "patroon"))
        return found

    def _by_examples(self, text: Text, plain: Text) -> list[_Found]:
        words = [t.text for t in text.toks]
        counters = self._counters.matches(words)
        vetoes = {
            m: self._vetoes(spec, text, plain)
            for m, spec in self.moves.items()
            if spec.exceptions or self.library.guarded(m)
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
            for first, last in _closed_question_marks(text):
                if any(f.first >= first and f.last <= last and f.move != spec.id for f in found):
                    continue
                out.append(_Found(spec.id, first, last, 0.8, "patroon"))
        return out

    def _by_question_core(
        self, plain: Text, fixed: Text | None, found: list[_Found]
    ) -> list[_Found]:
        """A question that holds the core of another move's question is that move, not a
        closed (or open) question about the caller's matter: "Kunt u mij uw voor- en achternaam
        geven?" asks for the name, "Is dat een werkbare oplossing voor u?" for agreement. The
        `vraagkern` patterns of a move count only inside a question sentence (one ending in
        "?", or one the closed- or open-question patterns found); the hit covers the sentence,
        so the generic question yields to it (onderdrukt_door). The move's guards still apply."""
        generic = {m for m, s in self.moves.items() if s.question_mark or s.question_word}
        sentences = {
            (first, last) for first, last in plain.sentences() if plain.ends_with_question(last)
        }
        for f in found:
            if f.move in generic:
                sentences.add((plain.sentence_start(f.first), plain.sentence_end(f.first)))
        out = []
        for spec in self.moves.values():
            if not spec.question_core or not sentences:
                continue
            for text, other in ((plain, fixed), (fixed, plain)):
                if text is None:
                    continue
                vetoes = self._vetoes(spec, text, other)
                for pattern in spec.question_core:
                    for first, last in find_all(pattern, text, overlapping=True):
                        if any(_overlap((first, last), veto) for veto in vetoes):
                            continue
                        if text is not plain:
                            span = _map_span(text, plain, first, last)
                            if span is None:
                                continue
                            first, last = span
                        for start, end in sentences:
                            if start <= first and last <= end:
                                out.append(_Found(spec.id, start, end, 0.85, "patroon"))
        return out

    def _inverted_statement(self, found: _Found, text: Text) -> bool:
        """A question move in a typed sentence that ends in "." or "!" is a statement or a
        request with the verb first: "Voor de Wmo heeft u geen verwijzing nodig.", "Als de
        container vol is, belt u ons.", "Belt u daarvoor de Belastingdienst."."""
        spec = self.moves.get(found.move)
        if spec is None or not spec.question_mark:
            return False
        last = text.sentence_end(found.first)
        end = text.toks[last + 1].start if last + 1 < len(text.toks) else len(text.original)
        tail = text.original[text.toks[last].end : end]
        # A clause closed by ";" is no question either: "..., kunt u Veilig Thuis bellen; dat ..."
        return "?" not in tail and any(mark in tail for mark in ".!;")

    def _by_question_word(self, text: Text, found: list[_Found]) -> list[_Found]:
        """A typed sentence ending in "?" whose clause opens with a question word is an open
        question, whatever its verb ("Hoe reageerde de buurman?"); exceptions still apply."""
        out = []
        question_words = _WH | {w.split()[0] for w in self.library.groups.get("vraagwoord", ())}
        for spec in self.moves.values():
            if not spec.question_word or any(f.move == spec.id for f in found):
                continue
            vetoes = self._vetoes(spec, text)
            for start in sorted(text.clause_starts):
                end = text.sentence_end(start)
                if text.toks[start].text not in question_words or start == end:
                    continue
                if not text.ends_with_question(end):
                    continue
                if not any(_overlap((start, end), veto) for veto in vetoes):
                    out.append(_Found(spec.id, start, end, 0.8, "patroon"))
                    break
        return out

    # --- combining ---------------------------------------------------------------------

    def _respan(self, found: _Found, source: Text, target: Text) -> _Found:
        """Map a span on repaired tokens back to the plain tokens (same original offsets)."""
        if source is target:
            return found
        span = _map_span(source, target, found.first, found.last)
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


def _closed_question_marks(text: Text) -> list[tuple[int, int]]:
    """Token spans of the typed sentences that end in "?" and hold no question word."""
    spans = []
    starts = sorted(text.clause_starts)
    for first, i in text.sentences():
        if not text.ends_with_question(i):
            continue
        clause = max([s for s in starts if s <= i and s >= first] or [first])
        if text.toks[clause].text in _WH or text.toks[first].text in _WH:
            continue
        if any(t.text in _WH for t in text.toks[first : i + 1]):
            continue
        if all(t.text in CLAUSE_OPENERS for t in text.toks[first : i + 1]):
            continue  # "Nee?", "Oké?": a check that the caller is done, no question of fact
        spans.append((first, i))
    return spans


def _torn(found: _Found, text: Text) -> bool:
    """A hit that starts on the last word of one sentence and runs into the next: "... u wilt
    weten waarom. Heb ik dat goed begrepen?" holds no question "waarom heb ik"."""
    first = found.first
    return (
        found.last > first
        and text.sentence_of[first] != text.sentence_of[first + 1]
        and found.method != "model"
    )


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _map_span(source: Text, target: Text, first: int, last: int) -> tuple[int, int] | None:
    """Tokens [first, last] of one version of an utterance (plain or slip-repaired) as token
    indexes of the other: both keep the offsets of the original text."""
    return _char_span_to_tokens(target.toks, source.toks[first].start, source.toks[last].end)


def _char_span_to_tokens(toks: tuple[Token, ...], start: int, end: int) -> tuple[int, int] | None:
    inside = [i for i, t in enumerate(toks) if t.start < end and t.end > start]
    return (inside[0], inside[-1]) if inside else None


def describe(move_id: str) -> str:
    """The Dutch description of a built-in move (for trainers and the score screen)."""
    spec = builtin_library().moves.get(move_id)
    return spec.description if spec else move_id


__all__ = ["MOVE_IDS", "MoveClassifier", "MoveHit", "describe", "fold"]
