"""What the trainee is told when part of the audio chain is missing (real exceptions, fakes)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pygame
import pytest

from simulator.audio import playback
from simulator.audio.errors import AudioUnavailable
from simulator.audio.microphone import SRMicrophone
from simulator.audio.voices import VoiceInfo, pick_voice


class FakeMicrophoneWithoutPyAudio:
    """Raises what speech_recognition.Microphone raises when PyAudio is not installed."""

    def __init__(self) -> None:
        raise AttributeError("Could not find PyAudio; check installation")


class FakeMicrophoneWithoutDevice:
    """Raises what PyAudio raises on a computer without a recording device."""

    def __init__(self) -> None:
        raise OSError(-9996, "No Default Input Device Available")


def test_no_pyaudio_is_explained_in_dutch() -> None:
    with pytest.raises(AudioUnavailable) as error:
        SRMicrophone(factory=FakeMicrophoneWithoutPyAudio)
    assert error.value.part == "pyaudio"
    assert "PyAudio ontbreekt" in str(error.value) and "--tekst" in str(error.value)


@pytest.mark.skipif(importlib.util.find_spec("pyaudio") is not None, reason="PyAudio is present")
def test_the_real_microphone_without_pyaudio_gives_the_same_message() -> None:
    with pytest.raises(AudioUnavailable) as error:
        SRMicrophone()
    assert error.value.part == "pyaudio"


def test_no_input_device_is_explained_in_dutch() -> None:
    with pytest.raises(AudioUnavailable) as error:
        SRMicrophone(factory=FakeMicrophoneWithoutDevice)
    assert error.value.part == "microfoon"
    assert "geen microfoon gevonden" in str(error.value)
    assert "getypte antwoorden" in str(error.value)


def _fail_like_alsa(monkeypatch: pytest.MonkeyPatch, fail_always: bool) -> list[str | None]:
    import os

    real_init = pygame.mixer.init
    drivers: list[str | None] = []

    def init(*args, **kwargs) -> None:
        drivers.append(os.environ.get("SDL_AUDIODRIVER"))
        if fail_always or os.environ.get("SDL_AUDIODRIVER") != "dummy":
            raise pygame.error("ALSA: Couldn't open audio device: No such file or directory")
        real_init(*args, **kwargs)

    pygame.mixer.quit()
    monkeypatch.delenv("SDL_AUDIODRIVER", raising=False)
    monkeypatch.setattr(pygame.mixer, "init", init)
    return drivers


def test_no_sound_card_falls_back_to_the_dummy_driver_and_says_so(monkeypatch) -> None:
    drivers = _fail_like_alsa(monkeypatch, fail_always=False)
    notice = playback.init_mixer()
    assert drivers == [None, "dummy"]
    assert notice == playback.DUMMY_NOTICE and "SDL_AUDIODRIVER=dummy" in notice
    pygame.mixer.quit()


def test_no_sound_at_all_is_explained_in_dutch(monkeypatch) -> None:
    _fail_like_alsa(monkeypatch, fail_always=True)
    with pytest.raises(AudioUnavailable) as error:
        playback.init_mixer()
    assert error.value.part == "geluidskaart"
    assert "geen geluidskaart" in str(error.value) and "op het scherm" in str(error.value)


def test_no_dutch_voice_is_noticed() -> None:
    english = [VoiceInfo("gmw/en", "English", ("en",), "Male")]
    assert pick_voice("espeak", "vrouw", english) is None
    sapi = [
        VoiceInfo("HKEY\\TTS_MS_EN-US_ZIRA", "Microsoft Zira", (), "Female"),
        VoiceInfo("HKEY\\TTS_MS_NL-NL_FRANK", "Microsoft Frank - Dutch", (), "Male"),
    ]
    assert pick_voice("sapi5", "vrouw", sapi) == "HKEY\\TTS_MS_NL-NL_FRANK"


def test_playback_stops_at_once(monkeypatch, speaker) -> None:
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    pygame.mixer.quit()
    player = playback.PygamePlayback()
    wav: Path = speaker.render("Ik ben nog lang niet uitgepraat, meneer.", playback_voice())
    seconds = player.play(wav)
    assert 1.0 < seconds < 5.0
    assert player.busy
    player.stop()
    assert not player.busy
    pygame.mixer.quit()


def playback_voice():
    from simulator.call.voice import VoiceSettings

    return VoiceSettings("vrouw", 170, 0.9, 50)
