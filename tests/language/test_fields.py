import pytest

from simulator.language.fields import FIELD_KEYS, requested_fields


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Mag ik uw postcode en huisnummer?", ["postcode", "huisnummer"]),
        ("Waar woont u?", ["adres", "woonplaats"]),
        ("Wanneer bent u geboren?", ["geboortedatum"]),
        ("wat is uw geboortedatum", ["geboortedatum"]),
        ("Woont u nog steeds op de Rosmolenstraat 12?", ["adres"]),
        ("Op welk nummer kan ik u bereiken?", ["telefoonnummer"]),
        ("Wat is uw e-mailadres?", ["emailadres"]),
        ("Kunt u uw burgerservicenummer noemen?", ["bsn"]),
        ("Uw postcode is 1506 AB, klopt dat?", ["postcode"]),
        ("Wat is het kenteken van de auto?", ["kenteken"]),
        ("En uw telefoonnummer?", ["telefoonnummer"]),
        ("In welke plaats woont u?", ["woonplaats"]),
        ("Mag ik uw geboortedatum en uw BSN?", ["geboortedatum", "bsn"]),
    ],
)
def test_requested_fields(text, fields):
    assert requested_fields(text) == fields


@pytest.mark.parametrize(
    "text",
    [
        "Ik stuur de brief naar uw adres.",
        "Ik heb uw adres al.",
        "Het adres van het stadskantoor is Stationsplein 1.",
        "U kunt uw adres wijzigen via de website.",
        "Kunt u uw vragen in een e-mail zetten?",
        "Wat vervelend voor u.",
        "",
    ],
)
def test_mentions_that_are_no_request(text):
    assert requested_fields(text) == []


def test_keys_are_stable():
    assert set(FIELD_KEYS) >= {"adres", "postcode", "geboortedatum", "telefoonnummer", "bsn"}
