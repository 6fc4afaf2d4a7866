"""Replay a written call (a YAML transcript of the trainee's side) through the engine.

The caller's side is not in the transcript: the engine plays it, so a transcript scores the same
way a live call would. Times are filled in from estimated speaking durations where not given.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from simulator.call.analysis import MoveClassifierLike
from simulator.call.engine import MONOLOGUE_PAUSE, CallEngine
from simulator.call.record import CallRecord
from simulator.scenario.model import ACTIONS, Action, Scenario

RING_SECONDS = 5.0
TRAINEE_WPM = 150.0
DEFAULT_GAP = 0.6


class TranscriptError(Exception):
    """A transcript that cannot be read; the message is Dutch and names the file."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Turn(_Model):
    zegt: str | None = None
    start: float | None = Field(default=None, ge=0)
    duur: float | None = Field(default=None, gt=0)
    zekerheid: float = Field(default=1.0, ge=0, le=1)
    onderbreekt: bool = False
    actie: Action | None = None
    detail: str = ""
    stilte: float | None = Field(default=None, gt=0)
    doorgaan: bool = False

    @model_validator(mode="after")
    def _one_kind(self) -> Turn:
        kinds = [
            self.zegt is not None,
            self.actie is not None,
            self.stilte is not None,
            self.doorgaan,
        ]
        if sum(kinds) != 1:
            raise ValueError("een beurt heeft precies één van: zegt, actie, stilte, doorgaan")
        return self


class RegistrationForm(_Model):
    onderwerp: str = ""
    samenvatting: str = ""
    afhandeling: str = ""
    vervolgactie: str = ""


class Transcript(_Model):
    scenario: str
    beltonen: int = Field(default=1, ge=0, le=20)
    medewerker: str = ""
    seed: int = 0
    beschrijving: str = ""
    # For golden bad calls: the rules this call is written to fail.
    verwacht_niet_gehaald: list[str] = Field(default_factory=list)
    beurten: list[Turn]
    registratie: RegistrationForm | None = None


def load_transcript(path: str | Path) -> Transcript:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TranscriptError(
            f"{path}: het transcript kan niet worden gelezen ({exc.strerror})."
        ) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise TranscriptError(
            f"{where}: dit is geen geldige YAML. Controleer inspringing en dubbele punten."
        ) from exc
    try:
        return Transcript.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(_dutch_problem(err) for err in exc.errors())
        raise TranscriptError(f"{path}: het transcript klopt niet: {problems}") from exc


def _dutch_problem(error: dict) -> str:
    where = ".".join(str(p + 1) if isinstance(p, int) else str(p) for p in error["loc"])
    kind = error["type"]
    if kind == "missing":
        return f"'{where}' ontbreekt"
    if kind == "extra_forbidden":
        return f"'{where}' is geen bekend veld"
    if kind == "literal_error" and where.endswith("actie"):
        return f"'{where}' moet een van deze acties zijn: {', '.join(ACTIONS)}"
    if kind == "value_error":
        return f"{where}: {str(error['msg']).removeprefix('Value error, ')}"
    return f"'{where}' heeft een ongeldige waarde ({error.get('input')!r})"


def speaking_duration(text: str) -> float:
    return round(max(0.6, len(text.split()) * 60.0 / TRAINEE_WPM), 2)


def replay(
    scenario: Scenario,
    transcript: Transcript,
    classifier: MoveClassifierLike | None = None,
) -> CallRecord:
    """Play the transcript against the scenario and return the complete call record."""
    engine = CallEngine(scenario, classifier, seed=transcript.seed, trainee=transcript.medewerker)
    rings = max(transcript.beltonen, 1)
    for n in range(rings):
        engine.ring(n * RING_SECONDS)
    now = (rings - 1) * RING_SECONDS + 2.0
    engine.pick_up(now)
    for turn in transcript.beurten:
        if engine.finished:
            break
        now = play_turn(engine, turn, now)
    if not engine.finished:
        engine.end(max(now, engine.speaking_until) + 1.0)
    register_form(engine, transcript)
    return engine.record


def register_form(engine: CallEngine, transcript: Transcript) -> None:
    """The transcript's after-call registration, filled in five seconds after the call."""
    form = transcript.registratie
    if form is not None:
        engine.register(
            engine.record.duration + 5.0,
            onderwerp=form.onderwerp,
            samenvatting=form.samenvatting,
            afhandeling=form.afhandeling,
            vervolgactie=form.vervolgactie,
        )


def play_turn(engine: CallEngine, turn: Turn, now: float) -> float:
    """Feed one transcript turn to the engine at virtual time `now`; returns the time after it."""
    free = max(now, engine.speaking_until)
    if turn.zegt is not None:
        if turn.onderbreekt and engine.record.caller_turns:
            # The trainee cuts in halfway through the caller's last line.
            last = engine.record.caller_turns[-1]
            start = last.t + (last.end - last.t) / 2
        else:
            start = free + (turn.start if turn.start is not None else DEFAULT_GAP)
        end = start + (turn.duur or speaking_duration(turn.zegt))
        engine.tick(start)
        engine.hear(
            turn.zegt,
            start,
            end,
            turn.zekerheid,
            over_caller=turn.onderbreekt,
            typed=turn.duur is None,  # without a duration the tempo is an estimate
        )
        return end
    if turn.actie is not None:
        t = free + 1.0
        engine.act(turn.actie, t, turn.detail)
        return t
    if turn.stilte is not None:
        t = free + turn.stilte
        engine.tick(t)
        return t
    engine.let_continue(free + MONOLOGUE_PAUSE)
    return engine.speaking_until
