"""Benchmark of the move classifier on tests/data/utterances*.yaml.

Prints precision, recall and F1 per move for the tuning and held-out parts, and which path found
the true positives (patroon / voorbeeld / embedding).

    .venv/bin/python bench/moves.py                 # rules and, if installed, embeddings
    .venv/bin/python bench/moves.py --regels        # rule path only
    .venv/bin/python bench/moves.py --fouten        # also list the misclassified utterances
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.language.evaluation import Evaluation, evaluate, load_utterances  # noqa: E402
from simulator.language.moves import MOVE_IDS, MoveClassifier  # noqa: E402

DATA = sorted((ROOT / "tests" / "data").glob("utterances*.yaml"))


def table(title: str, result: Evaluation) -> str:
    lines = [title, f"{'beweging':<18} {'n':>3} {'P':>5} {'R':>5} {'F1':>5}  pad (juist gevonden)"]
    for move, s in result.per_move.items():
        paths = ", ".join(f"{m} {c}" for m, c in sorted(s.methods.items()))
        lines.append(
            f"{move:<18} {s.tp + s.fn:>3} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f}  {paths}"
        )
    micro = result.micro
    lines.append(
        f"{'totaal (micro)':<18} {micro.tp + micro.fn:>3} {micro.precision:5.2f} "
        f"{micro.recall:5.2f} {micro.f1:5.2f}  macro-F1 {result.macro_f1:.2f}, "
        f"laagste F1 {min(s.f1 for s in result.per_move.values()):.2f}"
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description="Meet de herkenning van gespreksbewegingen.")
    parser.add_argument("--regels", action="store_true", help="alleen patronen en voorbeelden")
    parser.add_argument("--fouten", action="store_true", help="toon de fout herkende zinnen")
    args = parser.parse_args()

    utterances = load_utterances(DATA)
    start = time.perf_counter()
    classifier = MoveClassifier(embeddings=False if args.regels else None)
    loaded = time.perf_counter() - start
    print(f"{len(utterances)} zinnen uit {', '.join(p.name for p in DATA)}")
    print(f"classifier geladen in {loaded:.2f} s, embedding: {classifier.embedding_status}")
    for split in ("tuning", "heldout"):
        part = [u for u in utterances if u.split == split]
        start = time.perf_counter()
        result = evaluate(classifier, part, MOVE_IDS)
        per = (time.perf_counter() - start) / max(len(part), 1) * 1000
        print()
        print(table(f"== {split}: {len(part)} zinnen, {per:.1f} ms per zin ==", result))
        if args.fouten:
            for utterance, found in result.errors:
                missing = ", ".join(sorted(utterance.moves - found)) or "-"
                extra = ", ".join(sorted(found - utterance.moves)) or "-"
                print(f"  mist [{missing}] extra [{extra}]: {utterance.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
