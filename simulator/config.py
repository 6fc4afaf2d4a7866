"""Settings and user paths: a TOML file in the user's config folder, plus environment overrides.

Settings are read once (`load_settings`) and passed to whatever needs them; nothing reads global
state in a constructor. The file's keys are Dutch because trainers edit it:

    database = "postgresql+psycopg://kcc@server/kcc"   # or a file path; default: data folder
    slaaggrens = 60                                      # pass mark in percent
    audio_opslaan = false                                # keep the trainee's voice per utterance
    audio_bewaartermijn_dagen = 30                       # older recordings are deleted
    herkenning = "faster-whisper"                        # or "getypt"; "google" sends audio online
    spraakmodel = "/pad/naar/whisper-small"              # a local Whisper model folder (optional)
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import platformdirs

APP_NAME = "kcc-sim"
SETTINGS_FILE_NAME = "instellingen.toml"
DATABASE_FILE_NAME = "resultaten.sqlite"
DEFAULT_PASS_MARK = 70.0
DEFAULT_ASR = "faster-whisper"
ASR_ENGINES = ("faster-whisper", "google", "getypt")
DEFAULT_AUDIO_RETENTION_DAYS = 30

# Environment variables: the database URL or path, and folders (tests, portable installs).
ENV_DATABASE = "KCC_SIM_DATABASE"
ENV_CONFIG = "KCC_SIM_CONFIG"
ENV_DATA = "KCC_SIM_DATA"
ENV_CACHE = "KCC_SIM_CACHE"
ENV_ASR = "KCC_SIM_ASR"

KNOWN_KEYS = {
    "database": str,
    "slaaggrens": (int, float),
    "audio_opslaan": bool,
    "audio_bewaartermijn_dagen": int,
    "herkenning": str,
    "spraakmodel": str,
}


class ConfigError(Exception):
    """A settings file that cannot be used; the message is Dutch and names the file."""


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    cache_dir: Path
    # A SQLAlchemy URL (sqlite:///..., postgresql+psycopg://...) or a plain file path.
    database: str = ""
    pass_mark: float = DEFAULT_PASS_MARK
    store_audio: bool = False
    audio_retention_days: int = DEFAULT_AUDIO_RETENTION_DAYS
    # Speech recognition engine (faster-whisper, google, getypt) and an optional model folder.
    asr_engine: str = DEFAULT_ASR
    asr_model: str = ""

    @property
    def database_url(self) -> str:
        """The database as a SQLAlchemy URL; a plain path becomes a SQLite URL."""
        return database_url(self.database or str(self.data_dir / DATABASE_FILE_NAME))

    def with_database(self, database: str | Path | None) -> Settings:
        """These settings with another database (the `--database` option), if one is given."""
        return replace(self, database=str(database)) if database else self


def database_url(database: str | Path) -> str:
    text = str(database)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def config_dir(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    return Path(env.get(ENV_CONFIG) or platformdirs.user_config_dir(APP_NAME))


def settings_file(env: Mapping[str, str] | None = None) -> Path:
    return config_dir(env) / SETTINGS_FILE_NAME


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    return Path(env.get(ENV_DATA) or platformdirs.user_data_dir(APP_NAME))


def cache_dir(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    return Path(env.get(ENV_CACHE) or platformdirs.user_cache_dir(APP_NAME))


def load_settings(path: Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Defaults, then the settings file (if it exists), then environment overrides."""
    env = os.environ if env is None else env
    path = path or settings_file(env)
    values = _read_file(path) if path.is_file() else {}
    settings = Settings(
        data_dir=data_dir(env),
        cache_dir=cache_dir(env),
        database=str(values.get("database", "")),
        pass_mark=float(values.get("slaaggrens", DEFAULT_PASS_MARK)),
        store_audio=bool(values.get("audio_opslaan", False)),
        audio_retention_days=int(
            values.get("audio_bewaartermijn_dagen", DEFAULT_AUDIO_RETENTION_DAYS)
        ),
        asr_engine=str(values.get("herkenning", DEFAULT_ASR)),
        asr_model=str(values.get("spraakmodel", "")),
    )
    if settings.asr_engine not in ASR_ENGINES:
        raise ConfigError(
            f"{path}: onbekende spraakherkenning `{settings.asr_engine}` bij `herkenning`. "
            f"Kies uit: {', '.join(ASR_ENGINES)}."
        )
    if env.get(ENV_DATABASE):
        settings = replace(settings, database=env[ENV_DATABASE])
    if env.get(ENV_ASR):
        settings = replace(settings, asr_engine=env[ENV_ASR])
    return settings


def _read_file(path: Path) -> dict[str, object]:
    try:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"{path}: het instellingenbestand is niet te lezen ({exc}). "
            "Herstel het bestand of verwijder het om de standaardinstellingen te gebruiken."
        ) from exc
    for key, value in values.items():
        if key not in KNOWN_KEYS:
            known = ", ".join(sorted(KNOWN_KEYS))
            raise ConfigError(
                f"{path}: onbekende instelling `{key}`. Bekende instellingen zijn: {known}."
            )
        expected = KNOWN_KEYS[key]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(
                f"{path}: de instelling `{key}` heeft een ongeldige waarde ({value!r}). "
                "Pas de waarde aan en start opnieuw."
            )
    if values.get("audio_bewaartermijn_dagen", 1) < 0:
        raise ConfigError(
            f"{path}: `audio_bewaartermijn_dagen` mag niet negatief zijn. Gebruik 0 of meer."
        )
    return values
