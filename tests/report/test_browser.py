"""The reports in a real headless Chromium: they render, the charts are in the DOM, and nothing
is fetched from the network."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from simulator.report.attempt import write_stored_report
from simulator.report.group import build_overview, write_group
from tests.report.offline import assert_self_contained
from tests.store.samples import make_record, make_scorecard

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (Debian package `chromium`)"
)
# No network at all: every host name resolves to nothing, so any fetch would fail visibly.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """SQLite only: the browser checks the HTML, which does not depend on the database."""
    return f"sqlite:///{tmp_path / 'resultaten.sqlite'}"


def chromium(page: Path, profile: Path, *extra: str) -> str:
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def check_in_browser(page: Path, tmp_path: Path, min_svgs: int) -> str:
    dom = chromium(page, tmp_path / "profiel-dom", "--dump-dom")
    assert dom.count("<svg") >= min_svgs
    assert len(re.findall(r"<rect[^>]*class=\"bar\"", dom)) >= 1
    assert_self_contained(dom)
    shot = tmp_path / f"{page.stem}.png"
    chromium(page, tmp_path / "profiel-foto", f"--screenshot={shot}", "--window-size=1000,1600")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    return dom


def test_the_attempt_report_renders_in_chromium(store, tmp_path: Path) -> None:
    attempt_id = store.save_attempt(make_record(), make_scorecard())
    page = write_stored_report(store.load_attempt(attempt_id), tmp_path / "poging.html")
    dom = check_in_browser(page, tmp_path, min_svgs=2)
    assert "<mark" in dom and "Geslaagd" in dom


def test_the_group_overview_renders_in_chromium(store, clock, tmp_path: Path) -> None:
    store.save_attempt(make_record("Anna"), make_scorecard())
    store.save_attempt(make_record("Bram"), make_scorecard({"analyse.samenvatten": "deels"}))
    page = tmp_path / "groep.html"
    write_group(build_overview(store, since=date(2025, 3, 1)), page, None)
    dom = check_in_browser(page, tmp_path, min_svgs=3)
    assert 'data-deelnemer="Bram"' in dom
