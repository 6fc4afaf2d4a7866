"""How the caller's mood changes the way they speak: angrier callers talk faster and louder."""

from __future__ import annotations

from dataclasses import dataclass

from simulator.scenario.model import Stem


@dataclass(frozen=True)
class VoiceSettings:
    gender: str
    rate: int  # words per minute
    volume: float  # 0..1
    pitch: int  # 0..99


def voice_for(stem: Stem, mood: int) -> VoiceSettings:
    """Scenario voice adjusted for mood: +3% tempo and +3% volume per mood step above 5."""
    offset = mood - 5
    rate = round(stem.tempo * (1 + 0.03 * offset))
    volume = min(1.0, max(0.2, stem.volume * (1 + 0.03 * offset)))
    return VoiceSettings(
        gender=stem.geslacht, rate=rate, volume=round(volume, 2), pitch=stem.toonhoogte
    )


def speaking_time(text: str, rate_wpm: int) -> float:
    """Estimated seconds to say `text` at `rate_wpm`, plus a short breath at the start."""
    words = max(1, len(text.split()))
    return round(0.3 + words * 60.0 / max(rate_wpm, 60), 2)
