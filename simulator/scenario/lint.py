"""Checks on a scenario that passed the model: the state graph, ids, rubric rules, placeholders."""

from __future__ import annotations

import string
from collections import deque
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from simulator.scenario.errors import ERROR, WARNING, Level, Problem, did_you_mean
from simulator.scenario.model import PHASES, Scenario

if TYPE_CHECKING:
    from simulator.scenario.loader import SourceMap

# Used while `simulator.language.moves` cannot be imported (it is written alongside this module).
FALLBACK_MOVE_IDS: tuple[str, ...] = (
    "begroeting",
    "stelt_zich_voor",
    "vraagt_naam",
    "open_vraag",
    "gesloten_vraag",
    "samenvatting",
    "controlevraag",
    "empathie",
    "excuses",
    "onderbreking",
    "terug_naar_vraag",
    "voorstel",
    "vraagt_gegevens",
    "aankondiging",
    "uitzoeken",
    "doorverbinden",
    "terugbellen",
    "email_aanbod",
    "verwijzen",
    "akkoord_check",
    "proefafsluiting",
    "bedanken",
    "goede_wens",
    "luistersignaal",
)

# The rule ids of ../shared/domain/rubric.md; used while the rubric data cannot be read.
FALLBACK_RULE_IDS: tuple[str, ...] = (
    "algemeen.opnemen",
    "algemeen.empathie",
    "algemeen.professioneel",
    "algemeen.stemgebruik",
    "algemeen.taalgebruik",
    "algemeen.naam_beller",
    "algemeen.registratie",
    "aanvang.openingszin",
    "aanvang.naam_bekend",
    "analyse.lsd",
    "analyse.samenvatten",
    "analyse.klantgegevens",
    "analyse.regie",
    "actie.informatie",
    "actie.controle",
    "actie.onbekende_vraag",
    "actie.doorverbinden",
    "actie.verwijzen",
    "actie.terugbelafspraak",
    "actie.email",
    "afsluiting.proefafsluiting",
    "afsluiting.naam",
    "afsluiting.persoonlijke_noot",
)

# The values the engine fills into caller lines.
PLACEHOLDERS: tuple[str, ...] = (
    "aanhef",
    "voornaam",
    "achternaam",
    "gemeente",
    "medewerker",
    "collega",
    "afdeling",
    "organisatie",
    "veld",
    "waarde",
)

EMPATHY_RULE = "algemeen.empathie"


@cache
def builtin_move_ids() -> tuple[str, ...]:
    try:
        from simulator.language.moves import MOVE_IDS
    except Exception:  # noqa: BLE001 - a half-written language module must not break validation
        return FALLBACK_MOVE_IDS
    return tuple(MOVE_IDS)


@cache
def rule_ids() -> tuple[str, ...]:
    """Rule ids from the packaged rubric when it can be read, else the ids of rubric.md."""
    try:
        from importlib.resources import files

        import yaml

        data = yaml.safe_load(files("simulator.scoring").joinpath("rubric.yaml").read_text("utf-8"))
    except Exception:  # noqa: BLE001 - no rubric yet, or one being edited: use the known ids
        return FALLBACK_RULE_IDS
    found = _ids_in(data)
    return tuple(found) if found else FALLBACK_RULE_IDS


def _ids_in(data: Any) -> list[str]:
    """Rule ids in a rubric: a list of rules with `id`, or such a list under one key."""
    if isinstance(data, dict):
        if all(isinstance(k, str) and "." in k for k in data):
            return list(data)
        lists = [v for v in data.values() if isinstance(v, list)]
        data = lists[0] if len(lists) == 1 else []
    if isinstance(data, list):
        return [r["id"] for r in data if isinstance(r, dict) and isinstance(r.get("id"), str)]
    return []


class _Linter:
    def __init__(self, scenario: Scenario, nodes: SourceMap | None, path: str) -> None:
        self.scenario = scenario
        self.nodes = nodes
        self.path = path
        self.problems: list[Problem] = []

    def add(
        self,
        at: tuple[str | int, ...],
        message: str,
        suggestion: str = "",
        level: Level = ERROR,
        on_key: bool = False,
    ) -> None:
        line = column = 0
        if self.nodes is not None:
            position = self.nodes.key(at) if on_key else self.nodes.value(at)
            line, column = position.line, position.column
        self.problems.append(Problem(self.path, line, column, message, suggestion, level))


def lint(
    scenario: Scenario, nodes: SourceMap | None = None, path: str = "", partial: bool = False
) -> list[Problem]:
    """Every graph, id and text problem of a validated scenario (errors and warnings).

    `partial`: the scenario was patched together from a file with errors; only the local checks
    run (names that do not exist), so the trainer sees them now and not after the next fix.
    """
    linter = _Linter(scenario, nodes, path or scenario.id)
    targets_ok = _check_targets(linter)
    _check_ids(linter)
    _check_rubric(linter)
    _check_placeholders(linter)
    _check_speakable(linter)
    if partial:
        return [p for p in linter.problems if p.is_error]
    _check_graph(linter, targets_ok)
    _check_empathy(linter)
    return linter.problems


def _transitions(scenario: Scenario) -> Iterator[tuple[str, int, Any]]:
    for name, state in scenario.toestanden.items():
        for index, transition in enumerate(state.overgangen):
            yield name, index, transition


def _reachable(scenario: Scenario) -> set[str]:
    seen = {scenario.start}
    queue = deque([scenario.start])
    while queue:
        state = scenario.toestanden.get(queue.popleft())
        for transition in state.overgangen if state else ():
            if transition.naar in scenario.toestanden and transition.naar not in seen:
                seen.add(transition.naar)
                queue.append(transition.naar)
    return seen


def _state_list(names: list[str], near: str) -> str:
    return did_you_mean(near, names, list_all=False) or (
        "Bestaande toestanden: " + ", ".join(f"`{n}`" for n in names) + "."
    )


def _check_targets(linter: _Linter) -> bool:
    """`start` and every `naar` name an existing state; False when one does not."""
    scenario = linter.scenario
    names = list(scenario.toestanden)
    start_ok = scenario.start in scenario.toestanden
    if not start_ok:
        linter.add(
            ("start",),
            f"`start` noemt de toestand `{scenario.start}`, maar die bestaat niet.",
            _state_list(names, scenario.start),
        )
    dangling = False
    for name, index, transition in _transitions(scenario):
        if transition.naar not in scenario.toestanden:
            dangling = True
            linter.add(
                ("toestanden", name, "overgangen", index, "naar"),
                f"overgang {index + 1} van toestand `{name}` gaat naar `{transition.naar}`, "
                "maar die toestand bestaat niet.",
                _state_list(names, transition.naar),
            )
    return start_ok and not dangling


def _check_graph(linter: _Linter, targets_ok: bool) -> None:
    scenario = linter.scenario
    names = list(scenario.toestanden)
    _check_triggers(linter)
    for name, state in scenario.toestanden.items():
        if not state.overgangen and not state.einde:
            linter.add(
                ("toestanden", name),
                f"in toestand `{name}` blijft de beller steken: er zijn geen overgangen en "
                "geen `einde: true`.",
                "Voeg overgangen toe, of zet `einde: true` als het gesprek hier eindigt.",
                WARNING,
                on_key=True,
            )
        if state.einde and state.overgangen:
            linter.add(
                ("toestanden", name, "overgangen"),
                f"toestand `{name}` heeft `einde: true`; de overgangen worden nooit gebruikt.",
                "Verwijder de overgangen of `einde: true`.",
                WARNING,
                on_key=True,
            )
    used = {state.fase for state in scenario.toestanden.values()}
    if _ends_by_transfer(scenario):
        used.add("afsluiting")  # the colleague takes over; the trainee does not close the call
    for phase in PHASES:
        if phase not in used:
            linter.add(
                ("toestanden",),
                f"geen enkele toestand is in fase `{phase}`; die fase wordt dan niet geoefend.",
                f"Voeg een toestand met `fase: {phase}` toe als dat de bedoeling is.",
                WARNING,
                on_key=True,
            )
    if not targets_ok:
        return  # the graph checks below would only repeat these errors in other words
    reachable = _reachable(scenario)
    for name in names:
        if name not in reachable:
            linter.add(
                ("toestanden", name),
                f"toestand `{name}` is onbereikbaar: vanaf `start` leidt geen overgang ernaartoe.",
                f"Voeg ergens een overgang `naar: {name}` toe, of verwijder de toestand.",
                WARNING,
                on_key=True,
            )
    endings = [
        n
        for n in reachable
        if scenario.toestanden[n].einde or scenario.toestanden[n].fase == "afsluiting"
    ]
    if not endings and not _ends_by_transfer(scenario):
        linter.add(
            ("toestanden",),
            "het gesprek kan nooit eindigen: vanaf `start` is geen toestand bereikbaar met "
            "`einde: true` of in fase `afsluiting`.",
            "Geef de laatste toestand `fase: afsluiting` en `einde: true`, en zorg dat er een "
            "overgang naartoe leidt.",
            on_key=True,
        )


def _ends_by_transfer(scenario: Scenario) -> bool:
    """A warm transfer to a reachable colleague ends the trainee's part of the call."""
    afhandeling = scenario.afhandeling
    reachable = afhandeling.collega is None or afhandeling.collega.bereikbaar
    return afhandeling.soort == "doorverbinden" and reachable


def _check_triggers(linter: _Linter) -> None:
    """The engine takes the first matching transition (a move list means: any of these moves),
    so a transition whose trigger is already covered above it never fires."""
    for name, state in linter.scenario.toestanden.items():
        first: dict[tuple[str, Any], int] = {}
        for index, transition in enumerate(state.overgangen):
            if transition.beweging is not None:
                keys = [("beweging", move) for move in transition.moves]
            elif transition.feit is not None:
                keys = [("feit", transition.feit)]
            elif transition.actie is not None:
                keys = [("actie", transition.actie)]
            elif transition.stilte is not None:
                keys = [("stilte", transition.stilte)]
            else:
                keys = [("anders", True)]
            if keys and all(key in first for key in keys):
                earlier = first[keys[0]]
                linter.add(
                    ("toestanden", name, "overgangen", index),
                    f"overgang {index + 1} van toestand `{name}` wordt nooit gebruikt: overgang "
                    f"{earlier + 1} heeft dezelfde trigger (`{keys[0][0]}`).",
                    "Verwijder een van beide, of geef ze een andere trigger.",
                    WARNING,
                )
            for key in keys:
                first.setdefault(key, index)


def _check_ids(linter: _Linter) -> None:
    scenario = linter.scenario
    for key, items in (("feiten", scenario.feiten), ("bewegingen", scenario.bewegingen)):
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            if item.id in seen:
                linter.add(
                    (key, index, "id"),
                    f"het id `{item.id}` komt twee keer voor in `{key}` (ook bij nummer "
                    f"{seen[item.id] + 1}).",
                    "Geef elk een eigen id.",
                )
            seen.setdefault(item.id, index)

    moves = list(dict.fromkeys([*builtin_move_ids(), *(b.id for b in scenario.bewegingen)]))
    facts = [f.id for f in scenario.feiten]
    for name, index, transition in _transitions(scenario):
        at = ("toestanden", name, "overgangen", index)
        listed = isinstance(transition.beweging, list)
        for position, move in enumerate(transition.moves):
            if move not in moves:
                linter.add(
                    (*at, "beweging", position) if listed else (*at, "beweging"),
                    f"onbekende beweging `{move}` in overgang {index + 1} van toestand `{name}`.",
                    did_you_mean(move, moves, list_all=False)
                    or "Gebruik een ingebouwde beweging (zie de handleiding) of voeg hem toe "
                    "onder `bewegingen:`.",
                )
        if transition.feit is not None and transition.feit not in facts:
            linter.add(
                (*at, "feit"),
                f"onbekend feit `{transition.feit}` in overgang {index + 1} van toestand `{name}`.",
                did_you_mean(transition.feit, facts, list_all=False)
                or "Voeg het feit toe onder `feiten:` met een `id`, `beschrijving` en `herkennen`.",
            )


def _check_rubric(linter: _Linter) -> None:
    rubric = linter.scenario.rubriek
    known = rule_ids()
    for index, rule in enumerate(rubric.uit):
        if rule not in known:
            linter.add(
                ("rubriek", "uit", index),
                f"onbekende regel `{rule}` in `rubriek.uit`.",
                did_you_mean(rule, known, list_all=False) or "Zie de regels in de handleiding.",
            )
    for rule, weight in rubric.gewichten.items():
        if rule not in known:
            linter.add(
                ("rubriek", "gewichten", rule),
                f"onbekende regel `{rule}` in `rubriek.gewichten`.",
                did_you_mean(rule, known, list_all=False) or "Zie de regels in de handleiding.",
                on_key=True,
            )
        elif weight < 0:
            linter.add(
                ("rubriek", "gewichten", rule),
                f"het gewicht van `{rule}` is negatief ({weight:g}).",
                "Gebruik 0 of meer; zet een regel uit met `rubriek.uit`.",
            )
        if rule in rubric.uit:
            linter.add(
                ("rubriek", "gewichten", rule),
                f"`{rule}` staat uit (`rubriek.uit`) en heeft toch een gewicht.",
                "Verwijder een van beide.",
                WARNING,
                on_key=True,
            )


def _lines(scenario: Scenario) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every caller line with its path in the file."""
    for name, state in scenario.toestanden.items():
        at = ("toestanden", name)
        if state.monoloog:
            for index, part in enumerate(state.monoloog):
                yield (*at, "monoloog", index), part
        said = state.zegt
        variants = said.items() if isinstance(said, dict) else [(None, said)]
        for band, value in variants:
            base = (*at, "zegt") if band is None else (*at, "zegt", band)
            if isinstance(value, list):
                for index, text in enumerate(value):
                    yield (*base, index), text
            elif isinstance(value, str):
                yield base, value
    for key in scenario.reacties.model_fields_set:
        yield ("reacties", key), getattr(scenario.reacties, key)


def _check_placeholders(linter: _Linter) -> None:
    afhandeling = linter.scenario.afhandeling
    empty = {
        "afdeling": afhandeling.afdeling is None and afhandeling.collega is None,
        "organisatie": afhandeling.organisatie is None,
    }
    for at, text in _lines(linter.scenario):
        try:
            names = [
                field for _, field, _, _ in string.Formatter().parse(text) if field is not None
            ]
        except ValueError:
            linter.add(
                at,
                "losse accolade `{` of `}` in deze tekst.",
                "Gebruik accolades alleen om een invulplek, zoals `{achternaam}`.",
            )
            continue
        for name in names:
            if name not in PLACEHOLDERS:
                linter.add(
                    at,
                    f"onbekende invulplek `{{{name}}}` in deze tekst.",
                    did_you_mean(name, PLACEHOLDERS, list_all=False)
                    or "Mogelijk zijn: " + ", ".join(f"`{{{p}}}`" for p in PLACEHOLDERS) + ".",
                )
            elif empty.get(name):
                linter.add(
                    at,
                    f"`{{{name}}}` blijft leeg: `afhandeling` noemt geen {name}.",
                    f"Vul `afhandeling.{name}` in, of schrijf de naam voluit in de tekst.",
                    WARNING,
                )


def _check_speakable(linter: _Linter) -> None:
    from simulator.scenario.speakable import unspeakable

    for at, text in _lines(linter.scenario):
        for item in unspeakable(text):
            linter.add(
                at,
                f"`{item.found}` klinkt niet goed als de beller het uitspreekt.",
                f"Schrijf wat de beller zegt: {item.say_instead}.",
                WARNING,
            )


def _check_empathy(linter: _Linter) -> None:
    scenario = linter.scenario
    emotional = [n for n, s in scenario.toestanden.items() if s.emotioneel]
    if emotional and EMPATHY_RULE in scenario.rubriek.uit:
        linter.add(
            ("rubriek", "uit"),
            f"de beller is emotioneel (toestand `{emotional[0]}`), maar `{EMPATHY_RULE}` staat "
            "uit; empathie wordt dan niet beoordeeld.",
            f"Haal `{EMPATHY_RULE}` uit `rubriek.uit` als empathie wel geoefend moet worden.",
            WARNING,
            on_key=True,
        )
    if not emotional and scenario.beller.stemming >= 4:
        linter.add(
            ("beller", "stemming"),
            f"de beller begint met stemming {scenario.beller.stemming} (niet rustig), maar geen "
            "toestand heeft `emotioneel: true`; empathie kan dan niet worden beoordeeld.",
            "Zet `emotioneel: true` bij de toestanden waarin de beller klaagt of boos is.",
            WARNING,
        )
