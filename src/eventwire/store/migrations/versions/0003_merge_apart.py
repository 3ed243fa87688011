"""Mention pairs a user split apart (`eventwire split`), so that merging never joins them again.

Revision ID: 0003
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "merge_apart",
        sa.Column("mention_a", sa.String(64), sa.ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("mention_b", sa.String(64), sa.ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_merge_apart_mention_b", "merge_apart", ["mention_b"])


def downgrade() -> None:
    op.drop_index("ix_merge_apart_mention_b", table_name="merge_apart")
    op.drop_table("merge_apart")
