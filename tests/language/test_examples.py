"""Example phrases tolerate a left-out or misheard word, not a swapped one."""

from simulator.language.examples import Example, ExampleBank, example_words


def moves(example: str, text: str) -> list[str]:
    bank = ExampleBank([Example.of("m", example)])
    return [m.move for m in bank.matches(example_words(text))]


def test_the_whole_example_matches():
    assert moves("ik zorg dat u wordt teruggebeld", "ik zorg dat u wordt teruggebeld") == ["m"]


def test_a_left_out_word_inside_is_tolerated():
    example = "kan ik u nog ergens anders mee van dienst zijn"
    assert moves(example, "kan ik u nog ergens mee van dienst zijn") == ["m"]


def test_a_misheard_word_is_tolerated():
    example = "ik zorg ervoor dat u morgen wordt teruggebeld"
    assert moves(example, "ik zorg ervoor dat u morgen wort teruggebeld") == ["m"]


def test_a_short_example_must_be_there_whole():
    assert moves("ik zoek het even op", "als ik het even op een rijtje zet") == []
    assert moves("wat kan ik hierin voor u betekenen", "wat kan ik voor u betekenen") == []


def test_a_swapped_word_is_not():
    assert moves("waar kan ik u precies mee helpen", "waar kan ik u vandaag mee helpen") == []


def test_the_first_and_last_words_must_be_there():
    assert moves("ik zoek het voor u uit", "ik zoek het voor u op") == []
    assert moves("vervelend dat u zo lang moest wachten", "sorry dat u zo lang moest wachten") == []
