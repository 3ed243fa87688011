"""Faster API pages over large stores: each event's search row id in `events.search_id` (full-text matches are
then integers to compare, no lookup per match), and indexes in page order for kind (defections among many events)
and for the usual pairs within a country (type, sub-type, province).

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_COUNTRY = sa.text("lower(country)")
_INDEXES = {  # name -> indexed expressions on events: the same as schema.py
    "ix_events_kind_day": ["kind", "date_start", "id"],
    "ix_events_country_type_day": [_COUNTRY, sa.text("lower(event_type)"), "date_start", "id"],
    "ix_events_country_subtype_day": [_COUNTRY, sa.text("lower(sub_event_type)"), "date_start", "id"],
    "ix_events_country_admin1_day": [_COUNTRY, sa.text("lower(admin1)"), "date_start", "id"],
}


def upgrade() -> None:
    op.add_column("events", sa.Column("search_id", sa.Integer))  # plain ALTER TABLE: see 0004 on batch mode
    op.get_bind().execute(sa.text(
        "UPDATE events SET search_id = (SELECT event_text.id FROM event_text WHERE event_text.event_id = events.id)"))
    op.create_index("ix_events_search_id", "events", ["search_id"], unique=True)
    for name, columns in _INDEXES.items():
        op.create_index(name, "events", columns)


def downgrade() -> None:
    for name in _INDEXES:
        op.drop_index(name, table_name="events")
    op.drop_index("ix_events_search_id", table_name="events")
    op.drop_column("events", "search_id")
