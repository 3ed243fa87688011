"""Reading events back: filters shared by `eventwire events`, every export and the REST API, streamed in chunks.

Every filter is written so that an index of migration 0004 serves it in page order (date_start, id): a page of
the API is one index range read, not a sort of all matches.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Iterator

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles

from eventwire.models import Event
from eventwire.store import schema as t

__all__ = ["EventFilter", "StoredEvent", "count_events", "count_events_capped", "filter_conditions", "select_events",
           "iter_events"]


@dataclass(frozen=True)
class EventFilter:
    """Which events to read. `type` matches event_type or sub_event_type; `actor` is a substring of any actor;
    `q` is full-text (every word, stemmed) over the notes and the articles' text."""

    type: str | None = None
    actor: str | None = None
    country: str | None = None
    admin1: str | None = None
    since: date | None = None
    until: date | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    kind: str | None = None
    q: str | None = None
    min_confidence: float | None = None
    background: bool | None = None
    main: bool | None = None
    limit: int | None = None
    offset: int = 0


class _TextMatch(sa.sql.expression.ColumnElement[bool]):
    """`events.id` is among the events whose search text (schema.event_text) holds every word of `query`."""

    type = sa.Boolean()
    inherit_cache = False

    def __init__(self, query: str):
        self.query = query


@compiles(_TextMatch, "sqlite")
def _match_sqlite(element: _TextMatch, compiler: Any, **kw: Any) -> str:
    # FTS5 syntax: each word quoted (so user text is never an FTS operator); juxtaposed words mean AND.
    words = " ".join(f'"{w}"' for w in re.findall(r"\w+", element.query))
    if not words:
        return "0 = 1"
    param = compiler.process(sa.bindparam("fts_query", words, unique=True), **kw)
    return ("events.id IN (SELECT event_text.event_id FROM event_text WHERE event_text.id IN "
            f"(SELECT rowid FROM event_fts WHERE event_fts MATCH {param}))")


@compiles(_TextMatch, "postgresql")
def _match_postgresql(element: _TextMatch, compiler: Any, **kw: Any) -> str:
    param = compiler.process(sa.bindparam("fts_query", element.query, unique=True), **kw)
    return ("events.id IN (SELECT event_text.event_id FROM event_text WHERE "
            f"to_tsvector('english', event_text.body) @@ plainto_tsquery('english', {param}))")


@lru_cache(maxsize=1)
def _event_types() -> frozenset[str]:
    from eventwire.events.lexicon import SUBTYPE_TO_TYPE

    return frozenset(v.lower() for v in SUBTYPE_TO_TYPE.values())


@dataclass(frozen=True)
class StoredEvent:
    """A merged event as stored: the Event (its `sources` filled) and how many distinct articles report it."""

    event: Event
    n_sources: int
    n_mentions: int
    date_start: date | None
    date_end: date | None


def filter_conditions(f: EventFilter) -> list[Any]:
    """The WHERE conditions of `f` on `events` (its limit and offset aside)."""
    e = t.events
    cond: list[Any] = []
    if f.type:
        # ACLED's event types and sub-event types never share a name: one column, so one index, answers.
        wanted = f.type.lower()
        column = e.c.event_type if wanted in _event_types() else e.c.sub_event_type
        cond.append(sa.func.lower(column) == wanted)
    if f.actor:
        names = sa.select(t.event_actors.c.event_id).where(
            sa.func.lower(t.event_actors.c.name).contains(f.actor.lower(), autoescape=True))
        cond.append(e.c.id.in_(names))
    if f.country:
        cond.append(sa.func.lower(e.c.country) == f.country.lower())
    if f.admin1:
        cond.append(sa.func.lower(e.c.admin1) == f.admin1.lower())
    if f.since:
        cond.append(sa.func.coalesce(e.c.date_end, e.c.date_start) >= f.since)
    if f.until:
        cond.append(e.c.date_start <= f.until)
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        cond += [e.c.lon.between(min_lon, max_lon), e.c.lat.between(min_lat, max_lat)]
    if f.kind:
        cond.append(e.c.kind == f.kind)
    if f.q is not None:
        cond.append(_TextMatch(f.q))
    if f.min_confidence is not None:
        cond.append(e.c.confidence >= f.min_confidence)
    if f.background is not None:
        cond.append(e.c.background.is_(f.background))
    if f.main is not None:
        cond.append(e.c.main.is_(f.main))
    return cond


def select_events(f: EventFilter, columns: tuple[Any, ...] = ()) -> sa.Select[Any]:
    """The matching events in page order; `columns` are read besides the ones StoredEvent needs."""
    e = t.events
    query = sa.select(e.c.payload, e.c.n_sources, e.c.n_mentions, e.c.date_start, e.c.date_end, *columns)
    query = query.where(*filter_conditions(f)).order_by(e.c.date_start, e.c.id)
    if f.offset:
        query = query.offset(f.offset)
    return query.limit(f.limit) if f.limit else query


def count_events(engine: sa.Engine, f: EventFilter = EventFilter()) -> int:
    """The number of events matching `f`, whatever its `limit`."""
    query = sa.select(sa.func.count()).select_from(t.events).where(*filter_conditions(f))
    with engine.connect() as conn:
        return int(conn.scalar(query) or 0)


def count_events_capped(conn: sa.Connection, f: EventFilter, cap: int) -> tuple[int, bool]:
    """(n, exact): the number of events matching `f`, counted up to `cap`. Past the cap the count stops and says
    so (exact False, n == cap): counting every one of a million matches costs more than the page itself."""
    matches = sa.select(sa.literal(1)).select_from(t.events).where(*filter_conditions(f)).limit(cap + 1).subquery()
    n = int(conn.scalar(sa.select(sa.func.count()).select_from(matches)) or 0)
    return (n, True) if n <= cap else (cap, False)


def iter_events(engine: sa.Engine, f: EventFilter = EventFilter(), chunk: int = 500) -> Iterator[StoredEvent]:
    """Matching events in date order, streamed (server-side cursor on PostgreSQL), constant memory."""
    with engine.connect() as conn:
        result = conn.execution_options(yield_per=chunk).execute(select_events(f))
        for row in result:
            yield StoredEvent(Event.model_validate_json(row.payload), row.n_sources, row.n_mentions,
                              row.date_start, row.date_end)
