"""From the end of the trainee's speech to the caller's first sample, and the model's cost.

Run: .venv/bin/python bench/latency.py   (needs the espeak-ng command line)
Per phrase: recognise (faster-whisper, base, int8, CPU) + the caller's reply line from the voice
cache (pre-rendered) or rendered on the spot + start of playback (pygame, dummy driver here).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import speech_recognition as sr  # noqa: E402
from phrases import PHRASES  # noqa: E402

from simulator.audio.asr import WhisperRecognizer  # noqa: E402
from simulator.audio.playback import PygamePlayback  # noqa: E402
from simulator.audio.tts import Pyttsx3Speaker  # noqa: E402
from simulator.call.voice import VoiceSettings  # noqa: E402

REPLY = "Ja, en wat gaat u er nu aan doen? Ik heb geen zin om weer een week te wachten."
COUNT = 20


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    recognizer = WhisperRecognizer()
    began = time.perf_counter()
    recognizer.load()
    load_seconds = time.perf_counter() - began
    rss_model = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory() as folder:
        speaker = Pyttsx3Speaker(cache=Path(folder) / "stemmen")
        playback = PygamePlayback()
        voice = VoiceSettings("man", 191, 1.0, 40)
        speaker.render(REPLY, voice)  # pre-rendered, as before the phone is picked up
        hits, misses, recognition = [], [], []
        for index, phrase in enumerate(PHRASES[:COUNT]):
            wav = Path(folder) / f"{index}.wav"
            subprocess.run(["espeak-ng", "-v", "nl+m7", "-w", str(wav), phrase], check=True)
            audio = sr.AudioData.from_file(str(wav))
            start = time.perf_counter()  # the trainee stops speaking
            recognizer.transcribe(audio)
            heard = time.perf_counter()
            playback.play(speaker.render(REPLY, voice))
            hits.append(time.perf_counter() - start)
            recognition.append(heard - start)
            fresh = time.perf_counter()
            playback.play(speaker.render(f"{REPLY} ({index})", voice))
            misses.append(heard - start + time.perf_counter() - fresh)
            playback.stop()
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"model {recognizer.model.name}: laden {load_seconds:.2f} s, geheugen "
        f"{rss_model - rss_before:.0f} MB erbij, piek proces {rss_peak:.0f} MB"
    )
    print(f"{'einde spraak -> eerste sample':<36} {'p50':>6} {'p95':>6}")
    for label, values in (
        ("alleen herkenning", recognition),
        ("zin uit de cache (voorgerenderd)", hits),
        ("zin ter plekke gemaakt", misses),
    ):
        print(f"{label:<36} {statistics.median(values):6.2f} {percentile(values, 0.95):6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
