"""The move library: moves.yaml read into typed, compiled move specifications."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from simulator.language.patterns import Pattern, compile_pattern

_KEYS = {
    "beschrijving",
    "patronen",
    "uitzonderingen",
    "onderdrukt_door",
    "voorbeelden",
    "tegenvoorbeelden",
    "heel_zinnetje",
    "velden",
    "vraagteken",
    "tot_zinseinde",
    "vraagkern",
}


@dataclass(frozen=True)
class MoveSpec:
    id: str
    description: str
    patterns: tuple[Pattern, ...] = ()
    exceptions: tuple[Pattern, ...] = ()
    suppressed_by: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    whole_only: bool = False
    uses_fields: bool = False
    question_mark: bool = False  # vraagteken: true - a "?" sentence without a question word
    question_word: bool = False  # vraagteken: open - a "?" sentence that opens with one
    to_sentence_end: bool = False  # a hit covers the rest of its sentence (the whole question)
    # vraagkern: the core of this move's question; counts only inside a question sentence
    question_core: tuple[Pattern, ...] = ()


@dataclass(frozen=True)
class PastGuard:
    """Words that show a move's action lies in the past or is only named (verleden_tijd)."""

    moves: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()  # "heb", "is", ... before a participle
    participles: frozenset[str] = frozenset()  # "doorverbonden", "gewenst", ...
    nouns: frozenset[str] = frozenset()  # "doorverbinding", "excuses", ...
    determiners: frozenset[str] = frozenset()  # "de", "het", ... before one of the nouns
    past_times: frozenset[str] = frozenset()  # "gisteren", ... after "van" and one of the nouns
    stops: frozenset[str] = frozenset()  # words that end the search for a participle


_GUARD_KEYS = {
    "bewegingen": "moves",
    "hulpwerkwoorden": "auxiliaries",
    "deelwoorden": "participles",
    "naamwoorden": "nouns",
    "lidwoorden": "determiners",
    "voorbij": "past_times",
    "stopwoorden": "stops",
}


@dataclass(frozen=True)
class ReportedGuard:
    """Words that show a clause reports someone's words (indirecte_rede): "mijn collega zei dat
    ze u zou terugbellen" is no promise of the trainee."""

    moves: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()  # "zei", "zegt", "vertelde", "gezegd", ...
    conjunctions: frozenset[str] = frozenset()  # "dat", "of": the reported clause starts
    ends: frozenset[str] = frozenset()  # "maar", "dus", ...: the trainee's own clause follows


_REPORTED_KEYS = {
    "bewegingen": "moves",
    "werkwoorden": "verbs",
    "voegwoorden": "conjunctions",
    "einde": "ends",
}


@dataclass(frozen=True)
class Library:
    moves: dict[str, MoveSpec]
    groups: dict[str, tuple[str, ...]]
    no_move: tuple[str, ...] = ()  # sentences without any move (zonder_beweging)
    past: PastGuard = PastGuard()
    reported: ReportedGuard = ReportedGuard()
    common_words: frozenset[str] = frozenset()  # never "repaired" as a slip (gewone_woorden)

    def guarded(self, move: str) -> bool:
        """Does the past-tense or the reported-speech guard apply to this move?"""
        return move in self.past.moves or move in self.reported.moves


# The guard sections of moves.yaml: the guard they fill and its Dutch keys.
_GUARD_SECTIONS = {
    "verleden_tijd": (PastGuard, _GUARD_KEYS),
    "indirecte_rede": (ReportedGuard, _REPORTED_KEYS),
}


def _parse_guard(data: dict | None, moves: dict[str, MoveSpec], source: str, section: str):
    """The word lists of a guard section (verleden_tijd or indirecte_rede)."""
    kind, keys = _GUARD_SECTIONS[section]
    if not data:
        return kind()
    unknown = set(data) - set(keys)
    if unknown:
        raise ValueError(f"{source}: {section}: unknown keys {sorted(unknown)}")
    words = {field: frozenset(str(w) for w in data.get(key) or ()) for key, field in keys.items()}
    guard = kind(**words)
    missing = guard.moves - set(moves)
    if missing:
        raise ValueError(f"{source}: {section}: unknown moves {sorted(missing)}")
    return guard


def parse_library(data: dict, source: str = "moves.yaml") -> Library:
    """Build a Library from the YAML structure; unknown keys are errors (typos must not pass)."""
    groups = {name: tuple(str(w) for w in words) for name, words in data["woordgroepen"].items()}
    moves: dict[str, MoveSpec] = {}
    for move_id, spec in data["bewegingen"].items():
        unknown = set(spec) - _KEYS
        if unknown:
            raise ValueError(f"{source}: move {move_id}: unknown keys {sorted(unknown)}")
        moves[move_id] = MoveSpec(
            id=move_id,
            description=spec.get("beschrijving", ""),
            patterns=tuple(compile_pattern(p, groups) for p in spec.get("patronen", ())),
            exceptions=tuple(compile_pattern(p, groups) for p in spec.get("uitzonderingen", ())),
            suppressed_by=tuple(spec.get("onderdrukt_door", ())),
            examples=tuple(spec.get("voorbeelden", ())),
            counter_examples=tuple(spec.get("tegenvoorbeelden", ())),
            whole_only=bool(spec.get("heel_zinnetje", False)),
            uses_fields=bool(spec.get("velden", False)),
            question_mark=spec.get("vraagteken", False) is True,
            question_word=spec.get("vraagteken") == "open",
            to_sentence_end=bool(spec.get("tot_zinseinde", False)),
            question_core=tuple(compile_pattern(p, groups) for p in spec.get("vraagkern", ())),
        )
    for spec in moves.values():
        for other in spec.suppressed_by:
            if other not in moves:
                raise ValueError(
                    f"{source}: move {spec.id}: unknown move {other} in onderdrukt_door"
                )
    return Library(
        moves,
        groups,
        tuple(str(t) for t in data.get("zonder_beweging") or ()),
        _parse_guard(data.get("verleden_tijd"), moves, source, "verleden_tijd"),
        _parse_guard(data.get("indirecte_rede"), moves, source, "indirecte_rede"),
        frozenset(str(w) for w in data.get("gewone_woorden") or ()),
    )


def load_library(path: Path | None = None) -> Library:
    if path is None:
        return builtin_library()
    return parse_library(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))


@lru_cache(maxsize=1)
def builtin_library() -> Library:
    text = resources.files("simulator.language").joinpath("moves.yaml").read_text(encoding="utf-8")
    return parse_library(yaml.safe_load(text))
