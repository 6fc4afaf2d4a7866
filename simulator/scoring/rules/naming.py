"""Rules about the opening line and names: greeting for the time of day with the municipality,
the caller's name known, and the caller's name said by the trainee."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from simulator.scoring.rules.base import Call, Finding, Params, nvt, quote, rule_type

GREETINGS = ("goedemorgen", "goedemiddag", "goedenavond")


class OpeningParams(Params):
    gemeente_woord: str = "gemeente"


@rule_type("openingszin", OpeningParams, "begroeting voor het dagdeel en de naam van de gemeente")
def opening_line(call: Call, params: OpeningParams) -> Finding:
    from simulator.language.match import find_phrase

    if not call.turns:
        return Finding("niet_gehaald", "Er is niets gezegd.", decided_by="patroon")
    first = call.turns[0]
    expected = call.scenario.expected_greeting
    greeting = find_phrase(expected, first.text)
    wrong = (
        next((g for g in GREETINGS if g != expected and find_phrase(g, first.text)), None)
        if not greeting
        else None
    )
    municipality = find_phrase(f"{params.gemeente_woord} {call.scenario.gemeente}", first.text)
    problems = []
    if wrong:
        problems.append(f"'{wrong}' past niet bij {call.scenario.tijdstip} uur: zeg '{expected}'")
    elif not greeting:
        problems.append(f"begin met '{expected}'")
    if not municipality:
        problems.append(f"noem '{params.gemeente_woord} {call.scenario.gemeente}'")
    evidence = (quote(first),)
    if not problems:
        return Finding("gehaald", "Goede openingszin.", evidence, "patroon")
    verdict = "deels" if (greeting or municipality) else "niet_gehaald"
    return Finding(verdict, "; ".join(problems).capitalize() + ".", evidence, "patroon", (first,))


class NameParams(Params):
    # Where the name must be said: anywhere, or in the closing.
    waar: Literal["gesprek", "afsluiting"] = "gesprek"
    min_keer: int = Field(default=1, ge=1)
    niet_bij_overdracht: bool = False


@rule_type("naam", NameParams, "de naam van de beller noemen")
def says_name(call: Call, params: NameParams) -> Finding:
    from simulator.language.match import mentions_name

    if params.niet_bij_overdracht and call.transferred:
        return nvt("Het gesprek is doorverbonden; de collega sluit af.")
    surname = call.scenario.beller.achternaam
    turns = call.closing_turns if params.waar == "afsluiting" else call.turns
    said = [(t, w) for t in turns if (w := mentions_name(t.text, surname))]
    if len(said) >= params.min_keer:
        return Finding(
            "gehaald",
            f"De naam van de beller {len(said)} keer genoemd.",
            tuple(quote(t, w) for t, w in said[:3]),
            "naam",
        )
    where = "bij de afsluiting" if params.waar == "afsluiting" else "in het gesprek"
    return Finding(
        "deels" if said else "niet_gehaald",
        f"De naam van de beller ({call.scenario.beller.formal_name}) is {where} "
        f"{len(said)} keer genoemd.",
        tuple(quote(t, w) for t, w in said),
        "naam",
        tuple(turns),
    )


class NameKnownParams(Params):
    bewegingen: list[str] = Field(default_factory=lambda: ["vraagt_naam"])


@rule_type("naam_bekend", NameKnownParams, "de beller noemde zijn naam of de medewerker vroeg erom")
def name_known(call: Call, params: NameKnownParams) -> Finding:
    from simulator.language.match import find_phrase, mentions_name

    asked = call.with_move(*params.bewegingen)
    if asked:
        return Finding("gehaald", "Naar de naam gevraagd.", (quote(asked[0]),), "beweging")
    surname = call.scenario.beller.achternaam
    for line in call.caller_lines:
        # Callers introduce themselves without a title too: "Ja, met Bakker."
        words = mentions_name(line.text, surname) or find_phrase(surname, line.text)
        if words:
            return Finding(
                "gehaald",
                "De beller noemde zelf zijn of haar naam.",
                (quote(line, words, "de beller"),),
                "naam",
            )
    return Finding(
        "niet_gehaald",
        "De naam van de beller is niet bekend geworden: vraag ernaar.",
        decided_by="beweging",
        basis=tuple(call.turns),
    )
