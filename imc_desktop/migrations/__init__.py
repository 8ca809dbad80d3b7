"""Alembic migrations of the database (batch mode for SQLite)."""

#: The newest revision under versions/; a test checks it against the scripts.
HEAD_REVISION = "0019"
