"""Recognising the trainee: engines picked by name (faster-whisper, google, getypt).

faster-whisper runs through SpeechRecognition 3.17's own Whisper adapter (the code behind
`Recognizer.recognize_faster_whisper`), with the model loaded once instead of on every call.
The simulator recognises without a prompt (fast: the encoder sees only the speech, see
whisper_context.py). A names prompt is still possible (bench/asr.py measures it): it holds at
most proper names, never a model phrase or anything the scorer looks for, so a weak model cannot
put the right words in the trainee's mouth; and when Whisper answers with the prompt itself, the
audio is recognised again without it.
"""

from __future__ import annotations

import math
import re
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from speech_recognition import AudioData

from simulator.audio.errors import AudioUnavailable
from simulator.audio.utterance import Utterance
from simulator.audio.whisper_model import ModelChoice, choose_model
from simulator.call.record import Word

ENGINES = ("faster-whisper", "google", "getypt")
DEFAULT_ENGINE = "faster-whisper"
# Whisper's own rule for "this segment is not speech".
NO_SPEECH_PROB = 0.6
NO_SPEECH_LOGPROB = -1.0
# Whisper sometimes answers with its prompt instead of the speech ("Mulder, Zwolle, Vastgoed."
# for a sentence without those names), as the whole transcript or as a segment before the real
# words: audio with a segment made up this much of prompt words is recognised again without it.
PROMPT_ECHO_SHARE = 0.5
GOOGLE_WARNING = (
    "Let op: met de herkenning 'google' gaat uw stem via internet naar Google. "
    "Gebruik dit alleen als u daarmee instemt; de standaard 'faster-whisper' blijft op deze "
    "computer."
)


def audio_seconds(audio: AudioData) -> float:
    return len(audio.frame_data) / float(audio.sample_rate * audio.sample_width)


def names_prompt(names: Sequence[str]) -> str | None:
    """The recogniser's prompt: proper names only, e.g. 'Bakker, Rosmolenstraat, Zaandam.'"""
    kept = [n.strip() for n in names if n.strip() and n.strip()[0].isupper()]
    return ", ".join(dict.fromkeys(kept)) + "." if kept else None


def echoes_prompt(text: str, prompt: str | None) -> bool:
    """True when most words of the transcript are words of the prompt (Whisper returned it)."""
    said = re.findall(r"\w+", text.lower())
    if not prompt or not said:
        return False
    prompted = set(re.findall(r"\w+", prompt.lower()))
    return sum(word in prompted for word in said) >= PROMPT_ECHO_SHARE * len(said)


# Dutch speech runs at about 3 words (5-6 tokens) a second; twice that is a safe ceiling.
TOKENS_PER_SECOND = 12
MAX_TOKENS = 220  # Whisper's own limit is 448 tokens per 30 s window, prompt included


class WhisperRecognizer:
    """Offline Dutch recognition with faster-whisper on the CPU (int8)."""

    name = "faster-whisper"

    def __init__(
        self,
        model: ModelChoice | None = None,
        names: Sequence[str] = (),
        beam_size: int = 5,
        cpu_threads: int = 0,
    ) -> None:
        self.model = model or choose_model()
        self.prompt = names_prompt(names)
        self.beam_size = beam_size
        self.cpu_threads = cpu_threads
        self._recognizer: Any = None
        self._model: Any = None
        self._lock = threading.Lock()

    def load(self) -> None:
        """Load the model now (slow: run it off the UI thread)."""
        with self._lock:
            if self._recognizer is not None:
                return
            from speech_recognition.recognizers.whisper_local.base import (
                WhisperCompatibleRecognizer,
            )
            from speech_recognition.recognizers.whisper_local.faster_whisper import (
                TranscribableAdapter,
            )

            from simulator.audio.whisper_context import ShortContextWhisperModel

            try:
                model = ShortContextWhisperModel(
                    str(self.model.path),
                    device="cpu",
                    compute_type="int8",
                    cpu_threads=self.cpu_threads,
                )
            except (RuntimeError, ValueError, OSError) as exc:
                raise AudioUnavailable(
                    f"Het spraakherkenningsmodel in {self.model.path} kon niet worden geladen "
                    f"({exc}). Oefen met getypte antwoorden (--tekst) of stel een ander model in.",
                    "model",
                ) from exc
            self._model = model
            self._recognizer = WhisperCompatibleRecognizer(TranscribableAdapter(model))

    def with_names(self, names: Sequence[str]) -> WhisperRecognizer:
        """The same loaded model with another names prompt (one per scenario)."""
        other = WhisperRecognizer(self.model, names, self.beam_size, self.cpu_threads)
        self.load()
        other._recognizer, other._model = self._recognizer, self._model
        other._lock = self._lock
        return other

    def transcribe(self, audio: AudioData, start: float = 0.0) -> Utterance:
        self.load()
        with self._lock:
            heard, segments = self._recognize(audio, self.prompt)
            if any(echoes_prompt(s.text, self.prompt) for s in segments):
                heard, _ = self._recognize(audio, None)
        return heard.shifted(start)

    def _recognize(self, audio: AudioData, prompt: str | None) -> tuple[Utterance, list[Any]]:
        # The encoder sees only the speech, unless a prompt needs Whisper's full 30 s window.
        self._model.short_context = prompt is None
        result = self._recognizer.recognize(
            audio,
            show_dict=True,
            language="nl",
            task="transcribe",
            word_timestamps=True,
            initial_prompt=prompt,
            beam_size=self.beam_size,
            condition_on_previous_text=False,
            vad_filter=True,
            # No retries at higher temperatures: on unclear speech they cost seconds (the
            # latency tail) and mostly produce guesses the confidence marks as unsure anyway.
            temperature=0.0,
            # Without the fallback, unclear audio can loop ("dat je dat je ..."): forbid
            # repeated 3-word runs (measured: WER 113.9 % -> 75.0 % on voice nl+f2, and
            # faster) and cap the tokens by the length of the audio.
            no_repeat_ngram_size=3,
            max_new_tokens=min(MAX_TOKENS, int(audio_seconds(audio) * TOKENS_PER_SECOND) + 16),
        )
        segments = list(result["segments"])
        return utterance_from_segments(segments, audio_seconds(audio)), segments


def utterance_from_segments(segments: Sequence[Any], duration: float) -> Utterance:
    """An Utterance from faster-whisper segments; non-speech segments are dropped."""
    kept = [
        s
        for s in segments
        if not (s.no_speech_prob > NO_SPEECH_PROB and s.avg_logprob < NO_SPEECH_LOGPROB)
    ]
    words = tuple(
        Word(
            text=w.word.strip(),
            start=round(float(w.start), 2),
            end=round(float(w.end), 2),
            probability=round(float(w.probability), 3),
        )
        for s in kept
        for w in (s.words or ())
        if w.word.strip()
    )
    text = " ".join(s.text.strip() for s in kept if s.text.strip())
    if not text:
        return Utterance("", 0.0, round(duration, 2), 0.0, ())
    if words:
        confidence = sum(w.probability for w in words) / len(words)
        begin, end = words[0].start, words[-1].end
    else:
        confidence = math.exp(sum(s.avg_logprob for s in kept) / len(kept))
        begin, end = kept[0].start, kept[-1].end
    return Utterance(
        text, round(float(begin), 2), round(float(end), 2), round(float(confidence), 3), words
    )


class GoogleRecognizer:
    """Online recognition (opt-in only): the audio leaves this computer."""

    name = "google"

    def __init__(self, warn: bool = True) -> None:
        import speech_recognition as sr

        self._recognizer = sr.Recognizer()
        if warn:
            print(GOOGLE_WARNING, file=sys.stderr)

    def transcribe(self, audio: AudioData, start: float = 0.0) -> Utterance:
        import speech_recognition as sr

        duration = audio_seconds(audio)
        try:
            result = self._recognizer.recognize_google(audio, language="nl-NL", show_all=True)
        except sr.RequestError as exc:
            raise AudioUnavailable(
                f"De online herkenning is niet bereikbaar ({exc}). Gebruik de herkenning "
                "'faster-whisper' (zonder internet) of typ uw antwoorden (--tekst).",
                "internet",
            ) from exc
        alternatives = result.get("alternative", []) if isinstance(result, dict) else []
        if not alternatives:
            return Utterance("", start, round(start + duration, 2), 0.0, ())
        best = alternatives[0]
        # Google gives no word timings: the words share the utterance evenly.
        texts = best.get("transcript", "").split()
        step = duration / max(1, len(texts))
        words = tuple(
            Word(t, round(start + i * step, 2), round(start + (i + 1) * step, 2))
            for i, t in enumerate(texts)
        )
        return Utterance(
            best.get("transcript", ""),
            round(start, 2),
            round(start + duration, 2),
            float(best.get("confidence", 0.5)),
            words,
        )


def make_recognizer(
    engine: str = DEFAULT_ENGINE, names: Sequence[str] = (), model: str | Path | None = None
) -> WhisperRecognizer | GoogleRecognizer | None:
    """The recogniser for a configured engine name; None means typed answers ('getypt')."""
    if engine == "faster-whisper":
        return WhisperRecognizer(choose_model(str(model) if model else None), names)
    if engine == "google":
        return GoogleRecognizer()
    if engine == "getypt":
        return None
    raise AudioUnavailable(
        f"Onbekende spraakherkenning '{engine}'. Kies uit: {', '.join(ENGINES)}.", "instelling"
    )
