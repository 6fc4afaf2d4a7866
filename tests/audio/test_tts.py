"""The caller's voice: real pyttsx3 on espeak-ng renders Dutch lines to WAV files."""

from __future__ import annotations

import wave

import numpy as np
import pytest

from simulator.audio.espeak import load_espeak
from simulator.audio.measure import level_dbfs, median_pitch, read_mono
from simulator.audio.prerender import plan_lines, prerender
from simulator.audio.tts import wav_seconds
from simulator.call.voice import VoiceSettings

LINE = "Goedemorgen, mijn grijze container is voor de derde keer niet geleegd."
PERSONAS = {
    "boze man": VoiceSettings("man", 230, 1.0, 25),
    "rustige vrouw": VoiceSettings("vrouw", 130, 0.8, 75),
    "vlotte vrouw": VoiceSettings("vrouw", 200, 0.9, 45),
    "trage man": VoiceSettings("man", 110, 0.7, 60),
}


def test_espeak_comes_from_the_pypi_package() -> None:
    assert load_espeak() == "espeakng-loader"


def test_a_dutch_voice_is_chosen_per_gender(speaker) -> None:
    assert speaker.voice_id("vrouw") == "nl+f3"
    assert speaker.voice_id("man") == "nl+m3"
    assert any(v.dutch and v.id == "gmw/nl" for v in speaker.voices)


def test_a_line_becomes_a_real_wav(speaker) -> None:
    path = speaker.render(LINE, PERSONAS["vlotte vrouw"])
    with wave.open(str(path), "rb") as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (22050, 1, 2)
    samples, _ = read_mono(path)
    assert level_dbfs(samples) > -35  # speech, not silence
    # 11 words at 200 wpm: about 3.3 s
    assert 2.0 < wav_seconds(path) < 5.5


def test_the_cache_returns_the_same_file_without_rendering(speaker) -> None:
    first = speaker.render(LINE, PERSONAS["boze man"])
    stamp = first.stat().st_mtime_ns
    again = speaker.render(LINE, PERSONAS["boze man"])
    assert again == first and again.stat().st_mtime_ns == stamp
    other = speaker.cache_path(LINE, VoiceSettings("man", 231, 1.0, 25))
    assert other != first


def test_every_persona_sounds_as_set_even_when_mixed(speaker) -> None:
    """The settle fix: switching voice, rate and pitch between lines is applied every time."""
    measured: dict[str, list[tuple[float, float]]] = {name: [] for name in PERSONAS}
    order = list(PERSONAS) * 3
    np.random.default_rng(7).shuffle(order)
    for i, name in enumerate(order):
        # A new text each time, so every render really synthesises.
        path = speaker.render(f"{LINE} Zin {i}.", PERSONAS[name])
        samples, rate = read_mono(path)
        measured[name].append((wav_seconds(path), median_pitch(samples, rate)))
    for name, values in measured.items():
        durations = [d for d, _ in values]
        pitches = [p for _, p in values]
        expected = 13 * 60 / PERSONAS[name].rate
        for d in durations:
            assert 0.7 * expected < d < 1.35 * expected, (name, durations, expected)
        assert max(pitches) - min(pitches) < 25, (name, pitches)
    mean = {
        n: (np.mean([d for d, _ in v]), np.mean([p for _, p in v])) for n, v in measured.items()
    }
    assert mean["trage man"][0] > mean["rustige vrouw"][0] > mean["vlotte vrouw"][0]
    assert mean["vlotte vrouw"][0] > mean["boze man"][0]
    assert mean["rustige vrouw"][1] > mean["vlotte vrouw"][1] > mean["trage man"][1]
    assert mean["trage man"][1] > mean["boze man"][1]


def test_a_scenario_is_prerendered_with_mood_variants(speaker, scenario) -> None:
    lines = plan_lines(scenario, trainee="Pieter")
    texts = {line.text for line in lines}
    assert any("derde keer" in t for t in texts)  # a mood-band line
    assert any("Rosmolenstraat" in t for t in texts)  # a data answer
    rates = {line.voice.rate for line in lines if line.speaker == "beller"}
    assert len(rates) > 3  # several moods, each with its own tempo
    first = [line for line in lines if line.voice == lines[0].voice][:6]
    assert prerender(speaker, first) == 6
    assert all(speaker.cached(line.text, line.voice) for line in first)


@pytest.mark.parametrize("gender", ["man", "vrouw"])
def test_volume_setting_changes_loudness(speaker, gender: str) -> None:
    loud = speaker.render("Dit is luid.", VoiceSettings(gender, 170, 1.0, 50))
    soft = speaker.render("Dit is luid.", VoiceSettings(gender, 170, 0.3, 50))
    assert level_dbfs(read_mono(loud)[0]) > level_dbfs(read_mono(soft)[0]) + 5
