"""Report tests reuse the store fixtures (SQLite always, PostgreSQL when configured)."""

from tests.store.conftest import clock, database_url, settings, store  # noqa: F401
