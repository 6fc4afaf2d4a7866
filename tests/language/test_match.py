import pytest

from simulator.language.match import find_phrase, mentions_name
from simulator.language.patterns import PatternError, compile_pattern


@pytest.mark.parametrize(
    ("phrase", "text", "expected"),
    [
        ("melding ... maken", "Ik ga een melding voor u maken.", "melding voor u maken"),
        ("binnen twee werkdagen", "Hij wordt binnen 2 werkdagen geleegd.", "binnen 2 werkdagen"),
        ("binnen 2 werkdagen", "binnen twee werkdagen", "binnen twee werkdagen"),
        ("pasfoto", "neemt u een pas foto mee", "pas foto"),
        ("pas foto", "neemt u een pasfoto mee", "pasfoto"),
        ("uiterlijk donderdag", "uiterlijk dondredag", "uiterlijk dondredag"),
        ("identiteitskaart", "uw identiteitkaart", "identiteitkaart"),
        ("WOZ-waarde", "de woz waarde", "woz waarde"),
        (
            "morgen ... teruggebeld",
            "U wordt morgen door haar teruggebeld.",
            "morgen door haar teruggebeld",
        ),
    ],
)
def test_phrase_is_found_with_slips(phrase, text, expected):
    assert find_phrase(phrase, text) == expected


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("melding ... maken", "ik maak het zo in orde"),
        ("binnen twee werkdagen", "binnen drie werkdagen"),
        ("pasfoto", "paspoort"),
        ("container", "contract"),
        ("afspraak ... maken", "een afspraak is niet nodig"),
        ("melding ... maken", "melding " + "bla " * 12 + "maken"),
        ("", "iets"),
    ],
)
def test_unrelated_words_do_not_match(phrase, text):
    assert find_phrase(phrase, text) is None


@pytest.mark.parametrize(
    ("text", "surname", "expected"),
    [
        ("Dag mevrouw de Vries, hoe gaat het?", "De Vries", "mevrouw de Vries"),
        ("Goed, meneer Van Dijk.", "Van Dijk", "meneer Van Dijk"),
        ("Dank u, Meneer Backer.", "Bakker", "Meneer Backer"),
        ("mevrouw devries", "De Vries", "mevrouw devries"),
        ("Ik wens u een fijne dag, mevrouw Visser.", "Visser", "mevrouw Visser"),
        ("meneer van der berg", "van der Berg", "meneer van der berg"),
    ],
)
def test_name_with_title_is_found(text, surname, expected):
    assert mentions_name(text, surname) == expected


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Ik ben bakker van beroep.", "Bakker"),
        ("Dank u wel, meneer Visser.", "De Vries"),
        ("mevrouw, wat kan ik voor u doen?", "Jansen"),
        ("meneer de", "De Vries"),
    ],
)
def test_name_is_not_found(text, surname):
    assert mentions_name(text, surname) is None


def test_two_optional_parts_at_the_end_are_refused():
    """The pattern language cannot read "[a] [b]" at the end; it must say so, not never match."""
    with pytest.raises(PatternError, match="optional"):
        compile_pattern("waar belde u [precies] [voor]")
    assert compile_pattern("waar belde u [precies] voor").regex.search("waar belde u voor")
