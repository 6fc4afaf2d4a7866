"""Shared fixtures for the audio tests: real engines, loaded once per test session."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import speech_recognition as sr
import yaml

from simulator.scenario.model import Scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
# Trainee speech comes from the espeak-ng command line with another voice than any caller's.
TRAINEE_VOICE = "nl+m7"


def load(name: str) -> Scenario:
    try:
        from simulator.scenario.loader import load_scenario
    except ImportError:
        return Scenario.model_validate(yaml.safe_load((SCENARIOS / f"{name}.yaml").read_text()))
    return load_scenario(SCENARIOS / f"{name}.yaml")


@pytest.fixture(scope="session")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("kcc-cache")


@pytest.fixture(scope="session")
def speaker(cache: Path):
    from simulator.audio.tts import Pyttsx3Speaker

    return Pyttsx3Speaker(cache=cache / "stemmen")


@pytest.fixture(scope="session")
def whisper(cache: Path):
    """The embedded base model, assembled into a temporary cache and loaded once."""
    from simulator.audio.asr import WhisperRecognizer
    from simulator.audio.whisper_model import ModelChoice, base_model_dir

    recognizer = WhisperRecognizer(ModelChoice("base", base_model_dir(cache / "whisper")))
    recognizer.load()
    return recognizer


def speak(text: str, folder: Path, voice: str = TRAINEE_VOICE, rate: int = 150) -> sr.AudioData:
    """Dutch trainee speech from the espeak-ng command line, as SpeechRecognition audio."""
    if shutil.which("espeak-ng") is None:
        pytest.skip(
            "espeak-ng (apt-pakket espeak-ng) is nodig om spraak van de medewerker te maken"
        )
    path = folder / f"zin-{abs(hash((text, voice, rate)))}.wav"
    subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(path), text],
        check=True,
        capture_output=True,
    )
    return sr.AudioData.from_file(str(path))


@pytest.fixture
def scenario() -> Scenario:
    return load("afval-boze-beller")
