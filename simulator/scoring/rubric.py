"""The KCC rubric as data: `rubric.yaml` loaded into typed, validated rules (like Vale's rules).

Unknown keys are an error, a bad rule type lists the allowed ones, and every message names the
file and line. A scenario adjusts the rubric: rules off, other weights, extra required phrases.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

from simulator.scenario.model import Scenario
from simulator.scoring.rules import RULE_TYPES
from simulator.scoring.rules.base import Params

RubricPhase = Literal["algemeen", "aanvang", "analyse", "actie", "afsluiting"]
# Weight of a required phrase a scenario adds (`rubriek.extra_zinnen`).
EXTRA_WEIGHT = 2.0


class RubricError(Exception):
    """The rubric file cannot be used; the message is Dutch and names file and line."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleSpec(_Model):
    id: str = Field(pattern=r"^[a-z_]+\.[a-z0-9_.]+$")
    fase: RubricPhase
    gewicht: float = Field(gt=0)
    titel: str = Field(min_length=1)
    beschrijving: str = Field(min_length=1)
    # The municipality's own words for this rule, verbatim from the werkafspraken.
    werkafspraak: str = ""
    modelzin: str = ""
    tip: str = Field(min_length=1)
    type: str
    parameters: dict[str, Any] = Field(default_factory=dict)
    _params: Params | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _check_type(self) -> RuleSpec:
        rule_type = RULE_TYPES.get(self.type)
        if rule_type is None:
            allowed = ", ".join(sorted(RULE_TYPES))
            raise ValueError(f"onbekend regeltype '{self.type}'; kies uit: {allowed}")
        try:
            self._params = rule_type.params.model_validate(self.parameters)
        except ValidationError as exc:
            problems = "; ".join(_param_problem(e) for e in exc.errors())
            raise ValueError(f"parameters van type '{self.type}': {problems}") from None
        return self

    @property
    def params(self) -> Params:
        if self._params is None:  # pragma: no cover - the validator always sets it
            raise RuntimeError(f"rule {self.id} was not validated")
        return self._params

    def reweighted(self, weight: float) -> RuleSpec:
        return RuleSpec.model_validate({**self.model_dump(), "gewicht": weight})


class Rubric(_Model):
    regels: list[RuleSpec] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Rubric:
        seen: set[str] = set()
        for rule in self.regels:
            if rule.id in seen:
                raise ValueError(f"de regel '{rule.id}' staat er twee keer in")
            seen.add(rule.id)
        return self

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.regels)

    def rule(self, rule_id: str) -> RuleSpec:
        return next(r for r in self.regels if r.id == rule_id)

    def __iter__(self) -> Iterator[RuleSpec]:  # type: ignore[override]
        return iter(self.regels)

    def for_scenario(self, scenario: Scenario) -> tuple[list[RuleSpec], set[str]]:
        """The rules for one scenario (weights changed, extra phrases added) and the ids it
        switches off."""
        weights = scenario.rubriek.gewichten
        rules = [r.reweighted(weights[r.id]) if r.id in weights else r for r in self.regels]
        counters: dict[str, int] = {}
        for extra in scenario.rubriek.extra_zinnen:
            counters[extra.fase] = counters.get(extra.fase, 0) + 1
            rule_id = f"extra.{extra.fase}.{counters[extra.fase]}"
            rules.append(
                RuleSpec(
                    id=rule_id,
                    fase=extra.fase,
                    gewicht=weights.get(rule_id, EXTRA_WEIGHT),
                    titel=f"Zin: “{extra.zin}”",
                    beschrijving=extra.beschrijving or "Een vaste zin voor dit scenario.",
                    modelzin=extra.zin,
                    tip=f"Zeg in de fase {extra.fase}: “{extra.zin}”.",
                    type="zin",
                    parameters={"zin": extra.zin, "fase": extra.fase},
                )
            )
        return rules, set(scenario.rubriek.uit)


def _param_problem(error: dict) -> str:
    where = ".".join(str(p) for p in error["loc"]) or "parameters"
    if error["type"] == "extra_forbidden":
        return f"'{where}' is geen bekende parameter"
    if error["type"] == "missing":
        return f"'{where}' ontbreekt"
    return f"'{where}': {error['msg']}"


def default_rubric_path() -> Path:
    return Path(str(files("simulator.scoring").joinpath("rubric.yaml")))


@lru_cache(maxsize=4)
def _load_cached(path: str, mtime: float) -> Rubric:
    return parse_rubric(Path(path).read_text(encoding="utf-8"), path)


def load_rubric(path: str | Path | None = None) -> Rubric:
    """The rubric from `path` (default: the packaged rubric.yaml); raises RubricError."""
    path = Path(path) if path else default_rubric_path()
    try:
        return _load_cached(str(path), path.stat().st_mtime)
    except OSError as exc:
        raise RubricError(f"{path}: de rubriek kan niet worden gelezen ({exc.strerror}).") from exc


def parse_rubric(text: str, path: str = "rubric.yaml") -> Rubric:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else path
        raise RubricError(f"{where}: dit is geen geldige YAML.") from exc
    try:
        return Rubric.model_validate(data)
    except ValidationError as exc:
        lines = [_problem(path, node, error) for error in exc.errors()]
        raise RubricError("\n".join(lines)) from None


def _problem(path: str, root: yaml.Node | None, error: dict) -> str:
    loc = list(error["loc"])
    message = str(error.get("msg", ""))
    # A rule-level check names its key, so the line points at `type:` or `parameters:`.
    key_of_check = (
        "type" if "regeltype" in message else "parameters" if "parameters" in message else None
    )
    line = _line_of(root, loc + [key_of_check] if key_of_check else loc)
    where = f"{path}:{line}" if line else path
    key = ".".join(str(p + 1) if isinstance(p, int) else str(p) for p in loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        text = f"'{key}' is geen bekende sleutel"
    elif kind == "missing":
        text = f"'{key}' ontbreekt"
    elif kind == "literal_error":
        text = f"'{key}' moet een van deze zijn: {error['ctx']['expected']}"
    elif kind == "value_error":
        text = f"{key}: {str(error['msg']).removeprefix('Value error, ')}"
    else:
        text = f"'{key}' heeft een ongeldige waarde ({error.get('input')!r})"
    return f"{where}: fout: {text}"


def _line_of(node: yaml.Node | None, loc: list) -> int:
    """The line (from 1) of the deepest node on the error path that exists in the file."""
    line = node.start_mark.line + 1 if node is not None else 0
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
            key = next((k for k, v in node.value if k.value == part), None)
            if child is None:
                break
            line = key.start_mark.line + 1 if key is not None else line
            node = child
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line
