"""Spoken vs typed: do the golden calls get the same rule verdicts when the trainee speaks?

Run: .venv/bin/python bench/spoken_vs_typed.py [--snel] [--stem nl+f2] [--details]
(needs the espeak-ng command line: apt-get install espeak-ng)

Every golden call (tests/golden/*/*.yaml) is scored twice: typed (the transcript replayed through
the engine) and spoken (its trainee turns synthesised with espeak-ng and played through the real
SpokenCall, the real recogniser as `kcc-sim oefen` uses it (no names prompt), and a fake clock; see
tests/audio/spoken.py). Per call and overall: the share of rule verdicts that are the same.
Rules that do not apply to the typed call ("n.v.t.", e.g. speaking tempo, which a typed transcript
cannot show) are left out of the share.
A different verdict is "onzeker" when the scorer withheld it (uncertain: low recognition
confidence, not counted in the score) and "fout" when it counts. For the golden bad calls,
"fout gevonden" counts the rules the call was written to fail that still fail, counted, when
spoken.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "audio"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from asr import word_errors  # noqa: E402
from spoken import TRAINEE_VOICE, CachingRecognizer, speak_call  # noqa: E402

from simulator.audio.asr import WhisperRecognizer  # noqa: E402
from simulator.audio.whisper_model import choose_model  # noqa: E402
from simulator.call.replay import load_transcript, replay  # noqa: E402
from simulator.scenario.loader import find_scenario, load_scenario  # noqa: E402
from simulator.scoring.scorer import score  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"
QUICK = (
    "afval-boze-beller/model.yaml",
    "afval-boze-beller/fout-geen-naam.yaml",
    "openingstijden-milieustraat/model.yaml",
)


@dataclass
class Comparison:
    name: str
    spoken_turns: int
    turns: int
    errors: int
    reference_words: int
    confidence: float
    ended_by: str
    rules: int
    same: int
    withheld: int
    wrong: int
    typed_total: float
    spoken_total: float
    differences: list[str]
    # Golden bad calls: the rules written to fail, and how many of them fail counted when spoken.
    expected: int = 0
    caught: int = 0


def compare(
    path: Path, recognizer: CachingRecognizer, wavs: Path, voice: str, pieces: bool = True
) -> Comparison:
    transcript = load_transcript(path)
    scenario = load_scenario(find_scenario(transcript.scenario))
    typed = score(replay(scenario, transcript), scenario)
    result = speak_call(scenario, transcript, recognizer, wavs, voice, pieces)
    spoken = score(result.record, scenario)
    rules = same = withheld = wrong = 0
    differences = []
    for a, b in zip(typed.rules, spoken.rules, strict=True):
        if a.verdict == "nvt":
            continue  # the typed call has no verdict to compare with (e.g. no speaking tempo)
        rules += 1
        if a.verdict == b.verdict:
            same += 1
            continue
        withheld += b.uncertain
        wrong += not b.uncertain
        mark = " (onzeker)" if b.uncertain else ""
        differences.append(f"{a.rule_id}: {a.verdict} -> {b.verdict}{mark}")
    errors = reference = 0
    confidences = []
    for turn in result.said:
        heard = turn.utterance.text if turn.utterance else ""
        e, n = word_errors(turn.text, heard)
        errors, reference = errors + e, reference + n
        confidences.append(turn.utterance.confidence if turn.utterance else 0.0)
    ended = result.record.ended
    expected = transcript.verwacht_niet_gehaald
    caught = sum(
        spoken.rule(rule_id).verdict in ("niet_gehaald", "deels")
        and not spoken.rule(rule_id).uncertain
        for rule_id in expected
    )
    return Comparison(
        name=str(path.relative_to(GOLDEN)).removesuffix(".yaml"),
        spoken_turns=len(result.said),
        turns=sum(1 for t in transcript.beurten if t.zegt is not None),
        errors=errors,
        reference_words=reference,
        confidence=sum(confidences) / max(1, len(confidences)),
        ended_by=ended.by if ended else "-",
        rules=rules,
        same=same,
        withheld=withheld,
        wrong=wrong,
        typed_total=typed.total,
        spoken_total=spoken.total,
        differences=differences,
        expected=len(expected),
        caught=caught,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snel", action="store_true", help=f"alleen {len(QUICK)} gesprekken")
    parser.add_argument("--stem", default=TRAINEE_VOICE, help="espeak-ng-stem van de medewerker")
    parser.add_argument(
        "--heel", action="store_true", help="herken elke beurt in één keer (niet in stukken)"
    )
    parser.add_argument("--details", action="store_true", help="toon elke afwijkende regel")
    args = parser.parse_args(argv)
    paths = [GOLDEN / q for q in QUICK] if args.snel else sorted(GOLDEN.glob("*/*.yaml"))
    model = choose_model()
    recognizer = CachingRecognizer(WhisperRecognizer(model))
    began = time.perf_counter()
    recognizer.load()
    print(
        f"model {model.name} geladen in {time.perf_counter() - began:.1f} s; "
        f"stem medewerker {args.stem}; {len(paths)} gouden gesprekken",
        flush=True,
    )
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for path in paths:
            row = compare(path, recognizer, Path(folder), args.stem, not args.heel)
            rows.append(row)
            if args.details:
                print(row.name)
                for line in row.differences:
                    print(f"    {line}")
    print()
    print(
        f"{'gesprek':<52} {'beurten':>7} {'WER':>5} {'zeker':>5} {'einde':>10} "
        f"{'gelijk':>9} {'onzeker':>7} {'fout':>4} {'score getypt→gesproken':>22} "
        f"{'fout gevonden':>13}"
    )
    for r in rows:
        print(
            f"{r.name:<52} {f'{r.spoken_turns}/{r.turns}':>7} "
            f"{r.errors / max(1, r.reference_words):5.0%} {r.confidence:5.2f} {r.ended_by:>10} "
            f"{f'{r.same}/{r.rules}':>9} {r.withheld:7d} {r.wrong:4d} "
            f"{f'{r.typed_total:.0f} → {r.spoken_total:.0f}':>22} "
            f"{f'{r.caught}/{r.expected}' if r.expected else '-':>13}"
        )
    rules = sum(r.rules for r in rows)
    same = sum(r.same for r in rows)
    withheld = sum(r.withheld for r in rows)
    wrong = sum(r.wrong for r in rows)
    errors = sum(r.errors for r in rows)
    reference = sum(r.reference_words for r in rows)
    print()
    print(f"gelijke oordelen gesproken vs getypt: {same}/{rules} = {same / max(1, rules):.1%}")
    print(
        f"  afwijkend maar als onzeker buiten de score gelaten: {withheld} "
        f"({withheld / max(1, rules):.1%}); afwijkend en meegeteld: {wrong} "
        f"({wrong / max(1, rules):.1%})"
    )
    expected = sum(r.expected for r in rows)
    print(
        f"  fouten uit slechte gouden gesprekken ook gesproken gevonden (meegeteld): "
        f"{sum(r.caught for r in rows)}/{expected}"
    )
    print(
        f"  WER van de gesproken beurten: {errors / max(1, reference):.1%}; "
        f"gesprekken volledig gesproken: {sum(r.spoken_turns == r.turns for r in rows)}"
        f"/{len(rows)}; herkenning {sum(recognizer.seconds):.0f} s voor "
        f"{len(recognizer.seconds)} zinnen"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
