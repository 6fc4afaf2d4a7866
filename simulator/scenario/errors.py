"""Problems found in a scenario file as Dutch messages with a place (`bestand:regel:kolom`),
including pydantic's validation errors translated into plain Dutch."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from simulator.scenario.loader import SourceMap

Level = Literal["fout", "waarschuwing"]
ERROR: Level = "fout"
WARNING: Level = "waarschuwing"


@dataclass(frozen=True)
class Problem:
    """One finding; `line` and `column` count from 1 (0 means: no place in the file)."""

    path: str
    line: int
    column: int
    message: str
    suggestion: str = ""
    level: Level = ERROR
    # The text of the source line, for the caret marker; filled in by the loader.
    source: str = ""

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    @property
    def place(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{max(self.column, 1)}"

    def __str__(self) -> str:
        text = f"{self.place}: {self.level}: {self.message}"
        if self.suggestion:
            text += f" {self.suggestion}"
        return text

    def with_context(self) -> str:
        """The message, then the source line with a caret under the column (like Ren'Py/Vale)."""
        if not self.source or self.line <= 0:
            return str(self)
        number = str(self.line)
        line = self.source.rstrip("\n").replace("\t", " ")
        caret = " " * (max(self.column, 1) - 1) + "^"
        return f"{self}\n  {number} | {line}\n  {' ' * len(number)} | {caret}"


def sort_key(problem: Problem) -> tuple[str, int, int]:
    return (problem.path, problem.line, problem.column)


class ScenarioError(Exception):
    """A scenario file cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = sorted(problems, key=sort_key)
        super().__init__(self.report())

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def report(self) -> str:
        lines = [p.with_context() for p in self.problems]
        errors = len(self.errors)
        lines.append(count_summary(errors, len(self.problems) - errors))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.report()


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def count_summary(errors: int, warnings: int, files: int | None = None) -> str:
    """For example: `2 fouten, 1 waarschuwing in 3 bestanden`."""
    text = (
        f"{plural(errors, 'fout', 'fouten')}, {plural(warnings, 'waarschuwing', 'waarschuwingen')}"
    )
    if files is not None:
        text += f" in {plural(files, 'bestand', 'bestanden')}"
    return text


def by_similarity(word: str, choices: Iterable[str]) -> list[str]:
    """The choices, the one nearest to `word` first."""
    from rapidfuzz import fuzz

    return sorted(choices, key=lambda choice: -fuzz.ratio(word.lower(), choice.lower()))


def nearest(word: str, choices: Iterable[str], cutoff: float = 60.0) -> str | None:
    """The choice that `word` was most likely meant to be, or None when nothing is close."""
    from rapidfuzz import fuzz, process

    options = list(choices)
    if not options:
        return None
    match = process.extractOne(word.lower(), [o.lower() for o in options], scorer=fuzz.ratio)
    if match is None or match[1] < cutoff:
        return None
    return options[match[2]]


def did_you_mean(word: str, choices: Iterable[str], list_all: bool = True) -> str:
    """`Bedoelt u `x`?` and, when asked, every allowed value, nearest first."""
    options = list(dict.fromkeys(choices))
    guess = nearest(word, options)
    parts = [f"Bedoelt u `{guess}`?"] if guess else []
    if list_all and options:
        listed = ", ".join(f"`{o}`" for o in by_similarity(word, options))
        parts.append(f"Mogelijk zijn: {listed}.")
    return " ".join(parts)


Path_ = tuple[str | int, ...]


# --- pydantic errors in plain Dutch ------------------------------------------------------------

# Example values for messages about missing or wrong keys.
EXAMPLES: dict[str, str] = {
    "id": "afval-boze-beller",
    "titel": '"Container voor de derde keer niet geleegd"',
    "beschrijving": '"Meneer Bakker is boos omdat ..."',
    "thema": "afval",
    "gemeente": "Zaanstad",
    "tijdstip": '"09:30"',
    "aanhef": "mevrouw",
    "voornaam": "Ingrid",
    "achternaam": "Visser",
    "geslacht": "vrouw",
    "start": "begin",
    "fase": "analyse",
    "naar": "uitleg",
    "soort": "direct_beantwoord",
    "naam": "Mark Jansen",
    "afdeling": "Belastingen",
    "organisatie": "Uitvoeringsinstituut Werknemersverzekeringen",
    "beweging": "empathie",
    "feit": "melding",
    "actie": "doorverbinden",
    "stilte": "8",
    "anders": "true",
    "zegt": '"Goedemorgen, met mevrouw Visser."',
    "zin": '"Ik zorg ervoor dat u wordt teruggebeld."',
    "herkennen": '["binnen twee werkdagen"]',
    "voorbeelden": '["ik stuur het naar de wijkagent"]',
    "beller": "(een blok met aanhef, voornaam en achternaam)",
    "afhandeling": "(een blok met ten minste `soort`)",
    "toestanden": "(een blok met de toestanden van de beller)",
}

INT_TYPES = {"int_type", "int_parsing", "int_from_float", "int_parsing_size"}
FLOAT_TYPES = {"float_type", "float_parsing", "finite_number"}
BOUND_TYPES = {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}
STRING_TYPES = {"string_type", "string_unicode", "string_sub_type"}
BOOL_TYPES = {"bool_type", "bool_parsing"}
LIST_TYPES = {"list_type", "iterable_type", "tuple_type", "set_type"}
BLOCK_TYPES = {"dict_type", "model_type", "model_attributes_type", "mapping_type"}
SIMPLE_TAGS = {"str", "int", "float", "bool", "none"}


def _is_union_tag(step: object) -> bool:
    """pydantic puts the tried type (`str`, `list[str]`, …) into the error path of a union."""
    if not isinstance(step, str):
        return False
    return step in SIMPLE_TAGS or bool(re.match(r"^(list|dict|literal|union|tuple|set)\[", step))


def _shape_fits(tag: str, value: Any) -> bool:
    if tag == "str" or tag.startswith("literal["):
        return isinstance(value, str)
    if tag == "bool":
        return isinstance(value, bool)
    if tag in ("int", "float"):
        return isinstance(value, int | float) and not isinstance(value, bool)
    if tag == "none":
        return value is None
    if tag.startswith(("list[", "tuple[", "set[")):
        return isinstance(value, list)
    if tag.startswith("dict["):
        return isinstance(value, dict)
    return True


@dataclass
class _Located:
    """A pydantic error resolved against the data: the real path, without union tags."""

    path: Path_
    value: Any
    key_error: bool
    fits: bool  # False when the error is about a union branch the value does not look like
    unions: list[tuple[Path_, str, Any, bool]]


def _has_child(node: Any, step: object) -> bool:
    if isinstance(node, dict):
        return isinstance(step, str) and step in node
    return isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)


def _locate(loc: tuple, data: Any) -> _Located:
    node, path, key_error, fits = data, [], False, True
    unions: list[tuple[Path_, str, Any, bool]] = []
    for step in loc:
        if step == "[key]":
            key_error = True
        elif _has_child(node, step):
            path.append(step)
            node = node[step]
        elif _is_union_tag(step):
            fits_here = _shape_fits(step, node)
            if fits:
                unions.append((tuple(path), step, node, fits_here))
            fits = fits and fits_here
        else:
            path.append(step)
            node = None
    return _Located(tuple(path), node, key_error, fits, unions)


def _field(path: Path_) -> Any:
    """The pydantic FieldInfo of the last key in `path`, or None (dict entries, list items)."""
    import types
    import typing

    from pydantic import BaseModel

    from simulator.scenario.model import Scenario

    current: Any = Scenario
    info = None
    for step in path:
        if typing.get_origin(current) in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(current) if a is not type(None)]
            wanted = (dict, BaseModel) if isinstance(step, str) else (list,)
            current = next(
                (
                    m
                    for m in members
                    if (isinstance(m, type) and issubclass(m, BaseModel) and BaseModel in wanted)
                    or typing.get_origin(m) in wanted
                ),
                members[0] if members else current,
            )
        if isinstance(current, type) and issubclass(current, BaseModel):
            if not isinstance(step, str) or step not in current.model_fields:
                return None
            info = current.model_fields[step]
            current = info.annotation
        elif typing.get_origin(current) is dict:
            current, info = typing.get_args(current)[1], None
        elif typing.get_origin(current) is list:
            current, info = typing.get_args(current)[0], None
        else:
            return None
    return info


def _allowed_keys(path: Path_) -> list[str]:
    """The keys a block at `path` may have."""
    import typing

    from pydantic import BaseModel

    if not path:
        from simulator.scenario.model import Scenario

        return list(Scenario.model_fields)
    info = _field(path)
    candidates = [info.annotation] if info is not None else []
    if info is None and path[-1] is not None:
        # A dict value or list item: the model is the container's item type.
        parent = _field(path[:-1])
        if parent is not None:
            candidates = list(typing.get_args(parent.annotation))
    while candidates:
        candidate = candidates.pop(0)
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return list(candidate.model_fields)
        candidates.extend(typing.get_args(candidate))
    return []


def _describe(path: Path_) -> str:
    """A place as a trainer knows it: `toestand `klacht``, `overgang 2 van toestand `klacht``."""
    if not path:
        return "het scenario"
    if path[0] != "toestanden" or len(path) < 2:
        return _local(path)
    state = f"toestand `{path[1]}`"
    rest = path[2:]
    if not rest:
        return state
    if rest[0] == "overgangen" and len(rest) >= 2 and isinstance(rest[1], int):
        where = f"overgang {rest[1] + 1} van {state}"
        return f"{_local(rest[2:])} in {where}" if rest[2:] else where
    if rest[0] == "zegt" and len(rest) >= 2:
        return f"{_local(rest[1:])} in `zegt` van {state}"
    return f"{_local(rest)} in {state}"


LIST_ITEM_NAMES = {"feiten": "feit", "bewegingen": "beweging", "extra_zinnen": "extra zin"}


def _local(path: Path_) -> str:
    """A place inside one block: `stemming` in `beller`, feit 2, onderdeel 3 van `monoloog`."""
    last = path[-1]
    parent = path[-2] if len(path) > 1 else None
    if isinstance(last, int):
        if parent in LIST_ITEM_NAMES:
            return f"{LIST_ITEM_NAMES[str(parent)]} {last + 1}"
        return f"onderdeel {last + 1} van `{parent}`"
    if parent is None:
        return f"`{last}`"
    if isinstance(parent, int):
        return f"`{last}` in {_local(path[:-1])}"
    return f"`{last}` in `{parent}`"


def _bounds(info: Any) -> tuple[float | None, float | None, str]:
    """Lowest and highest allowed number and the Dutch range text."""
    low = high = None
    low_open = high_open = False
    for item in getattr(info, "metadata", []):
        if getattr(item, "ge", None) is not None:
            low = item.ge
        if getattr(item, "gt", None) is not None:
            low, low_open = item.gt, True
        if getattr(item, "le", None) is not None:
            high = item.le
        if getattr(item, "lt", None) is not None:
            high, high_open = item.lt, True
    if low is not None and high is not None and not low_open and not high_open:
        return low, high, f" van {low} tot {high}"
    if low is not None:
        return low, high, f" {'groter dan' if low_open else 'vanaf'} {low}"
    if high is not None:
        return low, high, f" {'kleiner dan' if high_open else 'tot'} {high}"
    return None, None, ""


def _number_expectation(key: str, info: Any, whole: bool) -> str:
    low, high, range_text = _bounds(info)
    default = getattr(info, "default", None)
    if key in EXAMPLES:
        example = EXAMPLES[key]
    elif isinstance(default, int | float) and not isinstance(default, bool):
        example = str(default)
    elif low is not None and high is not None:
        example = str((low + high) // 2 if whole else (low + high) / 2)
    else:
        example = "1"
    kind = "een geheel getal" if whole else "een getal"
    return f"moet {kind}{range_text} zijn, bijvoorbeeld `{key}: {example}`"


def _is_whole(info: Any) -> bool:
    annotation = getattr(info, "annotation", None)
    return annotation is int


def _literal_values(ctx: dict | None) -> list[str]:
    return re.findall(r"'([^']*)'", (ctx or {}).get("expected", ""))


def _value_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "(leeg)"
    if isinstance(value, dict | list):
        return "een blok" if isinstance(value, dict) else "een lijst"
    return str(value)


VALUE_ERROR_HINTS: tuple[tuple[str, str], ...] = (
    (
        "precies één van: beweging",
        "Gebruik voor elke trigger een aparte overgang (`- beweging: "
        "...`, `- feit: ...`), elk met een eigen `naar`.",
    ),
    (
        "'zegt' of 'monoloog'",
        'Geef de beller hier `zegt: "..."` of een `monoloog:` met '
        "minstens twee delen, niet allebei.",
    ),
    ("minstens twee delen", "Gebruik `zegt:` voor één zin, of splits de monoloog in delen."),
    (
        "hoort een 'organisatie'",
        "Voeg aan `afhandeling` toe: `organisatie: Uitvoeringsinstituut "
        "Werknemersverzekeringen` (voluit geschreven).",
    ),
    (
        "hoort een 'collega'",
        "Voeg aan `afhandeling` een blok `collega:` toe met `naam`, `afdeling` en `bereikbaar`.",
    ),
    (
        "ongeldige naam voor een toestand",
        "Gebruik kleine letters en liggende streepjes, bijvoorbeeld `wil_oplossing`.",
    ),
)


def _message(error: dict, located: _Located, data: Any) -> tuple[str, str, Path_, bool]:
    """Dutch message, suggestion, the path to point at, and whether to point at the key."""
    kind = error["type"]
    path = located.path
    key = next((str(s) for s in reversed(path) if isinstance(s, str)), "")
    info = _field(path)
    subject = _describe(path)
    value = located.value

    if kind == "missing":
        parent = path[:-1]
        where = _describe(parent)
        example = EXAMPLES.get(key, "...")
        return (
            f"`{key}` ontbreekt in {where}.",
            f"Voeg toe: `{key}: {example}`."
            if not example.startswith("(")
            else f"Voeg `{key}:` toe {example}.",
            parent,
            True,
        )
    if kind == "extra_forbidden":
        allowed = _allowed_keys(path[:-1])
        hint = did_you_mean(key, allowed, list_all=False) or (
            "Mogelijk zijn: " + ", ".join(f"`{a}`" for a in allowed) + "."
        )
        return f"onbekende sleutel `{key}` in {_describe(path[:-1])}.", hint, path, True
    if located.key_error and kind == "literal_error":
        allowed = _literal_values(error.get("ctx"))
        return (
            f"onbekende sleutel `{key}` in {_describe(path[:-1])}.",
            did_you_mean(key, allowed),
            path,
            True,
        )
    if value is None and kind not in ("missing", "value_error", "assertion_error"):
        return (
            f"{subject} heeft geen waarde.",
            f"Vul na de dubbele punt een waarde in, bijvoorbeeld `{key}: "
            f"{_example(key, info, error)}`.",
            path,
            False,
        )
    if kind == "literal_error":
        allowed = _literal_values(error.get("ctx"))
        return (
            f"{subject} heeft de waarde `{_value_text(value)}`, maar die bestaat niet.",
            did_you_mean(_value_text(value), allowed),
            path,
            False,
        )
    if kind in INT_TYPES or kind in FLOAT_TYPES or kind in BOUND_TYPES:
        whole = kind in INT_TYPES or (kind in BOUND_TYPES and _is_whole(info))
        return f"{subject} {_number_expectation(key, info, whole)}.", "", path, False
    if kind in STRING_TYPES:
        hint = ""
        if isinstance(value, int | float | bool):
            hint = f'Zet de waarde tussen aanhalingstekens: `{key}: "{_value_text(value)}"`.'
        return f"{subject} moet een tekst zijn, geen {kind_of(value)}.", hint, path, False
    if kind in BOOL_TYPES:
        return (
            f"{subject} moet `true` (ja) of `false` (nee) zijn, bijvoorbeeld `{key}: true`.",
            "",
            path,
            False,
        )
    if kind in LIST_TYPES:
        return (
            f"{subject} moet een lijst zijn, geen {kind_of(value)}.",
            "Begin elk onderdeel op een nieuwe regel met `- `, of schrijf `[a, b]`.",
            path,
            False,
        )
    if kind in BLOCK_TYPES:
        return (
            f"{subject} moet een blok met sleutels zijn, geen {kind_of(value)}.",
            "Zet op de regels eronder, verder ingesprongen, `sleutel: waarde`.",
            path,
            False,
        )
    if kind == "string_pattern_mismatch":
        if key == "tijdstip":
            return (
                f"{subject} moet een tijd zijn in de vorm uu:mm.",
                'Bijvoorbeeld `tijdstip: "09:30"` (met aanhalingstekens).',
                path,
                False,
            )
        if key == "id":
            return (
                f"{subject} mag alleen kleine letters, cijfers en streepjes bevatten.",
                "Bijvoorbeeld `id: afval-boze-beller` (gelijk aan de bestandsnaam).",
                path,
                False,
            )
        return f"{subject} heeft niet de juiste vorm.", "", path, False
    if kind in ("too_short", "string_too_short"):
        minimum = (error.get("ctx") or {}).get("min_length", 1)
        unit = "teken" if kind == "string_too_short" else "onderdeel"
        many = "tekens" if kind == "string_too_short" else "onderdelen"
        return (
            f"{subject} moet minstens {minimum} {unit if minimum == 1 else many} hebben.",
            "",
            path,
            False,
        )
    if kind in ("value_error", "assertion_error"):
        text = str((error.get("ctx") or {}).get("error", "")) or "deze waarde klopt niet"
        hint = next((h for needle, h in VALUE_ERROR_HINTS if needle in text), "")
        where = f"{_describe(path)}: " if path else ""
        return f"{where}{text}.", hint, path, True
    return f"{subject} heeft een ongeldige waarde.", "", path, False


def _example(key: str, info: Any, error: dict) -> str:
    allowed = _literal_values(error.get("ctx"))
    if allowed:
        return allowed[0]
    if key in EXAMPLES and not EXAMPLES[key].startswith("("):
        return EXAMPLES[key]
    default = getattr(info, "default", None)
    if isinstance(default, bool):
        return "true" if default else "false"
    if isinstance(default, int | float | str) and default != "":
        return str(default)
    return "..."


def kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "ja/nee-waarde"
    if isinstance(value, int | float):
        return "getal"
    if isinstance(value, str):
        return "tekst"
    if isinstance(value, list):
        return "lijst"
    if isinstance(value, dict):
        return "blok"
    return "lege waarde"


UNION_SHAPES: dict[str, str] = {
    "zegt": "een tekst, een lijst van tekstvarianten, of een blok per stemming (`rustig`, "
    "`geirriteerd`, `boos`)",
    "beweging": "een beweging, bijvoorbeeld `beweging: empathie`, of een lijst zoals "
    "`beweging: [bedanken, goede_wens]`",
}


def _shape_problem(path_name: str, at: Path_, tags: list[str], value: Any) -> tuple[str, str]:
    key = next((str(s) for s in reversed(at) if isinstance(s, str)), "")
    if key in UNION_SHAPES and not (len(at) >= 4 and at[-2] == "zegt"):
        expected = UNION_SHAPES[key]
    else:
        names = {
            "str": "een tekst",
            "int": "een geheel getal",
            "float": "een getal",
            "bool": "`true` of `false`",
        }
        expected = " of ".join(
            names.get(t, "een lijst" if t.startswith("list[") else "een blok") for t in tags
        )
    return f"{_describe(at)} moet {expected} zijn, geen {kind_of(value)}.", ""


def translate_errors(path: str, data: Any, source: SourceMap, errors: list[dict]) -> list[Problem]:
    """Every pydantic error as a Dutch problem at the nearest line, one per real mistake."""
    problems: list[Problem] = []
    union_fits: dict[Path_, bool] = {}
    union_tags: dict[Path_, list[str]] = {}
    union_values: dict[Path_, Any] = {}
    for error in errors:
        located = _locate(tuple(error["loc"]), data)
        for at, tag, value, fits in located.unions:
            union_fits[at] = union_fits.get(at, False) or fits
            union_tags.setdefault(at, []).append(tag)
            union_values[at] = value
        if not located.fits:
            continue
        message, suggestion, at, on_key = _message(error, located, data)
        position = source.key(at) if on_key else source.value(at)
        problems.append(Problem(path, position.line, position.column, message, suggestion))
    for at, fits in union_fits.items():
        if fits:
            continue
        message, suggestion = _shape_problem(path, at, union_tags[at], union_values[at])
        position = source.value(at)
        problems.append(Problem(path, position.line, position.column, message, suggestion))
    return list(dict.fromkeys(problems))
