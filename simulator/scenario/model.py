"""The scenario format as typed, immutable pydantic models (Dutch keys, as trainers write them)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Phase = Literal["aanvang", "analyse", "actie", "afsluiting"]
PHASES: tuple[str, ...] = ("aanvang", "analyse", "actie", "afsluiting")

MoodBand = Literal["rustig", "geirriteerd", "boos"]
MOOD_BANDS: tuple[str, ...] = ("rustig", "geirriteerd", "boos")

# UI actions a trainee can take during a call; also usable as transition triggers.
Action = Literal[
    "opnemen", "wacht", "terug", "doorverbinden", "terugbelnotitie", "klantbeeld", "ophangen"
]
ACTIONS: tuple[str, ...] = (
    "opnemen",
    "wacht",
    "terug",
    "doorverbinden",
    "terugbelnotitie",
    "klantbeeld",
    "ophangen",
)

Outcome = Literal[
    "direct_beantwoord",
    "doorverbinden",
    "terugbelafspraak",
    "verwijzen",
    "email",
    "uitzoeken_terugbellen",
]
OUTCOMES: tuple[str, ...] = (
    "direct_beantwoord",
    "doorverbinden",
    "terugbelafspraak",
    "verwijzen",
    "email",
    "uitzoeken_terugbellen",
)


def mood_band(mood: int) -> str:
    """Mood 0-3 is calm, 4-6 irritated, 7-10 angry."""
    if mood <= 3:
        return "rustig"
    if mood <= 6:
        return "geirriteerd"
    return "boos"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Stem(_Model):
    """Voice settings for the caller's text-to-speech."""

    geslacht: Literal["man", "vrouw"] = "vrouw"
    tempo: int = Field(default=165, ge=80, le=300, description="Woorden per minuut")
    volume: float = Field(default=0.9, ge=0.0, le=1.0)
    toonhoogte: int = Field(default=50, ge=0, le=99)


class Beller(_Model):
    aanhef: Literal["mevrouw", "meneer"]
    voornaam: str
    achternaam: str
    stem: Stem = Stem()
    stemming: int = Field(default=3, ge=0, le=10, description="0 = kalm, 10 = woedend")
    klantgegevens: dict[str, str] = Field(default_factory=dict)

    @property
    def formal_name(self) -> str:
        return f"{self.aanhef} {self.achternaam}"


class Collega(_Model):
    naam: str
    afdeling: str
    bereikbaar: bool = True


class Afhandeling(_Model):
    """What a good call achieves."""

    soort: Outcome
    afdeling: str | None = None
    organisatie: str | None = None
    # Abbreviations of the organisation that the trainee must not use (e.g. "UWV").
    afkortingen: list[str] = Field(default_factory=list)
    collega: Collega | None = None
    registratie: bool = True
    beller_wil_regie: bool = False

    @model_validator(mode="after")
    def _needs_details(self) -> Afhandeling:
        if self.soort == "verwijzen" and not self.organisatie:
            raise ValueError("bij soort 'verwijzen' hoort een 'organisatie'")
        if self.soort in ("doorverbinden", "terugbelafspraak") and self.collega is None:
            raise ValueError(f"bij soort '{self.soort}' hoort een 'collega'")
        return self


class Feit(_Model):
    """A fact the trainee must convey; recognised when any `herkennen` phrase occurs."""

    id: str
    beschrijving: str
    # A phrase matches after normalisation, tolerating slips; "..." means "anything in between".
    herkennen: list[str] = Field(min_length=1)


class Overgang(_Model):
    """A transition: exactly one trigger (beweging, feit, actie, stilte or anders) and a target."""

    naar: str
    beweging: str | list[str] | None = None
    feit: str | None = None
    actie: Action | None = None
    stilte: float | None = Field(default=None, gt=0, description="Seconden stilte")
    anders: bool = False
    stemming: int = Field(default=0, ge=-10, le=10, description="Verandering van de stemming")

    @model_validator(mode="after")
    def _one_trigger(self) -> Overgang:
        triggers = [
            self.beweging is not None,
            self.feit is not None,
            self.actie is not None,
            self.stilte is not None,
            self.anders,
        ]
        if sum(triggers) != 1:
            raise ValueError(
                "een overgang heeft precies één van: beweging, feit, actie, stilte, anders"
            )
        return self

    @property
    def moves(self) -> tuple[str, ...]:
        if self.beweging is None:
            return ()
        return (self.beweging,) if isinstance(self.beweging, str) else tuple(self.beweging)


LineVariants = str | list[str]


class Toestand(_Model):
    """A caller state: what the caller says here and where the call goes next."""

    fase: Phase
    zegt: LineVariants | dict[MoodBand, LineVariants] | None = None
    monoloog: list[str] | None = None
    emotioneel: bool = False
    einde: bool = False
    overgangen: list[Overgang] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_line(self) -> Toestand:
        if (self.zegt is None) == (self.monoloog is None):
            raise ValueError("een toestand heeft 'zegt' of 'monoloog' (precies één van beide)")
        if self.monoloog is not None and len(self.monoloog) < 2:
            raise ValueError("een monoloog heeft minstens twee delen")
        return self


class Reacties(_Model):
    """Built-in caller behaviour; every line can be overridden per scenario."""

    naam: str = "Met {aanhef} {achternaam}."
    gegevens: str = "Mijn {veld} is {waarde}."
    gegevens_onbekend: str = "Dat weet ik zo niet uit mijn hoofd."
    proefafsluiting: str = "Nee, dat was het. Dank u wel."
    afscheid: str = "Dag, dank u wel."
    niet_begrepen: str = "Sorry, wat zegt u?"
    genegeerd: str = "U luistert niet naar mij. Ik vroeg u iets."
    stilte: str = "Hallo? Bent u daar nog?"
    terug_uit_wacht: str = "Ja, ik ben er nog."
    ophangen_boos: str = "Weet u wat? Dit schiet niet op. Ik hang op."
    collega_neemt_op: str = "Met {collega}, afdeling {afdeling}."
    collega_overdracht: str = "Prima, verbind maar door. Ik neem het over."
    collega_afwezig: str = "{collega} is momenteel niet bereikbaar."
    terug_na_doorverbinden: str = "Hallo? Is er iemand?"


class ExtraZin(_Model):
    fase: Phase
    zin: str
    beschrijving: str = ""


class Rubriek(_Model):
    """Scenario adjustments to the rubric."""

    uit: list[str] = Field(default_factory=list)
    gewichten: dict[str, float] = Field(default_factory=dict)
    extra_zinnen: list[ExtraZin] = Field(default_factory=list)


class EigenBeweging(_Model):
    """A scenario-specific conversational move, recognised from example phrases."""

    id: str
    beschrijving: str = ""
    voorbeelden: list[str] = Field(min_length=1)


class Scenario(_Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    titel: str
    beschrijving: str
    moeilijkheid: int = Field(ge=1, le=5)
    thema: str
    gemeente: str
    tijdstip: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="Bijvoorbeeld 09:30")
    beller: Beller
    afhandeling: Afhandeling
    feiten: list[Feit] = Field(default_factory=list)
    vocabulaire: list[str] = Field(default_factory=list)
    jargon: list[str] = Field(default_factory=list)
    rubriek: Rubriek = Rubriek()
    bewegingen: list[EigenBeweging] = Field(default_factory=list)
    reacties: Reacties = Reacties()
    start: str
    toestanden: dict[str, Toestand] = Field(min_length=1)

    @field_validator("toestanden")
    @classmethod
    def _state_names(cls, value: dict[str, Toestand]) -> dict[str, Toestand]:
        for name in value:
            if not name or " " in name:
                raise ValueError(f"ongeldige naam voor een toestand: '{name}' (geen spaties)")
        return value

    @property
    def hour(self) -> int:
        return int(self.tijdstip.split(":")[0])

    @property
    def expected_greeting(self) -> str:
        """Greeting for the simulated time: goedemorgen before 12, goedemiddag until 18."""
        if self.hour < 12:
            return "goedemorgen"
        if self.hour < 18:
            return "goedemiddag"
        return "goedenavond"

    def fact(self, fact_id: str) -> Feit | None:
        return next((f for f in self.feiten if f.id == fact_id), None)
