"""Live hints in oefen mode: the next step of the conversation structure, with a model phrase."""

from __future__ import annotations

from simulator.scenario.model import PHASES
from simulator.ui.widgets import CHECKLIST, ChecklistState

HINTS: dict[str, str] = {
    "begroeting": 'Begroet de beller: "{groet}, gemeente {gemeente}, u spreekt met {naam}."',
    "naam": 'Vraag naar de naam: "Met wie spreek ik?"',
    "open_vraag": 'Stel een open vraag: "Wat is er precies gebeurd?"',
    "samenvatting": 'Vat samen en check: "Als ik u goed begrijp, … Klopt dat?"',
    "klantgegevens": "Controleer de gegevens: open het klantbeeld (F2) en vraag naar het adres.",
    "oplossing": "Geef de informatie of regel het: melding, doorverbinden of terugbellen.",
    "akkoord": 'Check de afspraak: "Is dit wat u betreft akkoord?"',
    "proefafsluiting": 'Vraag: "Kan ik u nog ergens anders mee van dienst zijn?"',
    "afscheid": 'Sluit af: "Dank u voor het bellen. Ik wens u een fijne dag verder."',
}


def next_hint(state: ChecklistState, greeting: str, gemeente: str, trainee: str) -> str:
    """The first open item of the current phase (or of an earlier phase that was skipped)."""
    current = PHASES.index(state.phase) if state.phase in PHASES else 0
    for phase in PHASES[: current + 1]:
        for item, _ in CHECKLIST[phase]:
            if item not in state.done:
                return "Tip: " + HINTS[item].format(
                    groet=greeting.capitalize(), gemeente=gemeente, naam=trainee or "…"
                )
    return "Tip: u ligt goed op koers. Luister en vat samen waar nodig."
