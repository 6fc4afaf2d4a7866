"""Word error rate of the offline recogniser on KCC trainee phrases (espeak-ng voices, base model).

Run: .venv/bin/python bench/asr.py   (needs the espeak-ng command line: apt-get install espeak-ng)
Prints WER per voice with and without the names prompt, and how often a prompted name shows up
in a transcript of a phrase that did not contain it (the prompt "putting words in the mouth").
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import speech_recognition as sr  # noqa: E402
from phrases import NAMES, PHRASES, VOICES  # noqa: E402

from simulator.audio.asr import WhisperRecognizer  # noqa: E402


def words(text: str) -> list[str]:
    return re.sub(r"[^\w\s-]", " ", text.lower()).split()


def wer(reference: str, hypothesis: str) -> tuple[int, int]:
    """(edit distance in words, reference length)."""
    ref, hyp = words(reference), words(hypothesis)
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        previous, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (r != h))
    return row[len(hyp)], len(ref)


def main() -> int:
    plain = WhisperRecognizer(names=())
    load = time.perf_counter()
    plain.load()
    print(f"model {plain.model.name} geladen in {time.perf_counter() - load:.1f} s")
    prompted = plain.with_names(NAMES)
    name_words = {w for n in NAMES for w in words(n)}
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for voice in VOICES:
            for label, recognizer in (("zonder prompt", plain), ("met namen", prompted)):
                errors = total = leaks = chances = 0
                spent = 0.0
                for index, phrase in enumerate(PHRASES):
                    wav = Path(folder) / f"{voice}-{index}.wav"
                    if not wav.exists():
                        subprocess.run(
                            ["espeak-ng", "-v", voice, "-s", "150", "-w", str(wav), phrase],
                            check=True,
                        )
                    began = time.perf_counter()
                    text = recognizer.transcribe(sr.AudioData.from_file(str(wav))).text
                    spent += time.perf_counter() - began
                    e, n = wer(phrase, text)
                    errors, total = errors + e, total + n
                    absent = name_words - set(words(phrase))
                    chances += len(absent)
                    leaks += len(absent & set(words(text)))
                rows.append((voice, label, errors / total, leaks / max(1, chances), spent))
    print(f"{'stem':<8} {'prompt':<14} {'WER':>6} {'ingefluisterd':>14} {'s/zin':>6}")
    for voice, label, rate, leak, spent in rows:
        print(f"{voice:<8} {label:<14} {rate:6.1%} {leak:14.2%} {spent / len(PHRASES):6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
