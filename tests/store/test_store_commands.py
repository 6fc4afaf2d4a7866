"""The results commands end to end through `kcc-sim`'s own entry point."""

from __future__ import annotations

import csv
import io
import os

import pytest

from simulator.cli import main
from simulator.store import open_store
from tests.store.samples import make_record, make_scorecard


@pytest.fixture
def db(tmp_path, settings, clock, monkeypatch) -> str:
    monkeypatch.setenv("KCC_SIM_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("KCC_SIM_DATA", str(tmp_path / "data"))
    path = str(tmp_path / "klas.sqlite")
    with open_store(path, settings=settings, clock=clock) as store:
        store.save_attempt(make_record("Anna"), make_scorecard())
        store.save_attempt(make_record("Bram"), make_scorecard({"analyse.samenvatten": "deels"}))
        store.begin_attempt("afval-boze-beller", trainee="Bram")
    return path


def test_pogingen_lists_the_attempts(db, capsys) -> None:
    assert main(["pogingen", "--database", db]) == 0
    out = capsys.readouterr().out
    assert "Anna" in out and "80%" in out and "afgebroken" in out
    assert main(["pogingen", "--database", db, "--deelnemer", "Bram"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3 and "Anna" not in "".join(lines)
    assert "03-03-2025" in lines[1]


def test_rapport_writes_one_attempts_report(db, tmp_path, capsys) -> None:
    out_file = tmp_path / "rapport.html"
    assert main(["rapport", "1", "--database", db, "--uit", str(out_file)]) == 0
    html = out_file.read_text(encoding="utf-8")
    from simulator.scenario.loader import find_scenario, load_scenario

    assert load_scenario(find_scenario("afval-boze-beller")).titel in html
    assert "poging 1" in html
    assert str(out_file) in capsys.readouterr().out
    assert main(["rapport", "99", "--database", db]) == 1
    assert "Poging 99 staat niet in" in capsys.readouterr().err


def test_groep_writes_html_and_csv(db, tmp_path, capsys) -> None:
    html_file, csv_file = tmp_path / "groep.html", tmp_path / "groep.csv"
    args = ["groep", "--van", "1-3-2025", "--tot", "2025-03-31", "--database", db]
    assert main([*args, "--uit", str(html_file), "--csv", str(csv_file)]) == 0
    assert "2 deelnemers, 3 pogingen." in capsys.readouterr().out
    assert "Groepsoverzicht" in html_file.read_text(encoding="utf-8")
    text = csv_file.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text.split("\n\n")[0]), delimiter=";"))
    assert [row[0] for row in rows[1:]] == ["Anna", "Bram"]
    assert main([*args, "--deelnemers", "Anna", "--csv", str(csv_file)]) == 0
    assert "Bram" not in csv_file.read_text(encoding="utf-8-sig").split("\n\n")[0]


def test_groep_rejects_a_date_it_cannot_read(db, capsys) -> None:
    assert main(["groep", "--van", "31-2-2025", "--database", db]) == 1
    assert "De datum '31-2-2025' is niet te lezen" in capsys.readouterr().err


def test_klas_stores_the_participants(db, capsys) -> None:
    assert main(["klas", "Anna", "Bram", "--database", db]) == 0
    assert main(["klas", "--database", db]) == 0
    assert "Anna\n  Bram" in capsys.readouterr().out
    with open_store(db) as store:
        assert store.participants() == ["Anna", "Bram"]
    assert main(["klas", "--leeg", "--database", db]) == 0
    with open_store(db) as store:
        assert store.participants() == []


def test_a_corrupt_database_is_a_dutch_message_not_a_traceback(tmp_path, capsys) -> None:
    path = tmp_path / "kapot.sqlite"
    path.write_bytes(os.urandom(2048))
    before = path.read_bytes()
    assert main(["pogingen", "--database", str(path)]) == 1
    err = capsys.readouterr().err
    assert "beschadigd" in err and str(path) in err and "Traceback" not in err
    assert path.read_bytes() == before
