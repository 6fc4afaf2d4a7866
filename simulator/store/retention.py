"""Deleting old voice recordings (personal data) after the retention time, and nothing else."""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa

from simulator.store import schema
from simulator.store.attempts import naive_utc


def purge_audio(engine: sa.Engine, now: datetime, retention_days: int) -> int:
    """Delete recordings made more than `retention_days` days before `now`; how many went."""
    cutoff = naive_utc(now) - timedelta(days=retention_days)
    with engine.begin() as conn:
        result = conn.execute(sa.delete(schema.audio).where(schema.audio.c.created_at < cutoff))
    return int(result.rowcount or 0)
