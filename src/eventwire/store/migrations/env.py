"""Alembic environment: run by eventwire.store.migrate with a live connection (never from a config file)."""
from __future__ import annotations

from alembic import context

from eventwire.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
