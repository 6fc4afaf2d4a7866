"""Word error rate of the offline recogniser on KCC trainee phrases, per voice, model and prompt.

Run: .venv/bin/python bench/asr.py [--snel] [--model MAP ...]
(needs the espeak-ng command line: apt-get install espeak-ng)

Per model (the packaged base model, plus any larger model already on this computer or given with
--model), per espeak-ng voice, without and with the names prompt: the word error rate, how many of
the names said were recognised, and how often a prompted name turns up in the transcript of a
phrase that did not contain it (the prompt putting words in the trainee's mouth; target 0).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "audio"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import speech_recognition as sr  # noqa: E402
from phrases import NAMES, PHRASES, VOICES  # noqa: E402
from spoken import synthesise  # noqa: E402

from simulator.audio.asr import WhisperRecognizer, audio_seconds  # noqa: E402
from simulator.audio.whisper_model import (  # noqa: E402
    DOWNLOADABLE,
    ModelChoice,
    base_model_dir,
    find_local_model,
)
from simulator.language.normalize import normalize  # noqa: E402


def words(text: str) -> list[str]:
    return normalize(text).split()


def word_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """(word edit distance, reference length) after the checker's own normalisation."""
    ref, hyp = words(reference), words(hypothesis)
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        previous, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (r != h))
    return row[len(hyp)], len(ref)


def contains(text_words: list[str], name: str) -> bool:
    """True when the name's words occur in a row in the (normalised) words."""
    wanted = words(name)
    n = len(wanted)
    return any(text_words[i : i + n] == wanted for i in range(len(text_words) - n + 1))


def available_models(extra: list[str]) -> list[ModelChoice]:
    """The packaged base model, every other known model already present, and --model folders."""
    models = [ModelChoice("base", base_model_dir())]
    for name in DOWNLOADABLE:
        found = find_local_model(name) if name != "base" else None
        if found and all(m.path != found for m in models):
            models.append(ModelChoice(name, found))
    models += [ModelChoice(Path(p).name, Path(p)) for p in extra]
    return models


@dataclass
class Row:
    model: str
    voice: str
    prompt: str
    errors: int = 0
    reference_words: int = 0
    names_said: int = 0
    names_heard: int = 0
    leaks: int = 0
    chances: int = 0
    seconds: float = 0.0
    audio: float = 0.0
    phrases: int = 0
    confidence: float = 0.0
    leaked: list[str] = field(default_factory=list)

    def add(self, phrase: str, text: str, confidence: float, spent: float, length: float) -> None:
        e, n = word_errors(phrase, text)
        self.errors, self.reference_words = self.errors + e, self.reference_words + n
        said, heard = words(phrase), words(text)
        for name in NAMES:
            if contains(said, name):
                self.names_said += 1
                self.names_heard += contains(heard, name)
            else:
                self.chances += 1
                if contains(heard, name):
                    self.leaks += 1
                    self.leaked.append(f"{name!r} in {text!r} (gezegd: {phrase!r})")
        self.seconds += spent
        self.audio += length
        self.phrases += 1
        self.confidence += confidence


def silence_stays_empty(recognizer: WhisperRecognizer) -> bool:
    """Three seconds of silence and of quiet noise must give no text, prompt or not."""
    silence = np.zeros(16000 * 3, dtype=np.int16)
    noise = np.random.default_rng(1).normal(0, 80, 16000 * 3).astype(np.int16)
    return all(
        recognizer.transcribe(sr.AudioData(samples.tobytes(), 16000, 2)).text == ""
        for samples in (silence, noise)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snel", action="store_true", help="12 zinnen, één stem")
    parser.add_argument("--model", action="append", default=[], help="extra modelmap")
    args = parser.parse_args(argv)
    phrases = PHRASES[:12] if args.snel else PHRASES
    voices = VOICES[:1] if args.snel else VOICES
    rows: list[Row] = []
    print(
        f"{len(phrases)} zinnen x {len(voices)} stemmen ({', '.join(voices)}); "
        f"namen in de prompt: {', '.join(NAMES)}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for model in available_models(args.model):
            plain = WhisperRecognizer(model, names=())
            began = time.perf_counter()
            plain.load()
            print(
                f"model {model.name} ({model.path}) geladen in {time.perf_counter() - began:.1f} s",
                flush=True,
            )
            prompted = plain.with_names(NAMES)
            for voice in voices:
                for label, recognizer in (("zonder", plain), ("namen", prompted)):
                    row = Row(model.name, voice, label)
                    for phrase in phrases:
                        audio = sr.AudioData.from_file(str(synthesise(phrase, Path(folder), voice)))
                        began = time.perf_counter()
                        heard = recognizer.transcribe(audio)
                        spent = time.perf_counter() - began
                        row.add(phrase, heard.text, heard.confidence, spent, audio_seconds(audio))
                    rows.append(row)
                    print(
                        f"  {voice} {label}: WER {row.errors / row.reference_words:.1%}", flush=True
                    )
            print(
                f"  stilte en ruis blijven leeg (met prompt): "
                f"{'ja' if silence_stays_empty(prompted) else 'NEE'}"
            )
    print()
    print(
        f"{'model':<8} {'stem':<7} {'prompt':<7} {'WER':>6} {'zekerh':>7} {'namen goed':>11} "
        f"{'ingefluisterd':>14} {'s/zin':>6} {'RTF':>5}"
    )
    for r in rows:
        print(
            f"{r.model:<8} {r.voice:<7} {r.prompt:<7} {r.errors / r.reference_words:6.1%} "
            f"{r.confidence / r.phrases:7.2f} {f'{r.names_heard}/{r.names_said}':>11} "
            f"{f'{r.leaks}/{r.chances}':>14} {r.seconds / r.phrases:6.2f} "
            f"{r.seconds / r.audio:5.2f}"
        )
    for r in rows:
        for leak in r.leaked:
            print(f"ingefluisterd ({r.model}, {r.voice}, {r.prompt}): {leak}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
