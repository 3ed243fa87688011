"""Reading events back: filters shared by `eventwire events`, every export and the REST API, streamed in chunks.

Every filter is written so that an index of migration 0004 serves it in page order (date_start, id): a page of
the API is one index range read, not a sort of all matches.
"""
from __future__ import annotations

import math
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Iterator

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles

from eventwire.models import Event
from eventwire.store import schema as t

__all__ = ["EventFilter", "parse_bbox", "StoredEvent", "count_events", "count_events_capped", "filter_conditions", "select_events",
           "page_query", "iter_events", "longest_event_days"]


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """"minlon,minlat,maxlon,maxlat" -> the four floats (None for none); ValueError when it is not that."""
    if not value:
        return None
    a, b, c, d = (float(x) for x in value.split(","))
    return a, b, c, d


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
    """The event's search text (schema.event_text) holds every word of `query`: its search_id is among the
    matches' ids (a list of integers straight from the full-text index, no lookup per match)."""

    type = sa.types.NullType()  # not Boolean: SQLite would get "(...) = 1", which no index serves
    inherit_cache = False

    def __init__(self, query: str):
        self.query = query


def fts5_query(text: str) -> str:
    """User text as an FTS5 query: each word quoted (so user text is never an FTS operator), juxtaposed (AND)."""
    return " ".join(f'"{w}"' for w in re.findall(r"\w+", text))


@compiles(_TextMatch, "sqlite")
def _match_sqlite(element: _TextMatch, compiler: Any, **kw: Any) -> str:
    words = fts5_query(element.query)
    if not words:
        return "0 = 1"
    param = compiler.process(sa.bindparam("fts_query", words, unique=True), **kw)
    return f"events.search_id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH {param})"


@compiles(_TextMatch, "postgresql")
def _match_postgresql(element: _TextMatch, compiler: Any, **kw: Any) -> str:
    param = compiler.process(sa.bindparam("fts_query", element.query, unique=True), **kw)
    return ("events.search_id IN (SELECT event_text.id FROM event_text WHERE "
            f"to_tsvector('english', translate(event_text.body, '<>', '  ')) @@ plainto_tsquery('english', {param}))")


_HINTS = {"likely": "likely({})", "rare": "likelihood({}, 0.001)"}


class _Hint(sa.sql.expression.ColumnElement[bool]):
    """A condition with a hint for SQLite's planner: "likely" says it is true for most rows, so a page is read
    in page order and filtered rather than gathered from this condition's index and sorted (a bounding box
    holding a tenth of the events); "rare" the opposite, strongly enough that a page of a bound LIMIT is still
    gathered (`unlikely()`, 1 in 16, is not). Other databases plan from their own statistics and get the bare
    condition."""

    type = sa.types.NullType()  # not Boolean: SQLite would get "(...) = 1", which no index serves
    inherit_cache = False

    def __init__(self, condition: Any, hint: str):
        self.condition, self.hint = condition, hint


@compiles(_Hint, "sqlite")
def _hint_sqlite(element: _Hint, compiler: Any, **kw: Any) -> str:
    return _HINTS[element.hint].format(compiler.process(element.condition, **kw))


@compiles(_Hint)
def _hint_other(element: _Hint, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.condition, **kw))


def _span_days(dialect: str) -> Any:
    """An event's length in days, as the index of migration 0004 (ix_events_span) writes it."""
    e = t.events
    if dialect == "postgresql":
        return e.c.date_end - e.c.date_start
    return sa.func.julianday(e.c.date_end) - sa.func.julianday(e.c.date_start)


def longest_event_days(conn: sa.Connection) -> float:
    """The longest stored event's length in days: one lookup in ix_events_span."""
    return float(conn.scalar(sa.select(sa.func.max(_span_days(conn.dialect.name)))) or 0)


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


def _actor_names(actor: str) -> sa.Select[Any]:
    """The ids of the stored actor names holding `actor`, in any case: a scan of the distinct names only."""
    an = t.actor_names
    return sa.select(an.c.id).where(sa.func.lower(an.c.name).contains(actor.lower(), autoescape=True))


def _actor_events(actor: str) -> sa.Select[Any]:
    """The event ids of the actors whose name holds `actor`, read off ix_event_actors_name_event."""
    ea = t.event_actors
    return sa.select(ea.c.event_id).where(ea.c.name_id.in_(_actor_names(actor)))


def _actor_match(actor: str, rare: bool | None) -> Any:
    """The event has an actor whose name holds `actor`. Few such events (`rare`): their ids, gathered off
    ix_event_actors_name_event, so that the page is sorted from them; many: a probe of each event read in page
    order, which stops at a full page instead of gathering tens of thousands of ids first."""
    ea, e = t.event_actors, t.events
    if rare is False:
        # `name_id + 0`: the probe reads the event's few actors by primary key and checks each id against the
        # list, rather than looking up (name id, event) once per matching name (a hundred "Civilians (...)").
        return sa.exists().where(ea.c.event_id == e.c.id, (ea.c.name_id + 0).in_(_actor_names(actor)))
    return e.c.id.in_(_actor_events(actor))


def filter_conditions(f: EventFilter, *, longest_days: float | None = None, page: bool = False,
                      rare_text: bool | None = None, rare_actor: bool | None = None) -> list[Any]:
    """The WHERE conditions of `f` on `events` (its limit and offset aside). `longest_days` (the longest event's
    length, `longest_event_days`) adds the bound `since` implies on date_start: an event ending on or after
    `since` started at most that long before it, and a date_start range is one the page-order index serves.
    `page`: conditions for reading a page in page order rather than for counting (see _Hint). `rare_text`:
    whether few events match `q` (`page_query` tells), so that the page is gathered from the matches and sorted,
    rather than read in page order and each event checked; `rare_actor` the same for `actor` (`_rare_actor`)."""
    e = t.events
    ordered: list[Any] = []  # served by an index in page order (date_start, id), alone or after an equality
    checked: list[Any] = []  # checked row by row
    if f.type:
        # ACLED's event types and sub-event types never share a name: one column, so one index, answers.
        wanted = f.type.lower()
        column = e.c.event_type if wanted in _event_types() else e.c.sub_event_type
        ordered.append(sa.func.lower(column) == wanted)
    if f.country:
        ordered.append(sa.func.lower(e.c.country) == f.country.lower())
    if f.admin1:
        ordered.append(sa.func.lower(e.c.admin1) == f.admin1.lower())
    if f.kind:
        ordered.append(e.c.kind == f.kind)
    if f.since:
        checked.append(sa.func.coalesce(e.c.date_end, e.c.date_start) >= f.since)
        if longest_days is not None:
            ordered.append(e.c.date_start >= f.since - timedelta(days=math.ceil(longest_days)))
    if f.until:
        ordered.append(e.c.date_start <= f.until)
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        checked += [e.c.lon.between(min_lon, max_lon), e.c.lat.between(min_lat, max_lat)]
    if f.min_confidence is not None:
        checked.append(e.c.confidence >= f.min_confidence)
    if f.background is not None:
        checked.append(e.c.background.is_(f.background))
    if f.main is not None:
        checked.append(e.c.main.is_(f.main))
    if page:
        checked = [_Hint(c, "likely") for c in checked]
    if f.actor:
        actor = _actor_match(f.actor, rare_actor)
        checked.append(actor if rare_actor is None else _Hint(actor, "rare" if rare_actor else "likely"))
    if f.q is not None:
        text = _TextMatch(f.q)
        checked.append(text if rare_text is None else _Hint(text, "rare" if rare_text else "likely"))
    return ordered + checked


def select_events(f: EventFilter, columns: tuple[Any, ...] = (), *, longest_days: float | None = None,
                  rare_text: bool | None = None, rare_actor: bool | None = None) -> sa.Select[Any]:
    """The matching events in page order; `columns` are read besides the ones StoredEvent needs."""
    e = t.events
    query = sa.select(e.c.payload, e.c.n_sources, e.c.n_mentions, e.c.date_start, e.c.date_end, *columns)
    cond = filter_conditions(f, longest_days=longest_days, page=True, rare_text=rare_text, rare_actor=rare_actor)
    query = query.where(*cond).order_by(e.c.date_start, e.c.id)
    if f.offset:
        query = query.offset(f.offset)
    return query.limit(f.limit) if f.limit else query


def _few_matches(conn: sa.Connection) -> int:
    """How many matches of a filter are few enough to gather and sort rather than find by reading events in page
    order: k matches of N cost about k to gather, N/k * page to find by reading, even at k = sqrt(64 N) (8,000
    of a million)."""
    n_events = int(conn.scalar(sa.select(sa.func.max(t.events.c.search_id))) or 0)
    return max(100, int(math.sqrt(64 * n_events)))


def _rare_text(conn: sa.Connection, q: str) -> bool | None:
    """Whether few events match `q` (see _few_matches), counted in the full-text index alone. SQLite only."""
    if conn.dialect.name != "sqlite" or not fts5_query(q):
        return None
    enough = _few_matches(conn)
    matches = sa.text("SELECT count(*) FROM (SELECT rowid FROM event_fts WHERE event_fts MATCH :w LIMIT :n)")
    return int(conn.scalar(matches, {"w": fts5_query(q), "n": enough + 1}) or 0) <= enough


def _rare_actor(conn: sa.Connection, actor: str) -> bool | None:
    """Whether few events have an actor holding `actor` (see _few_matches), counted in the name index alone.
    SQLite only."""
    if conn.dialect.name != "sqlite":
        return None
    enough = _few_matches(conn)
    matches = _actor_events(actor).limit(enough + 1).subquery()
    return int(conn.scalar(sa.select(sa.func.count()).select_from(matches)) or 0) <= enough


def page_query(conn: sa.Connection, f: EventFilter) -> sa.Select[Any]:
    """`select_events(f)` with the date bound of `since` and the plans for `q` and `actor`, each one index lookup
    on `conn`."""
    return select_events(f, longest_days=longest_event_days(conn) if f.since else None,
                         rare_text=_rare_text(conn, f.q) if f.q is not None else None,
                         rare_actor=_rare_actor(conn, f.actor) if f.actor else None)


def _count_query(conn: sa.Connection, f: EventFilter) -> sa.Select[Any]:
    longest = longest_event_days(conn) if f.since else None
    return sa.select(sa.func.count()).select_from(t.events).where(*filter_conditions(f, longest_days=longest))


def count_events(engine: sa.Engine, f: EventFilter = EventFilter()) -> int:
    """The number of events matching `f`, whatever its `limit`."""
    with engine.connect() as conn:
        return int(conn.scalar(_count_query(conn, f)) or 0)


def _matches(conn: sa.Connection, f: EventFilter) -> sa.Select[Any]:
    """`SELECT 1` per event matching `f`, for counting. On SQLite a full-text filter drives the query (FTS5
    matches, then their events), as its planner would otherwise probe the matches once per stored event."""
    longest = longest_event_days(conn) if f.since else None
    if f.q is None or conn.dialect.name != "sqlite":
        return sa.select(sa.literal(1)).select_from(t.events).where(*filter_conditions(f, longest_days=longest))
    words = fts5_query(f.q)
    fts = sa.table("event_fts", sa.column("rowid"))
    rest = filter_conditions(EventFilter(**{**f.__dict__, "q": None}), longest_days=longest)
    joined = fts.join(t.events, t.events.c.search_id == fts.c.rowid)
    match = sa.text("event_fts MATCH :fts_words").bindparams(fts_words=words) if words else sa.false()
    return sa.select(sa.literal(1)).select_from(joined).where(match, *rest)


@contextmanager
def _time_limit(conn: sa.Connection, seconds: float) -> Iterator[None]:
    """Statements on `conn` inside are cancelled after `seconds` (raising sa.exc.OperationalError): SQLite by
    a progress handler, PostgreSQL by a statement timeout local to a savepoint."""
    if conn.dialect.name == "postgresql":
        with conn.begin_nested():
            conn.exec_driver_sql(f"SET LOCAL statement_timeout = {max(1, int(seconds * 1000))}")
            yield
            conn.exec_driver_sql("SET LOCAL statement_timeout = 0")
        return
    raw = conn.connection.driver_connection
    deadline = time.monotonic() + seconds
    raw.set_progress_handler(lambda: int(time.monotonic() > deadline), 20_000)
    try:
        yield
    finally:
        raw.set_progress_handler(None, 0)


def count_events_capped(conn: sa.Connection, f: EventFilter, cap: int,
                        seconds: float | None = None) -> tuple[int | None, bool]:
    """(n, exact): the number of events matching `f`, counted up to `cap` matches and for at most `seconds`.
    Past the cap, n is `cap` and exact False; out of time, n is None: counting all of a million matches, or
    scanning a million events for a rare combination no index serves, costs more than the page it goes with."""
    query = sa.select(sa.func.count()).select_from(_matches(conn, f).limit(cap + 1).subquery())
    if seconds is None:
        n = int(conn.scalar(query) or 0)
    else:
        try:
            with _time_limit(conn, seconds):
                n = int(conn.scalar(query) or 0)
        except sa.exc.OperationalError:
            return None, False
    return (n, True) if n <= cap else (cap, False)


def iter_events(engine: sa.Engine, f: EventFilter = EventFilter(), chunk: int = 500) -> Iterator[StoredEvent]:
    """Matching events in date order, streamed (server-side cursor on PostgreSQL), constant memory."""
    with engine.connect() as conn:
        result = conn.execution_options(yield_per=chunk).execute(page_query(conn, f))
        for row in result:
            yield StoredEvent(Event.model_validate_json(row.payload), row.n_sources, row.n_mentions,
                              row.date_start, row.date_end)
