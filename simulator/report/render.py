"""The Jinja2 environment for the report templates (autoescaped; templates live in the package)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from simulator.report.dates import call_time, dutch_date, dutch_datetime, short_datetime

TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        call_time=call_time,
        dutch_date=dutch_date,
        dutch_datetime=dutch_datetime,
        short_datetime=short_datetime,
        percent=lambda value: "–" if value is None else f"{value:.0f}%",
    )
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
