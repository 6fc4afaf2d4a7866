"""Saving and reading attempts: whole round-trips, calls written as they happen, queries."""

from __future__ import annotations

import pytest

from simulator.call.record import CallEnd
from simulator.store import ABANDONED, FINISHED, StoreError, open_store
from simulator.store.versions import file_hash
from tests.store.conftest import FakeClock
from tests.store.samples import make_record, make_scorecard


def test_a_saved_attempt_comes_back_whole(store, clock: FakeClock) -> None:
    record, scorecard = make_record(), make_scorecard()
    attempt_id = store.save_attempt(
        record, scorecard, mode="toets", engine="faster-whisper", scenario_version="abc123"
    )
    stored = store.load_attempt(attempt_id)
    assert stored.record == record
    assert stored.scorecard == scorecard
    summary = stored.summary
    assert (summary.trainee, summary.scenario_id, summary.mode) == (
        "Pieter",
        "afval-boze-beller",
        "toets",
    )
    assert (summary.engine, summary.scenario_version, summary.status) == (
        "faster-whisper",
        "abc123",
        FINISHED,
    )
    assert summary.started_at == clock.now
    assert summary.total == scorecard.total and summary.passed is True
    assert summary.phases["afsluiting"] == 0.0 and summary.phases["aanvang"] == 100.0
    assert list(summary.phases) == ["algemeen", "aanvang", "analyse", "actie", "afsluiting"]


def test_the_scenario_version_is_the_hash_of_its_file(store) -> None:
    from simulator.scenario.loader import find_scenario

    attempt_id = store.save_attempt(make_record(), make_scorecard())
    expected = file_hash(find_scenario("afval-boze-beller"))
    assert store.load_attempt(attempt_id).summary.scenario_version == expected
    assert len(expected) == 64


def test_an_interrupted_call_keeps_every_event_and_reads_as_afgebroken(
    database_url, settings, clock
) -> None:
    record = make_record()
    writer = open_store(database_url, settings=settings, clock=clock)
    attempt = writer.begin_attempt("afval-boze-beller", trainee="Pieter", seed=3)
    for event in record.events[:6]:
        attempt.add_event(event)
    # The program dies here: no finish, no close. A new process opens the database.
    reader = open_store(database_url, settings=settings, clock=clock)
    stored = reader.load_attempt(attempt.id)
    assert stored.summary.status == ABANDONED
    assert stored.record.events == record.events[:6]
    assert stored.record.trainee == "Pieter" and stored.record.seed == 3
    assert stored.scorecard is None and stored.summary.total is None
    assert [a.status for a in reader.attempts()] == [ABANDONED]
    reader.close()
    writer.close()


def test_finishing_replaces_the_events_with_the_final_record(store) -> None:
    record = make_record()
    attempt = store.begin_attempt("afval-boze-beller", trainee="Pieter")
    attempt.add_events(record.events[:3])
    attempt.finish(record, make_scorecard())
    stored = store.load_attempt(attempt.id)
    assert stored.summary.status == FINISHED
    assert stored.record.events == record.events
    with pytest.raises(RuntimeError):
        attempt.add_event(record.events[0])


def test_a_call_ended_as_abandoned_stays_afgebroken_even_when_saved(store) -> None:
    record = make_record()
    record.events = [e for e in record.events if not isinstance(e, CallEnd)][:5]
    record.add(CallEnd(t=20.0, by="afgebroken"))
    attempt_id = store.save_attempt(record)
    summary = store.load_attempt(attempt_id).summary
    assert summary.status == ABANDONED and summary.total is None


def test_best_scores_history_and_rule_rates(store, clock: FakeClock) -> None:
    store.save_attempt(make_record(), make_scorecard({"analyse.samenvatten": "niet_gehaald"}))
    clock.advance(days=1)
    store.save_attempt(make_record(), make_scorecard({}))
    clock.advance(days=1)
    store.save_attempt(make_record(), make_scorecard({"analyse.samenvatten": "deels"}))
    store.save_attempt(make_record(scenario_id="collega-de-schuld"), make_scorecard())
    store.save_attempt(make_record("Anna"), make_scorecard({}))
    store.begin_attempt("afval-boze-beller", trainee="Pieter")  # never finished

    assert store.best_scores("Pieter") == {"afval-boze-beller": 100.0, "collega-de-schuld": 80.0}
    assert store.best_scores("Niemand") == {}
    history = store.history("Pieter")
    assert [a.total for a in history] == [80.0, 100.0, 90.0, 80.0, None]
    assert history[-1].status == ABANDONED
    assert [a.started_at.day for a in history] == [3, 4, 5, 5, 5]

    rates = store.rule_rates("Pieter")
    samenvatten = rates["analyse.samenvatten"]
    assert (samenvatten.met, samenvatten.partly, samenvatten.missed) == (2, 1, 1)
    assert rates["afsluiting.proefafsluiting"].missed == 1  # only the default scorecard
    last_two = store.rule_rates("Pieter", last=2)
    assert last_two["analyse.samenvatten"].applicable == 2
    assert last_two["analyse.samenvatten"].met_share == 0.5


def test_attempts_filter_by_trainee_and_period(store, clock: FakeClock) -> None:
    from datetime import date

    store.save_attempt(make_record("Anna"), make_scorecard())  # 3 March
    clock.advance(days=2)
    store.save_attempt(make_record("Bram"), make_scorecard())  # 5 March
    clock.advance(days=2)
    store.save_attempt(make_record("Anna"), make_scorecard())  # 7 March
    assert [a.trainee for a in store.attempts(since=date(2025, 3, 4))] == ["Bram", "Anna"]
    assert [a.trainee for a in store.attempts(until=date(2025, 3, 5))] == ["Anna", "Bram"]
    assert len(store.attempts(trainees=["Anna"])) == 2
    assert len(store.attempts(trainee="Bram", since=date(2025, 3, 6))) == 0


def test_participants_are_kept_in_order_without_repeats(store) -> None:
    assert store.participants() == []
    assert store.set_participants(["Anna", "  Bram  de  Boer ", "", "Anna"]) == [
        "Anna",
        "Bram de Boer",
    ]
    assert store.participants() == ["Anna", "Bram de Boer"]
    store.set_participants(["Cor"])
    assert store.participants() == ["Cor"]


def test_an_unknown_attempt_is_a_dutch_error(store) -> None:
    with pytest.raises(StoreError, match="Poging 42 staat niet in .*kcc-sim pogingen"):
        store.load_attempt(42)


def test_an_unknown_mode_is_refused(store) -> None:
    with pytest.raises(ValueError):
        store.begin_attempt("afval-boze-beller", mode="examen")
