"""Reading events back: filters shared by `eventwire events` and every export, streamed in chunks."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator

import sqlalchemy as sa

from eventwire.models import Event
from eventwire.store import schema as t

__all__ = ["EventFilter", "StoredEvent", "count_events", "select_events", "iter_events"]


@dataclass(frozen=True)
class EventFilter:
    """Which events to read. `type` matches event_type or sub_event_type; `actor` is a substring of any actor."""

    type: str | None = None
    actor: str | None = None
    country: str | None = None
    since: date | None = None
    until: date | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    kind: str | None = None
    limit: int | None = None


@dataclass(frozen=True)
class StoredEvent:
    """A merged event as stored: the Event (its `sources` filled) and how many distinct articles report it."""

    event: Event
    n_sources: int
    n_mentions: int
    date_start: date | None
    date_end: date | None


def _conditions(f: EventFilter) -> list[Any]:
    e = t.events
    cond: list[Any] = []
    if f.type:
        wanted = f.type.lower()
        cond.append(sa.or_(sa.func.lower(e.c.event_type) == wanted, sa.func.lower(e.c.sub_event_type) == wanted))
    if f.actor:
        names = sa.select(t.event_actors.c.event_id).where(
            sa.func.lower(t.event_actors.c.name).contains(f.actor.lower(), autoescape=True))
        cond.append(e.c.id.in_(names))
    if f.country:
        cond.append(sa.func.lower(e.c.country) == f.country.lower())
    if f.since:
        cond.append(sa.func.coalesce(e.c.date_end, e.c.date_start) >= f.since)
    if f.until:
        cond.append(e.c.date_start <= f.until)
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        cond += [e.c.lon.between(min_lon, max_lon), e.c.lat.between(min_lat, max_lat)]
    if f.kind:
        cond.append(e.c.kind == f.kind)
    return cond


def select_events(f: EventFilter) -> sa.Select[Any]:
    e = t.events
    query = sa.select(e.c.payload, e.c.n_sources, e.c.n_mentions, e.c.date_start, e.c.date_end)
    query = query.where(*_conditions(f)).order_by(e.c.date_start, e.c.id)
    return query.limit(f.limit) if f.limit else query


def count_events(engine: sa.Engine, f: EventFilter = EventFilter()) -> int:
    """The number of events matching `f`, whatever its `limit`."""
    query = sa.select(sa.func.count()).select_from(t.events).where(*_conditions(f))
    with engine.connect() as conn:
        return int(conn.scalar(query) or 0)


def iter_events(engine: sa.Engine, f: EventFilter = EventFilter(), chunk: int = 500) -> Iterator[StoredEvent]:
    """Matching events in date order, streamed (server-side cursor on PostgreSQL), constant memory."""
    with engine.connect() as conn:
        result = conn.execution_options(yield_per=chunk).execute(select_events(f))
        for row in result:
            yield StoredEvent(Event.model_validate_json(row.payload), row.n_sources, row.n_mentions,
                              row.date_start, row.date_end)
