"""Alembic migrations of the journal schema, run from code (see journal.store.schema)."""
