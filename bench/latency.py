"""Response latency of a spoken call, the model's load time and the memory of a whole call.

Run: .venv/bin/python bench/latency.py [--snel] [--beam N]
(needs the espeak-ng command line: apt-get install espeak-ng)

Golden calls (the model call of every scenario) are played through the real SpokenCall with the
real recogniser, the real caller voice (pyttsx3 on espeak-ng, lines rendered before pick-up as the
app does) and real pygame playback (the dummy driver: no sound card here). The clock runs in real
time, except that the wait while a caller line plays out is skipped. Per trainee turn the caller
answers, from releasing the talk key (end of speech) to the moment the reply is handed to the
mixer; the first sample then follows within the mixer's buffer (512 samples at 22.05 kHz, 23 ms).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "audio"))
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import speech_recognition as sr  # noqa: E402
from spoken import (  # noqa: E402
    MICROPHONE_CHUNK,
    microphone_chunks,
    play_transcript,
    synthesise,
)

from simulator.audio.asr import WhisperRecognizer  # noqa: E402
from simulator.audio.playback import PygamePlayback  # noqa: E402
from simulator.audio.prerender import speaker_voice  # noqa: E402
from simulator.audio.tts import Pyttsx3Speaker  # noqa: E402
from simulator.audio.whisper_model import ModelChoice, base_model_dir, sha256_of  # noqa: E402
from simulator.call.engine import CallEngine  # noqa: E402
from simulator.call.replay import DEFAULT_GAP, Transcript, Turn, load_transcript  # noqa: E402
from simulator.call.session import SpokenCall  # noqa: E402
from simulator.scenario.loader import find_scenario, load_scenario  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"
QUICK = ("afval-boze-beller/model.yaml", "openingstijden-milieustraat/model.yaml")
POLL = 0.01  # the UI polls the session about every frame
TARGET_P95 = 1.0


def rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class SkippingClock:
    """Real time, except for the stretches skipped on purpose (a caller line playing out)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self.offset

    def skip(self, seconds: float) -> None:
        self.offset += max(0.0, seconds)


@dataclass
class Sample:
    total: float  # end of speech -> reply handed to the mixer
    recognition: float  # end of speech -> the utterance reached the engine
    prerendered: bool  # the reply's WAV was in the cache when the engine chose it


@dataclass
class CallRun:
    name: str
    samples: list[Sample] = field(default_factory=list)
    unanswered: int = 0
    prepare_seconds: float = 0.0


class Runner:
    def __init__(self, call: SpokenCall, clock: SkippingClock, speaker: Pyttsx3Speaker) -> None:
        self.call, self.clock, self.speaker = call, clock, speaker

    def poll(self) -> None:
        self.call.update()

    def advance(self, seconds: float) -> None:
        self.clock.skip(seconds)

    def silence(self, seconds: float) -> None:
        target = self.call.now() + seconds
        while self.call.now() < target and not self.call.engine.finished:
            self.clock.skip(0.1)
            self.settle()

    def settle(self) -> None:
        """Until nobody speaks and nothing is pending; a playing caller line is skipped over."""
        call = self.call
        while True:
            call.update()
            if call.quiet or (call.engine.finished and call.finished):
                return
            playing = call._playing
            if playing is not None:
                self.clock.skip(playing.ends - call.now())
            elif call._lines and call._lines[0].ready:
                self.clock.skip(call._lines[0].turn.t - call.now())
            else:
                time.sleep(POLL)  # rendering or recognising: real time

    def speak(self, wav: Path, interrupt: bool) -> Sample | None:
        call = self.call
        if interrupt:
            while not call.caller_speaking and not call.engine.finished and not call.quiet:
                self.settle_step()
            if call._playing is not None:
                self.clock.skip((call._playing.ends - call._playing.started) / 2)
        else:
            self.settle()
            self.clock.skip(DEFAULT_GAP)
        if call.engine.finished:
            return None
        audio = sr.AudioData.from_file(str(wav))
        call.talk_started()
        # The trainee speaks in real time: the microphone hands over a chunk every 46 ms and
        # finished pieces are recognised meanwhile (simulator/audio/streaming.py).
        chunk_seconds = MICROPHONE_CHUNK / audio.sample_rate
        began = time.perf_counter()
        for number, chunk in enumerate(microphone_chunks(audio), start=1):
            call.talk_audio(chunk, audio.sample_rate, audio.sample_width)
            call.update()
            time.sleep(max(0.0, began + number * chunk_seconds - time.perf_counter()))
        released = time.perf_counter()
        call.talk_ended(audio)
        heard_at, prerendered = None, False
        while True:
            for event in call.update():
                if event.kind in ("utterance", "not_heard") and heard_at is None:
                    heard_at = time.perf_counter()
                    if call.quiet or not call._lines:
                        return None  # the caller does not answer this turn
                    reply = call._lines[0].turn
                    voice = speaker_voice(call.scenario, reply.speaker, reply.mood)
                    prerendered = self.speaker.cached(reply.text, voice)
                elif event.kind == "caller_started" and heard_at is not None:
                    now = time.perf_counter()
                    return Sample(now - released, heard_at - released, prerendered)
                elif event.kind == "notice":
                    print(f"  melding: {event.text}")
            if heard_at is not None and call.quiet:
                return None
            time.sleep(POLL)

    def settle_step(self) -> None:
        self.call.update()
        if self.call._lines and self.call._lines[0].ready:
            self.clock.skip(self.call._lines[0].turn.t - self.call.now())
        time.sleep(POLL)


def run_call(
    transcript: Transcript,
    recognizer: WhisperRecognizer,
    speaker: Pyttsx3Speaker,
    playback: PygamePlayback,
    wavs: Path,
    name: str,
) -> CallRun:
    scenario = load_scenario(find_scenario(transcript.scenario))
    clock = SkippingClock()
    engine = CallEngine(scenario, seed=transcript.seed, trainee=transcript.medewerker)
    call = SpokenCall(
        scenario,
        tts=speaker,
        playback=playback,
        recognizer=recognizer,
        clock=clock,
        trainee=transcript.medewerker,
        engine=engine,
    )
    run = CallRun(name)
    runner = Runner(call, clock, speaker)

    def speak(turn: Turn) -> None:
        sample = runner.speak(synthesise(turn.zegt, wavs), turn.onderbreekt)
        if sample is None:
            run.unanswered += 1
        else:
            run.samples.append(sample)

    try:
        began = time.perf_counter()
        call.prepare()
        while not call.ready:
            call.update()
            time.sleep(POLL)
        run.prepare_seconds = time.perf_counter() - began
        play_transcript(call, transcript, runner, speak)
        runner.settle()
        if not engine.finished:
            call.hang_up()
        runner.settle()
    finally:
        call.close()
    return run


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snel", action="store_true", help=f"alleen {len(QUICK)} gesprekken")
    parser.add_argument("--beam", type=int, default=None, help="beam size van de herkenning")
    args = parser.parse_args(argv)
    paths = [GOLDEN / q for q in QUICK] if args.snel else sorted(GOLDEN.glob("*/model.yaml"))
    rss_start = current_rss_mb()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        began = time.perf_counter()
        model_dir = base_model_dir(folder / "whisper")  # joined from the two PyPI packages
        assemble = time.perf_counter() - began
        began = time.perf_counter()
        sha256_of(model_dir / "model.bin")
        check = time.perf_counter() - began
        options = {} if args.beam is None else {"beam_size": args.beam}
        recognizer = WhisperRecognizer(ModelChoice("base", model_dir), **options)
        began = time.perf_counter()
        recognizer.load()
        load = time.perf_counter() - began
        rss_model = current_rss_mb()
        speaker = Pyttsx3Speaker(cache=folder / "stemmen")
        playback = PygamePlayback()
        runs = []
        for path in paths:
            name = str(path.relative_to(GOLDEN)).removesuffix(".yaml")
            runs.append(
                run_call(load_transcript(path), recognizer, speaker, playback, folder, name)
            )
            last = runs[-1]
            print(
                f"  {name}: {len(last.samples)} antwoorden, voorbereiden "
                f"{last.prepare_seconds:.1f} s",
                flush=True,
            )
    samples = [s for r in runs for s in r.samples]
    print()
    print(f"model base (int8, CPU, beam {recognizer.beam_size}), {os.cpu_count()} kernen")
    print(f"  samenvoegen uit de PyPI-pakketten (eenmalig): {assemble:.2f} s")
    print(f"  SHA-256-controle: {check:.2f} s; laden: {load:.2f} s")
    print(
        f"  geheugen: {rss_start:.0f} MB bij de start, {rss_model:.0f} MB met het model, "
        f"piek {rss_mb():.0f} MB over {len(runs)} hele gesproken gesprekken"
    )
    print(
        f"  zinnen van de beller vooraf renderen: mediaan "
        f"{statistics.median(r.prepare_seconds for r in runs):.1f} s per scenario"
    )
    print()
    print(f"{'einde spraak -> antwoord beller':<34} {'n':>4} {'p50':>6} {'p95':>6} {'max':>6}")
    rows = (
        ("alleen herkenning", [s.recognition for s in samples]),
        ("tot het antwoord (alles)", [s.total for s in samples]),
        ("  antwoord was voorgerenderd", [s.total for s in samples if s.prerendered]),
        ("  antwoord ter plekke gerenderd", [s.total for s in samples if not s.prerendered]),
    )
    for label, values in rows:
        if values:
            print(
                f"{label:<34} {len(values):4d} {statistics.median(values):6.2f} "
                f"{percentile(values, 0.95):6.2f} {max(values):6.2f}"
            )
    totals = [s.total for s in samples]
    if totals:
        p95 = percentile(totals, 0.95)
        verdict = "gehaald" if p95 <= TARGET_P95 else "niet gehaald"
        print(f"doel p95 <= {TARGET_P95:.1f} s: {verdict} (p95 {p95:.2f} s)")
    print(f"beurten zonder antwoord van de beller: {sum(r.unanswered for r in runs)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
