"""Stable public event ids: a counter per id prefix, and each stored event's `article_ids` (the input ids of its
articles) filled into its payload.

Events stored before keep their ids (they are stable from now on: an event keeps its id as reports join it); new
events get ACLED-style ids, the country's `event_id_cnty` letters and a number from `event_counters`.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import json
from collections import defaultdict

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_counters",
        sa.Column("prefix", sa.String(8), primary_key=True),
        sa.Column("last", sa.Integer, nullable=False),
    )
    _backfill_article_ids(op.get_bind())


def _backfill_article_ids(conn: sa.Connection) -> None:
    links = conn.execute(sa.text(
        "SELECT ea.event_id, COALESCE(a.input_id, a.id) FROM event_articles ea JOIN articles a ON a.id = ea.article_id"))
    ids: dict[str, set[str]] = defaultdict(set)
    for event_id, input_id in links:
        ids[event_id].add(input_id)
    update = sa.text("UPDATE events SET payload = :payload WHERE id = :id")
    for event_id, payload in conn.execute(sa.text("SELECT id, payload FROM events")).all():
        record = json.loads(payload)
        if not record.get("article_ids"):
            record["article_ids"] = sorted(ids.get(event_id, ()))
            conn.execute(update, {"payload": json.dumps(record), "id": event_id})


def downgrade() -> None:
    op.drop_table("event_counters")
