"""Spans where a move's action lies in the past, is only named, or is someone else's words.

"Ik heb u vorige week al doorverbonden", "er zijn excuses gemaakt", "heeft u succes gewenst":
an auxiliary of the perfect tense followed, in the same clause, by a participle of a move verb.
"De doorverbinding viel weg", "het terugbelverzoek van gisteren": a noun made from a move verb
after a definite article, or followed by "van" and a past time. Hits of the guarded moves
(moves.yaml, `verleden_tijd`) that overlap such a span are cancelled, like an exception.

"Mijn collega zei dat ze u zou terugbellen", "u zegt dat niemand sorry heeft gezegd", "ze hebben
u gezegd dat u een mail moest sturen": a verb of saying followed, within three words, by "dat"
or "of" reports someone's words; the span runs from the verb to the end of the clause (moves.yaml,
`indirecte_rede`). The trainee's own words after a comma, "maar" or "dus" are outside it.
"""

from __future__ import annotations

from simulator.language.library import PastGuard, ReportedGuard
from simulator.language.patterns import Text

_CONJUNCTION_REACH = 3  # words between the verb of saying and "dat": "zei tegen u dat"

# Words after the auxiliary in which the participle may follow ("u bent toen door de bank naar
# het Juridisch Loket verwezen": nine).
_REACH = 10


def past_spans(text: Text, guard: PastGuard) -> list[tuple[int, int]]:
    toks = [t.text for t in text.toks]
    spans = []
    for i, word in enumerate(toks):
        if word in guard.auxiliaries:
            end = _participle_after(text, toks, i, guard)
            if end is not None:
                # "excuses zijn gemaakt": the noun before the auxiliary belongs to the span.
                before = i > 0 and _same_sentence(text, i - 1, i) and toks[i - 1] in guard.nouns
                spans.append((i - 1 if before else i, end))
        elif word in guard.nouns:
            if i > 0 and toks[i - 1] in guard.determiners and _same_sentence(text, i - 1, i):
                spans.append((i - 1, i))
            if i + 2 < len(toks) and toks[i + 1] == "van" and toks[i + 2] in guard.past_times:
                spans.append((i, i + 2))
    return spans


def _participle_after(text: Text, toks: list[str], i: int, guard: PastGuard) -> int | None:
    for j in range(i + 1, min(i + 1 + _REACH, len(toks))):
        if not _same_sentence(text, i, j) or toks[j] in guard.stops:
            return None
        if _punctuated(text, j) and toks[j] not in guard.participles:
            return None  # a new clause ("excuses" or "mevrouw" before it do not start one)
        if toks[j] in guard.participles:
            return j
    return None


def _same_sentence(text: Text, a: int, b: int) -> bool:
    return text.sentence_of[a] == text.sentence_of[b]


def reported_spans(text: Text, guard: ReportedGuard) -> list[tuple[int, int]]:
    toks = [t.text for t in text.toks]
    spans = []
    for i, word in enumerate(toks):
        if word not in guard.verbs:
            continue
        opener = next(
            (
                j
                for j in range(i + 1, min(i + 2 + _CONJUNCTION_REACH, len(toks)))
                if toks[j] in guard.conjunctions and _same_clause(text, i, j)
            ),
            None,
        )
        if opener is None:
            continue
        end = opener
        while (
            end + 1 < len(toks)
            and _same_sentence(text, i, end + 1)
            and toks[end + 1] not in guard.ends
            and not _punctuated(text, end + 1)
        ):
            end += 1
        spans.append((i, end))
    return spans


def _same_clause(text: Text, a: int, b: int) -> bool:
    """No clause break between tokens a and b: "eerlijk gezegd, dat zoek ik uit" reports nothing."""
    return _same_sentence(text, a, b) and not any(_punctuated(text, k) for k in range(a + 1, b + 1))


def _punctuated(text: Text, j: int) -> bool:
    """A comma, semicolon or colon before token j: a new clause begins."""
    between = text.original[text.toks[j - 1].end : text.toks[j].start]
    return any(c in between for c in ",;:")
