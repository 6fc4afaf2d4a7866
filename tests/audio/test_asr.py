"""Recognising the trainee with real faster-whisper (the embedded base model) on espeak speech."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import speech_recognition as sr
from conftest import speak

from simulator.audio.asr import (
    WhisperRecognizer,
    echoes_prompt,
    make_recognizer,
    names_prompt,
)
from simulator.audio.errors import AudioUnavailable
from simulator.audio.whisper_context import MARGIN_FRAMES, MIN_FRAMES, speech_frames
from simulator.audio.whisper_model import BASE_SHA256, base_model_dir, sha256_of


def test_speech_becomes_an_utterance_with_timings_and_confidence(whisper, tmp_path: Path) -> None:
    audio = speak("Goedemorgen, gemeente Zaanstad, u spreekt met Pieter.", tmp_path)
    length = len(audio.frame_data) / (audio.sample_rate * audio.sample_width)
    utterance = whisper.transcribe(audio, start=12.0)
    assert utterance.text.strip()
    assert 0.0 < utterance.confidence <= 1.0
    assert len(utterance.words) >= 3
    assert 12.0 <= utterance.start < utterance.end <= 12.0 + length + 0.5
    starts = [w.start for w in utterance.words]
    assert starts == sorted(starts)
    assert all(0.0 <= w.probability <= 1.0 and w.start <= w.end for w in utterance.words)
    assert "zaanstad" in utterance.text.lower() or "morgen" in utterance.text.lower()


def test_silence_gives_empty_text(whisper) -> None:
    silence = sr.AudioData(np.zeros(16000 * 3, dtype=np.int16).tobytes(), 16000, 2)
    utterance = whisper.transcribe(silence, start=5.0)
    assert utterance.text == "" and utterance.words == () and utterance.confidence == 0.0


def test_quiet_noise_gives_empty_text(whisper) -> None:
    noise = (np.random.default_rng(1).normal(0, 80, 16000 * 2)).astype(np.int16)
    assert whisper.transcribe(sr.AudioData(noise.tobytes(), 16000, 2)).text == ""


def test_the_names_prompt_is_not_put_in_the_trainees_mouth(whisper, tmp_path: Path) -> None:
    names = ["Bakker", "Rosmolenstraat", "Zaandam", "Zaanstad"]
    prompted = whisper.with_names(names)
    assert prompted.prompt == "Bakker, Rosmolenstraat, Zaandam, Zaanstad."
    audio = speak("Ik stuur u vandaag nog een e-mail met alle informatie.", tmp_path)
    text = prompted.transcribe(audio).text
    assert text.strip()
    assert text.strip() != prompted.prompt
    assert "rosmolenstraat" not in text.lower() and "zaandam" not in text.lower()


def test_a_prompt_echo_is_recognised_again_without_the_prompt(whisper, tmp_path: Path) -> None:
    # Measured in whole spoken calls: for this sentence Whisper base answered with its prompt
    # ("Mulder, Zwolle, Zwolle, Wipstrikkerallee.") instead of what was said.
    names = ["Mulder", "Zwolle", "Wipstrikkerallee", "Vastgoed"]
    sentence = "Mag ik uw adres en postcode, dan controleer ik uw gegevens?"
    text = whisper.with_names(names).transcribe(speak(sentence, tmp_path)).text.lower()
    assert text.strip()
    assert not [name for name in names if name.lower() in text], text


def test_an_echo_is_a_transcript_made_up_of_prompt_words() -> None:
    prompt = "Visser, Kleverparkweg, Haarlem, Jansen, Belastingen."
    assert echoes_prompt("Visser, Haarlem, Kleverpark, Jansen, Belastingen.", prompt)
    assert echoes_prompt("Jansen. Haarlem!", prompt)
    assert not echoes_prompt("Het spijt me, mevrouw Visser, Mark Jansen is er niet.", prompt)
    assert not echoes_prompt("Visser, Haarlem.", None)
    assert not echoes_prompt("", prompt)


def test_only_proper_names_go_into_the_prompt() -> None:
    # Model phrases and rubric words are lower case; they never reach the recogniser.
    assert names_prompt(["Bakker", "container", "goedemorgen", "Zaandam"]) == "Bakker, Zaandam."
    assert names_prompt([]) is None


def test_engines_are_chosen_by_name() -> None:
    assert make_recognizer("getypt") is None
    with pytest.raises(AudioUnavailable) as error:
        make_recognizer("vosk-groot")
    assert "Kies uit: faster-whisper, google, getypt" in str(error.value)


def test_the_assembled_model_has_the_pinned_checksum(whisper) -> None:
    assert sha256_of(whisper.model.path / "model.bin") == BASE_SHA256


def test_a_damaged_model_is_refused_and_removed(tmp_path: Path) -> None:
    broken = tmp_path / "base"
    broken.mkdir()
    (broken / "model.bin").write_bytes(b"niet het model")
    with pytest.raises(AudioUnavailable) as error:
        base_model_dir(tmp_path)
    assert "beschadigd" in str(error.value)
    assert not (broken / "model.bin").exists()


def test_a_missing_configured_model_is_named_in_dutch(monkeypatch, tmp_path: Path) -> None:
    from simulator.audio.whisper_model import choose_model

    monkeypatch.setenv("KCC_SIM_CACHE", str(tmp_path))
    with pytest.raises(AudioUnavailable) as error:
        choose_model("medium")
    assert "kcc-sim model download medium" in str(error.value)


def test_downloading_without_internet_says_what_to_do(monkeypatch, tmp_path: Path) -> None:
    from simulator.audio.whisper_model import download_model

    monkeypatch.setenv("KCC_SIM_CACHE", str(tmp_path))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(AudioUnavailable) as error:
        download_model("tiny")
    assert "internetverbinding" in str(error.value)


def test_a_recognizer_shares_its_loaded_model(whisper) -> None:
    other = whisper.with_names(["Bakker"])
    assert isinstance(other, WhisperRecognizer)
    assert other._recognizer is whisper._recognizer


def test_the_encoder_gets_the_speech_and_a_margin_not_30_seconds() -> None:
    features = np.zeros((80, 3000), dtype=np.float32)
    features[:, :412] = -0.5  # 4.12 s of speech; faster-whisper pads with exact zeros
    assert speech_frames(features) == 412 + MARGIN_FRAMES
    assert speech_frames(features[np.newaxis]) == 412 + MARGIN_FRAMES  # batched input
    assert speech_frames(np.zeros((80, 3000), dtype=np.float32)) == MIN_FRAMES  # silence
    full = np.full((80, 3000), 0.1, dtype=np.float32)
    assert speech_frames(full) == 3000  # a whole 30 s window stays whole


def test_only_a_prompted_recognition_uses_the_full_window(whisper, tmp_path: Path) -> None:
    audio = speak("Goedemiddag, u spreekt met Pieter van de gemeente.", tmp_path)
    whisper.with_names(["Bakker"]).transcribe(audio)
    assert not whisper._model.short_context
    heard = whisper.transcribe(audio, start=10.0)
    assert whisper._model.short_context
    assert heard.text.strip()
    assert heard.words and all(10.0 <= w.start <= w.end <= 10.0 + 6 for w in heard.words)
