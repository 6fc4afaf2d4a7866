"""The spoken call session: real caller voice, injected clock, a fake loudspeaker."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest
import yaml

from simulator.call.engine import CallEngine
from simulator.call.session import RING_SECONDS, SpokenCall
from simulator.scenario.model import Scenario

SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "afval-boze-beller.yaml"
HAS_LANGUAGE = importlib.util.find_spec("simulator.language.moves") is not None


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class FakePlayback:
    """Records what was played; a line lasts as long as its WAV file."""

    def __init__(self) -> None:
        self.played: list[Path] = []
        self.stopped = 0
        self.busy = False

    def play(self, wav: Path) -> float:
        from simulator.audio.tts import wav_seconds

        self.played.append(wav)
        self.busy = True
        return wav_seconds(wav)

    def stop(self) -> None:
        self.stopped += 1
        self.busy = False


class FakeClassifier:
    def classify(self, text: str) -> list:
        return []


@pytest.fixture(scope="module")
def speaker(tmp_path_factory: pytest.TempPathFactory):
    from simulator.audio.tts import Pyttsx3Speaker

    return Pyttsx3Speaker(cache=tmp_path_factory.mktemp("stemmen"))


@pytest.fixture
def scenario() -> Scenario:
    return Scenario.model_validate(yaml.safe_load(SCENARIO.read_text()))


def wait_for(call: SpokenCall, kind: str, clock: FakeClock, step: float = 0.0) -> list:
    """Poll like a UI would until an event of `kind` arrives (workers run in real time)."""
    seen: list = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        seen += call.update()
        if any(e.kind == kind for e in seen):
            return seen
        clock.advance(step)
        time.sleep(0.01)
    raise AssertionError(f"no {kind} event; got {[e.kind for e in seen]}")


def make_call(scenario: Scenario, speaker, clock: FakeClock, playback: FakePlayback) -> SpokenCall:
    classifier = None if HAS_LANGUAGE else FakeClassifier()
    engine = CallEngine(scenario, classifier=classifier, trainee="Pieter")
    return SpokenCall(
        scenario, tts=speaker, playback=playback, clock=clock, trainee="Pieter", engine=engine
    )


def test_lines_are_rendered_before_pick_up_and_the_phone_rings(scenario, speaker) -> None:
    clock, playback = FakeClock(), FakePlayback()
    call = make_call(scenario, speaker, clock, playback)
    call.prepare(mood_reach=0)  # only the starting mood: keeps the test short
    assert not call.ready
    wait_for(call, "ready", clock)
    assert call.ready
    call.start()
    clock.advance(RING_SECONDS * 2 + 0.1)
    rings = [e for e in call.update() if e.kind == "ring"]
    assert [e.value for e in rings] == [1, 2, 3]
    call.close()


def test_the_phone_rings_once_the_starting_mood_is_rendered(tmp_path, scenario) -> None:
    """Other moods render during the call: nobody waits for lines that may never be said."""
    from simulator.audio.prerender import plan_lines
    from simulator.audio.tts import Pyttsx3Speaker

    speaker = Pyttsx3Speaker(cache=tmp_path)  # an empty cache: every line is rendered now
    planned = plan_lines(scenario, "Pieter", mood_reach=1)
    first = [line for line in planned if line.first]
    assert 0 < len(first) < len(planned)
    clock = FakeClock()
    call = make_call(scenario, speaker, clock, FakePlayback())
    call.prepare(mood_reach=1)
    wait_for(call, "ready", clock)
    assert all(speaker.cached(line.text, line.voice) for line in first)
    assert not all(speaker.cached(line.text, line.voice) for line in planned)
    call.close()


def test_silence_after_pick_up_makes_the_caller_speak_and_talking_stops_him(
    scenario, speaker
) -> None:
    clock, playback = FakeClock(), FakePlayback()
    call = make_call(scenario, speaker, clock, playback)
    call.start()
    call.update()
    call.pick_up()
    clock.advance(4.5)  # the caller waits about four seconds for a greeting
    events = wait_for(call, "caller_started", clock)
    started = next(e for e in events if e.kind == "caller_started")
    assert started.text == "Hallo? Bent u daar nog?"
    assert any(e.kind == "mood" for e in events)
    assert len(playback.played) == 1 and call.caller_speaking
    clock.advance(0.3)
    call.talk_started()
    assert playback.stopped == 1 and not call.caller_speaking
    ended = [e for e in call.update() if e.kind == "caller_ended"]
    assert ended == [] or ended[0].value is True
    call.close()


def test_a_line_ends_when_its_wav_has_played(scenario, speaker) -> None:
    clock, playback = FakeClock(), FakePlayback()
    call = make_call(scenario, speaker, clock, playback)
    call.start()
    call.pick_up()
    clock.advance(4.5)
    wait_for(call, "caller_started", clock)
    clock.advance(10)
    events = call.update()
    assert any(e.kind == "caller_ended" and e.value is False for e in events)
    call.close()


def test_without_voice_the_lines_are_shown_as_text(scenario) -> None:
    clock = FakeClock()
    classifier = None if HAS_LANGUAGE else FakeClassifier()
    engine = CallEngine(scenario, classifier=classifier)
    call = SpokenCall(scenario, clock=clock, engine=engine, notices=["Geen stem gevonden."])
    assert [e.kind for e in call.update()] == ["notice"]
    call.start()
    call.pick_up()
    clock.advance(4.5)
    events = call.update()
    assert [e.text for e in events if e.kind == "caller_started"] == ["Hallo? Bent u daar nog?"]
    assert call.ready  # nothing to render


@pytest.mark.skipif(not HAS_LANGUAGE, reason="simulator.language is not there yet")
def test_a_typed_answer_reaches_the_engine_and_the_caller_replies(scenario, speaker) -> None:
    clock, playback = FakeClock(), FakePlayback()
    call = make_call(scenario, speaker, clock, playback)
    call.start()
    call.pick_up()
    clock.advance(1.0)
    call.say_typed("Goedemorgen, gemeente Zaanstad, u spreekt met Pieter.")
    events = wait_for(call, "caller_started", clock, step=0.1)
    assert any(e.kind == "utterance" for e in events)
    turns = call.engine.record.trainee_turns
    assert turns and turns[0].text.startswith("Goedemorgen")
    call.close()


def test_held_background_jobs_wait_while_urgent_ones_run() -> None:
    from simulator.call.session import BACKGROUND, URGENT, Worker

    worker = Worker("test")
    try:
        worker.hold(True)
        worker.submit("later", lambda: "gerenderd", BACKGROUND)
        worker.submit("nu", lambda: "herkend", URGENT)
        deadline = time.monotonic() + 5
        done: list = []
        while not done and time.monotonic() < deadline:
            done += worker.results()
            time.sleep(0.01)
        time.sleep(0.2)
        done += worker.results()
        assert [tag for tag, _, _ in done] == ["nu"]  # the held one has not run
        worker.hold(False)
        while len(done) < 2 and time.monotonic() < deadline:
            done += worker.results()
            time.sleep(0.01)
        assert [tag for tag, _, _ in done] == ["nu", "later"]
    finally:
        worker.close()
