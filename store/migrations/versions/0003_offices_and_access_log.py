"""Offices and the access log: a plan belongs to the office that first saved it, and every
open, save, export, delete, purge and failed look-up is logged (who, what, which plan, when).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store.db import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("office", sa.String(100), nullable=True))
    op.create_table(
        "access_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("subject", sa.String(255), nullable=False),
        sa.Column("office", sa.String(100), nullable=True),
        sa.Column("address", sa.String(64), nullable=True),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("reference", sa.String(20), nullable=True),
    )
    op.create_index("ix_access_log_reference", "access_log", ["reference"])
    op.create_index("ix_access_log_at", "access_log", ["at"])


def downgrade() -> None:
    op.drop_index("ix_access_log_at", "access_log")
    op.drop_index("ix_access_log_reference", "access_log")
    op.drop_table("access_log")
    with op.batch_alter_table("plans") as batch:
        batch.drop_column("office")
