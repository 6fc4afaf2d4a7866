"""The store's one error type: a Dutch message for the user, naming the database and a next step."""

from __future__ import annotations


class StoreError(Exception):
    """The results database cannot be used; `str(error)` is a Dutch sentence for the user."""
