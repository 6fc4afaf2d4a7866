"""Read scenario YAML safely, keep the line of every key and value, and report Dutch problems.

Reading goes on after a problem (like Ren'Py) so a trainer sees every mistake at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from simulator.scenario.errors import (
    WARNING,
    Problem,
    ScenarioError,
    did_you_mean,
    kind_of,
    translate_errors,
)
from simulator.scenario.model import (
    Afhandeling,
    EigenBeweging,
    Feit,
    Overgang,
    Reacties,
    Rubriek,
    Scenario,
    Toestand,
)

SUFFIXES = (".yaml", ".yml")
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


class SafeLineLoader(yaml.SafeLoader):
    """PyYAML's safe loader; we compose its node tree ourselves and never build objects."""


@dataclass(frozen=True)
class Position:
    line: int  # from 1
    column: int  # from 1


Path_ = tuple[str | int, ...]


class SourceMap:
    """Where each key and value of a YAML document starts, by path (`("beller", "stemming")`)."""

    def __init__(self, lines: list[str] | None = None) -> None:
        self.keys: dict[Path_, Position] = {}
        self.values: dict[Path_, Position] = {}
        self.lines = lines or []

    def has(self, path: Path_) -> bool:
        return tuple(path) in self.values

    def key(self, path: Path_) -> Position:
        """Position of the key at `path`, or of the nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), Position(1, 1))

    def value(self, path: Path_) -> Position:
        """Position of the value at `path`, or of the nearest ancestor's key."""
        path = tuple(path)
        if path in self.values:
            return self.values[path]
        return self.key(path)

    def source(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""


def _position(mark: yaml.Mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


# --- reading YAML ------------------------------------------------------------------------------

# PyYAML's English problem texts, in Dutch with a next step.
YAML_MESSAGES: tuple[tuple[str, str, str], ...] = (
    (
        "cannot start any token",
        "hier staat een teken waarmee een waarde niet mag beginnen.",
        "Zet de tekst tussen aanhalingstekens.",
    ),
    (
        "mapping values are not allowed here",
        "hier staat een dubbele punt die YAML niet verwacht.",
        "Zet een tekst met een dubbele punt tussen aanhalingstekens, of controleer de "
        "inspringing van deze regel.",
    ),
    (
        "could not find expected ':'",
        "hier ontbreekt de dubbele punt na een sleutel.",
        "Schrijf `sleutel: waarde`, of zet een lange tekst tussen aanhalingstekens.",
    ),
    (
        "did not find expected key",
        "de inspringing klopt niet: hier verwacht YAML een sleutel op dezelfde hoogte als de "
        "sleutels erboven.",
        "Laat deze regel evenver inspringen als de andere sleutels van hetzelfde blok.",
    ),
    (
        "did not find expected '-' indicator",
        "de inspringing van deze lijst klopt niet.",
        "Laat elk onderdeel van de lijst beginnen met `- ` op dezelfde hoogte.",
    ),
    (
        "expected <block end>",
        "de inspringing klopt niet: deze regel springt anders in dan YAML verwacht.",
        "Vergelijk de inspringing met de regels erboven (gebruik spaties, geen tabs).",
    ),
    (
        "found unexpected end of stream",
        "een tekst tussen aanhalingstekens wordt niet afgesloten.",
        "Sluit de tekst af met hetzelfde aanhalingsteken als waarmee hij begint.",
    ),
    (
        "found unknown escape character",
        "na een `\\` in een tekst tussen dubbele aanhalingstekens staat een onbekende code.",
        "Gebruik enkele aanhalingstekens, of schrijf `\\\\`.",
    ),
    (
        "found undefined alias",
        "deze verwijzing (`*naam`) wijst naar een anker (`&naam`) dat niet bestaat.",
        "Controleer de naam van het anker.",
    ),
    (
        "expected a single document",
        "het bestand bevat meer dan één document (gescheiden door `---`).",
        "Zet elk scenario in een eigen bestand.",
    ),
    (
        "expected ',' or ']'",
        "een lijst tussen `[` en `]` wordt niet goed afgesloten.",
        "Controleer de komma's en de sluitende `]`, of zet teksten tussen aanhalingstekens.",
    ),
    (
        "expected ',' or '}'",
        "een blok tussen `{` en `}` wordt niet goed afgesloten.",
        "Controleer de komma's en de sluitende `}`.",
    ),
    (
        "unacceptable character",
        "het bestand bevat een teken dat in YAML niet mag.",
        "Verwijder het teken of typ de tekst opnieuw.",
    ),
)


def _yaml_problem(path: str, error: yaml.YAMLError) -> Problem:
    """A PyYAML error as a Dutch problem at the parser's position."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    english = f"{getattr(error, 'problem', '') or ''} {getattr(error, 'context', '') or ''}"
    if not english.strip():
        english = str(error)
    for needle, message, suggestion in YAML_MESSAGES:
        if needle in english:
            return Problem(path, line, column, f"YAML-fout: {message}", suggestion)
    return Problem(
        path,
        line,
        column,
        "YAML-fout: de opmaak klopt hier niet.",
        "Controleer de inspringing, dubbele punten en aanhalingstekens op deze regel en de regel "
        "erboven.",
    )


_QUOTED_VALUE = re.compile(r'^\s*(?:-\s+|[^\s#"][^:#]*:\s+)(".*)$')


def _unclosed_quote(path: str, lines: list[str], before: int) -> Problem | None:
    """PyYAML reports an unclosed quote where the next quote happens to be; find the real line."""
    for number, line in enumerate(lines[:before], start=1):
        match = _QUOTED_VALUE.match(line)
        if match and len(re.findall(r'(?<!\\)"', match.group(1))) % 2 == 1:
            return Problem(
                path,
                number,
                len(line.rstrip()) + 1,
                "YAML-fout: de tekst tussen aanhalingstekens op deze regel wordt niet afgesloten.",
                'Zet aan het eind van de tekst een `"`.',
            )
    return None


def _tab_problems(path: str, lines: list[str]) -> list[Problem]:
    problems = []
    for number, line in enumerate(lines, start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(
                Problem(
                    path,
                    number,
                    indent.index("\t") + 1,
                    "deze regel springt in met een tab; YAML staat alleen spaties toe.",
                    "Vervang de tab door spaties (bijvoorbeeld twee per niveau).",
                )
            )
    return problems


def _without_tabs(text: str) -> str:
    """Indentation tabs as two spaces, so reading can go on after reporting them."""
    return re.sub(r"^[ \t]+", lambda m: m.group(0).replace("\t", "  "), text, flags=re.MULTILINE)


class _Builder:
    """Turns a composed node tree into plain data, noting positions and duplicate keys."""

    def __init__(self, path: str, loader: yaml.SafeLoader, source: SourceMap) -> None:
        self.path = path
        self.loader = loader
        self.source = source
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, at: Path_, depth: int = 0) -> Any:
        if depth > 50:  # a recursive alias (`&a [*a]`); no scenario nests this deep
            self._problem(node, "deze waarde verwijst naar zichzelf.", "Verwijder de verwijzing.")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, at, depth)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.source.values[(*at, index)] = _position(item.start_mark)
                items.append(self.build(item, (*at, index), depth + 1))
            return items
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, at: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(
                    key_node,
                    "een sleutel moet een enkel woord zijn, geen lijst of blok.",
                    "Schrijf `sleutel: waarde`.",
                )
                continue
            # Keys stay text as written: `ja:` or `1:` must not turn into True or 1.
            key = key_node.value
            position = _position(key_node.start_mark)
            if key in first_line:
                self.problems.append(
                    Problem(
                        self.path,
                        position.line,
                        position.column,
                        f"de sleutel `{key}` staat twee keer in hetzelfde blok (eerder op regel "
                        f"{first_line[key]}); YAML gebruikt dan alleen de laatste.",
                        "Verwijder of hernoem een van beide.",
                    )
                )
            else:
                first_line[key] = position.line
            self.source.keys[(*at, key)] = position
            self.source.values[(*at, key)] = _position(value_node.start_mark)
            result[key] = self.build(value_node, (*at, key), depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        # YAML 1.1 reads `14:10` as the number 850 and `2024-01-31` as a date; trainers mean text.
        if node.tag == TIMESTAMP_TAG or (node.tag in NUMBER_TAGS and ":" in node.value):
            return node.value
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError:
            self._problem(
                node,
                f"onbekende YAML-tag `{node.tag}`; scenario's gebruiken alleen gewone waarden.",
                "Verwijder de tag (het deel dat met `!` begint).",
            )
            return node.value

    def _problem(self, node: yaml.Node, message: str, suggestion: str) -> None:
        position = _position(node.start_mark)
        self.problems.append(
            Problem(self.path, position.line, position.column, message, suggestion)
        )


def read_yaml(path: str, text: str) -> tuple[Any, SourceMap, list[Problem]]:
    """The document as plain data (None if unreadable), where everything is, and the problems."""
    lines = text.splitlines()
    source = SourceMap(lines)
    problems = _tab_problems(path, lines)
    if problems:
        text = _without_tabs(text)
    loader = SafeLineLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as error:
        problem = _yaml_problem(path, error)
        unclosed = _unclosed_quote(path, lines, problem.line)
        return None, source, [*problems, unclosed or problem]
    finally:
        loader.dispose()
    if root is None:
        return None, source, problems
    source.values[()] = _position(root.start_mark)
    builder = _Builder(path, loader, source)
    data = builder.build(root, ())
    return data, source, problems + builder.problems


# --- loading ----------------------------------------------------------------------------------


def default_folder() -> Path:
    """The repository's `scenarios/` folder, next to the `simulator` package."""
    import simulator

    return Path(simulator.__file__).resolve().parent.parent / "scenarios"


def _display(path: Path) -> str:
    """A short path for messages: relative to the working folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def check_file(path: str | Path) -> tuple[Scenario | None, list[Problem]]:
    """The scenario (None when it has errors) and every problem found, warnings included."""
    from simulator.scenario.lint import lint

    file = Path(path)
    name = _display(file)
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return None, [
            Problem(name, 0, 0, "dit bestand bestaat niet.", "Controleer de naam en de map.")
        ]
    except IsADirectoryError:
        return None, [
            Problem(
                name,
                0,
                0,
                "dit is een map, geen scenariobestand.",
                "Gebruik `load_scenarios` of geef een .yaml-bestand.",
            )
        ]
    except UnicodeDecodeError as error:
        line = file.read_bytes()[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                name,
                line,
                1,
                "het bestand is niet opgeslagen als UTF-8.",
                "Sla het op met codering UTF-8 (in Kladblok: Opslaan als > Codering).",
            )
        ]
    except OSError as error:
        return None, [
            Problem(
                name,
                0,
                0,
                f"het bestand kan niet worden gelezen ({error.strerror}).",
                "Controleer of u het bestand mag openen.",
            )
        ]

    data, source, problems = read_yaml(name, text)
    scenario = None
    if data is None and not problems:
        problems.append(
            Problem(
                name,
                1,
                1,
                "het bestand is leeg.",
                "Begin met `id:`, `titel:` en de andere sleutels uit de handleiding.",
            )
        )
    elif data is not None and not isinstance(data, dict):
        position = source.value(())
        problems.append(
            Problem(
                name,
                position.line,
                position.column,
                "het bestand moet een blok met sleutels zijn (`id:`, `titel:`, …), "
                f"geen {kind_of(data)}.",
                "Zie het voorbeeld in de handleiding.",
            )
        )
    elif data is not None:
        try:
            scenario = Scenario.model_validate(data)
        except ValidationError as error:
            problems.extend(translate_errors(name, data, source, error.errors()))
            problems.extend(_partial_lint(data, source, name, problems))
    if scenario is not None:
        problems.extend(lint(scenario, source, name))
        if scenario.id != file.stem and file.suffix in SUFFIXES:
            position = source.value(("id",))
            problems.append(
                Problem(
                    name,
                    position.line,
                    position.column,
                    f"het id `{scenario.id}` verschilt van de bestandsnaam "
                    f"`{file.name}`; `kcc-sim oefen {file.stem}` vindt het dan niet.",
                    f"Noem het bestand `{scenario.id}.yaml` of pas het id aan.",
                    WARNING,
                )
            )
    problems = sorted(
        (replace(p, source=source.source(p.line)) for p in problems),
        key=lambda p: (p.line, p.column),
    )
    if any(p.is_error for p in problems):
        scenario = None
    return scenario, problems


def _valid(model: type[BaseModel], raw: Any) -> Any:
    try:
        return model.model_validate(raw)
    except ValidationError:
        return None


def _patched(data: dict[str, Any]) -> Scenario:
    """A scenario made of the parts of `data` that are valid, for the name checks of `lint`.

    Broken parts are left out or reduced to their name, so a wrong `naar` or move is still
    reported in the same run as, say, a wrong `moeilijkheid`.
    """

    def named(model: type[BaseModel], items: Any) -> list[Any]:
        result = []
        for raw in items if isinstance(items, list) else []:
            item = _valid(model, raw)
            if item is None and isinstance(raw, dict) and isinstance(raw.get("id"), str):
                item = model.model_construct(id=raw["id"])
            if item is not None:
                result.append(item)
        return result

    states: dict[str, Toestand] = {}
    raw_states = data.get("toestanden")
    for state_name, raw in (raw_states if isinstance(raw_states, dict) else {}).items():
        state = _valid(Toestand, raw)
        if state is None and isinstance(raw, dict):
            transitions = []
            for raw_transition in raw.get("overgangen") or []:
                transition = _valid(Overgang, raw_transition)
                target = raw_transition.get("naar") if isinstance(raw_transition, dict) else None
                if transition is None and isinstance(target, str):
                    transition = Overgang.model_construct(naar=target, anders=True)
                if transition is not None:
                    transitions.append(transition)
            state = Toestand.model_construct(fase="analyse", overgangen=transitions)
        if state is not None:
            states[str(state_name)] = state
    start = data.get("start")
    return Scenario.model_construct(
        # A `start` of the wrong type is already reported; then any state will do.
        start=start if isinstance(start, str) else next(iter(states), ""),
        toestanden=states,
        feiten=named(Feit, data.get("feiten")),
        bewegingen=named(EigenBeweging, data.get("bewegingen")),
        rubriek=_valid(Rubriek, data.get("rubriek", {})) or Rubriek(),
        reacties=_valid(Reacties, data.get("reacties", {})) or Reacties(),
        afhandeling=Afhandeling.model_construct(soort="direct_beantwoord"),
        id=str(data.get("id", "")),
    )


def _partial_lint(
    data: dict[str, Any], source: SourceMap, name: str, found: list[Problem]
) -> list[Problem]:
    """Name checks on the valid parts of a file with errors, without repeating a problem."""
    from simulator.scenario.lint import lint

    taken = {(p.line, p.column) for p in found}
    problems = lint(_patched(data), source, name, partial=True)
    return [p for p in problems if (p.line, p.column) not in taken]


def load_scenario(path: str | Path) -> Scenario:
    """The validated scenario; raises ScenarioError with every problem when it has errors."""
    scenario, problems = check_file(path)
    if scenario is None:
        raise ScenarioError(problems)
    return scenario


def scenario_files(folder: str | Path) -> list[Path]:
    folder = Path(folder)
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())


def load_scenarios(folder: str | Path | None = None) -> list[Scenario]:
    """Every scenario in the folder, sorted by file name; ScenarioError lists all problems."""
    folder = Path(folder) if folder is not None else default_folder()
    if not folder.is_dir():
        raise ScenarioError(
            [
                Problem(
                    _display(folder),
                    0,
                    0,
                    "deze map bestaat niet.",
                    "Geef de map met scenario's (.yaml-bestanden).",
                )
            ]
        )
    loaded: list[tuple[Path, Scenario]] = []
    problems: list[Problem] = []
    for file in scenario_files(folder):
        scenario, found = check_file(file)
        problems.extend(p for p in found if p.is_error)
        if scenario is not None:
            loaded.append((file, scenario))
    problems.extend(duplicate_id_problems(loaded))
    if problems:
        raise ScenarioError(problems)
    return [scenario for _, scenario in loaded]


def duplicate_id_problems(loaded: list[tuple[Path, Scenario]]) -> list[Problem]:
    """Two files with the same id: `kcc-sim oefen` could only ever find one of them."""
    seen: dict[str, Path] = {}
    problems = []
    for file, scenario in loaded:
        if scenario.id in seen:
            problems.append(
                Problem(
                    _display(file),
                    0,
                    0,
                    f"het id `{scenario.id}` komt ook voor in {_display(seen[scenario.id])}.",
                    "Geef elk scenario een eigen id.",
                )
            )
        seen.setdefault(scenario.id, file)
    return problems


def find_scenario(name_or_path: str | Path, folder: str | Path | None = None) -> Path:
    """A scenario file by id (`afval-boze-beller`) or by path; ScenarioError when not found."""
    candidate = Path(name_or_path)
    if candidate.is_file():
        return candidate
    folder = Path(folder) if folder is not None else default_folder()
    name = str(name_or_path)
    if candidate.suffix not in SUFFIXES and "/" not in name and "\\" not in name:
        for suffix in SUFFIXES:
            if (folder / f"{name}{suffix}").is_file():
                return folder / f"{name}{suffix}"
    known = [p.stem for p in scenario_files(folder)] if folder.is_dir() else []
    hint = (
        did_you_mean(candidate.stem, known)
        if known
        else (f"Er staan geen scenario's in {_display(folder)}.")
    )
    raise ScenarioError([Problem(name, 0, 0, "scenario niet gevonden.", hint)])
