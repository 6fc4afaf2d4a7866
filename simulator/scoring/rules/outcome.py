"""Rules about what the call achieved: facts conveyed, warm transfer, call-back arrangement,
referral by full name, e-mail for a caller who wants control, and the unknown-question promise."""

from __future__ import annotations

from pydantic import Field

from simulator.call.record import TraineeTurn
from simulator.scoring.rules.base import Call, Finding, Params, at, grade, nvt, quote, rule_type
from simulator.scoring.rules.language import style_hits


class FactsParams(Params):
    pass


@rule_type("feiten", FactsParams, "de feiten uit het scenario aan de beller verteld")
def facts(call: Call, params: FactsParams) -> Finding:
    from simulator.language.match import find_phrase

    wanted = call.scenario.feiten
    if not wanted:
        return nvt("Dit scenario heeft geen feiten die verteld moeten worden.")
    evidence, missing = [], []
    for fact in wanted:
        turn = next((t for t in call.turns if fact.id in t.facts), None)
        if turn is None:
            missing.append(fact.beschrijving)
            continue
        words = next((w for p in fact.herkennen if (w := find_phrase(p, turn.text))), None)
        evidence.append(quote(turn, words, fact.id))
    verdict = grade(len(wanted) - len(missing), len(wanted))
    if verdict == "gehaald":
        return Finding(
            verdict, "Alle informatie juist en volledig gegeven.", tuple(evidence), "feit"
        )
    return Finding(
        verdict,
        "Nog niet verteld: " + " ".join(missing),
        tuple(evidence),
        "feit",
        tuple(call.turns),
    )


class TransferParams(Params):
    aankondigen: list[str] = Field(default_factory=lambda: ["doorverbinden"])


@rule_type("doorverbinden", TransferParams, "warm doorverbinden: aankondigen en overdragen")
def transfer(call: Call, params: TransferParams) -> Finding:
    expected = call.scenario.afhandeling.soort == "doorverbinden"
    actions = call.actions("doorverbinden")
    answered = [c for c in call.record.caller_turns if c.speaker == "collega"]
    if not expected and not (actions and answered):
        return nvt("In dit gesprek hoefde niet te worden doorverbonden.")
    if not actions:
        return Finding(
            "niet_gehaald",
            "Het gesprek is niet doorverbonden.",
            decided_by="actie",
            basis=tuple(call.turns),
        )
    action = actions[0]
    announced = call.with_move(
        *params.aankondigen, turns=[t for t in call.turns if t.t <= action.t]
    )
    handover = [t for t in call.record.trainee_turns if t.to == "collega" and t.text.strip()]
    evidence = [at(action, "doorverbonden", "actie")]
    if announced:
        evidence.insert(0, quote(announced[-1], note="aangekondigd aan de beller"))
    if not answered:
        verdict = "gehaald" if announced else "deels"
        return Finding(
            verdict,
            "De collega nam niet op." + ("" if announced else " Kondig het doorverbinden aan."),
            tuple(evidence),
            "actie",
            tuple(call.turns),
        )
    if not handover:
        return Finding(
            "niet_gehaald",
            "Koud doorverbonden: de collega hoorde niet wie er belt en waarover.",
            tuple(evidence),
            "actie",
        )
    from simulator.language.match import mentions_name

    evidence.append(quote(handover[0], note="overdracht aan de collega"))
    named = mentions_name(handover[0].text, call.scenario.beller.achternaam)
    if announced and named:
        return Finding("gehaald", "Warm doorverbonden.", tuple(evidence), "actie")
    problems = []
    if not announced:
        problems.append("kondig aan de beller aan dat u doorverbindt")
    if not named:
        problems.append("noem de naam van de beller bij de overdracht")
    return Finding(
        "deels", "; ".join(problems).capitalize() + ".", tuple(evidence), "actie", tuple(handover)
    )


class CallBackParams(Params):
    bewegingen: list[str] = Field(default_factory=lambda: ["terugbellen"])


@rule_type("terugbelafspraak", CallBackParams, "terugbelafspraak als de collega afwezig is")
def call_back(call: Call, params: CallBackParams) -> Finding:
    afhandeling = call.scenario.afhandeling
    absent = afhandeling.collega is not None and not afhandeling.collega.bereikbaar
    if not absent and afhandeling.soort != "terugbelafspraak":
        return nvt("De collega was bereikbaar; een terugbelafspraak was niet nodig.")
    promised = call.with_move(*params.bewegingen)
    if promised:
        return Finding("gehaald", "Terugbelafspraak gemaakt.", (quote(promised[0]),), "beweging")
    noted = call.actions("terugbelnotitie")
    if noted:
        return Finding(
            "deels",
            "Wel een terugbelnotitie gemaakt, maar de beller niet verteld dat hij of zij wordt "
            "teruggebeld.",
            (at(noted[0], "terugbelnotitie", "actie"),),
            "actie",
            tuple(call.turns),
        )
    return Finding(
        "niet_gehaald",
        "Geen terugbelafspraak gemaakt: de beller moet nu zelf opnieuw bellen.",
        decided_by="beweging",
        basis=tuple(call.turns),
    )


class ReferralParams(Params):
    bewegingen: list[str] = Field(default_factory=lambda: ["verwijzen"])


@rule_type("verwijzen", ReferralParams, "verwijzen naar een organisatie met de volledige naam")
def referral(call: Call, params: ReferralParams) -> Finding:
    from simulator.language.match import find_phrase

    afhandeling = call.scenario.afhandeling
    referred = call.with_move(*params.bewegingen)
    if afhandeling.soort != "verwijzen" and not referred:
        return nvt("In dit gesprek hoefde niet te worden verwezen.")
    organisation = afhandeling.organisatie
    full = [(t, w) for t in call.turns if organisation and (w := find_phrase(organisation, t.text))]
    short = _abbreviations(call)
    evidence = [quote(t, w, "volledige naam") for t, w in full[:1]]
    evidence += [quote(t, note=f"afkorting: '{a}'") for t, a in short[:3]]
    if full and not short:
        return Finding("gehaald", "Verwezen met de volledige naam.", tuple(evidence), "patroon")
    if full:
        return Finding(
            "deels",
            "Verwezen, maar ook met een afkorting. Gebruik alleen de volledige naam.",
            tuple(evidence),
            "patroon",
            tuple(t for t, _ in short),
        )
    if short:
        return Finding(
            "niet_gehaald",
            f"Alleen de afkorting gebruikt; zeg '{organisation}'."
            if organisation
            else "Alleen een afkorting gebruikt; noem de organisatie voluit.",
            tuple(evidence),
            "patroon",
            tuple(t for t, _ in short),
        )
    if not organisation:
        # The scenario expects no referral; the trainee referred anyway, without abbreviations.
        return Finding(
            "gehaald",
            "Verwezen zonder afkortingen.",
            tuple(quote(t, note="verwijzing") for t in referred[:1]),
            "beweging",
            tuple(referred),
        )
    return Finding(
        "niet_gehaald",
        f"Niet duidelijk verwezen naar {organisation}.",
        tuple(evidence),
        "patroon",
        tuple(call.turns),
    )


def _abbreviations(call: Call) -> list[tuple[TraineeTurn, str]]:
    from simulator.language.match import find_phrase

    found = [(t, h.word) for t, h in style_hits(call) if h.category == "afkorting"]
    seen = {t.t for t, _ in found}
    for turn in call.turns:
        for abbreviation in call.scenario.afhandeling.afkortingen:
            if turn.t not in seen and find_phrase(abbreviation, turn.text):
                found.append((turn, abbreviation))
                seen.add(turn.t)
    return found


class EmailParams(Params):
    bewegingen: list[str] = Field(default_factory=lambda: ["email_aanbod"])


@rule_type("email", EmailParams, "een beller die de regie wil houden een e-mail laten sturen")
def email(call: Call, params: EmailParams) -> Finding:
    if not call.scenario.afhandeling.beller_wil_regie:
        return nvt("De beller wilde niet zelf de regie houden.")
    offered = call.with_move(*params.bewegingen)
    if offered:
        return Finding(
            "gehaald", "Gevraagd een e-mail te sturen.", (quote(offered[0]),), "beweging"
        )
    return Finding(
        "niet_gehaald",
        "De beller is niet gevraagd een e-mail te sturen.",
        decided_by="beweging",
        basis=tuple(call.turns),
    )


class UnknownQuestionParams(Params):
    uitzoeken: list[str] = Field(default_factory=lambda: ["uitzoeken"])
    terugbellen: list[str] = Field(default_factory=lambda: ["terugbellen"])


@rule_type("onbekende_vraag", UnknownQuestionParams, "uitzoeken beloven en laten terugbellen")
def unknown_question(call: Call, params: UnknownQuestionParams) -> Finding:
    if call.scenario.afhandeling.soort != "uitzoeken_terugbellen":
        return nvt("De vraag was niet onbekend.")
    find_out = call.with_move(*params.uitzoeken)
    back = call.with_move(*params.terugbellen)
    evidence = tuple(quote(t) for t in dict.fromkeys(find_out[:1] + back[:1]))
    verdict = grade(bool(find_out) + bool(back), 2)
    if verdict == "gehaald" and find_out[0].t > back[0].t:
        # "U wordt teruggebeld" first and "ik zoek het uit" only in the recap: no real promise.
        return Finding(
            "deels",
            "Eerst beloven dat u het uitzoekt, dan pas dat de beller wordt teruggebeld.",
            evidence,
            "beweging",
            tuple(t for t in call.turns if t.t <= find_out[0].t),
        )
    if verdict == "gehaald":
        return Finding(
            verdict, "Beloofd het uit te zoeken en terug te bellen.", evidence, "beweging"
        )
    missing = "dat u het uitzoekt" if not find_out else "dat de beller wordt teruggebeld"
    if verdict == "niet_gehaald":
        missing = "dat u het uitzoekt en dat de beller wordt teruggebeld"
    return Finding(verdict, f"Niet gezegd {missing}.", evidence, "beweging", tuple(call.turns))
