"""The past-tense and noun guard (moves.yaml `verleden_tijd`) and the slip repair's first letter."""

import pytest

from simulator.language.correct import Corrector
from simulator.language.library import builtin_library
from simulator.language.moves import MoveClassifier
from simulator.language.normalize import tokens
from simulator.language.past import past_spans
from simulator.language.patterns import Text

GUARD = builtin_library().past


@pytest.fixture(scope="module")
def classifier():
    return MoveClassifier(model=False)


def moves_of(classifier, text):
    return {hit.move for hit in classifier.classify(text)}


def spans(text):
    return past_spans(Text.build(text, tokens(text)), GUARD)


def test_perfect_tense_spans_auxiliary_to_participle():
    assert spans("Wij hebben u in maart al eens doorverbonden.") == [(1, 7)]


def test_noun_before_auxiliary_joins_the_span():
    assert spans("Excuses waren toen al aangeboden.") == [(0, 4)]


def test_stop_word_ends_the_search():
    # "wordt" starts a new verb group: the participle after it is a promise, not the past.
    assert spans("Ik heb het genoteerd en u wordt morgen teruggebeld.") == []


def test_definite_noun_and_noun_of_a_past_day():
    assert spans("De doorverwijzing ligt klaar.") == [(0, 1)]
    assert spans("Een terugbelverzoek van maandag.") == [(1, 3)]


# Past actions, nouns and negations: the move's words without the move.
PAST = [
    ("Wij hebben u in maart al eens doorverbonden met Parkeren.", "doorverbinden"),
    ("Excuses waren toen al aangeboden door de wethouder.", "excuses"),
    ("Mijn collega had u daarbij nog veel sterkte gewenst.", "goede_wens"),
    ("Het terugbelverzoek van donderdag is afgehandeld.", "terugbellen"),
    ("De doorverbinding werd verbroken.", "doorverbinden"),
    ("Uw vraag is vorige maand al uitgezocht door Burgerzaken.", "uitzoeken"),
    ("Wij maken daar geen excuses voor.", "excuses"),
]


@pytest.mark.parametrize(("text", "move"), PAST)
def test_past_action_is_no_move(classifier, text, move):
    assert move not in moves_of(classifier, text)


# The same verbs now or as a promise: still the move.
NOW = [
    ("Sorry, ik heb u bij de verkeerde afdeling doorverbonden.", "excuses"),
    ("Ik heb het genoteerd en u wordt morgen teruggebeld.", "terugbellen"),
    ("Ik verbind u nu door met Parkeren.", "doorverbinden"),
    ("Ik maak een terugbelverzoek voor u aan.", "terugbellen"),
    ("Veel sterkte met de operatie.", "goede_wens"),
]


@pytest.mark.parametrize(("text", "move"), NOW)
def test_present_action_is_the_move(classifier, text, move):
    assert move in moves_of(classifier, text)


def test_question_about_a_past_action_stays_a_closed_question(classifier):
    found = moves_of(classifier, "Is de aanvrager toen teruggebeld?")
    assert "gesloten_vraag" in found and "terugbellen" not in found


def test_slip_repair_keeps_the_first_letter():
    corrector = Corrector(["beterschap", "doorverbinden", "vervelend"])
    fixed = [t.text for t in corrector.correct(tokens("waterschap udoorverbinde fervelend"))]
    assert fixed == ["waterschap", "u", "doorverbinden", "vervelend"]


def test_slip_repair_leaves_real_words_alone():
    corrector = Corrector(["maar", "geleegd", "bedanken", "excuus", "brief", "wacht", "rij", "van"])
    text = "maart geveegd bedankje excuusbrief wachtrij vanavond"
    assert [t.text for t in corrector.correct(tokens(text))] == text.split()


def test_slip_repair_splits_function_words_and_matches_sounds():
    corrector = Corrector(["heb", "ik", "uw", "naam", "mag", "succes", "met", "begrijp", "gebeld"])
    fixed = [
        t.text for t in corrector.correct(tokens("hebik uwnaam mach succesmet begreip gebelt"))
    ]
    assert fixed == ["heb", "ik", "uw", "naam", "mag", "succes", "met", "begrijp", "gebeld"]


@pytest.mark.parametrize(
    ("text", "move"),
    [
        ("Dat weet ik eerlijk gezegd niet, dat zoek ik voor u uit.", "uitzoeken"),
        ("Kort gezegd: dat ga ik voor u navragen.", "uitzoeken"),
        ("Zoals gezegd, dat laat ik u morgen weten.", "terugbellen"),
        ("Eerlijk gezegd, dat spijt me echt.", "excuses"),
        ("Zoals ik al zei, dat zoek ik voor u uit.", "uitzoeken"),
    ],
)
def test_a_set_phrase_of_saying_before_a_comma_reports_nothing(classifier, text, move):
    """Reported speech needs "dat" in the verb's own clause, not after a comma."""
    assert move in moves_of(classifier, text)


def test_reported_words_in_one_clause_stay_guarded(classifier):
    assert "terugbellen" not in moves_of(classifier, "Mijn collega zei dat ze u zou terugbellen.")
