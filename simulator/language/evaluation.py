"""Precision, recall and F1 per move on a labelled set of utterances (tests/data/utterances*.yaml),
recall on recognition slips of them, and the false-positive rate on move-less sentences."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from simulator.language.slips import recognised, slipped


@dataclass(frozen=True)
class Utterance:
    text: str
    moves: frozenset[str]
    split: str


@dataclass
class MoveScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    methods: Counter = field(default_factory=Counter)  # which path found the true positives

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    per_move: dict[str, MoveScore]
    errors: list[tuple[Utterance, frozenset[str]]]

    @property
    def micro(self) -> MoveScore:
        total = MoveScore()
        for score in self.per_move.values():
            total.tp, total.fp, total.fn = (
                total.tp + score.tp,
                total.fp + score.fp,
                total.fn + score.fn,
            )
        return total

    @property
    def macro_f1(self) -> float:
        scored = [s.f1 for s in self.per_move.values() if s.tp + s.fn]
        return sum(scored) / len(scored) if scored else 0.0


def load_utterances(paths: Iterable[Path]) -> list[Utterance]:
    out = []
    for path in paths:
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            out.append(Utterance(item["text"], frozenset(item["moves"]), item["split"]))
    return out


def evaluate(classifier, utterances: Sequence[Utterance], moves: Sequence[str]) -> Evaluation:
    per_move = {m: MoveScore() for m in moves}
    errors = []
    for utterance in utterances:
        hits = {h.move: h.method for h in classifier.classify(utterance.text) if h.move in per_move}
        found = frozenset(hits)
        for move in moves:
            score = per_move[move]
            if move in found and move in utterance.moves:
                score.tp += 1
                score.methods[hits[move]] += 1
            elif move in found:
                score.fp += 1
            elif move in utterance.moves:
                score.fn += 1
        if found != utterance.moves:
            errors.append((utterance, found))
    return Evaluation(per_move, errors)


def slip_recall(classifier, utterances: Sequence[Utterance], kind: str) -> tuple[float, int]:
    """Share of the labelled moves still found after a slip of `kind` ("herkend": only lower
    case without punctuation); and how many labels were tried."""
    found = total = 0
    for utterance in utterances:
        if not utterance.moves:
            continue
        text = recognised(utterance.text) if kind == "herkend" else slipped(utterance.text, kind)
        if not text:
            continue
        moves = {hit.move for hit in classifier.classify(text)}
        found += len(utterance.moves & moves)
        total += len(utterance.moves)
    return (found / total if total else 1.0), total


def false_positives(classifier, texts: Sequence[str]) -> list[str]:
    """The move-less sentences that still get a move."""
    return [text for text in texts if classifier.classify(text)]
