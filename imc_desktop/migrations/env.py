"""Alembic environment: always given a live connection by imc_desktop.db.migrate."""

from __future__ import annotations

from alembic import context

from models import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("migrations are run through imc_desktop.db.migrate()")

context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
