"""What each API endpoint answers, as plain functions over a Store (the app is a thin HTTP shell over these, and
tests call them directly). Every answer is JSON-ready: dicts, lists, strings, numbers.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any, Iterable, Iterator

import sqlalchemy as sa

from eventwire.models import Event
from eventwire.store import Store
from eventwire.store import schema as t
from eventwire.store.query import EventFilter, StoredEvent, count_events_capped, filter_conditions, page_query

__all__ = ["INTERVALS", "TOTAL_CAP", "event_json", "list_events", "get_event", "defection_flows",
           "defection_trend", "stats", "geojson_chunks", "csv_chunks"]

# `total` is exact up to TOTAL_CAP matches counted within TOTAL_SECONDS; past the cap it is TOTAL_CAP, out of
# time it is the events up to the page's end (+1 when the page is full), and either way the answer says
# "total_exact": false (a lower bound). Counting all of a million matches, or scanning a million events for a
# combination no index serves, would cost more than the page it goes with.
TOTAL_CAP = 10_000
TOTAL_SECONDS = 0.02
_CHUNK = 200  # events per streamed chunk


def _flat(record: dict[str, Any], n_sources: int, n_mentions: int, start: date | None,
          end: date | None) -> dict[str, Any]:
    """The stored Event's JSON plus the fields a UI reads at top level (so it needs no digging)."""
    loc = record.get("location") or {}
    actors = {a["role"]: a["name"] for a in record.get("actors", [])}
    return {**record, "n_sources": n_sources, "n_mentions": n_mentions,
            "date_start": start.isoformat() if start else None, "date_end": end.isoformat() if end else None,
            "lat": loc.get("lat"), "lon": loc.get("lon"), "geo_precision": loc.get("geo_precision"),
            "country": loc.get("country"), "admin1": loc.get("admin1"),
            "actor1": actors.get("actor1"), "actor2": actors.get("actor2")}


def event_json(se: StoredEvent) -> dict[str, Any]:
    return _flat(se.event.model_dump(mode="json"), se.n_sources, se.n_mentions, se.date_start, se.date_end)


def _reviewed_page(conn: sa.Connection, page: list[StoredEvent]) -> list[StoredEvent]:
    from eventwire.store.review import reviewed_values, with_reviews

    return list(with_reviews(page, reviewed_values(conn, [se.event.id for se in page])))


def list_events(store: Store, f: EventFilter, *, reviewed: bool = False, cap: int = TOTAL_CAP,
                seconds: float | None = TOTAL_SECONDS) -> dict[str, Any]:
    """One page of matching events (f.limit, f.offset) and how many match in all (see TOTAL_CAP)."""
    with store.engine.connect() as conn:
        rows = conn.execute(page_query(conn, f)).all()
        if f.limit and len(rows) < f.limit and (rows or not f.offset):
            total, exact = f.offset + len(rows), True  # the last page: the total is known without counting
        else:
            counted, exact = count_events_capped(conn, f, cap, seconds)
            # Out of time: at least the events up to this page's end (and one more, if the page is full).
            least = f.offset + len(rows) + (1 if len(rows) == f.limit else 0)
            total = least if counted is None else counted if exact else max(counted, f.offset + len(rows))
        if reviewed:
            page = [StoredEvent(Event.model_validate_json(r.payload), r.n_sources, r.n_mentions, r.date_start,
                                r.date_end) for r in rows]
            events = [event_json(se) for se in _reviewed_page(conn, page)]
        else:  # the stored JSON as it is: no model round trip on the hot path
            events = [_flat(json.loads(r.payload), r.n_sources, r.n_mentions, r.date_start, r.date_end)
                      for r in rows]
    return {"events": events, "total": total, "total_exact": exact, "limit": f.limit, "offset": f.offset}


def _articles(conn: sa.Connection, article_ids: list[str]) -> list[dict[str, Any]]:
    a = t.articles
    rows = conn.execute(sa.select(a.c.id, a.c.input_id, a.c.title, a.c.source, a.c.url, a.c.published, a.c.text)
                        .where(a.c.id.in_(article_ids)).order_by(a.c.published, a.c.id))
    return [{"id": r.id, "input_id": r.input_id, "title": r.title, "source": r.source, "url": r.url,
             "published": r.published.isoformat() if r.published else None, "text": r.text} for r in rows]


def _mention_json(member: Any) -> dict[str, Any]:
    m, match = member.mention, member.match
    return {"id": m.id, "article_id": m.article_id, "input_id": member.input_id, "title": member.title,
            "source": m.source, "date_start": m.start.isoformat() if m.start else None,
            "date_end": m.end.isoformat() if m.end else None,
            "score": None if match is None else round(match.score, 4),
            "parts": [] if match is None else [{"name": n, "score": round(s, 4), "what": w} for n, s, w in match.parts],
            "event": m.event.model_dump(mode="json")}


def get_event(store: Store, event_id: str) -> dict[str, Any]:
    """The event (machine values) with its evidence spans, its articles' clean text (the offsets point into it),
    its merged mentions with their merge scores, and `reviewed`: {field: reviewer's value} (StoreError E025)."""
    from eventwire.store.explain import explain_event
    from eventwire.store.review import reviewed_values

    with store.engine.connect() as conn:
        ex = explain_event(conn, event_id)
        row = conn.execute(sa.select(t.events.c.n_mentions, t.events.c.date_start, t.events.c.date_end)
                           .where(t.events.c.id == event_id)).one()
        article_ids = sorted({m.mention.article_id for m in ex.members})
        out = _flat(ex.event.model_dump(mode="json"), ex.n_sources, row.n_mentions, row.date_start, row.date_end)
        out.update(evidence=ex.evidence, articles=_articles(conn, article_ids),
                   mentions=[_mention_json(m) for m in ex.members],
                   reviewed=reviewed_values(conn, [event_id]).get(event_id, {}))
    return out


def _defections(store: Store, f: EventFilter) -> Iterator[tuple[StoredEvent, Any]]:
    """The defection events matching `f` (its page ignored) that name where someone defected from or to."""
    for se in store.events(EventFilter(**{**f.__dict__, "kind": "defection", "limit": None, "offset": 0})):
        d = se.event.defection
        if d is not None and (d.from_group or d.to_group or d.to_territory):
            yield se, d


def _people(d: Any) -> tuple[int, int]:
    """The low and high reported number of defectors (the best count where no range is given; 0 if none)."""
    low = d.count_low if d.count_low is not None else d.count_best
    high = d.count_high if d.count_high is not None else (d.count_best if d.count_best is not None else low)
    return low or 0, high or 0


def defection_flows(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    """Defections grouped by from-group -> to-group / to-territory: how many events, how many people (the
    reported counts summed), which events; largest flows first."""
    flows: dict[tuple[str, str, str], dict[str, Any]] = {}
    for se, d in _defections(store, f):
        key = (d.from_group or "", d.to_group or "", d.to_territory or "")
        flow = flows.setdefault(key, {"from_group": d.from_group, "from_group_text": d.from_group_text,
                                      "to_group": d.to_group, "to_group_text": d.to_group_text,
                                      "to_territory": d.to_territory, "count": 0, "people_low": 0,
                                      "people_high": 0, "events": []})
        low, high = _people(d)
        flow["count"] += 1
        flow["people_low"] += low
        flow["people_high"] += high
        flow["events"].append(se.event.id)
    return [flows[k] for k in sorted(flows, key=lambda k: (-flows[k]["count"], k))]


INTERVALS = ("day", "week", "month", "year")


def _period(day: date, interval: str) -> str:
    if interval == "year":
        return f"{day.year:04d}"
    if interval == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return day.isoformat() if interval == "day" else f"{day.year:04d}-{day.month:02d}"


def defection_trend(store: Store, f: EventFilter, group: str | None = None,
                    interval: str = "month") -> list[dict[str, Any]]:
    """Dissent over time: per group defected from and per period (one of INTERVALS), the number of defection
    events and of people; `group` keeps the groups whose name or reported name holds it (any case)."""
    wanted = (group or "").lower()
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    for se, d in _defections(store, f):
        day = se.date_start or se.date_end
        if day is None or (wanted and wanted not in f"{d.from_group or ''}\x1f{d.from_group_text or ''}".lower()):
            continue
        period = _period(day, interval)
        cell = cells.setdefault((d.from_group or "", period), {"group": d.from_group, "period": period,
                                                               "events": 0, "people_low": 0, "people_high": 0})
        low, high = _people(d)
        cell["events"] += 1
        cell["people_low"] += low
        cell["people_high"] += high
    return [cells[k] for k in sorted(cells)]


def _month(conn: sa.Connection) -> Any:
    day = t.events.c.date_start
    if conn.dialect.name == "postgresql":
        return sa.func.to_char(day, "YYYY-MM")
    return sa.func.substr(day, 1, 7)  # SQLite stores dates as ISO text


def stats(store: Store, f: EventFilter) -> dict[str, Any]:
    """Counts of the matching events by event type, by country and by month (of date_start)."""
    e = t.events
    cond = filter_conditions(EventFilter(**{**f.__dict__, "limit": None, "offset": 0}))
    out: dict[str, Any] = {}
    with store.engine.connect() as conn:
        groups = {"by_type": e.c.event_type, "by_country": e.c.country, "by_month": _month(conn)}
        for name, column in groups.items():
            key = column.label("key")
            query = sa.select(key, sa.func.count().label("n")).where(*cond).group_by(key)
            rows = conn.execute(query.order_by(key if name == "by_month" else sa.desc("n"), key)).all()
            out[name] = [{"key": r.key, "n": int(r.n)} for r in rows]
    out["total"] = sum(r["n"] for r in out["by_type"])
    return out


def _events_for_export(store: Store, f: EventFilter, reviewed: bool) -> Iterable[StoredEvent]:
    from eventwire.store.export import reviewed_events

    return reviewed_events(store, f) if reviewed else store.events(f)


def geojson_chunks(store: Store, f: EventFilter, *, reviewed: bool = False) -> Iterator[str]:
    """The matching events as one GeoJSON FeatureCollection, in pieces of a few hundred features."""
    from eventwire.export.geojson import feature

    yield '{"type": "FeatureCollection", "features": [\n'
    parts: list[str] = []
    n = 0
    for se in _events_for_export(store, f, reviewed):
        parts.append((",\n" if n else "") + json.dumps(feature(se), ensure_ascii=False))
        n += 1
        if len(parts) == _CHUNK:
            yield "".join(parts)
            parts = []
    yield "".join(parts) + "\n]}\n"


def csv_chunks(store: Store, f: EventFilter, *, reviewed: bool = False) -> Iterator[str]:
    """The matching events as ACLED CSV rows (as `eventwire export --format acled`; rows ACLED never has,
    without actor1, country or date, are left out; background events are kept: filter with `background`)."""
    from eventwire.export.acled import ACLED_COLUMNS, EVENTWIRE_COLUMNS
    from eventwire.store.export import LeftOut, acled_rows

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS + EVENTWIRE_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for i, row in enumerate(acled_rows(_events_for_export(store, f, reviewed), LeftOut(), True), 1):
        writer.writerow(row)
        if i % _CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
