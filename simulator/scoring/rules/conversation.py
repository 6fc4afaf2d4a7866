"""Rules about conversational moves: a required move at the right moment, questions, empathy,
keeping control of a monologue, and checking the caller's data."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from simulator.call.record import CallerTurn, Interruption, TraineeTurn
from simulator.scoring.rules.base import Call, Finding, Params, grade, nvt, quote, rule_type

Moment = Literal["overal", "voor_actie", "na_actie"]
MOMENT_TEXT = {"voor_actie": "voordat u actie onderneemt", "na_actie": "na de actie"}


class MoveParams(Params):
    bewegingen: list[str] = Field(min_length=1)
    # Moves expected with it, in the same turn or the next one (missing: "deels").
    samen_met: list[str] = Field(default_factory=list)
    moment: Moment = "overal"
    # A transfer ends the trainee's part of the call: then this rule does not apply.
    niet_bij_overdracht: bool = False


def _in_moment(call: Call, turn: TraineeTurn, moment: Moment) -> bool:
    start = call.action_start
    if moment == "overal" or start is None:
        return True
    return turn.t < start if moment == "voor_actie" else turn.t >= start


@rule_type("beweging", MoveParams, "een gespreksbeweging, eventueel op het juiste moment")
def required_move(call: Call, params: MoveParams) -> Finding:
    if params.niet_bij_overdracht and call.transferred:
        return nvt("Het gesprek is doorverbonden; dit deel voert de collega.")
    found = call.with_move(*params.bewegingen)
    if not found:
        return Finding(
            "niet_gehaald",
            "Dit kwam niet voor in het gesprek.",
            decided_by="beweging",
            basis=tuple(call.turns),
        )
    timely = [t for t in found if _in_moment(call, t, params.moment)]
    if not timely:
        return Finding(
            "deels",
            f"Wel gedaan, maar niet op het goede moment ({MOMENT_TEXT[params.moment]}).",
            (quote(found[0]),),
            "beweging",
            tuple(found),
        )
    if params.samen_met:
        for turn in timely:
            if _accompanied(call, turn, params.samen_met):
                return Finding("gehaald", "Gedaan.", (quote(turn),), "beweging")
        return Finding(
            "deels",
            "Gedaan, maar zonder controlerende vraag erbij.",
            (quote(timely[0]),),
            "beweging",
            tuple(timely),
        )
    return Finding("gehaald", "Gedaan.", (quote(timely[0]),), "beweging")


def _accompanied(call: Call, turn: TraineeTurn, moves: list[str]) -> bool:
    index = call.turns.index(turn)
    return any(m in t.moves for t in call.turns[index : index + 2] for m in moves)


class QuestionParams(Params):
    open: list[str] = Field(default_factory=lambda: ["open_vraag"])
    gesloten: list[str] = Field(default_factory=lambda: ["gesloten_vraag", "controlevraag"])


@rule_type("vragen", QuestionParams, "open en gesloten vragen stellen voor de afsluiting")
def questions(call: Call, params: QuestionParams) -> Finding:
    end = call.trial_close.t if call.trial_close else float("inf")
    window = [t for t in call.turns if t.t < end]
    open_q = call.with_move(*params.open, turns=window)
    closed = call.with_move(*params.gesloten, turns=window)
    evidence = tuple(quote(t) for t in (open_q[:1] + closed[:1]))
    verdict = grade(bool(open_q) + bool(closed), 2)
    if verdict == "gehaald":
        return Finding(verdict, "Open én gesloten vragen gesteld.", evidence, "beweging")
    missing = "open" if not open_q else "gesloten (controlerende)"
    if verdict == "deels":
        text = f"Geen {missing} vraag gesteld."
    else:
        text = "Geen vragen gesteld om de kern van de vraag te vinden."
    return Finding(verdict, text, evidence, "beweging", tuple(window))


class EmpathyParams(Params):
    bewegingen: list[str] = Field(default_factory=lambda: ["empathie", "excuses"])
    # How many trainee turns after an emotional moment may pass before the empathy.
    binnen_beurten: int = Field(default=2, ge=1)
    # Share of the emotional moments that need an empathic reply (the first one always does).
    min_aandeel: float = Field(default=0.5, ge=0, le=1)


def emotional_moments(call: Call, within: int) -> list[tuple[CallerTurn, list[TraineeTurn]]]:
    """Each caller state that brought emotion (its first emotional line), with the trainee's
    next turns: repeating the same complaint is one moment, not several."""
    moments: list[tuple[CallerTurn, list[TraineeTurn]]] = []
    state = None
    for line in call.caller_lines:
        same_moment = line.state == state
        state = line.state
        if not line.emotional or same_moment:
            continue
        replies = [t for t in call.turns if t.t > line.t][:within]
        if replies:
            moments.append((line, replies))
    return moments


@rule_type("empathie", EmpathyParams, "empathie na een emotionele uiting van de beller")
def empathy(call: Call, params: EmpathyParams) -> Finding:
    moments = emotional_moments(call, params.binnen_beurten)
    if not moments:
        return nvt("De beller was niet emotioneel.")
    shown, missed, basis = [], [], []
    first_met = False
    for index, (line, replies) in enumerate(moments):
        hit = call.with_move(*params.bewegingen, turns=replies)
        if hit:
            shown.append(quote(hit[0]))
            first_met = first_met or index == 0
        else:
            missed.append(quote(line, note="geen empathie hierna"))
            basis.extend(replies)
    share = len(shown) / len(moments)
    if first_met and share >= params.min_aandeel:
        return Finding(
            "gehaald", "Empathie getoond bij de emotionele momenten.", tuple(shown), "beweging"
        )
    verdict = "deels" if shown else "niet_gehaald"
    text = f"Bij {len(missed)} van de {len(moments)} emotionele momenten geen empathie getoond."
    if shown and not first_met:
        text = "De eerste keer dat de beller emotioneel was, kwam er geen empathie. " + text
    return Finding(verdict, text, tuple(missed + shown), "beweging", tuple(basis))


class ControlParams(Params):
    # Interrupt at the latest during this part of a monologue.
    max_delen: int = Field(default=2, ge=1)
    sturen: list[str] = Field(
        default_factory=lambda: ["terug_naar_vraag", "voorstel", "open_vraag", "samenvatting"]
    )


def monologues(call: Call) -> list[list[CallerTurn]]:
    """The caller's monologues: runs of lines with several parts, in call order."""
    groups: list[list[CallerTurn]] = []
    for line in call.caller_lines:
        if line.parts < 2:
            continue
        if line.part == 1 or not groups or groups[-1][-1].state != line.state:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


@rule_type("regie", ControlParams, "een monoloog respectvol en op tijd onderbreken en terugsturen")
def keep_control(call: Call, params: ControlParams) -> Finding:
    groups = monologues(call)
    if not groups:
        return nvt("De beller hield geen lange monoloog.")
    interruptions = call.record.of(Interruption)
    score, evidence, basis, notes = 0.0, [], [], []
    for group in groups:
        first, last = group[0], group[-1]
        cut = next(
            (i for i in interruptions if i.state == first.state and first.t <= i.t <= last.end + 1),
            None,
        )
        if cut is None:
            evidence.append(quote(last, note="monoloog niet onderbroken"))
            notes.append("een monoloog liep helemaal door")
            continue
        turn = next((t for t in call.turns if abs(t.t - cut.t) < 0.01), None)
        steered = turn is not None and _steered(call, turn, params.sturen)
        on_time = cut.after_parts <= params.max_delen
        if turn is not None:
            basis.append(turn)
        good = cut.respectful and steered and on_time
        score += 1.0 if good else 0.5
        note = "respectvol onderbroken" if good else _what_went_wrong(cut, steered, on_time)
        if turn is not None:
            evidence.append(quote(turn, note=note))
        if not good:
            notes.append(note)
    if score == len(groups):
        return Finding(
            "gehaald",
            "U hield de regie: respectvol onderbroken en teruggestuurd.",
            tuple(evidence),
            "beweging",
        )
    verdict = "deels" if score > 0 else "niet_gehaald"
    return Finding(
        verdict, "; ".join(notes).capitalize() + ".", tuple(evidence), "beweging", tuple(basis)
    )


def _steered(call: Call, turn: TraineeTurn, moves: list[str]) -> bool:
    index = call.turns.index(turn)
    return any(m in t.moves for t in call.turns[index : index + 2] for m in moves)


def _what_went_wrong(cut: Interruption, steered: bool, on_time: bool) -> str:
    if not on_time:
        return f"pas na {cut.after_parts} van de {cut.parts} delen onderbroken"
    if not cut.respectful:
        return "onderbroken zonder de naam van de beller en zonder terug te sturen"
    return "onderbroken maar niet teruggestuurd naar de vraag"


class CustomerDataParams(Params):
    bewegingen: list[str] = Field(default_factory=lambda: ["vraagt_gegevens"])
    bevestigen: list[str] = Field(default_factory=lambda: ["controlevraag", "gesloten_vraag"])


@rule_type("klantgegevens", CustomerDataParams, "klantgegevens opvragen of controleren")
def customer_data(call: Call, params: CustomerDataParams) -> Finding:
    if not call.scenario.beller.klantgegevens:
        return nvt("Voor deze vraag zijn geen klantgegevens nodig.")
    from simulator.language.fields import requested_fields

    for turn in call.turns:
        fields = requested_fields(turn.text) or _named_fields(call, turn, params.bevestigen)
        if fields or any(m in turn.moves for m in params.bewegingen):
            note = f"vraagt naar: {', '.join(fields)}" if fields else ""
            return Finding(
                "gehaald", "Klantgegevens gecontroleerd.", (quote(turn, note=note),), "beweging"
            )
    looked = call.actions("klantbeeld")
    if looked:
        after = [t for t in call.turns if t.t >= looked[0].t]
        confirmed = call.with_move(*params.bevestigen, turns=after[:2])
        if confirmed:
            return Finding(
                "gehaald",
                "Klantbeeld geopend en de gegevens met de beller bevestigd.",
                (quote(confirmed[0]),),
                "actie",
            )
        return Finding(
            "deels",
            "Klantbeeld geopend, maar de gegevens niet met de beller gecontroleerd.",
            decided_by="actie",
            basis=tuple(after[:2]),
        )
    return Finding(
        "niet_gehaald",
        "De klantgegevens zijn niet gecontroleerd.",
        decided_by="beweging",
        basis=tuple(call.turns),
    )


def _named_fields(call: Call, turn: TraineeTurn, confirming: list[str]) -> list[str]:
    """Customer data checked in a question: a field named ("het adres van Daan?") or a value
    read back from the system ("... geboren op 17 augustus 1939. Klopt dat?")."""
    from simulator.language.match import find_phrase

    asking = "?" in turn.text or any(m in turn.moves for m in confirming)
    if not asking:
        return []
    data = call.scenario.beller.klantgegevens
    return [
        key
        for key, value in data.items()
        if find_phrase(key, turn.text) or (len(value) > 3 and find_phrase(value, turn.text))
    ]
