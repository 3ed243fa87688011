"""The store's tables as SQLAlchemy Core objects: what the code reads and writes.

The DDL that creates them lives in the numbered migrations (`migrations/versions/`); a test checks that the two
agree, so a column is never added here without a migration.
"""
from __future__ import annotations

import sqlalchemy as sa

__all__ = [
    "metadata", "articles", "events", "mentions", "evidence", "event_actors", "actor_names", "event_articles",
    "rejects", "ingest_runs", "event_counters", "merge_apart", "event_text", "revisions", "SEARCH_OBJECTS",
]

metadata = sa.MetaData()

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.String(64), primary_key=True),  # models.article_key: hash of the text (and the input id)
    sa.Column("input_id", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("raw", sa.Text),
    sa.Column("meta", sa.Text),  # the rest of the Article (dateline, spans) as JSON
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("run_id", sa.Integer),
)

# One merged, real-world event: the fold of its mentions (see eventwire.dedup).
events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.String(64), primary_key=True),  # public and stable: kept as more reports merge in
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("sub_event_type", sa.Text, nullable=False),
    sa.Column("background", sa.Boolean, nullable=False),
    sa.Column("date_start", sa.Date),
    sa.Column("date_end", sa.Date),
    sa.Column("time_precision", sa.Integer),
    sa.Column("country", sa.Text),
    sa.Column("admin1", sa.Text),
    sa.Column("admin2", sa.Text),
    sa.Column("location", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("geo_precision", sa.Integer),
    sa.Column("fatalities_best", sa.Integer),
    sa.Column("fatalities_low", sa.Integer),
    sa.Column("fatalities_high", sa.Integer),
    sa.Column("actor1", sa.Text),
    sa.Column("actor2", sa.Text),
    sa.Column("assoc_actor_1", sa.Text),
    sa.Column("assoc_actor_2", sa.Text),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("n_sources", sa.Integer, nullable=False),  # corroboration: distinct articles
    sa.Column("n_mentions", sa.Integer, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("main", sa.Boolean, nullable=False, server_default=sa.false()),  # an article's main event (0004)
    # The event's row in event_text (its id there, the FTS5 rowid): full-text matches are these numbers, so a
    # filter on them needs no lookup per match (0005).
    sa.Column("search_id", sa.Integer),
    sa.Column("payload", sa.Text, nullable=False),  # the full merged Event as JSON
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

# One event as one article reported it; `event_id` says which merged event it belongs to.
mentions = sa.Table(
    "mentions", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("event_id", sa.String(64), nullable=False, index=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False,
              index=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("date_start", sa.Date),  # the range merging compares: the event's dates, else publication day
    sa.Column("date_end", sa.Date),
    sa.Column("country", sa.Text),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Index("ix_mentions_candidates", "kind", "event_type", "date_start", "date_end"),
)

evidence = sa.Table(
    "evidence", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(64), nullable=False, index=True),
    sa.Column("mention_id", sa.String(64), sa.ForeignKey("mentions.id", ondelete="CASCADE"), nullable=False,
              index=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("field", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
)

event_actors = sa.Table(
    "event_actors", metadata,
    sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("role", sa.String(32), primary_key=True),
    sa.Column("name", sa.Text, nullable=False, index=True),
    sa.Column("text", sa.Text),
    sa.Column("inter", sa.Integer),
    sa.Column("name_id", sa.Integer),  # actor_names.id of `name` (0006)
)

# Every actor name stored, once (0006): the actor filter matches its substring against these few thousand names,
# not against every event's actors, then reads the matching events off ix_event_actors_name_event.
actor_names = sa.Table(
    "actor_names", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.Text, nullable=False, unique=True),
)
sa.Index("ix_event_actors_name_event", event_actors.c.name_id, event_actors.c.event_id)

event_articles = sa.Table(
    "event_articles", metadata,
    sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True,
              index=True),
)

rejects = sa.Table(
    "rejects", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.Integer),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("line", sa.Integer, nullable=False),  # 0 when the whole file is rejected
    sa.Column("code", sa.String(8), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("path", "line", "code", name="uq_rejects_where"),
)

ingest_runs = sa.Table(
    "ingest_runs", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("status", sa.String(16), nullable=False),  # running, done, failed, interrupted (killed: set by the next run)
    sa.Column("args", sa.Text),
    sa.Column("n_read", sa.Integer, nullable=False, server_default="0"),
    sa.Column("n_new", sa.Integer, nullable=False, server_default="0"),
    sa.Column("n_skipped", sa.Integer, nullable=False, server_default="0"),
    sa.Column("n_rejects", sa.Integer, nullable=False, server_default="0"),
    sa.Column("n_mentions", sa.Integer, nullable=False, server_default="0"),
)

# The last number given to an event id with this prefix (ACLED's country letters): ids are never reused.
event_counters = sa.Table(
    "event_counters", metadata,
    sa.Column("prefix", sa.String(8), primary_key=True),
    sa.Column("last", sa.Integer, nullable=False),
)


# Pairs of mentions a user split apart (`eventwire split`): merging never joins them again. a < b.
merge_apart = sa.Table(
    "merge_apart", metadata,
    sa.Column("mention_a", sa.String(64), sa.ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("mention_b", sa.String(64), sa.ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True,
              index=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

# What full-text search reads: an event's notes and the text of its articles, one row per event, rewritten with
# the event (`write._replace_events`). The search index over it is dialect-specific and lives in migration 0004
# only (SEARCH_OBJECTS): a SQLite FTS5 table kept in sync by triggers, a PostgreSQL GIN index on a tsvector.
event_text = sa.Table(
    "event_text", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),  # = events.search_id; the FTS5 rowid
    sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False,
              unique=True),
    sa.Column("body", sa.Text, nullable=False),
)
# Dialect-specific objects of migration 0004, not in this metadata: the search index (FTS5 table and its shadow
# tables, or a GIN index) and the index of event length in days (julianday() or date subtraction).
SEARCH_OBJECTS = ("event_fts", "ix_event_text_tsv", "ix_events_span")

# A reviewer's change to an event (`eventwire serve --review`): never written over the machine's values, which
# stay in `events`. No foreign key to events: a re-merge deletes and rewrites an event under its kept public id,
# and its review history must survive that. `old` and `new` are JSON values.
revisions = sa.Table(
    "revisions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(64), nullable=False, index=True),
    sa.Column("field", sa.Text, nullable=False),
    sa.Column("action", sa.String(16), nullable=False),  # accept, reject, edit, split
    sa.Column("old", sa.Text),
    sa.Column("new", sa.Text),
    sa.Column("reviewer", sa.Text, nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

sa.Index("ix_events_date", events.c.date_start, events.c.date_end)
sa.Index("ix_events_country", events.c.country)
sa.Index("ix_events_type", events.c.event_type)
sa.Index("ix_events_lonlat", events.c.lon, events.c.lat)
# The API's page order is (date_start, id); each filter that narrows a page has an index in that order, so a
# page of 100 is read off one index range without sorting the matches (migration 0004).
sa.Index("ix_events_day_id", events.c.date_start, events.c.id)
sa.Index("ix_events_search_id", events.c.search_id, unique=True)
sa.Index("ix_events_flags", events.c.main, events.c.background, events.c.confidence)  # counts of the flag filters
sa.Index("ix_events_last_day", sa.func.coalesce(events.c.date_end, events.c.date_start))  # the `since` filter
sa.Index("ix_events_country_day", sa.func.lower(events.c.country), events.c.date_start, events.c.id)
sa.Index("ix_events_admin1_day", sa.func.lower(events.c.admin1), events.c.date_start, events.c.id)
sa.Index("ix_events_type_day", sa.func.lower(events.c.event_type), events.c.date_start, events.c.id)
sa.Index("ix_events_subtype_day", sa.func.lower(events.c.sub_event_type), events.c.date_start, events.c.id)
sa.Index("ix_events_kind_day", events.c.kind, events.c.date_start, events.c.id)  # defections: few among many
# The usual pairs (a type, a province, within a country): both equalities, then page order.
sa.Index("ix_events_country_type_day", sa.func.lower(events.c.country), sa.func.lower(events.c.event_type),
         events.c.date_start, events.c.id)
sa.Index("ix_events_country_subtype_day", sa.func.lower(events.c.country), sa.func.lower(events.c.sub_event_type),
         events.c.date_start, events.c.id)
sa.Index("ix_events_country_admin1_day", sa.func.lower(events.c.country), sa.func.lower(events.c.admin1),
         events.c.date_start, events.c.id)
