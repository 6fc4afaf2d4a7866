"""Settings: defaults, the TOML file, environment overrides and Dutch errors."""

from __future__ import annotations

import pytest

from simulator.config import ConfigError, load_settings


def test_defaults_put_the_database_in_the_data_folder(tmp_path) -> None:
    env = {"KCC_SIM_CONFIG": str(tmp_path / "cfg"), "KCC_SIM_DATA": str(tmp_path / "data")}
    settings = load_settings(env=env)
    assert settings.database_url == f"sqlite:///{tmp_path / 'data' / 'resultaten.sqlite'}"
    assert settings.store_audio is False and settings.pass_mark == 60.0


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
    ],
)
def test_a_bad_settings_file_is_a_dutch_error_with_the_file(tmp_path, text, expected) -> None:
    path = tmp_path / "instellingen.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=expected) as error:
        load_settings(env={"KCC_SIM_CONFIG": str(tmp_path)})
    assert str(path) in str(error.value)
