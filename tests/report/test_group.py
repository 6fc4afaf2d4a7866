"""The class overview: figures checked against the stored attempts, as HTML and as CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

from simulator.report.group import build_overview, group_csv, group_html
from tests.report.offline import assert_self_contained
from tests.store.samples import make_record, make_scorecard


def _fill(store, clock) -> None:
    """Anna improves; Bram misses the summary; Cor only broke a call off; Dirk is out of range."""
    store.save_attempt(make_record("Dirk"), make_scorecard({"aanvang.openingszin": "niet_gehaald"}))
    clock.advance(days=7)  # 10 March 2025
    store.save_attempt(make_record("Anna"), make_scorecard({"analyse.samenvatten": "niet_gehaald"}))
    clock.advance(hours=1)
    store.save_attempt(make_record("Anna"), make_scorecard({}))
    store.save_attempt(
        make_record("Bram"),
        make_scorecard({"analyse.samenvatten": "deels", "actie.controle": "nvt"}),
    )
    store.save_attempt(make_record("Bram"), make_scorecard({"analyse.samenvatten": "niet_gehaald"}))
    store.begin_attempt("afval-boze-beller", trainee="Cor")


def test_the_overview_figures_match_the_stored_attempts(store, clock) -> None:
    _fill(store, clock)
    overview = build_overview(store, since=date(2025, 3, 10), until=date(2025, 3, 10))
    assert [t.name for t in overview.trainees] == ["Anna", "Bram", "Cor"]
    anna, bram, cor = overview.trainees
    assert (len(anna.attempts), anna.finished, anna.abandoned) == (2, 2, 0)
    assert anna.latest.total == 100.0 and anna.best == 100.0
    assert bram.latest.total == 80.0 and bram.latest.phases["analyse"] == 0.0
    assert (len(cor.attempts), cor.abandoned, cor.latest) == (1, 1, None)
    assert overview.attempt_count == 5

    rules = {r.rule_id: r for r in overview.rules}
    # Latest applicable verdicts: Anna met everything; Bram missed the summary.
    assert (rules["analyse.samenvatten"].missed, rules["analyse.samenvatten"].applicable) == (1, 2)
    assert rules["analyse.samenvatten"].missed_by == ["Bram"]
    assert rules["actie.controle"].applicable == 2  # Bram's latest applicable one counts
    assert rules["aanvang.openingszin"].missed == 0  # Dirk's miss is outside the period
    assert overview.rules[0].rule_id == "analyse.samenvatten"  # the weakest point first
    assert overview.rules[0].share_not_met == 0.5


def test_a_list_of_names_limits_and_orders_the_trainees(store, clock) -> None:
    _fill(store, clock)
    overview = build_overview(store, since=date(2025, 3, 1), names=["Bram", "Eva", "Dirk"])
    assert [t.name for t in overview.trainees] == ["Bram", "Eva", "Dirk"]
    assert overview.trainees[1].attempts == []
    rules = {r.rule_id: r for r in overview.rules}
    assert rules["aanvang.openingszin"].missed_by == ["Dirk"]


def test_the_html_overview(store, clock) -> None:
    _fill(store, clock)
    html = group_html(build_overview(store, since=date(2025, 3, 10)))
    assert "vanaf 10 maart 2025" in html and "3 deelnemers" in html and "5 pogingen" in html
    assert 'data-deelnemer="Anna"' in html and 'data-regel="analyse.samenvatten"' in html
    first_rule = html.index('data-regel="analyse.samenvatten"')
    assert first_rule < html.index('data-regel="aanvang.openingszin"')
    assert html.count("<svg") >= 4  # rule chart, totals chart and a trend line per trainee
    assert_self_contained(html)


def test_an_empty_period_says_so(store) -> None:
    html = group_html(build_overview(store, since=date(2030, 1, 1)))
    assert "Er zijn in deze periode geen pogingen opgeslagen." in html


def test_the_csv_has_the_same_figures(store, clock) -> None:
    _fill(store, clock)
    overview = build_overview(store, since=date(2025, 3, 10))
    trainee_part, rule_part = group_csv(overview).split("\n\n")
    trainees = list(csv.DictReader(io.StringIO(trainee_part), delimiter=";"))
    assert [row["deelnemer"] for row in trainees] == ["Anna", "Bram", "Cor"]
    bram = trainees[1]
    assert (bram["pogingen"], bram["afgerond"], bram["afgebroken"]) == ("2", "2", "0")
    assert bram["laatste totaal (%)"] == "80,0" and bram["laatste analyse (%)"] == "0,0"
    assert bram["beste totaal (%)"] == "87,5" and bram["geslaagd"] == "ja"
    assert trainees[2]["laatste totaal (%)"] == "" and trainees[2]["afgebroken"] == "1"
    rules = list(csv.DictReader(io.StringIO(rule_part), delimiter=";"))
    assert rules[0]["regel"] == "analyse.samenvatten"
    assert rules[0]["aandeel niet (helemaal) gehaald (%)"] == "50,0"
    assert rules[0]["wie"] == "Bram" and rules[0]["fase"] == "Analyse"
    assert len(rules) == len(overview.rules) == 5
