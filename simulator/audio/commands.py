"""Audio subcommands: stemmen, voorlezen, herken, mictest, model download."""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

from simulator.audio.errors import AudioUnavailable
from simulator.config import load_settings


def register(subparsers: argparse._SubParsersAction) -> None:
    stemmen = subparsers.add_parser(
        "stemmen", help="toon de stemmen op deze computer", description="Toon alle stemmen."
    )
    stemmen.set_defaults(func=run_stemmen)

    voorlezen = subparsers.add_parser(
        "voorlezen",
        help="zet alle zinnen van de beller in geluidsbestanden",
        description="Maak van elke zin van de beller in een scenario een WAV-bestand.",
    )
    voorlezen.add_argument("scenario", metavar="SCENARIO", help="naam of pad van het scenario")
    voorlezen.add_argument("--map", required=True, type=Path, help="map voor de WAV-bestanden")
    voorlezen.set_defaults(func=run_voorlezen)

    herken = subparsers.add_parser(
        "herken",
        help="zet een opname om in tekst",
        description="Herken de spraak in een WAV-bestand met de ingestelde spraakherkenning.",
    )
    herken.add_argument("bestand", metavar="BESTAND.wav", type=Path)
    herken.add_argument(
        "--herkenning", default=None, help="faster-whisper (standaard), google of getypt"
    )
    herken.add_argument("--model", default=None, help="naam of map van een Whisper-model")
    herken.set_defaults(func=run_herken)

    mictest = subparsers.add_parser(
        "mictest", help="test de microfoon", description="Meet het geluid en herken wat u zegt."
    )
    mictest.add_argument("--seconden", type=float, default=4.0, help="hoe lang er wordt opgenomen")
    mictest.set_defaults(func=run_mictest)

    model = subparsers.add_parser(
        "model", help="beheer het spraakherkenningsmodel", description="Spraakherkenningsmodel."
    )
    model_commands = model.add_subparsers(
        title="opdrachten", metavar="OPDRACHT", parser_class=type(model)
    )
    download = model_commands.add_parser(
        "download",
        help="haal een groter model op (internet nodig)",
        description="Haal een Whisper-model op voor betere herkenning (small, medium, ...).",
    )
    download.add_argument("naam", metavar="NAAM")
    download.set_defaults(func=run_model_download)


def _fail(exc: AudioUnavailable) -> int:
    print(str(exc), file=sys.stderr)
    return 1


def run_stemmen(args: argparse.Namespace) -> int:
    from simulator.audio.tts import Pyttsx3Speaker

    try:
        speaker = Pyttsx3Speaker()
    except AudioUnavailable as exc:
        return _fail(exc)
    print(f"Stemmen ({speaker.driver}, bibliotheek: {speaker.library}); * = Nederlands")
    for voice in sorted(speaker.voices, key=lambda v: (not v.dutch, v.id)):
        mark = "*" if voice.dutch else " "
        print(f"{mark} {voice.id:<28} {voice.name:<28} {','.join(voice.languages)}")
    print(f"Beller vrouw: {speaker.voice_id('vrouw')}   beller man: {speaker.voice_id('man')}")
    return 0


def _scenario(name: str):  # noqa: ANN202
    """The scenario by name or path (the scenario part's loader), None after a Dutch message."""
    from simulator.commands import load_named_scenario

    return load_named_scenario(name)


def run_voorlezen(args: argparse.Namespace) -> int:
    import shutil

    from simulator.audio.prerender import plan_lines
    from simulator.audio.tts import Pyttsx3Speaker

    scenario = _scenario(args.scenario)
    if scenario is None:
        return 1
    try:
        speaker = Pyttsx3Speaker()
    except AudioUnavailable as exc:
        return _fail(exc)
    folder: Path = args.map
    folder.mkdir(parents=True, exist_ok=True)
    lines = plan_lines(scenario)
    for number, line in enumerate(lines, start=1):
        try:
            wav = speaker.render(line.text, line.voice)
        except AudioUnavailable as exc:
            return _fail(exc)
        name = f"{number:03d}-{line.speaker}-{line.voice.rate}wpm.wav"
        shutil.copyfile(wav, folder / name)
        print(f"{name}: {line.text}")
    print(f"{len(lines)} zinnen opgeslagen in {folder}")
    return 0


def run_herken(args: argparse.Namespace) -> int:
    import speech_recognition as sr

    from simulator.audio.asr import make_recognizer

    if not args.bestand.is_file():
        print(f"{args.bestand}: bestand niet gevonden. Geef een WAV-bestand op.", file=sys.stderr)
        return 1
    settings = load_settings()
    engine = args.herkenning or settings.asr_engine
    try:
        recognizer = make_recognizer(engine, model=args.model or settings.asr_model or None)
        if recognizer is None:
            print("Met de herkenning 'getypt' wordt niets herkend: u typt uw antwoorden.")
            return 0
        audio = sr.AudioData.from_file(str(args.bestand))
        began = time.perf_counter()
        utterance = recognizer.transcribe(audio)
    except AudioUnavailable as exc:
        return _fail(exc)
    except ValueError as exc:  # speech_recognition: not a WAV/AIFF/FLAC file
        print(f"{args.bestand}: geen bruikbaar geluidsbestand ({exc}).", file=sys.stderr)
        return 1
    print(f"Tekst:      {utterance.text or '(niets herkend)'}")
    print(f"Zekerheid:  {utterance.confidence:.0%}")
    print(f"Tijd:       {utterance.start:.2f} - {utterance.end:.2f} s")
    model = getattr(recognizer, "model", None)
    where = f", model {model.name} in {model.path}" if model else ""
    print(f"Rekentijd:  {time.perf_counter() - began:.1f} s (inclusief laden{where})")
    for word in utterance.words:
        print(f"  {word.start:6.2f} {word.end:6.2f}  {word.probability:4.0%}  {word.text}")
    return 0


def run_mictest(args: argparse.Namespace) -> int:
    import numpy as np

    from simulator.audio.asr import make_recognizer
    from simulator.audio.measure import level_dbfs
    from simulator.audio.microphone import SRMicrophone

    try:
        microphone = SRMicrophone()
    except AudioUnavailable as exc:
        print(str(exc), file=sys.stderr)
        print("U kunt gewoon oefenen met typen: kcc-sim oefen SCENARIO --tekst", file=sys.stderr)
        return 1

    def meter(chunk: bytes) -> None:
        level = level_dbfs(np.frombuffer(chunk, dtype=np.int16).astype(np.float32) / 32768)
        bar = "#" * max(0, int((level + 60) / 2))
        print(f"\r{level:6.1f} dB {bar:<30}", end="", flush=True)

    stop = threading.Event()
    threading.Timer(args.seconden, stop.set).start()
    print(f"Zeg iets ({args.seconden:g} seconden)...")
    try:
        audio = microphone.record(stop, on_level=meter)
        print()
        settings = load_settings()
        recognizer = make_recognizer(settings.asr_engine, model=settings.asr_model or None)
        if recognizer is not None:
            print(f"Herkend: {recognizer.transcribe(audio).text or '(niets)'}")
    except AudioUnavailable as exc:
        return _fail(exc)
    return 0


def run_model_download(args: argparse.Namespace) -> int:
    import warnings

    from simulator.audio.whisper_model import download_model

    warnings.filterwarnings("ignore", category=UserWarning, module="huggingface_hub")
    try:
        path = download_model(args.naam)
    except AudioUnavailable as exc:
        return _fail(exc)
    print(f"Model '{args.naam}' staat in {path}. Het wordt voortaan automatisch gebruikt.")
    return 0
