"""Results store: every practised call with its scorecard, in SQLite or PostgreSQL."""

from simulator.store.attempts import Attempt
from simulator.store.errors import StoreError
from simulator.store.models import (
    ABANDONED,
    FINISHED,
    AttemptSummary,
    AudioClip,
    RuleRate,
    StoredAttempt,
)
from simulator.store.store import Store, open_store

__all__ = [
    "ABANDONED",
    "FINISHED",
    "Attempt",
    "AttemptSummary",
    "AudioClip",
    "RuleRate",
    "Store",
    "StoreError",
    "StoredAttempt",
    "open_store",
]
