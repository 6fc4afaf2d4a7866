"""The trainee's voice is kept per utterance only when the settings say so (personal data)."""

from __future__ import annotations

import io
import wave
from pathlib import Path

import pytest
import speech_recognition as sr

from simulator.call.session import SpokenCall
from simulator.saving import CallSaver
from simulator.scenario.loader import find_scenario, load_scenario
from simulator.store import open_store


class FakeClock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


def speech(seconds: float = 0.5) -> sr.AudioData:
    """Half a second of a 16 kHz tone: what the microphone would hand over."""
    frames = bytes((i * 37) % 256 for i in range(int(16000 * seconds) * 2))
    return sr.AudioData(frames, 16000, 2)


def settings_file(folder: Path, keep_audio: bool) -> None:
    (folder / "instellingen.toml").write_text(
        f"audio_opslaan = {'true' if keep_audio else 'false'}\n", encoding="utf-8"
    )


@pytest.mark.parametrize("keep_audio", [True, False])
def test_recorded_speech_reaches_the_store_only_when_allowed(tmp_path, monkeypatch, keep_audio):
    monkeypatch.setenv("KCC_SIM_CONFIG", str(tmp_path))
    settings_file(tmp_path, keep_audio)
    database = tmp_path / "resultaten.sqlite"
    clock = FakeClock()
    call = SpokenCall(load_scenario(find_scenario("afval-boze-beller")), clock=clock)
    saver = CallSaver.open(call.engine.record, "oefenen", "faster-whisper", str(database))
    assert saver is not None
    call.audio_listeners.append(saver.add_audio)
    call.start()
    clock.now += 4.0
    call.pick_up()
    call.talk_started()
    clock.now += 0.5
    call.talk_ended(speech())
    call.hang_up()
    saver.finish(call.engine.record, None)
    call.close()

    with open_store(database) as store:
        (attempt,) = store.attempts()
        clips = store.audio(attempt.id)
    if keep_audio:
        assert len(clips) == 1
        assert clips[0].t == pytest.approx(4.0)
        with wave.open(io.BytesIO(clips[0].wav)) as wav:
            assert (wav.getframerate(), wav.getnframes()) == (16000, 8000)
    else:
        assert clips == []
