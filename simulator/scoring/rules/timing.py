"""Rules about time: how fast the phone was answered, speaking tempo and dead air."""

from __future__ import annotations

from pydantic import Field

from simulator.call.record import ActionEvent, Silence, TraineeTurn
from simulator.scoring.rules.base import Call, Finding, Params, at, quote, rule_type


class PickUpParams(Params):
    max_beltonen: int = Field(default=3, ge=1)


@rule_type("opnemen", PickUpParams, "de telefoon opnemen binnen een aantal keer overgaan")
def pick_up(call: Call, params: PickUpParams) -> Finding:
    pickup = call.record.pickup
    if pickup is None:
        return Finding("niet_gehaald", "De telefoon is niet opgenomen.", decided_by="timing")
    evidence = (at(pickup, f"opgenomen na {pickup.rings} keer overgaan"),)
    if pickup.rings <= params.max_beltonen:
        return Finding(
            "gehaald",
            f"Opgenomen na {pickup.rings} keer overgaan (maximaal {params.max_beltonen}).",
            evidence,
            "timing",
        )
    verdict = "deels" if pickup.rings == params.max_beltonen + 1 else "niet_gehaald"
    return Finding(
        verdict,
        f"De telefoon ging {pickup.rings} keer over; neem op binnen {params.max_beltonen} keer.",
        evidence,
        "timing",
    )


class VoiceParams(Params):
    min_woorden_per_minuut: float = Field(default=90, gt=0)
    max_woorden_per_minuut: float = Field(default=190, gt=0)
    # Turns shorter than this are too short for a meaningful tempo.
    min_woorden: int = Field(default=5, ge=1)
    max_stilte: float = Field(default=8.0, gt=0)
    # Up to this many problems (too fast, too slow, unannounced silence) gives "deels".
    max_deels: int = Field(default=2, ge=0)


def words_per_minute(turn: TraineeTurn) -> tuple[int, float | None]:
    """Word count and tempo of one turn, from word timestamps when the recogniser gave them."""
    if turn.words:
        count = len(turn.words)
        seconds = turn.words[-1].end - turn.words[0].start
    else:
        count = len(turn.text.split())
        seconds = turn.end - turn.t
    if seconds <= 0:
        return count, None
    return count, 60.0 * count / seconds


def unannounced_silences(call: Call, limit: float) -> list[Silence]:
    """Dead air longer than `limit` seconds that the trainee did not announce or put on hold."""
    found = []
    for silence in call.record.of(Silence):
        if silence.announced or silence.duration < limit or _on_hold(call, silence.t):
            continue
        found.append(silence)
    return found


def _on_hold(call: Call, t: float) -> bool:
    state = False
    for action in call.record.of(ActionEvent):
        if action.t > t:
            break
        if action.action == "wacht":
            state = True
        elif action.action == "terug":
            state = False
    return state


@rule_type("stem", VoiceParams, "spreektempo per beurt en onaangekondigde stiltes")
def voice(call: Call, params: VoiceParams) -> Finding:
    problems = []
    basis = []
    spoken = [turn for turn in call.turns if not turn.typed]
    for turn in spoken:
        count, wpm = words_per_minute(turn)
        if wpm is None or count < params.min_woorden:
            continue
        if wpm > params.max_woorden_per_minuut:
            problems.append(quote(turn, note=f"te snel: {wpm:.0f} woorden per minuut"))
            basis.append(turn)
        elif wpm < params.min_woorden_per_minuut:
            problems.append(quote(turn, note=f"erg traag: {wpm:.0f} woorden per minuut"))
            basis.append(turn)
    for silence in unannounced_silences(call, params.max_stilte):
        problems.append(
            at(silence, f"{silence.duration:.0f} seconden stilte", "stilte niet aangekondigd")
        )
    if not problems and not spoken:
        # A typed call says nothing about speaking tempo, and it had no dead air either.
        return Finding(
            "nvt",
            "Getypt gesprek: het spreektempo is niet te meten; er vielen geen lange stiltes.",
            decided_by="toepasbaarheid",
        )
    if not problems:
        return Finding(
            "gehaald",
            "Rustig spreektempo en geen lange stiltes zonder aankondiging.",
            decided_by="timing",
        )
    verdict = "deels" if len(problems) <= params.max_deels else "niet_gehaald"
    return Finding(
        verdict,
        f"{len(problems)} keer te snel, te traag of een lange stilte zonder aankondiging.",
        tuple(problems),
        "timing",
        tuple(basis),
    )
