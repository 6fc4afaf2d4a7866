"""The Dutch scorecard text, and `beoordeel` run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from simulator.scoring.render import bar, clock, render_text
from simulator.scoring.scorer import score
from tests.scoring.factory import Script, good_call, scenario

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"


def beoordeel(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "simulator", "beoordeel", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_clock_and_bar() -> None:
    assert clock(0) == "00:00" and clock(75.9) == "01:15"
    assert bar(50, width=10) == "█████░░░░░"


def test_render_shows_totals_phases_evidence_tips_and_model_phrases() -> None:
    s = Script()
    s.trainee("Goedemiddag, gemeente Zaanstad.", "begroeting")
    sc = scenario()
    text = render_text(score(s.end(), sc), sc)
    assert "Totaal:" in text and "NIET GESLAAGD" in text
    assert "Aanvang" in text and "░" in text
    assert "Openingszin: deels" in text
    assert "00:07 “Goedemiddag, gemeente Zaanstad.”" in text
    assert "Tip: Kijk op de klok" in text
    assert "Zo kan het: “Goede morgen/middag, gemeente Zaanstad.”" in text
    assert "mevrouw de Vries, ik heb voor u het volgende voorstel" in text  # personalised
    assert "n.v.t." in text


def test_render_of_a_good_call_has_no_tips() -> None:
    sc = scenario()
    text = render_text(score(good_call().record, sc), sc)
    assert "GESLAAGD" in text and "NIET GESLAAGD" not in text
    assert "Tip:" not in text


def test_beoordeel_prints_the_scorecard() -> None:
    result = beoordeel(
        "afval-boze-beller", str(GOLDEN / "afval-boze-beller" / "fout-geen-naam.yaml")
    )
    assert result.returncode == 0, result.stderr
    assert "Naam van de beller noemen: niet gehaald" in result.stdout
    assert "Traceback" not in result.stderr


def test_beoordeel_json_and_pass_mark() -> None:
    path = GOLDEN / "doorverbinden-collega-afwezig" / "model.yaml"
    result = beoordeel("doorverbinden-collega-afwezig", str(path), "--json", "--slaaggrens", "95")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["pass_mark"] == 95 and data["total"] >= 95 and data["passed"] is True
    assert {r["rule_id"] for r in data["rules"]} >= {"actie.terugbelafspraak"}


def test_beoordeel_bad_input_gets_dutch_messages_without_traceback(tmp_path) -> None:
    missing = beoordeel("afval-boze-beller", str(tmp_path / "weg.yaml"))
    assert missing.returncode == 1
    assert "kan niet worden gelezen" in missing.stderr and "Traceback" not in missing.stderr
    broken = tmp_path / "kapot.yaml"
    broken.write_text("scenario: afval-boze-beller\nbeurten:\n  - zeg: hoi\n", encoding="utf-8")
    result = beoordeel("afval-boze-beller", str(broken))
    assert result.returncode == 1 and "geen bekend veld" in result.stderr
    unknown = beoordeel("bestaat-niet", str(broken))
    assert unknown.returncode == 1 and "Traceback" not in unknown.stderr
    bad_mark = beoordeel("afval-boze-beller", str(broken), "--slaaggrens", "150")
    assert bad_mark.returncode == 2 and "slaaggrens" in bad_mark.stderr
