"""Recognising a turn in pieces while the trainee speaks (simulator/audio/streaming.py)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
import speech_recognition as sr
from conftest import speak
from spoken import microphone_chunks

from simulator.audio.streaming import (
    MIN_PIECE_SECONDS,
    PAUSE_SECONDS,
    PieceRecognition,
    join_utterances,
)
from simulator.audio.utterance import Utterance
from simulator.call.record import Word

RATE = 16000


class LengthRecognizer:
    """Hears one word per piece, spanning the piece: enough to check cuts and offsets.
    (The real model is exercised below and in test_spoken_calls.py.)"""

    def __init__(self) -> None:
        self.pieces: list[float] = []

    def transcribe(self, audio: sr.AudioData, start: float = 0.0) -> Utterance:
        seconds = len(audio.frame_data) / (audio.sample_rate * audio.sample_width)
        self.pieces.append(round(seconds, 2))
        word = Word(f"stuk{len(self.pieces)}", 0.0, round(seconds, 2), 0.5)
        return Utterance(word.text, 0.0, word.end, 0.5, (word,)).shifted(start)


def tone(seconds: float) -> bytes:
    t = np.arange(int(seconds * RATE)) / RATE
    return (np.sin(2 * np.pi * 220 * t) * 8000).astype(np.int16).tobytes()


def silence(seconds: float) -> bytes:
    return np.zeros(int(seconds * RATE), dtype=np.int16).tobytes()


def feed(pieces: PieceRecognition, audio: bytes) -> None:
    for chunk in microphone_chunks(sr.AudioData(audio, RATE, 2)):
        pieces.feed(chunk)


@pytest.fixture
def pool():
    with ThreadPoolExecutor(1) as executor:
        yield executor


def test_a_pause_after_enough_speech_starts_recognising_the_piece(pool) -> None:
    recognizer = LengthRecognizer()
    pieces = PieceRecognition(recognizer, RATE, 2, pool)
    speech, pause = MIN_PIECE_SECONDS + 0.5, 2 * PAUSE_SECONDS
    feed(pieces, tone(speech) + silence(pause))
    assert pieces.pieces == 1  # recognised while the trainee is still "speaking"
    feed(pieces, tone(1.0))
    heard = pieces.finish()
    assert heard.text == "stuk1 stuk2"
    first, second = heard.words
    # The cut lies in the middle of the pause, so the second piece starts inside it.
    assert speech < first.end == second.start < speech + pause
    assert heard.end == pytest.approx(speech + pause + 1.0, abs=0.05)


def test_short_pauses_and_short_pieces_are_not_cut(pool) -> None:
    recognizer = LengthRecognizer()
    pieces = PieceRecognition(recognizer, RATE, 2, pool)
    comma, pause = PAUSE_SECONDS / 2, 2 * PAUSE_SECONDS
    speech = MIN_PIECE_SECONDS
    feed(pieces, tone(speech / 2) + silence(comma) + tone(speech / 2))  # a comma: no cut
    feed(pieces, silence(pause) + tone(0.5))  # a pause after enough speech: cut
    feed(pieces, silence(pause) + tone(0.5))  # a pause after too little speech: no cut
    pieces.finish()
    assert len(recognizer.pieces) == 2
    # Cut as soon as the pause is long enough, in its middle so far.
    assert recognizer.pieces[0] == pytest.approx(speech + comma + PAUSE_SECONDS / 2, abs=0.07)


def test_audio_that_was_not_fed_is_taken_from_the_whole_recording(pool) -> None:
    recognizer = LengthRecognizer()
    pieces = PieceRecognition(recognizer, RATE, 2, pool)
    whole = tone(1.0) + silence(0.2) + tone(1.0)
    feed(pieces, whole[: len(whole) // 2])
    heard = pieces.finish(sr.AudioData(whole, RATE, 2))
    assert recognizer.pieces == [pytest.approx(2.2, abs=0.01)]
    assert heard.end == pytest.approx(2.2, abs=0.01)


def test_silence_only_gives_an_empty_utterance() -> None:
    empty = Utterance("", 0.0, 1.0, 0.0)
    assert join_utterances([empty, empty], 2.0).empty
    heard = join_utterances([empty, Utterance("ja", 1.0, 1.4, 0.9)], 2.0)
    assert (heard.text, heard.start, heard.confidence) == ("ja", 1.0, 0.9)


def test_two_sentences_are_recognised_in_two_pieces_by_the_real_model(
    whisper, tmp_path: Path, pool
) -> None:
    first = speak("Goedemorgen, u spreekt met Pieter.", tmp_path)
    second = speak("Waarmee kan ik u helpen?", tmp_path)
    rate, width = first.sample_rate, first.sample_width
    gap = np.zeros(int(0.5 * rate), dtype=np.int16).tobytes()
    whole = sr.AudioData(first.frame_data + gap + second.frame_data, rate, width)
    pieces = PieceRecognition(whisper, rate, width, pool)
    for chunk in microphone_chunks(whole):
        pieces.feed(chunk)
    assert pieces.pieces >= 1
    heard = pieces.finish(whole).shifted(20.0)
    seconds = len(whole.frame_data) / (rate * width)
    assert heard.text.strip() and heard.words
    times = [(w.start, w.end) for w in heard.words]
    assert times == sorted(times)
    assert 20.0 <= heard.start < heard.end <= 20.0 + seconds + 0.1
    assert 0.0 < heard.confidence <= 1.0
