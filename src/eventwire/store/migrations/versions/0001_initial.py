"""Initial store: articles, merged events, mentions, evidence, actors, links, rejects, ingest runs.

Revision ID: 0001
Revises:
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("input_id", sa.Text), sa.Column("source", sa.Text), sa.Column("url", sa.Text),
        sa.Column("title", sa.Text), sa.Column("published", sa.Date),
        sa.Column("text", sa.Text, nullable=False), sa.Column("raw", sa.Text), sa.Column("meta", sa.Text),
        sa.Column("ingested_at", _TS, nullable=False), sa.Column("run_id", sa.Integer),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("event_type", sa.Text, nullable=False),
        sa.Column("sub_event_type", sa.Text, nullable=False),
        sa.Column("background", sa.Boolean, nullable=False),
        sa.Column("date_start", sa.Date), sa.Column("date_end", sa.Date), sa.Column("time_precision", sa.Integer),
        sa.Column("country", sa.Text), sa.Column("admin1", sa.Text), sa.Column("admin2", sa.Text),
        sa.Column("location", sa.Text), sa.Column("lat", sa.Float), sa.Column("lon", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("fatalities_best", sa.Integer), sa.Column("fatalities_low", sa.Integer),
        sa.Column("fatalities_high", sa.Integer),
        sa.Column("actor1", sa.Text), sa.Column("actor2", sa.Text),
        sa.Column("assoc_actor_1", sa.Text), sa.Column("assoc_actor_2", sa.Text),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False), sa.Column("n_mentions", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
    )
    op.create_index("ix_events_date", "events", ["date_start", "date_end"])
    op.create_index("ix_events_country", "events", ["country"])
    op.create_index("ix_events_type", "events", ["event_type"])
    op.create_index("ix_events_lonlat", "events", ["lon", "lat"])
    op.create_table(
        "mentions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("event_type", sa.Text, nullable=False),
        sa.Column("date_start", sa.Date), sa.Column("date_end", sa.Date), sa.Column("country", sa.Text),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_mentions_event_id", "mentions", ["event_id"])
    op.create_index("ix_mentions_article_id", "mentions", ["article_id"])
    op.create_index("ix_mentions_candidates", "mentions", ["kind", "event_type", "date_start", "date_end"])
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("mention_id", sa.String(64), sa.ForeignKey("mentions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("field", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_index("ix_evidence_event_id", "evidence", ["event_id"])
    op.create_index("ix_evidence_mention_id", "evidence", ["mention_id"])
    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("role", sa.String(32), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("text", sa.Text), sa.Column("inter", sa.Integer),
    )
    op.create_index("ix_event_actors_name", "event_actors", ["name"])
    op.create_table(
        "event_articles",
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_event_articles_article_id", "event_articles", ["article_id"])
    op.create_table(
        "rejects",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.Integer),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("line", sa.Integer, nullable=False),
        sa.Column("code", sa.String(8), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", _TS, nullable=False),
        sa.UniqueConstraint("path", "line", "code", name="uq_rejects_where"),
    )
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", _TS, nullable=False), sa.Column("finished_at", _TS),
        sa.Column("status", sa.String(16), nullable=False), sa.Column("args", sa.Text),
        *[sa.Column(n, sa.Integer, nullable=False, server_default="0")
          for n in ("n_read", "n_new", "n_skipped", "n_rejects", "n_mentions")],
    )


def downgrade() -> None:
    for name in ("ingest_runs", "rejects", "event_articles", "event_actors", "evidence", "mentions", "events",
                 "articles"):
        op.drop_table(name)
