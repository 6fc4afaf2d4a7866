"""Do spoken phrases get the same conversational moves as typed ones?

Run: .venv/bin/python bench/spoken_vs_typed.py   (needs espeak-ng and simulator.language)
Per phrase: moves of the typed text vs moves of the base model's transcript of espeak speech.
Prints how many moves survive recognition, and moves that appear only in the transcript.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import speech_recognition as sr  # noqa: E402
from phrases import PHRASES, VOICES  # noqa: E402

from simulator.audio.asr import WhisperRecognizer  # noqa: E402


def main() -> int:
    try:
        from simulator.language.moves import MoveClassifier
    except ImportError:
        print("simulator.language.moves ontbreekt nog; deze meting kan pas daarna.")
        return 1
    classifier = MoveClassifier()
    recognizer = WhisperRecognizer()
    kept = total = extra = 0
    with tempfile.TemporaryDirectory() as folder:
        for voice in VOICES:
            for index, phrase in enumerate(PHRASES):
                wav = Path(folder) / f"{voice}-{index}.wav"
                subprocess.run(["espeak-ng", "-v", voice, "-w", str(wav), phrase], check=True)
                text = recognizer.transcribe(sr.AudioData.from_file(str(wav))).text
                typed = {hit.move for hit in classifier.classify(phrase)}
                spoken = {hit.move for hit in classifier.classify(text)}
                kept += len(typed & spoken)
                total += len(typed)
                extra += len(spoken - typed)
    print(f"bewegingen behouden na herkenning: {kept}/{total} ({kept / max(1, total):.0%})")
    print(f"bewegingen alleen in de herkende tekst: {extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
