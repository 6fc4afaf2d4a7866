"""Generated trainee lines for the walk-through: phrases that should fire a given trigger."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

import yaml

from simulator.scenario.model import Feit, Scenario

# An utterance with no conversational move in it, for `anders` transitions.
NEUTRAL_SENTENCE = "Het weer is vandaag wisselend bewolkt."
# How many example phrases to try per move before a transition counts as "cannot be fired".
MAX_TRIES = 8

# Used while the move library (simulator/language/moves.yaml) cannot be read, and tried after it.
FALLBACK_PHRASES: dict[str, tuple[str, ...]] = {
    "begroeting": ("Goedemorgen.",),
    "stelt_zich_voor": ("U spreekt met Pieter.",),
    "vraagt_naam": ("Met wie spreek ik?", "Mag ik uw naam?"),
    "open_vraag": ("Wat is er precies gebeurd?", "Kunt u mij vertellen wat er aan de hand is?"),
    "gesloten_vraag": ("Gaat het om uw eigen woning?", "Is dat vandaag gebeurd?"),
    "samenvatting": ("Als ik u goed begrijp, gaat het om uw vraag van vandaag. Klopt dat?",),
    "controlevraag": ("Klopt dat?", "Heb ik het zo goed begrepen?"),
    "empathie": ("Wat vervelend voor u, dat begrijp ik.", "Dat kan ik me goed voorstellen."),
    "excuses": ("Het spijt me dat het zo gelopen is.", "Excuses daarvoor."),
    "onderbreking": ("Mag ik u even onderbreken?",),
    "terug_naar_vraag": ("Ik wilde met u even terug naar het begin van het gesprek.",),
    "voorstel": ("Ik heb voor u het volgende voorstel.",),
    "vraagt_gegevens": ("Mag ik uw adres en geboortedatum?",),
    "aankondiging": ("Een moment, ik zoek het even voor u op.",),
    "uitzoeken": ("Dat is een goede vraag. Ik ga dat uitzoeken.",),
    "doorverbinden": ("Ik verbind u door met mijn collega.",),
    "terugbellen": ("Ik zorg ervoor dat u wordt teruggebeld.",),
    "email_aanbod": ("Wilt u ons daarover een e-mail sturen?",),
    "verwijzen": ("Daarvoor kunt u het beste terecht bij een andere organisatie.",),
    "akkoord_check": ("Is dit wat u betreft akkoord?", "Voldoet dit aan uw verwachting?"),
    "proefafsluiting": ("Kan ik u nog ergens anders mee van dienst zijn?",),
    "bedanken": ("Dank u voor het bellen.",),
    "goede_wens": ("Ik wens u een fijne dag verder.",),
    "luistersignaal": ("Ja.", "Hm-hm."),
}


def move_examples(move: str, scenario: Scenario) -> list[str]:
    """Example phrases for a move: the scenario's own, the move library's, then the fallbacks."""
    found: list[str] = []
    for own in scenario.bewegingen:
        if own.id == move:
            found.extend(own.voorbeelden)
    found.extend(_library().get(move, ()))
    found.extend(FALLBACK_PHRASES.get(move, ()))
    return list(dict.fromkeys(found))[:MAX_TRIES]


def fact_phrases(fact: Feit) -> list[str]:
    """Each `herkennen` phrase as a sentence, with "..." filled by a neutral word."""
    return [" ".join(p.replace("...", " dan ").split()) for p in fact.herkennen]


_LIBRARY: dict[str, tuple[str, ...]] | None = None


def _library() -> dict[str, tuple[str, ...]]:
    """Examples per move from the packaged move library; empty while it does not exist."""
    global _LIBRARY
    if _LIBRARY is None:
        try:
            text = files("simulator.language").joinpath("moves.yaml").read_text("utf-8")
            _LIBRARY = _examples_in(yaml.safe_load(text))
        except (OSError, ModuleNotFoundError, yaml.YAMLError):
            _LIBRARY = {}
    return _LIBRARY


def _examples_in(data: Any) -> dict[str, tuple[str, ...]]:
    """Accepts `{bewegingen: {move: {voorbeelden: [...]}}}`, or a list of `{id, voorbeelden}`."""
    if isinstance(data, dict):
        data = data.get("bewegingen", data.get("moves", data))
    items: list[tuple[str, Any]] = []
    if isinstance(data, dict):
        items = [(str(k), v) for k, v in data.items()]
    elif isinstance(data, list):
        items = [(str(m.get("id")), m) for m in data if isinstance(m, dict)]
    result: dict[str, tuple[str, ...]] = {}
    for move, body in items:
        examples = body
        if isinstance(body, dict):
            examples = body.get("voorbeelden") or body.get("examples") or body.get("positief") or []
        if isinstance(examples, list):
            result[move] = tuple(e for e in examples if isinstance(e, str))
    return result
