"""Rules about words: standard Dutch without jargon, hesitation, diminutives, fillers or informal
"je", and never running down colleagues. The scorer re-reads the trainee's words itself."""

from __future__ import annotations

from pydantic import Field

from simulator.call.record import TraineeTurn
from simulator.scoring.rules.base import Call, Finding, Params, quote, rule_type
from simulator.scoring.scorecard import Evidence

CATEGORIES: tuple[str, ...] = (
    "verkleinwoord",
    "stopwoord",
    "twijfeltaal",
    "jargon",
    "afkorting",
    "informeel",
    "afvallen",
)
CATEGORY_LABELS = {
    "verkleinwoord": "verkleinwoord",
    "stopwoord": "stopwoord",
    "twijfeltaal": "twijfeltaal",
    "jargon": "jargon",
    "afkorting": "afkorting",
    "informeel": "informeel (je/jij)",
    "afvallen": "collega's of gemeente afvallen",
}


def style_hits(call: Call) -> list[tuple[TraineeTurn, object]]:
    """Every style slip in what the trainee said to the caller, with its turn (cached per call)."""
    if "style" not in call._cache:
        from simulator.language.style import find_style_issues

        scenario = call.scenario
        found = []
        for turn in call.turns:
            for hit in find_style_issues(
                turn.text, jargon=scenario.jargon, abbreviations=scenario.afhandeling.afkortingen
            ):
                found.append((turn, hit))
        call._cache["style"] = found
    return call._cache["style"]


def language_counts(call: Call) -> dict[str, dict[str, float]]:
    """Per category: how often, and how often per 100 words the trainee spoke."""
    words = max(call.word_count, 1)
    counts = {c: 0 for c in CATEGORIES}
    for _, hit in style_hits(call):
        counts[hit.category] = counts.get(hit.category, 0) + 1
    return {
        c: {"count": n, "per_100_words": round(100.0 * n / words, 2)} for c, n in counts.items()
    }


class LanguageParams(Params):
    categorieen: list[str] = Field(min_length=1)
    # At most this many slips still counts as met.
    toegestaan: int = Field(default=1, ge=0)
    # Up to this many slips is "deels"; more is "niet gehaald".
    max_deels: int = Field(default=4, ge=0)
    # From this many slips per 100 words on it is "niet gehaald" whatever the count.
    niet_per_100: float = Field(default=5.0, gt=0)


@rule_type("taal", LanguageParams, "woordsoorten die niet passen (woordenlijsten per categorie)")
def language(call: Call, params: LanguageParams) -> Finding:
    hits = [(t, h) for t, h in style_hits(call) if h.category in params.categorieen]
    count = len(hits)
    rate = 100.0 * count / max(call.word_count, 1)
    evidence = tuple(_evidence(turn, hit) for turn, hit in hits[:12])
    if count <= params.toegestaan:
        text = "Geen opvallende taalfouten." if not count else f"Eén keer: {hits[0][1].word}."
        return Finding("gehaald", text, evidence, "woordlijst")
    per_category: dict[str, int] = {}
    for _, hit in hits:
        per_category[hit.category] = per_category.get(hit.category, 0) + 1
    summary = ", ".join(f"{n}× {CATEGORY_LABELS.get(c, c)}" for c, n in per_category.items())
    verdict = (
        "deels" if count <= params.max_deels and rate < params.niet_per_100 else "niet_gehaald"
    )
    return Finding(
        verdict,
        f"{summary} ({rate:.1f} per 100 woorden).",
        evidence,
        "woordlijst",
        tuple(dict.fromkeys(t for t, _ in hits)),
    )


def _evidence(turn: TraineeTurn, hit: object) -> Evidence:
    label = CATEGORY_LABELS.get(hit.category, hit.category)
    return quote(turn, note=f"{label}: '{hit.word}'")
