"""The JSON Schema for editor completion: valid JSON with the Dutch keys and descriptions."""

from __future__ import annotations

import json

from simulator.scenario.model import Scenario
from simulator.scenario.schema import DUTCH, schema_text


def test_schema_is_json_with_the_dutch_keys():
    schema = json.loads(schema_text())
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"id", "beller", "toestanden", "start"} <= set(schema["properties"])
    assert set(schema["required"]) >= {"id", "titel", "beller", "toestanden"}
    toestand = schema["$defs"]["Toestand"]
    assert toestand["properties"]["zegt"]["description"].startswith("Wat de beller zegt")
    assert toestand["additionalProperties"] is False
    assert "empathie" in schema["$defs"]["Overgang"]["properties"]["beweging"]["examples"]


def test_every_key_has_a_dutch_description():
    schema = json.loads(schema_text())
    models = {"Scenario": schema, **schema["$defs"]}
    for name, definition in models.items():
        assert name in DUTCH, name
        for key, prop in definition["properties"].items():
            assert prop.get("description"), f"{name}.{key}"
    described = {k for _, _, fields in DUTCH.values() for k in fields}
    assert set(Scenario.model_fields) <= described


def test_schema_has_no_english_class_docstrings():
    text = schema_text()
    assert "caller" not in text and "transition" not in text
