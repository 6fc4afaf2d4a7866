"""The CallRecord: every event of one call with its time; the single source of truth of a call.

Times are seconds since the phone started ringing. The scorer reads the record, the UI shows it,
the store saves it whole (`to_dict` / `from_dict` round-trip exactly).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar, Literal

Speaker = Literal["beller", "collega", "systeem"]


@dataclass(frozen=True)
class Word:
    """One recognised word with its timing (seconds in the call) and probability."""

    text: str
    start: float
    end: float
    probability: float = 1.0


@dataclass(frozen=True)
class Event:
    t: float
    kind: ClassVar[str] = "event"


@dataclass(frozen=True)
class Ring(Event):
    count: int = 1
    kind: ClassVar[str] = "ring"


@dataclass(frozen=True)
class PickUp(Event):
    rings: int = 0
    kind: ClassVar[str] = "opnemen"


@dataclass(frozen=True)
class TraineeTurn(Event):
    """What the trainee said; `moves` and `facts` are what the engine recognised in it."""

    end: float = 0.0
    text: str = ""
    confidence: float = 1.0
    words: tuple[Word, ...] = ()
    moves: tuple[str, ...] = ()
    # The moves only the learned model recognised (the scorecard says so).
    model_moves: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    # True when said while the caller was still speaking (an interruption).
    over_caller: bool = False
    # Who the trainee addressed: the caller, or the colleague during a warm transfer.
    to: Literal["beller", "collega"] = "beller"
    # Typed, not spoken: its times say nothing about speaking tempo.
    typed: bool = False
    kind: ClassVar[str] = "medewerker"


@dataclass(frozen=True)
class CallerTurn(Event):
    """A line spoken by the caller (or the colleague, or the phone system)."""

    end: float = 0.0
    text: str = ""
    speaker: Speaker = "beller"
    state: str = ""
    phase: str = ""
    mood: int = 0
    emotional: bool = False
    # For monologues: which part this is (1-based) and how many parts the monologue has.
    part: int = 1
    parts: int = 1
    # True when the trainee cut this line off before it finished.
    interrupted: bool = False
    # Why the engine said this: the scenario state, or a built-in reaction (naam, gegevens, ...).
    reason: str = "toestand"
    kind: ClassVar[str] = "beller"


@dataclass(frozen=True)
class ActionEvent(Event):
    action: str = ""
    detail: str = ""
    kind: ClassVar[str] = "actie"


@dataclass(frozen=True)
class Interruption(Event):
    """The trainee interrupted a caller monologue after `after_parts` of `parts` parts."""

    respectful: bool = False
    after_parts: int = 0
    parts: int = 0
    state: str = ""
    kind: ClassVar[str] = "onderbreking"


@dataclass(frozen=True)
class Silence(Event):
    duration: float = 0.0
    announced: bool = False
    kind: ClassVar[str] = "stilte"


@dataclass(frozen=True)
class MoodChange(Event):
    old: int = 0
    new: int = 0
    reason: str = ""
    kind: ClassVar[str] = "stemming"


@dataclass(frozen=True)
class StateChange(Event):
    old: str = ""
    new: str = ""
    trigger: str = ""
    kind: ClassVar[str] = "toestand"


@dataclass(frozen=True)
class Registration(Event):
    """The after-call contact registration form."""

    onderwerp: str = ""
    samenvatting: str = ""
    afhandeling: str = ""
    vervolgactie: str = ""
    kind: ClassVar[str] = "registratie"


@dataclass(frozen=True)
class CallEnd(Event):
    """The call ended: hung up by the trainee, by the caller, or handed over in a transfer."""

    by: Literal["medewerker", "beller", "overdracht", "afgebroken"] = "medewerker"
    kind: ClassVar[str] = "einde"


EVENT_TYPES: dict[str, type[Event]] = {
    cls.kind: cls
    for cls in (
        Ring,
        PickUp,
        TraineeTurn,
        CallerTurn,
        ActionEvent,
        Interruption,
        Silence,
        MoodChange,
        StateChange,
        Registration,
        CallEnd,
    )
}


def event_to_dict(event: Event) -> dict[str, Any]:
    data = asdict(event)
    data["kind"] = event.kind
    return data


def event_from_dict(data: dict[str, Any]) -> Event:
    data = dict(data)
    cls = EVENT_TYPES[data.pop("kind")]
    if cls is TraineeTurn:
        data["words"] = tuple(Word(**w) for w in data.get("words", ()))
        data["moves"] = tuple(data.get("moves", ()))
        data["model_moves"] = tuple(data.get("model_moves", ()))
        data["facts"] = tuple(data.get("facts", ()))
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class CallRecord:
    """Every event of one call, in time order, plus what the call was about."""

    scenario_id: str
    trainee: str = ""
    seed: int = 0
    events: list[Event] = field(default_factory=list)
    # Called with every new event, e.g. to save the call as it goes (a crash loses nothing).
    listeners: list[Callable[[Event], None]] = field(
        default_factory=list, compare=False, repr=False
    )

    def add(self, event: Event) -> Event:
        self.events.append(event)
        for listener in self.listeners:
            listener(event)
        return event

    def of(self, cls: type[Event]) -> list:
        return [e for e in self.events if isinstance(e, cls)]

    @property
    def trainee_turns(self) -> list[TraineeTurn]:
        return self.of(TraineeTurn)

    @property
    def caller_turns(self) -> list[CallerTurn]:
        return self.of(CallerTurn)

    @property
    def pickup(self) -> PickUp | None:
        found = self.of(PickUp)
        return found[0] if found else None

    @property
    def ended(self) -> CallEnd | None:
        found = self.of(CallEnd)
        return found[0] if found else None

    @property
    def registration(self) -> Registration | None:
        found = self.of(Registration)
        return found[-1] if found else None

    def actions(self, name: str | None = None) -> list[ActionEvent]:
        return [a for a in self.of(ActionEvent) if name is None or a.action == name]

    @property
    def duration(self) -> float:
        if not self.events:
            return 0.0
        return max(getattr(e, "end", e.t) or e.t for e in self.events)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario_id": self.scenario_id,
            "trainee": self.trainee,
            "seed": self.seed,
            "events": [event_to_dict(e) for e in self.events],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CallRecord:
        return cls(
            scenario_id=data["scenario_id"],
            trainee=data.get("trainee", ""),
            seed=data.get("seed", 0),
            events=[event_from_dict(e) for e in data.get("events", [])],
        )
