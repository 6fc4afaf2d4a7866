"""Settings: defaults, the TOML file, environment overrides and Dutch errors."""

from __future__ import annotations

import pytest

from simulator.config import ConfigError, load_settings


def test_defaults_put_the_database_in_the_data_folder(tmp_path) -> None:
    env = {"KCC_SIM_CONFIG": str(tmp_path / "cfg"), "KCC_SIM_DATA": str(tmp_path / "data")}
    settings = load_settings(env=env)
    assert settings.database_url == f"sqlite:///{tmp_path / 'data' / 'resultaten.sqlite'}"
    assert settings.store_audio is False and settings.pass_mark == 70.0
    assert (settings.asr_engine, settings.asr_model) == ("faster-whisper", "")


def test_the_settings_file_and_the_environment(tmp_path) -> None:
    (tmp_path / "instellingen.toml").write_text(
        'database = "/srv/kcc/resultaten.sqlite"\nslaaggrens = 70\naudio_opslaan = true\n'
        "audio_bewaartermijn_dagen = 7\n",
        encoding="utf-8",
    )
    env = {"KCC_SIM_CONFIG": str(tmp_path)}
    settings = load_settings(env=env)
    assert settings.database_url == "sqlite:////srv/kcc/resultaten.sqlite"
    assert (settings.pass_mark, settings.store_audio, settings.audio_retention_days) == (
        70.0,
        True,
        7,
    )
    env["KCC_SIM_DATABASE"] = "postgresql+psycopg://kcc@db/kcc"
    assert load_settings(env=env).database_url == "postgresql+psycopg://kcc@db/kcc"
    assert load_settings(env=env).with_database("/tmp/x.sqlite").database_url == (
        "sqlite:////tmp/x.sqlite"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("slaaggrens = ", "niet te lezen"),
        ("wachtwoord = 1", "onbekende instelling `wachtwoord`"),
        ('audio_opslaan = "ja"', "ongeldige waarde"),
        ("audio_bewaartermijn_dagen = -1", "niet negatief"),
        ('herkenning = "vosk"', "onbekende spraakherkenning `vosk`.*Kies uit: faster-whisper"),
    ],
)
def test_a_bad_settings_file_is_a_dutch_error_with_the_file(tmp_path, text, expected) -> None:
    path = tmp_path / "instellingen.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=expected) as error:
        load_settings(env={"KCC_SIM_CONFIG": str(tmp_path)})
    assert str(path) in str(error.value)


def test_the_recognition_engine_comes_from_the_file_or_the_environment(tmp_path) -> None:
    (tmp_path / "instellingen.toml").write_text(
        'herkenning = "getypt"\nspraakmodel = "/modellen/whisper-small"\n', encoding="utf-8"
    )
    env = {"KCC_SIM_CONFIG": str(tmp_path)}
    settings = load_settings(env=env)
    assert (settings.asr_engine, settings.asr_model) == ("getypt", "/modellen/whisper-small")
    env["KCC_SIM_ASR"] = "faster-whisper"
    assert load_settings(env=env).asr_engine == "faster-whisper"


def test_a_broken_settings_file_stops_a_command_with_a_dutch_message(tmp_path) -> None:
    import subprocess
    import sys
    import wave

    with wave.open(str(tmp_path / "stil.wav"), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(16000)
        wav.writeframes(b"\0\0" * 1600)
    (tmp_path / "instellingen.toml").write_text('herkenning = "vosk"\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "simulator", "herken", str(tmp_path / "stil.wav")],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "KCC_SIM_CONFIG": str(tmp_path)},
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "onbekende spraakherkenning `vosk`" in result.stderr
    assert "instellingen.toml" in result.stderr
