"""The report of one attempt: the score screen's content and the marked transcript, offline."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from simulator.call.record import CallEnd
from simulator.report import ReportInfo, attempt_html, write_report, write_stored_report
from simulator.scoring.scorecard import Scorecard
from tests.report.offline import assert_self_contained
from tests.store.samples import make_record, make_scorecard

INFO = ReportInfo(started_at=datetime(2025, 3, 3, 9, 30, tzinfo=UTC), mode="toets", attempt_id=12)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_report_has_the_score_screen_content() -> None:
    scorecard = make_scorecard({"afsluiting.proefafsluiting": "niet_gehaald"})
    html = attempt_html(make_record(), scorecard, INFO)
    text = _text(html)
    assert "Geslaagd: 80%" in text and "Slaaggrens 60%" in text
    assert "maart 2025" in text and "Toets" in text and "poging 12" in text
    for rule in scorecard.rules:
        assert f'id="regel-{rule.rule_id}"' in html
        assert rule.title in text
    assert "niet gehaald Proefafsluiting" in text
    assert "Tip: Vraag of u nog ergens anders mee van dienst kunt zijn." in text
    assert "Voorbeeldzin: Kan ik u nog ergens anders mee van dienst zijn?" in text
    # Evidence with its time, linked to the line in the transcript where it was said.
    assert re.search(
        r'0:08</span>\s*<a href="#beurt-1"><q>Goedemorgen, gemeente Zaanstad</q>', html
    )
    # One bar per phase in the chart, and the total as a ring.
    assert html.count('class="bar"') == 5
    assert 'class="chart ring"' in html
    assert_self_contained(html)


def test_the_transcript_marks_the_evidence() -> None:
    html = attempt_html(make_record(), make_scorecard(), INFO)
    assert '<mark title="Openingszin">Goedemorgen, gemeente Zaanstad</mark>, u spreekt' in html
    assert '<mark title="Samenvatten met controlevraag">Als ik u goed begrijp</mark>' in html
    text = _text(html)
    assert "Mijn container is al twee weken niet geleegd!" in text
    assert "U neemt op na 2 keer overgaan." in text
    assert "Onderwerp afval" in text


def test_text_from_the_call_is_escaped() -> None:
    record = make_record()
    record.add(CallEnd(t=50.0))
    from simulator.call.record import TraineeTurn

    record.events.insert(4, TraineeTurn(t=9.0, end=9.5, text="<script>alert(1)</script>"))
    html = attempt_html(record, make_scorecard(), INFO)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_an_abandoned_unscored_call_still_shows_its_transcript() -> None:
    record = make_record()
    record.events = record.events[:5]
    html = attempt_html(record, None, ReportInfo(started_at=INFO.started_at, status="afgebroken"))
    text = _text(html)
    assert "Dit gesprek is afgebroken en niet beoordeeld." in text
    assert "Mijn container is al twee weken niet geleegd!" in text
    assert 'id="score"' not in html
    assert_self_contained(html)


def test_write_report_for_the_app_and_for_a_stored_attempt(tmp_path, store) -> None:
    path = write_report(make_record(), make_scorecard(), None, tmp_path / "rapporten")
    assert path.parent == tmp_path / "rapporten" and path.name.startswith(
        "rapport-afval-boze-beller-pieter-"
    )
    assert "Geslaagd" in path.read_text(encoding="utf-8")

    attempt_id = store.save_attempt(make_record(), make_scorecard(), mode="toets")
    out = write_stored_report(store.load_attempt(attempt_id), tmp_path / "poging.html")
    html = out.read_text(encoding="utf-8")
    assert f"poging {attempt_id}" in html and "Toets" in html
    assert "maandag 3 maart 2025" in html


def test_a_real_replayed_and_scored_call_round_trips_and_reports(store, tmp_path) -> None:
    from simulator.call.replay import load_transcript, replay
    from simulator.scenario.loader import find_scenario, load_scenario
    from simulator.scoring.scorer import score

    scenario = load_scenario(find_scenario("afval-boze-beller"))
    record = replay(scenario, load_transcript("tests/golden/afval-boze-beller/model.yaml"))
    scorecard = score(record, scenario)
    attempt_id = store.save_attempt(record, scorecard, engine="getypt")
    stored = store.load_attempt(attempt_id)
    assert stored.record == record
    assert stored.scorecard == scorecard
    assert Scorecard.from_dict(scorecard.to_dict()) == stored.scorecard

    html = write_stored_report(stored, tmp_path / "r.html", scenario).read_text(encoding="utf-8")
    assert scenario.titel in html
    assert f"{scorecard.total:.0f}%" in html
    quotes = [e.quote for r in scorecard.rules for e in r.evidence if e.quote.strip()]
    assert quotes and html.count("<mark") >= 1
    for rule in scorecard.rules:
        assert f'id="regel-{rule.rule_id}"' in html
    assert_self_contained(html)
