"""What one trainee utterance contains, as the engine sees it: moves, facts, name, style slips."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from simulator.scenario.model import Scenario

# Recognition below this confidence counts as "not understood" by the caller.
UNDERSTOOD_CONFIDENCE = 0.3
# "Ja, ik luister" is a backchannel; a longer sentence that says "ja" is taking the turn.
BACKCHANNEL_MAX_WORDS = 4


class MoveClassifierLike(Protocol):
    def classify(self, text: str) -> Sequence: ...


@dataclass(frozen=True)
class UtteranceAnalysis:
    text: str
    moves: tuple[str, ...] = ()
    # Moves that only the learned model recognised (no pattern or example matched).
    model_moves: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    name: str | None = None
    style: tuple = ()
    style_categories: frozenset[str] = field(default_factory=frozenset)
    understood: bool = True

    def has(self, *moves: str) -> bool:
        return any(m in self.moves for m in moves)

    @property
    def only_backchannel(self) -> bool:
        """True for "ja", "hm-hm", "oké": the trainee listens, the caller may go on."""
        short = len(self.text.split()) <= BACKCHANNEL_MAX_WORDS
        return short and set(self.moves) <= {"luistersignaal"} and not self.facts and not self.name


def default_classifier(scenario: Scenario) -> MoveClassifierLike:
    from simulator.language.moves import MoveClassifier

    extra = [(m.id, tuple(m.voorbeelden)) for m in scenario.bewegingen]
    return MoveClassifier(extra=extra, vocabulary=tuple(scenario.vocabulaire))


def analyse(
    text: str, confidence: float, scenario: Scenario, classifier: MoveClassifierLike
) -> UtteranceAnalysis:
    from simulator.language.fields import requested_fields
    from simulator.language.match import find_phrase, mentions_name
    from simulator.language.style import find_style_issues

    stripped = text.strip()
    if not stripped or confidence < UNDERSTOOD_CONFIDENCE:
        return UtteranceAnalysis(text=text, understood=False)
    hits = classifier.classify(stripped)
    moves = tuple(dict.fromkeys(hit.move for hit in hits))
    model_moves = tuple(
        dict.fromkeys(hit.move for hit in hits if getattr(hit, "method", "") == "model")
    )
    facts = tuple(
        f.id for f in scenario.feiten if any(find_phrase(p, stripped) for p in f.herkennen)
    )
    style = tuple(
        find_style_issues(
            stripped, jargon=scenario.jargon, abbreviations=scenario.afhandeling.afkortingen
        )
    )
    return UtteranceAnalysis(
        text=text,
        moves=moves,
        model_moves=model_moves,
        facts=facts,
        fields=tuple(requested_fields(stripped)),
        name=mentions_name(stripped, scenario.beller.achternaam),
        style=style,
        style_categories=frozenset(hit.category for hit in style),
    )
