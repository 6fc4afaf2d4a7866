import pytest

from simulator.language.style import CATEGORIES, find_style_issues


def categories(text, **kwargs):
    return [(h.category, h.word) for h in find_style_issues(text, **kwargs)]


@pytest.mark.parametrize(
    ("category", "flagged", "passes"),
    [
        (
            "verkleinwoord",
            [
                "Een momentje alstublieft.",
                "Ik heb een vraagje.",
                "Vult u dit formuliertje in?",
                "Ik stuur u een mailtje.",
                "Eventjes geduld.",
            ],
            [
                "Bedankt voor uw telefoontje.",
                "Het meisje heeft een beetje pech.",
                "Er is er nog eentje over.",
                "Netjes opgelost.",
                "Hij woont in Spanje.",
                "Vrije dagen.",
                "Ik zet het even op een rijtje.",
                "Uw pasje is klaar.",
            ],
        ),
        (
            "stopwoord",
            [
                "Eh, dat weet ik.",
                "Het is, zeg maar, geregeld.",
                "Nou, dat klopt.",
                "Weet je wel.",
                "uhm ik kijk even",
                "Dat is dus ja lastig.",
                "Een afspraak of zo.",
            ],
            [
                "Zegt u het maar.",
                "Dat is zo geregeld.",
                "En zo snel mogelijk.",
                "Ik weet het niet.",
            ],
        ),
        (
            "twijfeltaal",
            [
                "Misschien wordt het morgen.",
                "Ik denk dat het klopt.",
                "Dat klopt, geloof ik.",
                "Het is eigenlijk geregeld.",
                "Waarschijnlijk is het morgen.",
                "Volgens mij is dat zo.",
                "Het wordt mogelijk morgen geleegd.",
            ],
            [
                "Ik help u waar mogelijk.",
                "Zo snel mogelijk.",
                "Ik denk met u mee.",
                "Het is mogelijk om online een afspraak te maken.",
            ],
        ),
        (
            "jargon",
            [
                "Ik kijk in de BRP.",
                "Dat is een ambtshalve beschikking.",
                "Uw WOZ-waarde.",
                "Ik zet het door naar de backoffice.",
            ],
            ["Ik kijk in de basisadministratie van de gemeente.", "Uw bezwaar is ontvangen."],
        ),
        (
            "afkorting",
            [
                "U kunt terecht bij het UWV.",
                "Belt u de u w v.",
                "Bij het u.w.v. weten ze dat.",
                "De SVB betaalt de AOW uit.",
            ],
            [
                "U kunt terecht bij het Uitvoeringsinstituut Werknemersverzekeringen.",
                "Ik denk met u mee.",
                "Komt u maar mee.",
            ],
        ),
        (
            "informeel",
            [
                "Kun je dat even spellen?",
                "Heb jij de brief?",
                "Is dat jouw container?",
                "Dan moet je een formulier invullen.",
                "Hebben jullie een afspraak?",
                "Dankjewel!",
                "Doei!",
            ],
            ["U kunt terecht bij jeugdzorg.", "Heeft u de brief?", "Uw container.", "Dank u wel."],
        ),
        (
            "afvallen",
            [
                "Mijn collega heeft dat fout gedaan.",
                "Daar kan ik niks aan doen, dat is die afdeling.",
                "De gemeente is daar altijd traag in.",
                "Dat is niet mijn schuld.",
                "Die mensen van Belastingen snappen het zelf ook niet.",
                "Ik ben het er ook niet mee eens met dat beleid.",
            ],
            [
                "Er is iets fout gegaan, mijn excuses.",
                "Mijn collega belt u terug.",
                "De afdeling Belastingen behandelt uw bezwaar.",
                "Wij hebben dat niet goed gedaan.",
            ],
        ),
    ],
)
def test_category(category, flagged, passes):
    for text in flagged:
        assert category in {c for c, _ in categories(text)}, text
    for text in passes:
        assert category not in {c for c, _ in categories(text)}, text


def test_offsets_point_into_the_original_text():
    text = "Eh, een momentje, dan zoek ik het voor je op bij het U.W.V."
    hits = find_style_issues(text)
    assert hits
    for hit in hits:
        assert text[hit.start : hit.end] == hit.word
    assert [h.category for h in hits] == ["stopwoord", "verkleinwoord", "informeel", "afkorting"]


def test_scenario_jargon_and_abbreviations():
    text = "Dat gaat via de diftar route van de HVC."
    found = categories(text, jargon=["diftar", "route-afwijking"], abbreviations=["HVC"])
    assert ("jargon", "diftar") in found
    assert ("afkorting", "HVC") in found
    assert categories("een route-afwijking") == []
    assert ("jargon", "route-afwijking") in categories(
        "een route-afwijking", jargon=["route-afwijking"]
    )


def test_all_categories_are_known():
    assert set(CATEGORIES) == {
        "verkleinwoord", "stopwoord", "twijfeltaal", "jargon", "afkorting", "informeel",
        "afvallen",
    }  # fmt: skip


def test_clean_model_phrases_have_no_issues():
    for text in [
        "Goedemorgen, gemeente Zaanstad, u spreekt met Pieter.",
        "Kan ik u nog ergens anders mee van dienst zijn?",
        "Dank u voor het bellen. Ik wens u een fijne dag verder, mevrouw De Vries.",
        "Het spijt me mevrouw de Vries. Jansen is momenteel niet bereikbaar.",
        "Een moment, ik zoek het even voor u op.",
    ]:
        assert find_style_issues(text) == [], text


# Blaming a colleague, in the words trainees use; and sentences that share those words but
# blame nobody (the trainee takes responsibility, describes a place, or the caller is right).
BLAME = [
    "Dat had mijn collega nooit mogen zeggen.",
    "Die zit er wel vaker naast.",
    "Mijn collega had dat niet mogen beloven.",
    "Dat hadden ze u nooit mogen vertellen.",
    "Hij zit er vaak naast.",
    "De afdeling zit er weleens naast.",
    "Die heeft het wel vaker mis.",
    "Die vergist zich wel vaker.",
    "Mijn collega maakt vaker fouten.",
    "Dat is de schuld van die afdeling.",
    "Dat ligt aan de afdeling Belastingen.",
]
NO_BLAME = [
    "Ik kan niet nagaan wat er vorige week precies is gezegd.",
    "Dat had ik u meteen moeten zeggen.",
    "Dat hadden we beter moeten uitleggen.",
    "Ik zit er misschien naast.",
    "U zit er niet ver naast.",
    "Die zit er niet naast.",
    "Mijn collega zit naast mij.",
    "Het is een collega van de afdeling Belastingen.",
    "Dat is de afdeling Vergunningen, die gaat daarover.",
    "Dat was mijn collega Mark.",
    "Dat is een fout van ons, excuses.",
    "Die vergissing herstel ik meteen.",
]


@pytest.mark.parametrize("text", BLAME)
def test_blaming_a_colleague_is_found(text):
    assert "afvallen" in {c for c, _ in categories(text)}


@pytest.mark.parametrize("text", NO_BLAME)
def test_no_blame_without_blaming(text):
    assert "afvallen" not in {c for c, _ in categories(text)}


def test_blame_evidence_is_the_blaming_words():
    text = "Ik begrijp dat dit heel vervelend is. Dat had mijn collega nooit mogen zeggen."
    assert ("afvallen", "Dat had mijn collega nooit mogen zeggen") in categories(text)
