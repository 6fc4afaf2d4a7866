"""Voice recordings: off by default; old ones are deleted after the retention time, nothing else."""

from __future__ import annotations

import dataclasses

from simulator.store import open_store
from tests.store.samples import make_record, make_scorecard

WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(range(64))


def test_audio_is_not_kept_unless_switched_on(store) -> None:
    attempt = store.begin_attempt("afval-boze-beller", trainee="Pieter")
    assert attempt.add_audio(8.0, WAV) is False
    assert store.audio(attempt.id) == []


def test_old_audio_is_deleted_and_only_audio(database_url, settings, clock) -> None:
    settings = dataclasses.replace(settings, store_audio=True, audio_retention_days=30)
    store = open_store(database_url, settings=settings, clock=clock)
    old = store.begin_attempt("afval-boze-beller", trainee="Pieter")
    assert old.add_audio(8.0, WAV)
    assert old.add_audio(17.0, WAV[::-1])
    old.finish(make_record(), make_scorecard())
    clock.advance(days=20)
    recent = store.begin_attempt("afval-boze-beller", trainee="Anna")
    recent.add_audio(8.0, WAV)
    recent.finish(make_record("Anna"), make_scorecard())
    assert [clip.wav for clip in store.audio(old.id)] == [WAV, WAV[::-1]]

    assert store.purge_audio() == 0  # nothing is 30 days old yet
    clock.advance(days=11)  # the first recordings are now 31 days old, the other 11
    assert store.purge_audio() == 2
    assert store.audio(old.id) == []
    assert [clip.t for clip in store.audio(recent.id)] == [8.0]
    # The attempt itself, its transcript and its scores are all still there.
    kept = store.load_attempt(old.id)
    assert kept.record == make_record() and kept.scorecard == make_scorecard()
    store.close()

    # Opening the store applies the retention too.
    clock.advance(days=30)
    reopened = open_store(database_url, settings=settings, clock=clock)
    assert reopened.audio(recent.id) == []
    assert len(reopened.attempts()) == 2
    reopened.close()
