"""`valideer` and `schema` as a trainer runs them: exit codes, messages, no tracebacks."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.scenario.commands import register
from tests.scenario.conftest import FIXTURES

REPO = Path(__file__).resolve().parents[2]


def run(*argv: str) -> int:
    """Our subcommands in a bare argparse parser, as `simulator/cli.py` wires them."""
    parser = argparse.ArgumentParser(prog="kcc-sim")
    register(parser.add_subparsers())
    args = parser.parse_args(list(argv))
    return args.func(args)


def run_cli(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", *argv],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_valideer_good_file_exits_0(capsys: pytest.CaptureFixture[str]):
    assert run("valideer", str(FIXTURES / "geldig.yaml")) == 0
    assert capsys.readouterr().out.strip() == "0 fouten, 0 waarschuwingen in 1 bestand"


def test_valideer_broken_file_prints_every_problem_with_a_caret(
    capsys: pytest.CaptureFixture[str],
):
    assert run("valideer", str(FIXTURES / "drie-fouten.yaml")) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith(
        "drie-fouten.yaml:5:15: fout: `moeilijkheid` moet een geheel getal "
        "van 1 tot 5 zijn, bijvoorbeeld `moeilijkheid: 3`."
    )
    assert lines[1] == "  5 | moeilijkheid: drie"
    assert lines[2] == "    |               ^"
    assert lines[-1] == "3 fouten, 0 waarschuwingen in 1 bestand"


def test_warnings_pass_unless_streng(capsys: pytest.CaptureFixture[str]):
    file = str(FIXTURES / "lint-onbereikbaar.yaml")
    assert run("valideer", file) == 0
    assert run("valideer", "--streng", file) == 1
    assert "0 fouten, 1 waarschuwing in 1 bestand" in capsys.readouterr().out


def test_valideer_a_folder_and_a_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    (tmp_path / "geldig.yaml").write_bytes((FIXTURES / "geldig.yaml").read_bytes())
    assert run("valideer", str(tmp_path)) == 0
    assert run("valideer", str(tmp_path / "weg.yaml")) == 1
    assert "bestaat niet" in capsys.readouterr().out


def test_schema_written_to_a_file(tmp_path: Path):
    target = tmp_path / "scenario.schema.json"
    assert run("schema", "--uit", str(target)) == 0
    assert "toestanden" in json.loads(target.read_text(encoding="utf-8"))["properties"]


def test_cli_broken_file_exits_1_without_traceback():
    result = run_cli("valideer", str(FIXTURES / "tabs.yaml"))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "tabs.yaml:12:1: fout:" in result.stdout


def test_cli_real_scenarios_exit_0():
    result = run_cli("valideer")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().startswith("0 fouten, 0 waarschuwingen in ")


def test_cli_schema_prints_json():
    result = run_cli("schema")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "Scenario"
