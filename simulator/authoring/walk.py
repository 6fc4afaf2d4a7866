"""`kcc-sim speel-door`: walk every branch of a scenario through the real call engine.

Breadth-first from the start over (state, mood): the report speaks of mood bands, but the walk
keeps the exact mood so that a caller who gets angrier step by step is followed. For each
transition of a state the walker makes a trainee input that should fire it, plays it on a copy
of the engine and checks that exactly that transition was taken; the same input with the
caller's name before it (which calms the caller) is tried as well, to find more moods. What
never happens is reported to the trainer.
"""

from __future__ import annotations

import copy
import sys
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from simulator.authoring.phrases import NEUTRAL_SENTENCE, fact_phrases, move_examples
from simulator.call.engine import CallEngine
from simulator.call.record import CallEnd, CallerTurn, StateChange
from simulator.scenario.model import MOOD_BANDS, Overgang, Scenario, mood_band

TRAINEE = "Pieter"
GAP = 0.6
DEFAULT_DEPTH = 30

Key = tuple[str, int]  # (state, mood)


@dataclass(frozen=True)
class Unfired:
    state: str
    index: int
    label: str
    target: str
    reason: str


@dataclass(frozen=True)
class Unspoken:
    state: str
    variant: str  # "" for a plain line, a mood band, or "deel 2" of a monologue
    reason: str


@dataclass
class WalkReport:
    scenario_id: str
    situations: int = 0
    transitions: int = 0
    fired: int = 0
    unfired: list[Unfired] = field(default_factory=list)
    unreachable: list[str] = field(default_factory=list)
    unspoken: list[Unspoken] = field(default_factory=list)
    dead_ends: list[str] = field(default_factory=list)
    tree: list[str] = field(default_factory=list)

    @property
    def problems(self) -> int:
        return len(self.unfired) + len(self.unreachable) + len(self.unspoken) + len(self.dead_ends)


def trigger_label(transition: Overgang) -> str:
    """The label the engine writes in a StateChange for this transition."""
    if transition.beweging is not None:
        return "beweging " + "/".join(transition.moves)
    if transition.feit is not None:
        return f"feit {transition.feit}"
    if transition.actie is not None:
        return f"actie {transition.actie}"
    if transition.stilte is not None:
        return f"stilte {transition.stilte:g}s"
    return "anders"


class _Walker:
    def __init__(self, scenario: Scenario, depth: int, classifier=None) -> None:  # noqa: ANN001
        self.scenario = scenario
        self.depth = depth
        self.template = CallEngine(scenario, classifier=classifier, seed=0, trainee=TRAINEE)
        # Copies share the (possibly heavy) classifier and the immutable scenario.
        self._shared = {
            id(self.template.classifier): self.template.classifier,
            id(scenario): scenario,
        }
        self.nodes: dict[Key, CallEngine] = {}
        self.edges: dict[Key, set[Key]] = {}
        self.endable: set[Key] = set()
        self.fired: dict[tuple[str, int], str] = {}  # (state, index) -> target key text
        self.failures: dict[tuple[str, int], str] = {}
        self.spoken: set[tuple[str, str]] = set()
        self.reached: set[str] = set()
        self.bands_seen: dict[str, set[str]] = {}
        self.first_child: dict[str, list[tuple[str, str]]] = {}

    def clone(self, engine: CallEngine) -> CallEngine:
        return copy.deepcopy(engine, dict(self._shared))

    # ----- exploring ---------------------------------------------------------------------------

    def run(self) -> None:
        start = self.clone(self.template)
        start.ring(0.0)
        start.pick_up(2.0)
        greeting = (
            f"{self.scenario.expected_greeting.capitalize()}, gemeente {self.scenario.gemeente}, "
            f"u spreekt met {TRAINEE}."
        )
        start.hear(greeting, 2.5, 5.0)
        self._note_lines(start)
        queue: deque[tuple[CallEngine, int]] = deque()
        if start.finished:
            return
        key = self._key(start)
        self.nodes[key] = start
        queue.append((start, 0))
        while queue:
            engine, level = queue.popleft()
            key = self._key(engine)
            engine = self._listen_to_the_end(engine)
            self.edges.setdefault(key, set())
            if engine.finished:
                self.endable.add(key)
                continue
            if self._can_close(engine):
                self.endable.add(key)
            for index, transition in enumerate(engine.current.overgangen):
                for child in self._fire(engine, index, transition):
                    self._note_lines(child)
                    if child.finished:
                        if self._ended_well(child):
                            self.endable.add(key)
                        continue
                    child_key = self._key(child)
                    self.edges[key].add(child_key)
                    if child_key not in self.nodes and level + 1 < self.depth:
                        self.nodes[child_key] = child
                        queue.append((child, level + 1))

    @staticmethod
    def _key(engine: CallEngine) -> Key:
        return engine.state, engine.mood

    def _listen_to_the_end(self, engine: CallEngine) -> CallEngine:
        """In a monologue the trainee first listens to every part, then reacts."""
        if engine.monologue_remaining <= 0:
            return engine
        engine = self.clone(engine)
        while engine.monologue_remaining > 0 and not engine.finished:
            engine.let_continue(engine.speaking_until)
        self._note_lines(engine)
        return engine

    def _fire(self, engine: CallEngine, index: int, transition: Overgang) -> list[CallEngine]:
        """Copies of the engine in which this transition fired: plain, and with the name."""
        state = engine.state
        last = "er gebeurde niets"
        for attempt in self._inputs(transition):
            trial, changes = self._try(engine, attempt)
            if self._took(changes, state, transition):
                self.fired[(state, index)] = transition.naar
                self.failures.pop((state, index), None)
                children = [trial]
                if attempt[0] == "zegt":
                    named = ("zegt", f"{self._name()}, {attempt[1]}")
                    other, other_changes = self._try(engine, named)
                    if self._took(other_changes, state, transition):
                        children.append(other)
                return children
            last = _what_happened(attempt, changes, trial)
        if (state, index) not in self.fired:
            self.failures[(state, index)] = last
        return []

    def _try(self, engine: CallEngine, attempt: tuple[str, str]) -> tuple[CallEngine, list]:
        trial = self.clone(engine)
        before = len(trial.record.events)
        self._apply(trial, attempt)
        changes = [e for e in trial.record.events[before:] if isinstance(e, StateChange)]
        for change in changes:
            self.reached.add(change.new)
        return trial, changes

    @staticmethod
    def _took(changes: list[StateChange], state: str, transition: Overgang) -> bool:
        label = trigger_label(transition)
        return any(
            c.old == state and c.new == transition.naar and c.trigger == label for c in changes
        )

    def _name(self) -> str:
        beller = self.scenario.beller
        surname = beller.achternaam[:1].upper() + beller.achternaam[1:]
        return f"{beller.aanhef.capitalize()} {surname}"

    def _inputs(self, transition: Overgang) -> Iterator[tuple[str, str]]:
        if transition.beweging is not None:
            for move in transition.moves:
                for phrase in move_examples(move, self.scenario):
                    yield "zegt", phrase
        elif transition.feit is not None:
            fact = self.scenario.fact(transition.feit)
            for phrase in fact_phrases(fact) if fact else ():
                yield "zegt", phrase
        elif transition.actie is not None:
            yield "actie", transition.actie
        elif transition.stilte is not None:
            yield "stilte", str(transition.stilte)
        else:
            yield "zegt", NEUTRAL_SENTENCE

    @staticmethod
    def _apply(engine: CallEngine, attempt: tuple[str, str]) -> None:
        kind, value = attempt
        now = max(engine.speaking_until, engine.record.duration) + GAP
        if kind == "zegt":
            engine.hear(value, now, now + max(0.6, len(value.split()) * 0.4))
        elif kind == "actie":
            engine.act(value, now)
        else:
            engine.tick(now + float(value) + 0.1)

    def _can_close(self, engine: CallEngine) -> bool:
        """A warm transfer, or the built-in close in the closing phase, ends the call here."""
        colleague = self.scenario.afhandeling.collega
        if (
            self.scenario.afhandeling.soort == "doorverbinden"
            and colleague
            and colleague.bereikbaar
        ):
            trial = self.clone(engine)
            self._apply(trial, ("actie", "doorverbinden"))
            self._apply(trial, ("zegt", f"Ik heb {self._name()} aan de lijn."))
            if trial.finished and trial.record.ended and trial.record.ended.by == "overdracht":
                return True
        if engine.phase != "afsluiting":
            return False
        trial = self.clone(engine)
        for move in ("proefafsluiting", "bedanken"):
            if not trial.finished:
                self._apply(trial, ("zegt", move_examples(move, self.scenario)[0]))
        return trial.finished and self._ended_well(trial)

    @staticmethod
    def _ended_well(engine: CallEngine) -> bool:
        """Ended by design: not by a caller who hangs up in anger or gives up ringing."""
        turns = engine.record.caller_turns
        return not (turns and turns[-1].reason == "ophangen_boos")

    def _note_lines(self, engine: CallEngine) -> None:
        for turn in engine.record.caller_turns:
            variant = self._variant(turn)
            if variant is not None:
                self.spoken.add((turn.state, variant))
                if turn.reason == "toestand":
                    self.bands_seen.setdefault(turn.state, set()).add(mood_band(turn.mood))

    def _variant(self, turn: CallerTurn) -> str | None:
        state = self.scenario.toestanden.get(turn.state)
        if state is None or turn.speaker != "beller":
            return None
        if turn.reason == "monoloog":
            return f"deel {turn.part}"
        if turn.reason != "toestand":
            return None
        if isinstance(state.zegt, dict):
            return _resolve_band(state.zegt, mood_band(turn.mood))
        return ""

    # ----- the report --------------------------------------------------------------------------

    def report(self) -> WalkReport:
        scenario = self.scenario
        reached = self.reached | {state for state, _ in self.nodes}
        situations = {(state, mood_band(mood)) for state, mood in self.nodes}
        report = WalkReport(scenario_id=scenario.id, situations=len(situations))
        for name, state in scenario.toestanden.items():
            report.transitions += len(state.overgangen)
            if name not in reached:
                report.unreachable.append(name)
                continue
            for index, transition in enumerate(state.overgangen):
                if (name, index) in self.fired:
                    report.fired += 1
                else:
                    reason = self.failures.get((name, index), "niet geprobeerd (diepte bereikt)")
                    report.unfired.append(
                        Unfired(name, index, trigger_label(transition), transition.naar, reason)
                    )
            report.unspoken.extend(self._unspoken(name))
        report.dead_ends = self._dead_ends()
        report.tree = self._tree()
        return report

    def _unspoken(self, name: str) -> Iterator[Unspoken]:
        state = self.scenario.toestanden[name]
        seen = ", ".join(b for b in MOOD_BANDS if b in self.bands_seen.get(name, set())) or "geen"
        if state.monoloog:
            for part in range(1, len(state.monoloog) + 1):
                if (name, f"deel {part}") not in self.spoken:
                    yield Unspoken(name, f"deel {part}", "dit deel van de monoloog klinkt nooit")
        elif isinstance(state.zegt, dict):
            for band in state.zegt:
                if (name, band) not in self.spoken:
                    yield Unspoken(name, band, f"de stemming was hier alleen: {seen}")
        elif (name, "") not in self.spoken:
            yield Unspoken(name, "", "de toestand wordt bereikt, maar de zin klinkt nooit")

    def _dead_ends(self) -> list[str]:
        """States whose every situation has no path to an ending."""
        can_end = set(self.endable)
        changed = True
        while changed:
            changed = False
            for key, children in self.edges.items():
                if key not in can_end and children & can_end:
                    can_end.add(key)
                    changed = True
        stuck: dict[str, bool] = {}
        for key in self.nodes:
            state = key[0]
            stuck[state] = stuck.get(state, True) and key not in can_end
        return [state for state, is_stuck in stuck.items() if is_stuck]

    def _tree(self) -> list[str]:
        """The states as a tree, in the order the walk found them; a repeat points back."""
        children: dict[str, list[tuple[str, str]]] = {}
        for name, state in self.scenario.toestanden.items():
            for index, transition in enumerate(state.overgangen):
                if (name, index) in self.fired:
                    children.setdefault(name, []).append(
                        (trigger_label(transition), transition.naar)
                    )
        lines = [self.scenario.start]
        shown = {self.scenario.start}

        def add(name: str, indent: str) -> None:
            branches = children.get(name, [])
            for number, (label, target) in enumerate(branches):
                last = number == len(branches) - 1
                mark = "└─ " if last else "├─ "
                end = " (einde)" if self.scenario.toestanden[target].einde else ""
                if target in shown or target == name:
                    lines.append(f"{indent}{mark}{label} → {target}{end} (zie boven)")
                    continue
                shown.add(target)
                lines.append(f"{indent}{mark}{label} → {target}{end}")
                add(target, indent + ("   " if last else "│  "))

        add(self.scenario.start, "")
        return lines


def _resolve_band(variants: dict, band: str) -> str:
    if band in variants:
        return band
    order = sorted(MOOD_BANDS, key=lambda b: abs(MOOD_BANDS.index(b) - MOOD_BANDS.index(band)))
    return next(b for b in order if b in variants)


def _what_happened(attempt: tuple[str, str], changes: list[StateChange], engine: CallEngine) -> str:
    kind, value = attempt
    tried = f'de zin "{value}"' if kind == "zegt" else f"{kind} {value}"
    if changes:
        return f"{tried} leidde tot `{changes[0].trigger}` → `{changes[0].new}`"
    ended = engine.record.ended
    if ended is not None and isinstance(ended, CallEnd):
        return f"{tried} beëindigde het gesprek ({ended.by})"
    return f"{tried} gaf geen overgang"


def walk(scenario: Scenario, depth: int = DEFAULT_DEPTH, classifier=None) -> WalkReport:  # noqa: ANN001
    """Walk every branch of the scenario; `classifier` defaults to the built-in move library."""
    walker = _Walker(scenario, depth, classifier)
    walker.run()
    return walker.report()


def render(report: WalkReport) -> str:
    """The report in Dutch, for the trainer."""
    lines = [
        f"Speel-door van scenario `{report.scenario_id}`",
        f"Verkend: {report.situations} situaties (toestand met stemming); "
        f"{report.fired} van {report.transitions} overgangen zijn afgegaan.",
        "",
    ]
    if report.unreachable:
        lines.append("Toestanden die nooit worden bereikt:")
        lines += [f"  - `{name}`" for name in report.unreachable]
    if report.unfired:
        lines.append("Overgangen die niet afgingen:")
        lines += [
            f"  - toestand `{u.state}`, overgang {u.index + 1} ({u.label} → `{u.target}`): "
            f"{u.reason}."
            for u in report.unfired
        ]
    if report.unspoken:
        lines.append("Zinnen van de beller die nooit klinken:")
        for u in report.unspoken:
            variant = f", variant `{u.variant}`" if u.variant else ""
            lines.append(f"  - toestand `{u.state}`{variant}: {u.reason}.")
    if report.dead_ends:
        lines.append("Toestanden van waaruit het gesprek niet kan eindigen:")
        lines += [f"  - `{name}`" for name in report.dead_ends]
    if report.problems:
        lines.append("")
    lines.append("Boom van het gesprek (overgangen die afgingen):")
    lines += [f"  {line}" for line in report.tree]
    lines.append("")
    if report.problems:
        lines.append(
            f"{report.problems} {'probleem' if report.problems == 1 else 'problemen'} gevonden. "
            "Pas het scenario aan en speel het opnieuw door."
        )
    else:
        lines.append("Geen problemen gevonden: elke tak is speelbaar.")
    return "\n".join(lines)


def run(name_or_path: str, depth: int = DEFAULT_DEPTH) -> int:
    """The command: 0 when every branch works, 1 when there are problems, 2 when it cannot load."""
    from simulator.scenario.errors import ScenarioError
    from simulator.scenario.loader import find_scenario, load_scenario

    try:
        scenario = load_scenario(find_scenario(name_or_path))
    except ScenarioError as error:
        print(error.report(), file=sys.stderr)
        print(
            "kcc-sim speel-door: het scenario kan niet worden geladen. Herstel de fouten hierboven "
            "(kcc-sim valideer) en probeer het opnieuw.",
            file=sys.stderr,
        )
        return 2
    report = walk(scenario, depth=depth)
    print(render(report))
    return 1 if report.problems else 0
