"""Review and search for the REST API: reviewers' revisions, full-text search over notes and article text, an
events.main column, indexes in the API's page order (date_start, id) per filter, and an index of event length.

Full-text search: `event_text` holds each event's notes and its articles' text; SQLite indexes it with an
external-content FTS5 table (`event_fts`, Porter stemming) kept in sync by triggers, PostgreSQL with a GIN index
on its English tsvector. Existing events are back-filled.

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

import json
from collections import defaultdict

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_PAGE_INDEXES = {  # name -> (table, indexed expressions): the same as schema.py
    "ix_events_day_id": ("events", ["date_start", "id"]),
    "ix_events_flags": ("events", ["main", "background", "confidence"]),
    "ix_events_last_day": ("events", [sa.text("coalesce(date_end, date_start)")]),
    "ix_events_country_day": ("events", [sa.text("lower(country)"), "date_start", "id"]),
    "ix_events_admin1_day": ("events", [sa.text("lower(admin1)"), "date_start", "id"]),
    "ix_events_type_day": ("events", [sa.text("lower(event_type)"), "date_start", "id"]),
    "ix_events_subtype_day": ("events", [sa.text("lower(sub_event_type)"), "date_start", "id"]),
}

# An event's length in days, indexed so that its maximum is one index lookup: it bounds the `since` filter's
# date_start range (store.query._SinceBound). The same expressions as the query's.
SPAN_SQLITE = "julianday(date_end) - julianday(date_start)"
SPAN_POSTGRESQL = "date_end - date_start"

# PostgreSQL's parser drops anything that looks like a markup tag, words and all; angle brackets become spaces,
# so that the words of untrusted text (`<script>...`) are searchable as in SQLite. The same as the query's.
TSVECTOR = "to_tsvector('english', translate(body, '<>', '  '))"

_SQLITE_FTS = [
    "CREATE VIRTUAL TABLE event_fts USING fts5(body, content='event_text', content_rowid='id', "
    "tokenize='porter unicode61')",
    "CREATE TRIGGER event_text_ai AFTER INSERT ON event_text BEGIN "
    "INSERT INTO event_fts(rowid, body) VALUES (new.id, new.body); END",
    "CREATE TRIGGER event_text_ad AFTER DELETE ON event_text BEGIN "
    "INSERT INTO event_fts(event_fts, rowid, body) VALUES ('delete', old.id, old.body); END",
    "CREATE TRIGGER event_text_au AFTER UPDATE ON event_text BEGIN "
    "INSERT INTO event_fts(event_fts, rowid, body) VALUES ('delete', old.id, old.body); "
    "INSERT INTO event_fts(rowid, body) VALUES (new.id, new.body); END",
]


def upgrade() -> None:
    # A plain ALTER TABLE, never batch mode: SQLite's batch mode copies and drops `events`, and the drop would
    # cascade to every event's actors and article links.
    op.add_column("events", sa.Column("main", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_table(
        "event_text",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.UniqueConstraint("event_id", name="uq_event_text_event_id"),
    )
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("field", sa.Text, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("old", sa.Text), sa.Column("new", sa.Text),
        sa.Column("reviewer", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_revisions_event_id", "revisions", ["event_id"])
    for name, (table, columns) in _PAGE_INDEXES.items():
        op.create_index(name, table, columns)
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for statement in _SQLITE_FTS:
            conn.exec_driver_sql(statement)
        conn.exec_driver_sql(f"CREATE INDEX ix_events_span ON events (({SPAN_SQLITE}))")
    else:
        conn.exec_driver_sql(f"CREATE INDEX ix_event_text_tsv ON event_text USING gin (({TSVECTOR}))")
        conn.exec_driver_sql(f"CREATE INDEX ix_events_span ON events (({SPAN_POSTGRESQL}))")
    _backfill(conn)


def _backfill(conn: sa.Connection) -> None:
    """Each stored event's main flag (from its payload) and search text (notes, then its articles' text)."""
    texts: dict[str, list[str]] = defaultdict(list)
    for event_id, text in conn.execute(sa.text(
            "SELECT ea.event_id, a.text FROM event_articles ea JOIN articles a ON a.id = ea.article_id "
            "ORDER BY ea.event_id, a.id")):
        texts[event_id].append(text)
    for event_id, notes, payload in conn.execute(sa.text("SELECT id, notes, payload FROM events")).all():
        if json.loads(payload).get("main"):
            conn.execute(sa.text("UPDATE events SET main = :t WHERE id = :id"), {"t": True, "id": event_id})
        conn.execute(sa.text("INSERT INTO event_text (event_id, body) VALUES (:id, :body)"),
                     {"id": event_id, "body": "\n\n".join([notes, *texts.get(event_id, [])])})


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for trigger in ("event_text_ai", "event_text_ad", "event_text_au"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        conn.exec_driver_sql("DROP TABLE IF EXISTS event_fts")
    op.drop_index("ix_events_span", table_name="events")
    for name, (table, _) in _PAGE_INDEXES.items():
        op.drop_index(name, table_name=table)
    op.drop_index("ix_revisions_event_id", table_name="revisions")
    op.drop_table("revisions")
    op.drop_table("event_text")
    op.drop_column("events", "main")  # plain ALTER TABLE (SQLite >= 3.35), for the reason given in upgrade
