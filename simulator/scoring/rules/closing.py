"""Rules about the end of the call: thanks and a personal note after the trial close."""

from __future__ import annotations

from pydantic import Field

from simulator.scoring.rules.base import Call, Finding, Params, nvt, quote, rule_type


class ClosingParams(Params):
    bedanken: list[str] = Field(default_factory=lambda: ["bedanken"])
    noot: list[str] = Field(default_factory=lambda: ["goede_wens"])
    niet_bij_overdracht: bool = True


@rule_type("afsluiting", ClosingParams, "bedanken en een persoonlijke noot aan het eind")
def closing(call: Call, params: ClosingParams) -> Finding:
    if params.niet_bij_overdracht and call.transferred:
        return nvt("Het gesprek is doorverbonden; de collega sluit af.")
    window = call.closing_turns
    thanks = call.with_move(*params.bedanken, turns=window)
    note = call.with_move(*params.noot, turns=window)
    evidence = tuple(quote(t) for t in dict.fromkeys(thanks[:1] + note[:1]))
    if thanks and note:
        return Finding(
            "gehaald", "Afgesloten met dank en een persoonlijke noot.", evidence, "beweging"
        )
    early = call.with_move(*params.bedanken, *params.noot)
    if not thanks and not note:
        text = "Niet afgesloten met dank en een persoonlijke noot."
        if early:
            text = "Dank of wens kwam te vroeg: niet aan het eind van het gesprek."
        return Finding("niet_gehaald", text, evidence, "beweging", tuple(window))
    missing = "een persoonlijke noot (fijne dag, sterkte, succes)" if thanks else "een bedankje"
    return Finding("deels", f"Afgesloten zonder {missing}.", evidence, "beweging", tuple(window))
