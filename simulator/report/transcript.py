"""The call as readable lines, with the scorecard's evidence quotes marked where they were said."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from simulator.call.record import (
    ActionEvent,
    CallEnd,
    CallerTurn,
    CallRecord,
    Event,
    Interruption,
    PickUp,
    Registration,
    Silence,
    TraineeTurn,
)
from simulator.scoring.scorecard import Evidence, Scorecard

SPEAKERS = {"beller": "Beller", "collega": "Collega", "systeem": "Systeem"}
ENDED_BY = {
    "medewerker": "U hing op.",
    "beller": "De beller hing op.",
    "overdracht": "Het gesprek is overgedragen aan een collega.",
    "afgebroken": "Het gesprek is afgebroken.",
}
# Evidence is matched to the line said at that time; a little slack for rounded times.
TIME_SLACK = 0.75


@dataclass
class Segment:
    text: str
    rules: list[str] = field(default_factory=list)


@dataclass
class Line:
    index: int
    t: float
    who: str
    kind: str  # medewerker | beller | gebeurtenis
    segments: list[Segment]
    notes: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"beurt-{self.index}"

    @property
    def text(self) -> str:
        return "".join(segment.text for segment in self.segments)

    @property
    def marked(self) -> bool:
        return any(segment.rules for segment in self.segments)


def transcript_lines(record: CallRecord) -> list[Line]:
    lines: list[Line] = []
    for event in record.events:
        line = _line(event, len(lines))
        if line is not None:
            lines.append(line)
    return lines


def _line(event: Event, index: int) -> Line | None:
    if isinstance(event, TraineeTurn):
        notes = []
        if event.over_caller:
            notes.append("door de beller heen")
        if event.to == "collega":
            notes.append("tegen de collega")
        if event.confidence < 0.6:
            notes.append(f"onzeker herkend ({event.confidence:.0%})")
        return Line(index, event.t, "Medewerker", "medewerker", [Segment(event.text)], notes)
    if isinstance(event, CallerTurn):
        notes = ["onderbroken"] if event.interrupted else []
        who = SPEAKERS.get(event.speaker, event.speaker)
        return Line(index, event.t, who, "beller", [Segment(event.text)], notes)
    text = _event_text(event)
    if text is None:
        return None
    return Line(index, event.t, "", "gebeurtenis", [Segment(text)])


def _event_text(event: Event) -> str | None:
    if isinstance(event, PickUp):
        return f"U neemt op na {event.rings} keer overgaan."
    if isinstance(event, ActionEvent):
        detail = f" ({event.detail})" if event.detail else ""
        return f"Actie: {event.action}{detail}"
    if isinstance(event, Silence):
        announced = ", aangekondigd" if event.announced else ""
        return f"Stilte van {event.duration:.0f} seconden{announced}."
    if isinstance(event, Interruption):
        how = "respectvol" if event.respectful else "niet respectvol"
        return f"U onderbreekt de beller ({how})."
    if isinstance(event, CallEnd):
        return ENDED_BY.get(event.by, "Einde gesprek.")
    if isinstance(event, Registration):
        return "Het contact is geregistreerd."
    return None


def mark_evidence(lines: list[Line], scorecard: Scorecard | None) -> dict[tuple[str, int], str]:
    """Mark every evidence quote in the line it came from; (rule id, evidence no.) -> anchor."""
    anchors: dict[tuple[str, int], str] = {}
    if scorecard is None:
        return anchors
    spoken = [line for line in lines if line.kind != "gebeurtenis"]
    for rule in scorecard.rules:
        for number, evidence in enumerate(rule.evidence):
            line = _find_line(spoken, evidence)
            if line is None:
                continue
            _mark(line, evidence.quote, rule.title)
            anchors[(rule.rule_id, number)] = line.anchor
    return anchors


def _find_line(lines: list[Line], evidence: Evidence) -> Line | None:
    quote = evidence.quote.strip().lower()
    by_time = [line for line in lines if abs(line.t - evidence.t) <= TIME_SLACK]
    for candidates in (by_time, lines):
        for line in candidates:
            if quote and quote in line.text.lower():
                return line
    # Not quoted literally (a recognition slip, a paraphrase): the line said at that moment.
    before = [line for line in lines if line.t <= evidence.t + TIME_SLACK]
    return before[-1] if before else None


def _mark(line: Line, quote: str, rule_title: str) -> None:
    """Split the line's segments so the quote is its own segment, tagged with the rule."""
    pattern = re.compile(re.escape(quote.strip()), re.IGNORECASE) if quote.strip() else None
    for i, segment in enumerate(line.segments):
        match = pattern.search(segment.text) if pattern else None
        if match is None:
            continue
        before, found, after = (
            segment.text[: match.start()],
            segment.text[match.start() : match.end()],
            segment.text[match.end() :],
        )
        pieces = [Segment(before, list(segment.rules))] if before else []
        pieces.append(Segment(found, [*segment.rules, rule_title]))
        if after:
            pieces.append(Segment(after, list(segment.rules)))
        line.segments[i : i + 1] = pieces
        return
    # No literal match: tag the whole line.
    for segment in line.segments:
        if rule_title not in segment.rules:
            segment.rules.append(rule_title)
