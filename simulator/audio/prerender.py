"""Rendering a scenario's caller lines before the phone is picked up: no line waits for synthesis.

Every line the engine can say (states, mood variants, monologue parts, built-in reactions, the
colleague's and the phone system's lines) is formatted exactly as the engine formats it, for the
moods the call is likely to reach, nearest to the starting mood first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from simulator.audio.protocols import TextToSpeech
from simulator.call.engine import CallEngine
from simulator.call.voice import VoiceSettings, voice_for
from simulator.scenario.model import Scenario, mood_band

# Moods further than this from the start are rare in a call: rendered on the spot if reached.
MOOD_REACH = 3
COLLEAGUE_LINES = ("collega_neemt_op", "collega_overdracht")
SYSTEM_LINES = ("collega_afwezig",)


@dataclass(frozen=True)
class PlannedLine:
    text: str
    voice: VoiceSettings
    speaker: str = "beller"
    # Said at the caller's starting mood: needed first, so the phone rings once these are ready.
    first: bool = False


def speaker_voice(scenario: Scenario, speaker: str, mood: int) -> VoiceSettings:
    """The voice of whoever speaks: the caller (mood-dependent), a colleague or the system."""
    if speaker == "collega":
        other = "man" if scenario.beller.stem.geslacht == "vrouw" else "vrouw"
        return VoiceSettings(gender=other, rate=170, volume=0.9, pitch=50)
    if speaker == "systeem":
        return VoiceSettings(gender="vrouw", rate=160, volume=0.8, pitch=60)
    return voice_for(scenario.beller.stem, mood)


def _variants(said: object) -> list[tuple[str | None, str]]:
    """(mood band or None, text) for a state's `zegt`."""
    if said is None:
        return []
    if isinstance(said, str):
        return [(None, said)]
    if isinstance(said, list):
        return [(None, text) for text in said]
    if isinstance(said, dict):
        return [(band, text) for band, value in said.items() for _, text in _variants(value)]
    return []


def _caller_texts(scenario: Scenario) -> Iterator[tuple[str | None, str]]:
    for state in scenario.toestanden.values():
        yield from _variants(state.zegt)
        for part in state.monoloog or ():
            yield None, part
    reacties = scenario.reacties
    for name, text in reacties.model_dump().items():
        if name in COLLEAGUE_LINES or name in SYSTEM_LINES or name == "gegevens":
            continue
        yield None, text
    data = scenario.beller.klantgegevens
    answers = [reacties.gegevens.format_map(_Keep(veld=k, waarde=v)) for k, v in data.items()]
    if data:
        yield None, " ".join(answers[:2])
    for answer in answers:
        yield None, answer


class _Keep(dict):
    """format_map that leaves placeholders other than the given ones for the engine's formatter."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def plan_lines(
    scenario: Scenario, trainee: str = "", mood_reach: int = MOOD_REACH
) -> list[PlannedLine]:
    """Every line with its voice, most likely first (the starting mood, then moods nearby)."""
    format_line = _formatter(scenario, trainee)
    start = scenario.beller.stemming
    moods = sorted(
        range(max(0, start - mood_reach), min(10, start + mood_reach) + 1),
        key=lambda m: (abs(m - start), m),
    )
    planned: dict[tuple[str, VoiceSettings], PlannedLine] = {}
    texts = list(_caller_texts(scenario))
    for mood in moods:
        for band, text in texts:
            if band is not None and band != mood_band(mood):
                continue
            line = PlannedLine(
                format_line(text), speaker_voice(scenario, "beller", mood), first=mood == start
            )
            planned.setdefault((line.text, line.voice), line)
    reacties = scenario.reacties.model_dump()
    for speaker, names in (("collega", COLLEAGUE_LINES), ("systeem", SYSTEM_LINES)):
        for name in names:
            line = PlannedLine(
                format_line(reacties[name]), speaker_voice(scenario, speaker, start), speaker
            )
            planned.setdefault((line.text, line.voice), line)
    return list(planned.values())


def _formatter(scenario: Scenario, trainee: str) -> Callable[[str], str]:
    """The engine's own line formatting, so the pre-rendered text is exactly what it will say."""
    engine = CallEngine(scenario, classifier=_NoMoves(), trainee=trainee)
    return engine.format_line  # one formatter for the engine and the cache


class _NoMoves:
    """The formatter needs no move classifier; this keeps the language models unloaded."""

    def classify(self, text: str) -> list:
        return []


def prerender(
    tts: TextToSpeech,
    lines: list[PlannedLine],
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> int:
    """Render `lines` into the cache; returns how many were rendered before any cancel."""
    done = 0
    for done, line in enumerate(lines, start=1):
        if cancelled():
            return done - 1
        tts.render(line.text, line.voice)
        if progress:
            progress(done, len(lines))
    return done
