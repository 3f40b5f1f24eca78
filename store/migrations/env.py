"""Alembic set-up: migrations always run on the connection `store.db.upgrade` hands in."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Right Steps migrations run through store.db.upgrade, not the alembic tool")

context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
