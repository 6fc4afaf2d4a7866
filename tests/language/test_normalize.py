from simulator.language.normalize import normalize, tokens


def test_case_accents_and_punctuation():
    assert normalize("Oké, Één moment!") == "oke een moment"


def test_split_and_merged_greetings_become_one_form():
    assert normalize("Goede morgen") == normalize("goedemorgen") == "goedemorgen"
    assert normalize("Goeden avond") == "goedenavond"


def test_spelled_out_abbreviations_are_joined():
    assert normalize("het U.W.V.") == "het uwv"
    assert normalize("bij de u w v") == "bij de uwv"
    assert normalize("kunt u u bellen") == "kunt u u bellen"


def test_number_words_become_digits_but_een_stays():
    assert normalize("binnen twee werkdagen") == "binnen 2 werkdagen"
    assert normalize("eenentwintig containers") == "21 containers"
    assert normalize("een moment") == "een moment"


def test_email_and_backchannel_forms():
    assert normalize("e-mail") == "email"
    assert normalize("hm-hm") == "hmhm"
    assert normalize("okay") == "oke"


def test_apostrophes_stay_inside_words():
    assert normalize("zo'n auto's") == "zon autos"


def test_tokens_point_into_the_original_text():
    text = "Goede morgen, U.W.V.!"
    toks = tokens(text)
    assert [t.text for t in toks] == ["goedemorgen", "uwv"]
    assert text[toks[0].start : toks[0].end] == "Goede morgen"
    assert text[toks[1].start : toks[1].end] == "U.W.V"


def test_empty_text():
    assert normalize("") == ""
    assert tokens("?!") == ()
