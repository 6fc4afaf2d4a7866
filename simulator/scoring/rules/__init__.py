"""Rule types: each module registers the types it defines in `RULE_TYPES` (see `base.rule_type`)."""

from simulator.scoring.rules import (  # noqa: F401 - imported to register their rule types
    closing,
    conversation,
    language,
    naming,
    outcome,
    phrase,
    registration,
    timing,
)
from simulator.scoring.rules.base import RULE_TYPES, Call, Finding, RuleType

__all__ = ["RULE_TYPES", "Call", "Finding", "RuleType"]
