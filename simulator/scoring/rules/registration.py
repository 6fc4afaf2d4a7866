"""The after-call registration: filled in, and consistent with what happened in the call."""

from __future__ import annotations

from pydantic import Field

from simulator.scoring.rules.base import Call, Finding, Params, at, nvt, rule_type

# Words in a free-text "afhandeling" that name an outcome (the UI sends the outcome id itself).
OUTCOME_WORDS: dict[str, tuple[str, ...]] = {
    "direct_beantwoord": ("direct", "beantwoord", "afgehandeld", "informatie", "melding"),
    "doorverbinden": ("doorverbonden", "doorverbinden", "doorgezet"),
    "terugbelafspraak": ("terugbelafspraak", "terugbellen", "teruggebeld", "terugbel"),
    "verwijzen": ("verwezen", "verwijzen", "doorverwezen"),
    "email": ("email", "e-mail", "mail"),
    "uitzoeken_terugbellen": ("uitzoeken", "uitgezocht"),
}
# Specific outcomes first: "terugbelafspraak, informatie gegeven" is a call-back arrangement.
SEARCH_ORDER = (
    "uitzoeken_terugbellen",
    "doorverbinden",
    "terugbelafspraak",
    "verwijzen",
    "email",
    "direct_beantwoord",
)
# Outcomes after which someone still has to act: the form names the follow-up.
FOLLOW_UP = ("terugbelafspraak", "uitzoeken_terugbellen")
# Short words that say nothing about the subject of a call.
_FILLER = frozenset(
    [
        "over",
        "voor",
        "naar",
        "omdat",
        "heeft",
        "wordt",
        "worden",
        "zijn",
        "niet",
        "geen",
        "maar",
        "deze",
    ]
)


class RegistrationParams(Params):
    velden: list[str] = Field(default_factory=lambda: ["onderwerp", "samenvatting", "afhandeling"])


def registered_outcome(text: str) -> str | None:
    """The outcome a registration's `afhandeling` names: an id, a label, or free text."""
    from simulator.language.normalize import normalize

    plain = normalize(text).replace(" ", "_")
    if plain in OUTCOME_WORDS:
        return plain
    words = normalize(text).split()
    for outcome in SEARCH_ORDER:
        if any(w.startswith(k.replace("-", "")) for w in words for k in OUTCOME_WORDS[outcome]):
            return outcome
    return None


def happened(call: Call, outcome: str) -> bool:
    """Whether the record shows this way of handling the call."""
    moves = {m for t in call.turns for m in t.moves}
    call_back = "terugbellen" in moves or bool(call.actions("terugbelnotitie"))
    if outcome == "doorverbinden":
        return call.transferred or bool(call.actions("doorverbinden"))
    if outcome == "terugbelafspraak":
        return call_back
    if outcome == "uitzoeken_terugbellen":
        return call_back or "uitzoeken" in moves
    if outcome == "verwijzen":
        return "verwijzen" in moves
    if outcome == "email":
        return "email_aanbod" in moves
    # Answered directly: not handed over, and the scenario's own other outcome did not happen.
    wanted = call.scenario.afhandeling.soort
    return not call.transferred and (wanted == outcome or not happened(call, wanted))


def subject_words(call: Call) -> set[str]:
    """Words that name what this call was about (from the scenario), as 5-letter stems."""
    from simulator.language.normalize import normalize

    scenario = call.scenario
    sources = [scenario.thema, scenario.titel, *scenario.vocabulaire]
    sources += [f.beschrijving for f in scenario.feiten]
    stems = set()
    for text in sources:
        for word in normalize(text).split():
            if len(word) >= 5 and word not in _FILLER:
                stems.add(word[:5])
    names = {normalize(scenario.beller.achternaam), normalize(scenario.gemeente)}
    return {s for s in stems if not any(n.startswith(s) for n in names)}


@rule_type("registratie", RegistrationParams, "het registratieformulier ingevuld en kloppend")
def registration(call: Call, params: RegistrationParams) -> Finding:
    from simulator.language.normalize import normalize

    if not call.scenario.afhandeling.registratie:
        return nvt("Eenvoudige algemene informatie hoeft niet te worden geregistreerd.")
    form = call.record.registration
    if form is None:
        return Finding(
            "niet_gehaald", "Het gesprek is niet geregistreerd.", decided_by="registratie"
        )
    problems = []
    empty = [v for v in params.velden if not getattr(form, v, "").strip()]
    if empty:
        problems.append("niet ingevuld: " + ", ".join(empty))
    outcome = registered_outcome(form.afhandeling) if form.afhandeling.strip() else None
    if form.afhandeling.strip() and (outcome is None or not happened(call, outcome)):
        problems.append(f"de afhandeling '{form.afhandeling}' klopt niet met het gesprek")
    wanted = call.scenario.afhandeling.soort
    follow_up = {outcome} | ({wanted} if happened(call, wanted) else set())
    if follow_up & set(FOLLOW_UP) and not form.vervolgactie.strip():
        problems.append("de vervolgactie (wie belt wanneer terug) ontbreekt")
    text_words = normalize(f"{form.onderwerp} {form.samenvatting}").split()
    stems = subject_words(call)
    if not any(w[:5] in stems for w in text_words if len(w) >= 5):
        problems.append("het onderwerp van het gesprek staat niet in onderwerp of samenvatting")
    summary = " / ".join(x for x in (form.onderwerp, form.samenvatting, form.afhandeling) if x)
    evidence = (at(form, summary or "(leeg formulier)", "registratie"),)
    if not problems:
        return Finding("gehaald", "Volledig en kloppend geregistreerd.", evidence, "registratie")
    verdict = "deels" if len(problems) == 1 else "niet_gehaald"
    return Finding(verdict, "; ".join(problems).capitalize() + ".", evidence, "registratie")
