"""The trainer's guide: its worked example validates, and its sample output is the real output."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulator.scenario.commands import run_valideer

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "scenario-schrijven.md"


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def worked_example() -> str:
    return re.search(r"```yaml\n(# Grofvuil.*?)```", guide(), re.DOTALL).group(1)


def test_worked_example_has_no_errors_and_no_warnings(tmp_path: Path, capsys):
    file = tmp_path / "grofvuil-afspraak.yaml"
    file.write_text(worked_example(), encoding="utf-8")
    args = type("Args", (), {"paden": [str(file)], "streng": True})()
    assert run_valideer(args) == 0, capsys.readouterr().out


def test_sample_output_in_the_guide_is_what_valideer_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    broken = (
        worked_example()
        .replace("moeilijkheid: 1", "moeilijkheid: drie")
        .replace("  stemming: 2", "  stemmming: 2")
        .replace("        naar: vertelt\n      - feit", "        naar: vertel\n      - feit", 1)
    )
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "grofvuil-afspraak.yaml").write_text(broken, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = type("Args", (), {"paden": ["scenarios/grofvuil-afspraak.yaml"], "streng": False})()
    assert run_valideer(args) == 1
    printed = capsys.readouterr().out
    sample = re.search(r"```\n(scenarios/grofvuil.*?)```", guide(), re.DOTALL).group(1)
    assert printed == sample


def test_placeholder_sections_for_others_exist():
    text = guide()
    assert "\n## Transcripten\n" in text
    assert "\n## Dekkingstabel\n" in text
