"""How a trainee utterance changes the caller's mood (0 calm ... 10 furious)."""

from __future__ import annotations

from simulator.call.analysis import UtteranceAnalysis

MOOD_MIN, MOOD_MAX = 0, 10
# The caller calms down from the name only the first few times; after that it is a trick.
NAME_CALMS_AT_MOST = 2


def mood_deltas(
    analysis: UtteranceAnalysis, caller_was_emotional: bool, names_used_before: int
) -> list[tuple[int, str]]:
    """(delta, reason) pairs; reasons are Dutch because the trainee sees them in oefen mode."""
    deltas: list[tuple[int, str]] = []
    if analysis.has("empathie") and caller_was_emotional:
        deltas.append((-2, "empathie"))
    elif analysis.has("empathie"):
        deltas.append((-1, "empathie"))
    if analysis.has("samenvatting"):
        deltas.append((-1, "samenvatting"))
    if analysis.has("excuses"):
        deltas.append((-1, "excuses"))
    if analysis.name and names_used_before < NAME_CALMS_AT_MOST:
        deltas.append((-1, "naam genoemd"))
    if analysis.style_categories & {"jargon", "afkorting"}:
        deltas.append((1, "jargon"))
    if "informeel" in analysis.style_categories:
        deltas.append((1, "je/jij"))
    if "afvallen" in analysis.style_categories:
        deltas.append((2, "collega afgevallen"))
    return deltas


def clamp(mood: int) -> int:
    return max(MOOD_MIN, min(MOOD_MAX, mood))
