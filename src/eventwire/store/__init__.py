"""The store: articles, their events merged across articles, evidence, rejects; SQLite or PostgreSQL.

`Store.open(url)` migrates the database on first use. Everything written goes through `Store.write_batch`
(one transaction per batch), so an interrupted ingest never leaves half a batch behind.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import sqlalchemy as sa

from eventwire.errors import InputError, StoreError
from eventwire.models import Article, Event
from eventwire.store import schema
from eventwire.store.engine import make_engine, normalise_url
from eventwire.store.migrate import current_revision, head_revision, upgrade
from eventwire.store.query import EventFilter, StoredEvent, count_events, iter_events
from eventwire.store.runs import mark_stale_runs, this_process
from eventwire.store.write import BatchResult, write_batch

__all__ = ["BatchResult", "EventFilter", "Store", "StoredEvent", "normalise_url", "upgrade_db"]


def upgrade_db(url: str | None = None) -> str | None:
    """Run the migrations on `url` up to head; returns the revision."""
    engine = make_engine(url)
    try:
        return _guard(lambda: upgrade(engine))
    finally:
        engine.dispose()


def _guard(fn: Any) -> Any:
    """`fn()`, with any database failure (unreachable, locked, not a database) as one coded line (E021)."""
    try:
        return fn()
    except sa.exc.DBAPIError as exc:
        lines = str(exc.orig).strip().splitlines()
        raise StoreError("E021", lines[0] if lines else type(exc.orig).__name__) from exc


def _require_existing(url: str | None) -> None:
    """A SQLite URL whose file does not exist is E023 before any connection (which would create the file)."""
    full = normalise_url(url)
    if not full.startswith("sqlite://"):
        return
    path = full.split(":///", 1)[1] if ":///" in full else ""
    if path in ("", ":memory:") or path.startswith("file:"):
        return
    if not Path(path).is_file():
        raise StoreError("E023", path=path)


class Store:
    """A handle on one database. Cheap to open; dispose with `close()` or use as a context manager."""

    def __init__(self, engine: sa.Engine):
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True, create: bool = True) -> Store:
        """A handle on the store at `url`. With `create=False` (the read commands) a store that does not exist
        is StoreError E023 and nothing is created: no SQLite file, no tables in an empty PostgreSQL database."""
        if not create:
            _require_existing(url)
        engine = make_engine(url)
        if not create and _guard(lambda: current_revision(engine)) is None:
            engine.dispose()
            raise StoreError("E023", normalise_url(url).split("://", 1)[0] + " database has no eventwire tables")
        if migrate and _guard(lambda: current_revision(engine)) != head_revision():
            _guard(lambda: upgrade(engine))
        return cls(engine)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------------------------
    def write_batch(self, results: Sequence[tuple[Article, list[Event]]], rejects: Sequence[InputError] = (),
                    run_id: int | None = None) -> BatchResult:
        """Store a batch atomically: new articles, their events merged into the stored ones, and rejects."""
        def run() -> BatchResult:
            with self.engine.execution_options(writer=True).begin() as conn:
                return write_batch(conn, results, rejects, run_id)
        return _guard(run)

    def begin_run(self, args: dict[str, Any]) -> int:
        """Record a new run (with this process's host, pid and start time); runs left `running` by processes of
        this host that no longer exist (killed) are marked `interrupted` first."""
        def run() -> int:
            with self.engine.execution_options(writer=True).begin() as conn:
                mark_stale_runs(conn)
                result = conn.execute(sa.insert(schema.ingest_runs).values(
                    started_at=datetime.now(timezone.utc), status="running",
                    args=json.dumps({**args, "process": this_process()}, default=str)))
                return int(result.inserted_primary_key[0])
        return _guard(run)

    def finish_run(self, run_id: int, status: str = "done") -> None:
        r = schema.ingest_runs

        def run() -> None:
            with self.engine.execution_options(writer=True).begin() as conn:
                conn.execute(sa.update(r).where(r.c.id == run_id).values(
                    status=status, finished_at=datetime.now(timezone.utc)))
        _guard(run)

    # -- reading -------------------------------------------------------------------------------------------------
    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = sorted(set(ids))
        if not wanted:
            return set()
        def run() -> set[str]:
            with self.engine.connect() as conn:
                return set(conn.scalars(sa.select(schema.articles.c.id).where(schema.articles.c.id.in_(wanted))))
        return _guard(run)

    def counts(self) -> dict[str, int]:
        """Rows per table (articles, events, mentions, evidence, event_articles, rejects, ingest_runs)."""
        tables = ("articles", "events", "mentions", "evidence", "event_actors", "event_articles", "rejects",
                  "ingest_runs")
        with self.engine.connect() as conn:
            return {name: int(conn.scalar(sa.select(sa.func.count()).select_from(schema.metadata.tables[name])) or 0)
                    for name in tables}

    def events(self, f: EventFilter = EventFilter()) -> Iterator[StoredEvent]:
        return iter_events(self.engine, f)

    def count_events(self, f: EventFilter = EventFilter()) -> int:
        """How many events match `f` (its `limit` ignored): what a cut list says it was cut from."""
        return _guard(lambda: count_events(self.engine, f))

    def article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(schema.articles).where(schema.articles.c.id == article_id)).first()
        if row is None:
            return None
        meta = json.loads(row.meta) if row.meta else {}
        fields = {c: getattr(row, c) for c in ("id", "input_id", "source", "url", "title", "published", "text",
                                               "raw")}
        return Article.model_validate({**fields, **meta})

    def event_article_ids(self, event_id: str) -> list[str]:
        ea = schema.event_articles
        with self.engine.connect() as conn:
            return list(conn.scalars(sa.select(ea.c.article_id).where(ea.c.event_id == event_id)
                                     .order_by(ea.c.article_id)))

    def explain(self, event_id: str) -> Any:
        """The event with its evidence and member reports with their merge scores (`store.explain`)."""
        from eventwire.store.explain import explain_event

        def run() -> Any:
            with self.engine.connect() as conn:
                return explain_event(conn, event_id)
        return _guard(run)

    def split(self, event_id: str, article: str) -> list[str]:
        """Take an article (store id or input id) out of an event, for good; returns the resulting event ids."""
        from eventwire.store.explain import split_article

        def run() -> list[str]:
            with self.engine.execution_options(writer=True).begin() as conn:
                return split_article(conn, event_id, article)
        return _guard(run)

    # -- review --------------------------------------------------------------------------------------------------
    def review(self, event_id: str, field: str, action: str, value: Any, reviewer: str) -> dict[str, Any]:
        """Record a reviewer's accept, reject or edit of one field (`store.review`); returns the revision."""
        from eventwire.store.review import add_revision

        def run() -> dict[str, Any]:
            with self.engine.execution_options(writer=True).begin() as conn:
                return add_revision(conn, event_id, field, action, value, reviewer)
        return _guard(run)

    def split_reviewed(self, event_id: str, article: str, reviewer: str) -> list[str]:
        """`split`, by a reviewer: the split and its revision in one transaction."""
        from eventwire.store.explain import split_article
        from eventwire.store.review import record_split

        def run() -> list[str]:
            with self.engine.execution_options(writer=True).begin() as conn:
                ids = split_article(conn, event_id, article)
                record_split(conn, event_id, article, ids, reviewer)
                return ids
        return _guard(run)

    def revisions(self, event_id: str) -> list[dict[str, Any]]:
        from eventwire.store.review import event_revisions

        def run() -> list[dict[str, Any]]:
            with self.engine.connect() as conn:
                return event_revisions(conn, event_id)
        return _guard(run)

    def reviewed(self, event_ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
        """event id -> {field: reviewed value} (None: every reviewed event)."""
        from eventwire.store.review import reviewed_values

        def run() -> dict[str, dict[str, Any]]:
            with self.engine.connect() as conn:
                return reviewed_values(conn, event_ids)
        return _guard(run)

    def rejects(self) -> list[dict[str, Any]]:
        r = schema.rejects
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(sa.select(r).order_by(r.c.path, r.c.line))]
