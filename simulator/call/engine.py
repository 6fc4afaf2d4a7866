"""The call engine: the simulated caller as a state machine driven by trainee events.

Pure Python with no clock of its own: every input carries its time (seconds since ringing began),
so a call replays exactly from a transcript. Output: caller lines, and every event in the record.
"""

from __future__ import annotations

import random
import string
from collections.abc import Sequence
from dataclasses import replace

from simulator.call.analysis import (
    MoveClassifierLike,
    UtteranceAnalysis,
    analyse,
    default_classifier,
)
from simulator.call.mood import clamp, mood_deltas
from simulator.call.record import (
    ActionEvent,
    CallEnd,
    CallerTurn,
    CallRecord,
    Interruption,
    MoodChange,
    PickUp,
    Registration,
    Ring,
    Silence,
    StateChange,
    TraineeTurn,
    Word,
)
from simulator.call.voice import speaking_time, voice_for
from simulator.scenario.model import MOOD_BANDS, Overgang, Scenario, Toestand, mood_band

# A caller gives up after this many rings.
MAX_RINGS = 8
# Pause before the caller answers, and between monologue parts while the trainee only listens.
TURN_GAP = 0.4
MONOLOGUE_PAUSE = 1.2
# Dead air before the caller asks "Hallo? Bent u daar nog?"; longer when announced or on hold.
SILENCE_LIMIT = 10.0
ANNOUNCED_SILENCE_LIMIT = 45.0
# After picking up, the caller waits this long for the greeting before saying "Hallo?".
OPENING_SILENCE_LIMIT = 4.0
# Moves that show the trainee is steering a monologue, not just talking over the caller.
STEERING_MOVES = ("onderbreking", "terug_naar_vraag", "voorstel")
CLOSING_MOVES = ("bedanken", "goede_wens")


class _Formatter(string.Formatter):
    """Leaves unknown placeholders as they are, so a typo shows instead of crashing a call."""

    def get_value(self, key, args, kwargs):  # noqa: ANN001
        return kwargs.get(key, "{" + str(key) + "}") if isinstance(key, str) else ""


_FORMAT = _Formatter()


class CallEngine:
    def __init__(
        self,
        scenario: Scenario,
        classifier: MoveClassifierLike | None = None,
        seed: int = 0,
        trainee: str = "",
    ) -> None:
        self.scenario = scenario
        self.classifier = classifier or default_classifier(scenario)
        self.rng = random.Random(seed)
        self.trainee = trainee
        self.record = CallRecord(scenario_id=scenario.id, trainee=trainee, seed=seed)
        self.mood = scenario.beller.stemming
        self.state = scenario.start
        self.rings = 0
        self.picked_up = False
        self.finished = False
        self.speaking_until = 0.0
        self.conveyed: set[str] = set()
        self.name_given = False
        self.trial_closed = False
        self._mode = "beller"  # beller | collega | wacht
        self._part = 0  # monologue parts spoken in the current state
        self._last_trainee_end = 0.0
        self._silence_prompted = False
        self._announced = False
        self._names_used = 0
        self._opened = False  # the caller has said their opening line

    # ----- state of the call ---------------------------------------------------------------

    @property
    def current(self) -> Toestand:
        return self.scenario.toestanden[self.state]

    @property
    def phase(self) -> str:
        return self.current.fase

    @property
    def on_hold(self) -> bool:
        return self._mode == "wacht"

    @property
    def in_transfer(self) -> bool:
        return self._mode == "collega"

    @property
    def monologue_remaining(self) -> int:
        parts = self.current.monoloog
        return len(parts) - self._part if parts and self._opened else 0

    def caller_speaking(self, t: float) -> bool:
        return t < self.speaking_until

    # ----- inputs ----------------------------------------------------------------------------

    def ring(self, t: float) -> None:
        if self.picked_up or self.finished:
            return
        self.rings += 1
        self.record.add(Ring(t=t, count=self.rings))
        if self.rings > MAX_RINGS:
            self._end(t, "beller")

    def pick_up(self, t: float) -> list[CallerTurn]:
        if self.picked_up or self.finished:
            return []
        self.picked_up = True
        self.speaking_until = t
        self._last_trainee_end = t
        self.record.add(PickUp(t=t, rings=self.rings))
        # The trainee speaks first ("Goedemorgen, gemeente ..."); the caller's opening follows.
        return []

    def hear(
        self,
        text: str,
        start: float,
        end: float,
        confidence: float = 1.0,
        words: Sequence[Word] = (),
        over_caller: bool = False,
        typed: bool = False,
    ) -> list[CallerTurn]:
        """The trainee said `text` between `start` and `end`; returns the caller's reply lines."""
        if self.finished or not self.picked_up:
            return []
        start, end = round(start, 2), round(end, 2)
        over_caller = over_caller or self.caller_speaking(start)
        if self._mode == "wacht":
            self.record.add(ActionEvent(t=start, action="terug", detail="gesproken"))
            self._mode = "beller"
        analysis = analyse(text, confidence, self.scenario, self.classifier)
        turn = TraineeTurn(
            t=start,
            end=end,
            text=text,
            confidence=confidence,
            words=tuple(words),
            moves=analysis.moves,
            model_moves=analysis.model_moves,
            facts=analysis.facts,
            over_caller=over_caller,
            to="collega" if self._mode == "collega" else "beller",
            typed=typed,
        )
        self.record.add(turn)
        self._last_trainee_end = end
        self._silence_prompted = False
        self._announced = analysis.has("aankondiging")
        if self.caller_speaking(start):
            self._cut_off(start)
        if self._mode == "collega":
            return self._hand_over(end)
        interrupting = self.monologue_remaining > 0 and not analysis.only_backchannel
        if interrupting:
            self._interrupt(start, analysis)
        self.conveyed.update(analysis.facts)
        self._apply_mood(start, analysis, rude_interruption=interrupting and over_caller)
        if analysis.name:
            self._names_used += 1
        if self.finished:
            return self.record.caller_turns[-1:]
        if not self._opened:
            return self._open(analysis, end + TURN_GAP)
        return self._respond(analysis, end + TURN_GAP)

    def act(self, action: str, t: float, detail: str = "") -> list[CallerTurn]:
        """A UI action: wacht, terug, doorverbinden, terugbelnotitie, klantbeeld, ophangen."""
        if action == "opnemen":
            return self.pick_up(t)
        if self.finished or not self.picked_up:
            return []
        self.record.add(ActionEvent(t=t, action=action, detail=detail))
        self._silence_prompted = False
        self._last_trainee_end = max(self._last_trainee_end, t)
        if action == "ophangen":
            self._end(t, "medewerker")
            return []
        transition = self._match(lambda o: o.actie == action)
        if action == "doorverbinden":
            return self._transfer(t, transition)
        if transition:
            return self._take(transition, t + TURN_GAP, f"actie {action}")
        if action == "wacht":
            self._mode = "wacht"
        elif action == "terug" and self._mode == "wacht":
            self._mode = "beller"
            return self._say(
                self.scenario.reacties.terug_uit_wacht, t + TURN_GAP, "terug_uit_wacht"
            )
        return []

    def tick(self, t: float) -> list[CallerTurn]:
        """Time passes: the monologue goes on, a silence trigger fires, or dead air is noticed."""
        if self.finished or not self.picked_up or self.caller_speaking(t):
            return []
        quiet_since = max(self.speaking_until, self._last_trainee_end)
        quiet = t - quiet_since
        if self._mode == "beller" and self.monologue_remaining > 0 and quiet >= MONOLOGUE_PAUSE:
            return self._next_part(quiet_since + MONOLOGUE_PAUSE)
        if self._mode == "collega":
            return []
        for transition in self.current.overgangen if self._opened else ():
            if transition.stilte is not None and quiet >= transition.stilte:
                self._record_silence(t, quiet)
                return self._take(transition, t, f"stilte {transition.stilte:g}s")
        limit = ANNOUNCED_SILENCE_LIMIT if (self._announced or self.on_hold) else SILENCE_LIMIT
        if not self._opened:
            limit = OPENING_SILENCE_LIMIT
        if quiet >= limit and not self._silence_prompted:
            self._silence_prompted = True
            self._record_silence(t, quiet)
            if not self._announced and not self.on_hold:
                self._change_mood(t, 1, "lange stilte")
            if self.finished:
                return self.record.caller_turns[-1:]
            if self.on_hold:
                return []
            return self._say(self.scenario.reacties.stilte, t, "stilte")
        return []

    def let_continue(self, t: float) -> list[CallerTurn]:
        """The trainee keeps listening: the next monologue part follows."""
        if self.monologue_remaining > 0 and not self.finished:
            return self._next_part(max(t, self.speaking_until + MONOLOGUE_PAUSE))
        return []

    def played(self, start: float, end: float) -> None:
        """The last caller line really played from `start` to `end` (audio runs later than
        estimated while recognition and rendering take time)."""
        self._replace_last_line(t=round(start, 2), end=round(end, 2))
        self.speaking_until = max(self.speaking_until, end)

    def register(
        self,
        t: float,
        onderwerp: str = "",
        samenvatting: str = "",
        afhandeling: str = "",
        vervolgactie: str = "",
    ) -> None:
        self.record.add(
            Registration(
                t=t,
                onderwerp=onderwerp,
                samenvatting=samenvatting,
                afhandeling=afhandeling,
                vervolgactie=vervolgactie,
            )
        )

    def end(self, t: float) -> None:
        """The trainee's side of the call is over without a hang-up action (end of a transcript)."""
        if not self.finished:
            self._end(t, "medewerker")

    def abandon(self, t: float) -> None:
        if not self.finished:
            self._end(t, "afgebroken")

    # ----- reactions -------------------------------------------------------------------------

    def _open(self, analysis: UtteranceAnalysis, t: float) -> list[CallerTurn]:
        """The trainee's first words: the caller starts with the scenario's opening state."""
        self._opened = True
        lines = self._enter(self.scenario.start, t)
        if analysis.has("vraagt_naam") and not self.name_given and not self.finished:
            self.name_given = True
            lines += self._say(self.scenario.reacties.naam, self._after(lines, t), "naam")
        return lines

    def _respond(self, analysis: UtteranceAnalysis, t: float) -> list[CallerTurn]:
        reacties = self.scenario.reacties
        prefix: list[tuple[str, str]] = []
        if analysis.understood and analysis.has("vraagt_naam") and not self.name_given:
            prefix.append((reacties.naam, "naam"))
            self.name_given = True
        if analysis.understood and (analysis.fields or analysis.has("vraagt_gegevens")):
            prefix.append((self._data_answer(analysis.fields), "gegevens"))

        transition = (
            self._match(lambda o: self._triggered(o, analysis)) if analysis.understood else None
        )
        if transition:
            lines = self._say_all(prefix, t)
            return lines + self._take(transition, self._after(lines, t), _trigger_label(transition))
        if prefix:
            return self._say_all(prefix, t)
        if not analysis.understood:
            return self._say(reacties.niet_begrepen, t, "niet_begrepen")
        if analysis.has("proefafsluiting") and not self.trial_closed:
            self.trial_closed = True
            return self._say(reacties.proefafsluiting, t, "proefafsluiting", phase="afsluiting")
        if analysis.has(*CLOSING_MOVES) and (self.trial_closed or self.phase == "afsluiting"):
            lines = self._say(reacties.afscheid, t, "afscheid", phase="afsluiting")
            self._end(self.speaking_until, "medewerker")
            return lines
        if self.monologue_remaining > 0 and analysis.only_backchannel:
            return self._next_part(t)
        fallback = self._match(lambda o: o.anders)
        if fallback:
            return self._take(fallback, t, "anders")
        if analysis.has("aankondiging", "luistersignaal"):
            return []
        if not analysis.moves and not analysis.facts:
            self._change_mood(t, 1, "vraag genegeerd")
            if self.finished:
                return self.record.caller_turns[-1:]
            return self._say(reacties.genegeerd, t, "genegeerd")
        return self._say(self._line(self.current), t, "herhaling")

    def _triggered(self, transition: Overgang, analysis: UtteranceAnalysis) -> bool:
        if transition.beweging is not None:
            return any(m in analysis.moves for m in transition.moves)
        if transition.feit is not None:
            return transition.feit in analysis.facts
        return False

    def _data_answer(self, fields: Sequence[str]) -> str:
        reacties = self.scenario.reacties
        data = self.scenario.beller.klantgegevens
        known = [f for f in fields if f in data]
        if not known and fields:
            return reacties.gegevens_onbekend
        if not known:
            # A general "can I check your details?": the caller gives the first two items.
            known = list(data)[:2]
        if not known:
            return reacties.gegevens_onbekend
        return " ".join(self.format_line(reacties.gegevens, veld=f, waarde=data[f]) for f in known)

    def _transfer(self, t: float, transition: Overgang | None) -> list[CallerTurn]:
        reacties = self.scenario.reacties
        colleague = self.scenario.afhandeling.collega
        if colleague is None or colleague.bereikbaar:
            self._mode = "collega"
            return self._say(
                reacties.collega_neemt_op, t + 2.0, "collega_neemt_op", speaker="collega"
            )
        lines = self._say(reacties.collega_afwezig, t + 2.0, "collega_afwezig", speaker="systeem")
        after = self._after(lines, t)
        if transition:
            return lines + self._take(transition, after, "actie doorverbinden")
        return lines + self._say(reacties.terug_na_doorverbinden, after, "terug_na_doorverbinden")

    def _hand_over(self, t: float) -> list[CallerTurn]:
        lines = self._say(
            self.scenario.reacties.collega_overdracht, t, "overdracht", speaker="collega"
        )
        self._end(self.speaking_until, "overdracht")
        return lines

    def _cut_off(self, t: float) -> None:
        """The caller stops talking at `t`: their line is marked as interrupted where it stopped."""
        self._replace_last_line(end=t, interrupted=True)
        self.speaking_until = t

    def _replace_last_line(self, **changes: object) -> None:
        events = self.record.events
        lines = [i for i, e in enumerate(events) if isinstance(e, CallerTurn)]
        if lines:
            events[lines[-1]] = replace(events[lines[-1]], **changes)

    def _interrupt(self, t: float, analysis: UtteranceAnalysis) -> None:
        respectful = bool(analysis.name) and analysis.has(*STEERING_MOVES)
        parts = len(self.current.monoloog or ())
        self.record.add(
            Interruption(
                t=t, respectful=respectful, after_parts=self._part, parts=parts, state=self.state
            )
        )
        # The monologue is over: the caller now waits for what the trainee has to say.
        self._part = parts

    def _apply_mood(self, t: float, analysis: UtteranceAnalysis, rude_interruption: bool) -> None:
        last = self.record.caller_turns[-1] if self.record.caller_turns else None
        emotional = bool(last and last.emotional)
        for delta, reason in mood_deltas(analysis, emotional, self._names_used):
            self._change_mood(t, delta, reason)
        if rude_interruption and not self.record.of(Interruption)[-1].respectful:
            self._change_mood(t, 1, "door de beller heen gepraat")

    def _change_mood(self, t: float, delta: int, reason: str) -> None:
        new = clamp(self.mood + delta)
        if new == self.mood or self.finished:
            return
        self.record.add(MoodChange(t=t, old=self.mood, new=new, reason=reason))
        self.mood = new
        if new >= 10:
            self._say(self.scenario.reacties.ophangen_boos, t + TURN_GAP, "ophangen_boos")
            self._end(self.speaking_until, "beller")

    # ----- states and lines ------------------------------------------------------------------

    def _match(self, predicate) -> Overgang | None:  # noqa: ANN001
        return next((o for o in self.current.overgangen if predicate(o)), None)

    def _take(self, transition: Overgang, t: float, trigger: str) -> list[CallerTurn]:
        if transition.stemming:
            self._change_mood(t, transition.stemming, f"overgang naar {transition.naar}")
            if self.finished:
                return self.record.caller_turns[-1:]
        self.record.add(StateChange(t=t, old=self.state, new=transition.naar, trigger=trigger))
        return self._enter(transition.naar, t)

    def _enter(self, state: str, t: float) -> list[CallerTurn]:
        self.state = state
        self._part = 0
        toestand = self.current
        if toestand.monoloog:
            lines = self._next_part(t)
        else:
            lines = self._say(self._line(toestand), t, "toestand", emotional=toestand.emotioneel)
        if toestand.einde and not toestand.monoloog:
            self._end(self.speaking_until, "beller")
        return lines

    def _next_part(self, t: float) -> list[CallerTurn]:
        parts = self.current.monoloog or []
        self._part += 1
        lines = self._say(
            parts[self._part - 1],
            t,
            "monoloog",
            emotional=self.current.emotioneel,
            part=(self._part, len(parts)),
        )
        if self._part == len(parts) and self.current.einde:
            self._end(self.speaking_until, "beller")
        return lines

    def _line(self, toestand: Toestand) -> str:
        said = toestand.zegt
        if isinstance(said, dict):
            band = mood_band(self.mood)
            said = said.get(band) or _nearest_band(said, band)
        if isinstance(said, list):
            said = self.rng.choice(said)
        return said or ""

    def format_line(self, text: str, **extra: str) -> str:
        """A caller line with its placeholders filled in, as the caller will say it."""
        scenario = self.scenario
        colleague = scenario.afhandeling.collega
        values = {
            "aanhef": scenario.beller.aanhef,
            "voornaam": scenario.beller.voornaam,
            "achternaam": scenario.beller.achternaam,
            "gemeente": scenario.gemeente,
            "medewerker": self.trainee or "de medewerker",
            "collega": colleague.naam if colleague else "een collega",
            "afdeling": (colleague.afdeling if colleague else scenario.afhandeling.afdeling) or "",
            "organisatie": scenario.afhandeling.organisatie or "",
            **extra,
        }
        text = " ".join(_FORMAT.format(text, **values).split())
        return text[:1].upper() + text[1:]

    def _say(
        self,
        text: str,
        t: float,
        reason: str,
        speaker: str = "beller",
        emotional: bool = False,
        part: tuple[int, int] = (1, 1),
        phase: str | None = None,
    ) -> list[CallerTurn]:
        text = self.format_line(text)
        start = max(t, self.speaking_until)
        voice = voice_for(self.scenario.beller.stem, self.mood)
        end = start + speaking_time(text, voice.rate)
        turn = CallerTurn(
            t=round(start, 2),
            end=round(end, 2),
            text=text,
            speaker=speaker,  # type: ignore[arg-type]
            state=self.state,
            phase=phase or self.phase,
            mood=self.mood,
            emotional=emotional,
            part=part[0],
            parts=part[1],
            reason=reason,
        )
        self.record.add(turn)
        self.speaking_until = end
        if reason == "toestand" or reason == "monoloog":
            self.name_given = self.name_given or self.scenario.beller.achternaam in text
        return [turn]

    def _say_all(self, lines: list[tuple[str, str]], t: float) -> list[CallerTurn]:
        said: list[CallerTurn] = []
        for text, reason in lines:
            said += self._say(text, self._after(said, t), reason)
        return said

    @staticmethod
    def _after(lines: list[CallerTurn], t: float) -> float:
        return lines[-1].end + 0.2 if lines else t

    def _record_silence(self, t: float, quiet: float) -> None:
        self.record.add(Silence(t=t, duration=round(quiet, 2), announced=self._announced))

    def _end(self, t: float, by: str) -> None:
        if self.finished:
            return
        self.finished = True
        self.record.add(CallEnd(t=round(t, 2), by=by))  # type: ignore[arg-type]


def _nearest_band(variants: dict, band: str) -> str | list[str] | None:
    order = sorted(MOOD_BANDS, key=lambda b: abs(MOOD_BANDS.index(b) - MOOD_BANDS.index(band)))
    return next((variants[b] for b in order if b in variants), None)


def _trigger_label(transition: Overgang) -> str:
    if transition.beweging is not None:
        return "beweging " + "/".join(transition.moves)
    if transition.feit is not None:
        return f"feit {transition.feit}"
    return "anders"
