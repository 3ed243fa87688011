"""The actor filter over large stores: every stored actor name once, in `actor_names`, and each event actor's
`name_id` with an index (name_id, event_id). A substring is then matched against the distinct names (thousands)
rather than against every event's actors (millions), and the matching events are read off the index.

Revision ID: 0006
Revises: 0005
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actor_names",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
    )
    op.add_column("event_actors", sa.Column("name_id", sa.Integer))  # plain ALTER TABLE: see 0004 on batch mode
    bind = op.get_bind()
    bind.execute(sa.text("INSERT INTO actor_names (name) SELECT DISTINCT name FROM event_actors ORDER BY name"))
    bind.execute(sa.text("UPDATE event_actors SET name_id = "
                         "(SELECT actor_names.id FROM actor_names WHERE actor_names.name = event_actors.name)"))
    op.create_index("ix_event_actors_name_event", "event_actors", ["name_id", "event_id"])


def downgrade() -> None:
    op.drop_index("ix_event_actors_name_event", table_name="event_actors")
    op.drop_column("event_actors", "name_id")
    op.drop_table("actor_names")
