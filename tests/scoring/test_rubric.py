"""The rubric file: every rule of rubric.md, typed; broken rubrics get Dutch messages with lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulator.scoring.rubric import RubricError, load_rubric, parse_rubric
from simulator.scoring.rules import RULE_TYPES

RUBRIC_MD = Path("/work/shared/domain/rubric.md")
WERKAFSPRAKEN = Path("/work/shared/domain/werkafspraken-inwonercontact.txt")
EXPECTED_IDS = {
    "algemeen.opnemen", "algemeen.empathie", "algemeen.professioneel", "algemeen.stemgebruik",
    "algemeen.taalgebruik", "algemeen.naam_beller", "algemeen.registratie",
    "aanvang.openingszin", "aanvang.naam_bekend",
    "analyse.lsd", "analyse.samenvatten", "analyse.klantgegevens", "analyse.regie",
    "actie.informatie", "actie.controle", "actie.onbekende_vraag", "actie.doorverbinden",
    "actie.verwijzen", "actie.terugbelafspraak", "actie.email",
    "afsluiting.proefafsluiting", "afsluiting.naam", "afsluiting.persoonlijke_noot",
}  # fmt: skip

GOOD_RULE = """
regels:
  - id: algemeen.opnemen
    fase: algemeen
    gewicht: 3
    titel: Op tijd opnemen
    beschrijving: Neem op.
    tip: Neem op.
    type: opnemen
    parameters:
      max_beltonen: 3
"""


def test_packaged_rubric_has_every_rule_of_rubric_md() -> None:
    rubric = load_rubric()
    assert set(rubric.ids) == EXPECTED_IDS
    if RUBRIC_MD.exists():
        documented = set(re.findall(r"`((?:algemeen|aanvang|analyse|actie|afsluiting)\.\w+)`",
                                    RUBRIC_MD.read_text("utf-8")))  # fmt: skip
        assert documented == set(rubric.ids)
    for rule in rubric:
        assert rule.id.split(".")[0] == rule.fase
        assert rule.type in RULE_TYPES
        assert rule.titel and rule.beschrijving and rule.tip


def test_model_phrases_come_from_the_werkafspraken() -> None:
    if not WERKAFSPRAKEN.exists():
        pytest.skip("werkafspraken not available")
    source = " ".join(WERKAFSPRAKEN.read_text("utf-8").split())
    verbatim = [
        "aanvang.openingszin",
        "analyse.regie",
        "actie.controle",
        "actie.onbekende_vraag",
        "actie.terugbelafspraak",
        "afsluiting.proefafsluiting",
        "afsluiting.persoonlijke_noot",
    ]
    rubric = load_rubric()
    for rule_id in verbatim:
        phrase = rubric.rule(rule_id).modelzin
        assert phrase and phrase in source, rule_id
    for rule in rubric:
        if rule.werkafspraak:
            assert " ".join(rule.werkafspraak.split()) in source or rule.id in {
                "algemeen.empathie",
                "algemeen.taalgebruik",
                "algemeen.registratie",
            }, rule.id


def test_a_minimal_rule_loads() -> None:
    rubric = parse_rubric(GOOD_RULE)
    assert rubric.rule("algemeen.opnemen").params.max_beltonen == 3


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("type: opnemen", "type: opnemn"), "rubric.yaml:9: fout: regels.1: onbekend regeltype"),
        (("type: opnemen", "type: opnemn"), "kies uit: afsluiting, beweging"),
        (("max_beltonen: 3", "max_bel: 3"), "'max_bel' is geen bekende parameter"),
        (("max_beltonen: 3", "max_bel: 3"), "rubric.yaml:10: fout:"),
        (
            ("tip: Neem op.", "tip: Neem op.\n    kleur: rood"),
            "rubric.yaml:9: fout: 'regels.1.kleur'",
        ),
        (("fase: algemeen", "fase: middag"), "'regels.1.fase' moet een van deze zijn"),
        (("gewicht: 3", "gewicht: -1"), "rubric.yaml:5:"),
        (("regels:", "regels: [\n"), "geen geldige YAML"),
    ],
)
def test_broken_rubrics_get_dutch_messages_with_a_place(change, expected) -> None:
    text = GOOD_RULE.replace(*change)
    with pytest.raises(RubricError) as info:
        parse_rubric(text)
    assert expected in str(info.value)


def test_duplicate_ids_are_refused() -> None:
    body = GOOD_RULE.split("regels:\n", 1)[1]
    with pytest.raises(RubricError, match="staat er twee keer in"):
        parse_rubric("regels:\n" + body + body)
