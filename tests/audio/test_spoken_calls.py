"""Whole spoken calls end to end with real engines: the trainee turns of golden calls are spoken by
espeak-ng (another voice than the caller's), heard by the real faster-whisper base model through
the real SpokenCall (the clock is the only fake), and scored.

Recognition of synthetic speech by the base model is poor, so these tests assert what the
pipeline must guarantee whatever it hears: every spoken turn gets an answer with timings and
confidence, the call completes, failures resting on unsure recognition are marked uncertain
instead of failed, and nothing is marked met on words that were not spoken.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest
import speech_recognition as sr
from spoken import SpokenResult, speak_call, synthesise

from simulator.audio.asr import audio_seconds
from simulator.call.record import Registration
from simulator.call.replay import load_transcript
from simulator.call.session import SpokenCall
from simulator.language.match import mentions_name
from simulator.language.normalize import normalize
from simulator.scenario.loader import find_scenario, load_scenario
from simulator.scenario.model import Scenario
from simulator.scoring.rubric import load_rubric
from simulator.scoring.scorecard import Scorecard
from simulator.scoring.scorer import LOW_CONFIDENCE, score

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
# A good call, and a bad one in which the trainee never says the caller's name (the recogniser
# must not put it in the trainee's mouth).
CALLS = ("afval-boze-beller/model.yaml", "afval-boze-beller/fout-geen-naam.yaml")
FAILING = ("niet_gehaald", "deels")
# Rule types that do not rest on what the trainee said.
NOT_SPEECH = ("opnemen", "registratie")


@dataclass
class SpokenGolden:
    scenario: Scenario
    result: SpokenResult
    card: Scorecard


@pytest.fixture(scope="session")
def wav_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("medewerker-wav")


@pytest.fixture(scope="module", params=CALLS, ids=[c.removesuffix(".yaml") for c in CALLS])
def spoken(request: pytest.FixtureRequest, whisper, wav_folder: Path) -> SpokenGolden:
    transcript = load_transcript(GOLDEN / request.param)
    scenario = load_scenario(find_scenario(transcript.scenario))
    # As `kcc-sim oefen` recognises: no names prompt.
    result = speak_call(scenario, transcript, whisper, wav_folder)
    return SpokenGolden(scenario, result, score(result.record, scenario))


def test_every_spoken_turn_is_answered_with_timings_and_confidence(spoken) -> None:
    said = spoken.result.said
    assert said, "no trainee turn was spoken"
    for turn in said:
        assert turn.heard in ("utterance", "not_heard"), f"no answer for: {turn.text}"
        heard = turn.utterance
        if turn.heard == "not_heard":
            assert heard.empty and heard.confidence == 0.0
            continue
        assert heard.text.strip() and heard.words
        assert 0.0 < heard.confidence <= 1.0
        # Times are call times inside the stretch the trainee held the talk key.
        assert turn.began <= heard.start < heard.end <= turn.began + turn.seconds + 0.5
        starts = [w.start for w in heard.words]
        assert starts == sorted(starts)
        assert all(heard.start <= w.start <= w.end <= heard.end for w in heard.words)
        assert all(0.0 <= w.probability <= 1.0 for w in heard.words)


def test_what_was_heard_is_what_the_record_holds(spoken) -> None:
    heard = [t.utterance for t in spoken.result.said if t.heard == "utterance"]
    turns = spoken.result.record.trainee_turns
    assert [(t.text, t.t, t.end, t.confidence, t.words) for t in turns] == [
        (u.text, u.start, u.end, u.confidence, u.words) for u in heard
    ]
    assert not any(t.typed for t in turns)


def test_the_call_completes(spoken) -> None:
    record, events = spoken.result.record, spoken.result.events
    assert record.ended is not None
    end = record.events.index(record.ended)
    assert all(isinstance(e, Registration) for e in record.events[end + 1 :])
    assert [e.kind for e in events].count("ended") == 1
    assert events[-1].kind == "ended" and events[-1].value == record.ended


def test_caller_lines_carry_their_playback_times(spoken) -> None:
    """The session tells the engine when each line really played (engine.played), so the record
    holds the times the trainee heard, not the engine's estimates."""
    events = spoken.result.events
    started = [e for e in events if e.kind == "caller_started"]
    ended = [e for e in events if e.kind == "caller_ended"]
    lines = spoken.result.record.caller_turns
    assert started and len(started) == len(ended) == len(lines)
    for start, end, line in zip(started, ended, lines, strict=True):
        assert (line.text, line.t) == (start.turn.text, start.t)
        assert line.interrupted == end.value
        if not line.interrupted:
            assert line.end == pytest.approx(end.t, abs=0.01)
    for earlier, later in pairwise(lines):
        assert earlier.end <= later.t + 0.01, "two caller lines overlap"


def test_failures_on_unsure_recognition_are_uncertain_not_failed(spoken) -> None:
    turns = [t for t in spoken.result.record.trainee_turns if t.to == "beller"]
    by_time = {t.t: t for t in turns}
    all_unsure = all(t.confidence < LOW_CONFIDENCE for t in turns)
    rules, _ = load_rubric().for_scenario(spoken.scenario)
    types = {r.id: r.type for r in rules}
    checked = 0
    for rule in spoken.card.rules:
        if rule.verdict not in FAILING or types[rule.rule_id] in NOT_SPEECH:
            continue
        cited = [by_time[e.t] for e in rule.evidence if e.t in by_time]
        if all_unsure or any(t.confidence < LOW_CONFIDENCE for t in cited):
            checked += 1
            assert rule.uncertain, f"{rule.rule_id} failed on unsure recognition"
            assert rule.points == rule.max_points == 0.0
    assert checked, "the call gave no failing verdict on unsure recognition to check"


def test_no_rule_is_met_by_words_that_were_not_spoken(spoken) -> None:
    record = spoken.result.record
    recognised = {t.t: normalize(t.text) for t in record.trainee_turns}
    heard_anywhere = " | ".join(recognised.values())
    golden = normalize(" ".join(t.text for t in spoken.result.said))
    for rule in spoken.card.rules:
        if rule.verdict not in ("gehaald", "deels"):
            continue
        for evidence in rule.evidence:
            quote = normalize(evidence.quote.rstrip("…"))
            if evidence.t in recognised:
                assert quote in recognised[evidence.t], f"{rule.rule_id}: {evidence.quote}"
            elif quote and quote in golden:
                assert quote in heard_anywhere, f"{rule.rule_id} quotes unspoken words"
    # Only a trainee who said the caller's name can be credited for it.
    surname = spoken.scenario.beller.achternaam
    named = any(mentions_name(t.text, surname) for t in spoken.result.said)
    for rule_id in ("algemeen.naam_beller", "afsluiting.naam"):
        if not named:
            assert spoken.card.rule(rule_id).verdict not in ("gehaald", "deels")
    for turn in spoken.result.said:
        if turn.heard == "utterance" and surname.lower() not in turn.text.lower():
            assert surname.lower() not in turn.utterance.text.lower(), turn.utterance.text


def test_a_typed_answer_in_a_spoken_call_is_flagged_typed(whisper, wav_folder: Path) -> None:
    scenario = load_scenario(find_scenario("afval-boze-beller"))
    greeting = synthesise("Goedemorgen, gemeente Zaanstad, u spreekt met Pieter.", wav_folder)
    audio = sr.AudioData.from_file(str(greeting))
    now = [0.0]
    call = SpokenCall(scenario, recognizer=whisper, clock=lambda: now[0], trainee="Pieter")
    events = []
    try:
        call.start()
        now[0] = 7.0
        events += call.update()
        call.pick_up()
        call.talk_started()
        now[0] += audio_seconds(audio)
        call.talk_ended(audio)
        deadline = time.monotonic() + 60
        while not any(e.kind == "utterance" for e in events) and time.monotonic() < deadline:
            events += call.update()
            time.sleep(0.02)
        now[0] += 30.0  # the caller's opening has been said
        events += call.update()
        call.say_typed("Wat vervelend voor u, meneer Bakker.")
        events += call.update()
    finally:
        call.close()
    turns = call.engine.record.trainee_turns
    assert [t.typed for t in turns] == [False, True]
    assert turns[0].words and turns[0].confidence < 1.0
    assert (turns[1].text, turns[1].confidence) == ("Wat vervelend voor u, meneer Bakker.", 1.0)
