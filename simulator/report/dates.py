"""Dutch dates and times for reports and lists, independent of the machine's locale."""

from __future__ import annotations

import re
from datetime import date, datetime

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def local(moment: datetime) -> datetime:
    """A stored (UTC) moment in the machine's time zone."""
    return moment.astimezone()


def dutch_date(moment: date | datetime) -> str:
    """'3 maart 2025'."""
    if isinstance(moment, datetime):
        moment = local(moment)
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def dutch_datetime(moment: datetime) -> str:
    """'maandag 3 maart 2025, 14:05'."""
    moment = local(moment)
    return f"{WEEKDAYS[moment.weekday()]} {dutch_date(moment)}, {moment:%H:%M}"


def short_datetime(moment: datetime) -> str:
    """'03-03-2025 14:05' for lists and CSV."""
    return f"{local(moment):%d-%m-%Y %H:%M}"


def call_time(seconds: float) -> str:
    """Seconds since ringing as 'm:ss'."""
    whole = max(0, int(round(seconds)))
    return f"{whole // 60}:{whole % 60:02d}"


def parse_date(text: str) -> date:
    """A date as people type it: 3-3-2025, 03-03-2025, 3/3/2025 or 2025-03-03; ValueError if not."""
    text = text.strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    dutch = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if dutch:
            return date(int(dutch[3]), int(dutch[2]), int(dutch[1]))
    except ValueError:
        pass
    raise ValueError(text)
