"""Score one call: every rubric rule evaluated on the call record, points per rule and phase.

Points: gehaald = the full weight, deels = half, niet gehaald = 0; a rule that does not apply
("n.v.t.") has no maximum, so it never costs points. A failing verdict that rests on words the
recogniser was unsure about (confidence below `low_confidence`) is marked `uncertain` and left
out of the maximum as well: the trainee is not marked down for what may have been misheard.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from simulator.call.record import CallRecord, Silence
from simulator.scenario.model import Scenario
from simulator.scoring.rubric import Rubric, RuleSpec, load_rubric
from simulator.scoring.rules import RULE_TYPES, Call, Finding
from simulator.scoring.rules.language import language_counts
from simulator.scoring.rules.timing import unannounced_silences, words_per_minute
from simulator.scoring.scorecard import PHASE_ORDER, Evidence, PhaseScore, RuleResult, Scorecard

DEFAULT_PASS_MARK = 70.0
LOW_CONFIDENCE = 0.6
# Dead air longer than this (seconds) counts in the voice figures as a long silence.
LONG_SILENCE = 8.0
UNCERTAIN_NOTE = "De spraakherkenning was hier onzeker; deze regel telt daarom niet mee."
MODEL_NOTE = "herkend door het taalmodel"
FACTOR = {"gehaald": 1.0, "deels": 0.5, "niet_gehaald": 0.0, "nvt": 0.0}


def score(
    record: CallRecord,
    scenario: Scenario,
    rubric: Rubric | None = None,
    pass_mark: float = DEFAULT_PASS_MARK,
    low_confidence: float = LOW_CONFIDENCE,
) -> Scorecard:
    rubric = rubric or load_rubric()
    call = Call(record, scenario, low_confidence)
    rules, switched_off = rubric.for_scenario(scenario)
    results = tuple(evaluate(rule, call, switched_off) for rule in rules)
    points = sum(r.points for r in results)
    maximum = sum(r.max_points for r in results)
    return Scorecard(
        scenario_id=scenario.id,
        rules=results,
        phases=phase_scores(results),
        total=round(100.0 * points / maximum, 1) if maximum else 100.0,
        pass_mark=pass_mark,
        strongest=strongest(results),
        weakest=weakest(results),
        language=language_counts(call),
        voice=voice_figures(call),
    )


def evaluate(rule: RuleSpec, call: Call, switched_off: set[str] = frozenset()) -> RuleResult:
    """One rule on one call, with its points."""
    if rule.id in switched_off:
        finding = Finding("nvt", "Deze regel staat uit in dit scenario.", decided_by="scenario")
    else:
        finding = RULE_TYPES[rule.type].evaluate(call, rule.params)
    evidence = _mark_model_evidence(finding.evidence, rule, call)
    failing = finding.verdict in ("niet_gehaald", "deels")
    uncertain = failing and call.uncertain(finding.basis)
    counted = finding.verdict != "nvt" and not uncertain
    explanation = finding.explanation
    if uncertain:
        explanation = f"{explanation} {UNCERTAIN_NOTE}".strip()
    return RuleResult(
        rule_id=rule.id,
        phase=rule.fase,
        title=rule.titel,
        verdict=finding.verdict,
        points=rule.gewicht * FACTOR[finding.verdict] if counted else 0.0,
        max_points=rule.gewicht if counted else 0.0,
        evidence=evidence,
        explanation=explanation,
        tip=rule.tip,
        model_phrase=personalise(rule.modelzin, call.scenario),
        uncertain=uncertain,
        decided_by=finding.decided_by,
    )


def _mark_model_evidence(
    evidence: tuple[Evidence, ...], rule: RuleSpec, call: Call
) -> tuple[Evidence, ...]:
    """Quotes whose move only the learned model recognised say so, so a trainer
    can tell a pattern's certainty from a model's judgement."""
    moves = set(rule.parameters.get("bewegingen", ()))
    if not moves:
        return evidence
    by_model = {round(t.t, 2) for t in call.turns if moves & set(t.model_moves)}
    if not by_model:
        return evidence
    return tuple(
        replace(e, note=f"{e.note}; {MODEL_NOTE}" if e.note else MODEL_NOTE)
        if e.t in by_model
        else e
        for e in evidence
    )


def personalise(phrase: str, scenario: Scenario) -> str:
    """The rubric's model phrase with this call's names: the caller, colleague, municipality."""
    caller = scenario.beller
    phrase = re.sub(r"(?i)mevrouw de vries", f"{caller.aanhef} {caller.achternaam}", phrase)
    phrase = phrase.replace("gemeente (…)", f"gemeente {scenario.gemeente}")
    colleague = scenario.afhandeling.collega
    if colleague is not None:
        phrase = phrase.replace("(Naam collega)", colleague.naam)
    return phrase


def phase_scores(results: tuple[RuleResult, ...]) -> tuple[PhaseScore, ...]:
    return tuple(
        PhaseScore(
            phase=phase,
            points=sum(r.points for r in results if r.phase == phase),
            max_points=sum(r.max_points for r in results if r.phase == phase),
        )
        for phase in PHASE_ORDER
    )


def strongest(results: tuple[RuleResult, ...], n: int = 3) -> tuple[str, ...]:
    met = [r for r in results if r.verdict == "gehaald" and r.max_points]
    return tuple(r.rule_id for r in sorted(met, key=lambda r: -r.max_points)[:n])


def weakest(results: tuple[RuleResult, ...], n: int = 3) -> tuple[str, ...]:
    """Rules with the most points lost, heaviest first."""
    lost = [r for r in results if r.max_points and r.points < r.max_points]
    ranked = sorted(lost, key=lambda r: (-(r.max_points - r.points), -r.max_points))
    return tuple(r.rule_id for r in ranked[:n])


def voice_figures(call: Call) -> dict[str, Any]:
    """Speaking tempo per trainee turn, talk share trainee vs caller, and silences."""
    tempo = []
    total_words, total_seconds = 0, 0.0
    for turn in call.turns:
        count, wpm = words_per_minute(turn)
        if wpm is None:
            continue
        tempo.append({"t": round(turn.t, 2), "woorden": count, "wpm": round(wpm, 1)})
        total_words += count
        total_seconds += 60.0 * count / wpm
    trainee = sum(max(0.0, t.end - t.t) for t in call.record.trainee_turns)
    caller = sum(max(0.0, c.end - c.t) for c in call.caller_lines)
    return {
        "woorden_per_minuut": tempo,
        "gemiddeld_wpm": round(60.0 * total_words / total_seconds, 1) if total_seconds else 0.0,
        "spreektijd_medewerker": round(trainee, 1),
        "spreektijd_beller": round(caller, 1),
        "spreekaandeel_medewerker": round(trainee / (trainee + caller), 2)
        if trainee + caller
        else 0.0,
        "stiltes": [
            {"t": round(s.t, 2), "duur": s.duration, "aangekondigd": s.announced}
            for s in call.record.of(Silence)
        ],
        "onaangekondigde_stiltes": len(unannounced_silences(call, LONG_SILENCE)),
    }
