"""A required phrase added by the scenario (`rubriek.extra_zinnen`), said in a given phase."""

from __future__ import annotations

from pydantic import Field

from simulator.scoring.rules.base import Call, Finding, Params, quote, rule_type


class PhraseParams(Params):
    zin: str = Field(min_length=1)
    fase: str | None = None


@rule_type("zin", PhraseParams, "een vaste zin uit het scenario, in de goede fase")
def phrase(call: Call, params: PhraseParams) -> Finding:
    from simulator.language.match import find_phrase

    said = [(t, w) for t in call.turns if (w := find_phrase(params.zin, t.text))]
    if not said:
        return Finding(
            "niet_gehaald",
            f"De zin “{params.zin}” is niet gezegd.",
            decided_by="patroon",
            basis=tuple(call.turns),
        )
    in_phase = [(t, w) for t, w in said if params.fase is None or call.phase_of(t) == params.fase]
    if in_phase:
        turn, words = in_phase[0]
        return Finding("gehaald", "De zin is gezegd.", (quote(turn, words),), "patroon")
    turn, words = said[0]
    return Finding(
        "deels",
        f"De zin is gezegd, maar niet in de fase {params.fase}.",
        (quote(turn, words),),
        "patroon",
        (turn,),
    )
