"""`kcc-sim nieuw`: a few questions, then a commented starting scenario that validates and plays.

Answers are read line by line from the input, so a trainer can also pipe them in; an empty
answer (or the end of the input) takes the default shown between brackets.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from simulator.scenario.model import OUTCOMES

TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
MAX_TRIES = 3


@dataclass(frozen=True)
class Answers:
    titel: str = "Een vraag over de afvalkalender"
    id: str = ""
    thema: str = "afval"
    aanhef: str = "mevrouw"
    voornaam: str = "Anna"
    achternaam: str = "de Vries"
    afhandeling: str = "direct_beantwoord"
    gemeente: str = "Zaanstad"
    tijdstip: str = "10:00"
    collega: str = "Sandra Peters"
    afdeling: str = "Burgerzaken"
    organisatie: str = "Uitvoeringsinstituut Werknemersverzekeringen"

    @property
    def scenario_id(self) -> str:
        return self.id or slug(self.titel)


def slug(text: str) -> str:
    """A scenario id from a title: lower case ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words)[:60].strip("-") or "nieuw-scenario"


class _Prompter:
    def __init__(self, read: TextIO, write: TextIO) -> None:
        self.read = read
        self.write = write
        self.ended = False

    def ask(
        self,
        question: str,
        default: str,
        check: Callable[[str], str | None] = lambda _: None,
    ) -> str:
        """Ask until the answer passes `check` (which returns a Dutch complaint or None)."""
        for _ in range(MAX_TRIES):
            self.write.write(f"{question} [{default}]: ")
            self.write.flush()
            line = "" if self.ended else self.read.readline()
            if not line:
                self.ended = True
            answer = line.strip() or default
            if self.ended or not self.read.isatty():
                # Piped answers are not echoed by a terminal: show them, so the log reads well.
                self.write.write(f"{answer}\n")
            complaint = check(answer)
            if complaint is None:
                return answer
            self.write.write(f"  {complaint}\n")
            if self.ended:
                break
        self.write.write(f"  Ik gebruik de standaard: {default}\n")
        return default


def _one_of(choices: tuple[str, ...]) -> Callable[[str], str | None]:
    def check(answer: str) -> str | None:
        return None if answer in choices else f"Kies een van: {', '.join(choices)}."

    return check


def _time(answer: str) -> str | None:
    return None if TIME.match(answer) else "Schrijf het tijdstip als UU:MM, bijvoorbeeld 09:30."


def _id(answer: str) -> str | None:
    if re.match(r"^[a-z0-9][a-z0-9-]*$", answer):
        return None
    return "Gebruik kleine letters, cijfers en streepjes, zoals afval-boze-beller."


def collect(read: TextIO, write: TextIO, file_id: str = "") -> Answers:
    """Ask the questions in Dutch and return the answers (defaults where left empty).

    `file_id` is the stem of the chosen output file: the id should match it.
    """
    d = Answers()
    p = _Prompter(read, write)
    write.write("Nieuw scenario. Druk op Enter om de standaard tussen [haken] te nemen.\n")
    titel = p.ask("Titel", d.titel)
    scenario_id = p.ask("Id (bestandsnaam)", file_id if _id(file_id) is None else slug(titel), _id)
    thema = p.ask("Thema", d.thema)
    aanhef = p.ask(
        "Aanhef van de beller (mevrouw/meneer)", d.aanhef, _one_of(("mevrouw", "meneer"))
    )
    voornaam = p.ask("Voornaam van de beller", d.voornaam)
    achternaam = p.ask("Achternaam van de beller", d.achternaam)
    afhandeling = p.ask(f"Afhandeling ({', '.join(OUTCOMES)})", d.afhandeling, _one_of(OUTCOMES))
    collega, afdeling, organisatie = d.collega, d.afdeling, d.organisatie
    if afhandeling in ("doorverbinden", "terugbelafspraak"):
        collega = p.ask("Naam van de collega", d.collega)
        afdeling = p.ask("Afdeling van de collega", d.afdeling)
    if afhandeling == "verwijzen":
        organisatie = p.ask("Naam van de organisatie, voluit", d.organisatie)
    gemeente = p.ask("Gemeente", d.gemeente)
    tijdstip = p.ask("Tijdstip van het gesprek (UU:MM)", d.tijdstip, _time)
    return Answers(
        titel=titel,
        id=scenario_id,
        thema=thema,
        aanhef=aanhef,
        voornaam=voornaam,
        achternaam=achternaam,
        afhandeling=afhandeling,
        gemeente=gemeente,
        tijdstip=tijdstip,
        collega=collega,
        afdeling=afdeling,
        organisatie=organisatie,
    )


def _q(text: str) -> str:
    """A YAML double-quoted string (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _greeting(tijdstip: str) -> str:
    hour = int(tijdstip[:2])
    return "Goedemorgen" if hour < 12 else "Goedemiddag" if hour < 18 else "Goedenavond"


def scenario_text(a: Answers) -> str:
    """The commented YAML of a starting scenario for these answers."""
    # "meneer Van der Berg": after the salutation the surname starts with a capital.
    surname = a.achternaam[:1].upper() + a.achternaam[1:]
    name = f"{a.aanhef} {surname}"
    afhandeling, action_states = _outcome(a)
    return f"""\
# {a.titel}
# Een startscenario van `kcc-sim nieuw`. Pas de zinnen, feiten en toestanden aan, controleer
# met `kcc-sim valideer {a.scenario_id}.yaml` en speel elke tak na met
# `kcc-sim speel-door {a.scenario_id}`.
id: {a.scenario_id}
titel: {_q(a.titel)}
# Wat de medewerker vooraf leest: de situatie en wat een goed gesprek oplevert.
beschrijving: >
  {name[:1].upper() + name[1:]} belt met een vraag. Beschrijf hier de situatie en wat de
  medewerker moet doen om het gesprek goed af te ronden.
# 1 (eenvoudig) tot en met 5 (zeer moeilijk).
moeilijkheid: 2
thema: {_q(a.thema)}
gemeente: {_q(a.gemeente)}
# Bepaalt de juiste begroeting: voor 12 uur goedemorgen, tot 18 uur goedemiddag, daarna goedenavond.
tijdstip: "{a.tijdstip}"

beller:
  aanhef: {a.aanhef}
  voornaam: {_q(a.voornaam)}
  achternaam: {_q(a.achternaam)}
  stem:
    geslacht: {"vrouw" if a.aanhef == "mevrouw" else "man"}
    tempo: 160         # woorden per minuut; een haastige beller praat sneller
    volume: 0.9
    toonhoogte: 50
  stemming: 3          # 0 = kalm, 10 = woedend; vanaf 4 is de beller geïrriteerd
  # Gegevens die de beller noemt als de medewerker ernaar vraagt (controle klantgegevens).
  klantgegevens:
    adres: "Dorpsstraat 12"
    postcode: "1234 AB"
    woonplaats: {_q(a.gemeente)}
    geboortedatum: "3 maart 1970"

# Wat een goed gesprek oplevert.
afhandeling:
{afhandeling}
# Wat de medewerker moet vertellen; `herkennen` zijn zinsdelen ("..." betekent: alles ertussen).
feiten:
  - id: antwoord
    beschrijving: "Het antwoord op de vraag van de beller."
    herkennen:
      - "uw vraag ... antwoord"

# Woorden die de spraakherkenning moet kennen, en vaktaal die de medewerker moet vermijden.
vocabulaire: [{_q(surname)}, {_q(a.gemeente)}]
jargon: [zaaknummer, behandeltermijn]

start: begin
toestanden:
  # De eerste zin van de beller, na de begroeting van de medewerker.
  begin:
    fase: aanvang
    zegt: {_q(f"{_greeting(a.tijdstip)}, u spreekt met {name}. Ik heb een vraag.")}
    overgangen:
      - beweging: open_vraag
        naar: vertelt
      - beweging: samenvatting
        naar: bevestigt
      # Geen open vraag: de beller raakt geïrriteerd (stemming +1).
      - anders: true
        naar: vertelt
        stemming: 1

  vertelt:
    fase: analyse
    # Een emotionele zin vraagt om empathie van de medewerker.
    emotioneel: true
    # Varianten per stemming: rustig, geirriteerd, boos.
    zegt:
      rustig: "Ik heb er al eens naar gekeken, maar ik kom er niet uit."
      geirriteerd: "Ik kom er gewoon niet uit, en ik heb er al zoveel tijd in gestoken."
    overgangen:
      - beweging: samenvatting
        naar: bevestigt
      - anders: true
        naar: bevestigt
        stemming: 1

  bevestigt:
    fase: analyse
    zegt: "Ja, dat klopt. Wat kunt u voor mij doen?"
    overgangen:
{action_states}"""


def _outcome(a: Answers) -> tuple[str, str]:
    """The `afhandeling` block and the states from `bevestigt` on, for the chosen outcome."""
    soort = a.afhandeling
    block = f"  soort: {soort}\n"
    agree = """\
    overgangen:
      - beweging: akkoord_check
        naar: akkoord
      - beweging: controlevraag
        naar: akkoord
"""
    if soort in ("doorverbinden", "terugbelafspraak"):
        block += (
            f"  afdeling: {_q(a.afdeling)}\n  collega:\n    naam: {_q(a.collega)}\n"
            f"    afdeling: {_q(a.afdeling)}\n"
            f"    bereikbaar: {'true' if soort == 'doorverbinden' else 'false'}\n"
        )
    if soort == "verwijzen":
        block += f"  organisatie: {_q(a.organisatie)}\n  afkortingen: []   # bijvoorbeeld [UWV]\n"
    block += "  registratie: true   # false bij eenvoudige algemene informatie (openingstijden)\n"
    if soort == "doorverbinden":
        # The colleague answers and takes over: the trainee's part ends with the handover.
        states = """\
      - beweging: doorverbinden
        naar: wacht_doorverbinden
      - anders: true
        naar: bevestigt
        stemming: 1

  # Na de actie doorverbinden neemt de collega op; de medewerker draagt het gesprek warm over
  # ("Ik heb mevrouw ... aan de lijn met een vraag over ...") en daarmee eindigt het gesprek.
  wacht_doorverbinden:
    fase: actie
    zegt: "Goed, verbindt u mij maar door."
    overgangen:
      - anders: true
        naar: wacht_doorverbinden
"""
        return block, states
    trigger = {
        "direct_beantwoord": "feit: antwoord",
        "terugbelafspraak": "actie: doorverbinden",
        "verwijzen": "beweging: verwijzen",
        "email": "beweging: email_aanbod",
        "uitzoeken_terugbellen": "beweging: uitzoeken",
    }[soort]
    line = {
        "direct_beantwoord": "Dank u, nu weet ik waar ik aan toe ben.",
        "terugbelafspraak": "Hallo? Is er niemand? Moet ik nu opnieuw bellen?",
        "verwijzen": "O, dus daarvoor moet ik ergens anders zijn. Goed om te weten.",
        "email": "Een e-mail, dan kan ik het zelf precies opschrijven. Goed.",
        "uitzoeken_terugbellen": "Dat is prima. Dan hoor ik het wel.",
    }[soort]
    states = f"""\
      - {trigger}
        naar: oplossing
      - anders: true
        naar: bevestigt
        stemming: 1

  oplossing:
    fase: actie
    zegt: {_q(line)}
"""
    if soort == "terugbelafspraak":
        states += """\
    emotioneel: true
    overgangen:
      - beweging: terugbellen
        naar: teruggebeld
      - anders: true
        naar: oplossing
        stemming: 1

  teruggebeld:
    fase: actie
    zegt: "Goed, als ik dan teruggebeld word, vind ik het prima."
"""
    return block, states + agree + CLOSING


# The closing states every outcome but a warm transfer ends with.
CLOSING = """
  akkoord:
    fase: afsluiting
    zegt: "Ja, dat is akkoord."
    overgangen:
      - beweging: proefafsluiting
        naar: niets_meer

  niets_meer:
    fase: afsluiting
    zegt: "Nee, dat was het."
    overgangen:
      - beweging: [bedanken, goede_wens]
        naar: afscheid

  afscheid:
    fase: afsluiting
    einde: true
    zegt: "Dank u wel. Dag."
"""


def default_path(scenario_id: str) -> Path:
    from simulator.scenario.loader import default_folder

    return default_folder() / f"{scenario_id}.yaml"


def run(uit: str | None, read: TextIO | None = None, write: TextIO | None = None) -> int:
    """The command: ask, write the file, refuse to overwrite. Returns the exit code."""
    read = read or sys.stdin
    write = write or sys.stdout
    answers = collect(read, write, Path(uit).stem if uit else "")
    path = Path(uit) if uit else default_path(answers.scenario_id)
    if path.exists():
        print(
            f"kcc-sim nieuw: {path} bestaat al; ik overschrijf geen bestaand scenario. "
            "Kies een andere naam met --uit BESTAND, of een ander id.",
            file=sys.stderr,
        )
        return 1
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(scenario_text(answers), encoding="utf-8")
    except OSError as error:
        print(
            f"kcc-sim nieuw: {path} kan niet worden geschreven ({error.strerror}). "
            "Kies een andere plek met --uit BESTAND.",
            file=sys.stderr,
        )
        return 1
    write.write(
        f"Scenario geschreven naar {path}.\n"
        f"Controleer het met: kcc-sim valideer {path}\n"
        f"Speel elke tak na met: kcc-sim speel-door {path}\n"
    )
    return 0
