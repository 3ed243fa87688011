"""Reviewers' corrections: each accept, reject, edit or split is one row of `revisions`, never written over the
machine's values; the reviewed value of a field is the `new` of its latest revision.

The fields a reviewer may change, their types and where they live in the Event model are data
(`data/review/fields.json`). `apply_reviewed` gives the Event with the reviewed values in place, which
`eventwire export --reviewed` and the API's reviewed exports write.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timezone
from enum import IntEnum
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

import sqlalchemy as sa

from eventwire.errors import StoreError
from eventwire.models import Actor, Event, Fatalities, Location, TimeSpan
from eventwire.store import schema as t
from eventwire.store.query import StoredEvent

__all__ = ["ACTIONS", "review_fields", "add_revision", "event_revisions", "reviewed_values", "apply_reviewed",
           "with_reviews", "machine_value", "record_split"]

ACTIONS = ("accept", "reject", "edit")
_FIELDS = Path(__file__).resolve().parents[1] / "data" / "review" / "fields.json"
_PARTS = {"location": lambda: Location(text="", name=""), "time": TimeSpan, "fatalities": lambda: Fatalities(best=0)}
_KEY_OF_PART = {"location": "name", "fatalities": "best"}  # rejecting it clears the whole part


@lru_cache(maxsize=1)
def review_fields() -> dict[str, dict[str, str]]:
    """Field name -> {"type", "path"}."""
    with open(_FIELDS, encoding="utf-8") as fh:
        return {k: v for k, v in json.load(fh).items() if not k.startswith("_")}


def _coerce(field: str, value: Any) -> Any:
    """`value` as the field's type (JSON form: dates as ISO strings); E026 naming the field if it is not one."""
    kind = review_fields()[field]["type"]
    if value is None:
        return None
    try:
        if kind == "date":
            return date.fromisoformat(str(value)).isoformat()
        if kind == "bool" and isinstance(value, bool):
            return value
        if kind == "int" and not isinstance(value, bool) and float(value) == int(float(value)):
            return int(float(value))
        if kind == "float" and not isinstance(value, bool):
            return float(value)
        if kind == "str" and isinstance(value, str):
            return value.strip()
    except (TypeError, ValueError):
        pass
    raise StoreError("E026", f"field {field} takes a {kind}, not {json.dumps(value)[:60]}")


def machine_value(event: Event, field: str) -> Any:
    """The field's value in `event` (JSON form)."""
    path = review_fields()[field]["path"]
    if path.startswith("actor:"):
        actor = event.actor(path.split(":", 1)[1])
        return actor.name if actor else None
    obj: Any = event
    for part in path.split("."):
        obj = getattr(obj, part, None) if obj is not None else None
    if isinstance(obj, date):
        return obj.isoformat()
    return int(obj) if isinstance(obj, IntEnum) else obj


def _set(event: Event, field: str, value: Any) -> Event:
    """`event` with `field` set to `value` (None: cleared)."""
    path = review_fields()[field]["path"]
    if path.startswith("actor:"):
        role = path.split(":", 1)[1]
        actors = [a for a in event.actors if a.role != role]
        if value is not None:
            old = event.actor(role)
            actors.append(old.model_copy(update={"name": value}) if old else Actor(text=value, name=value, role=role))
        return event.model_copy(update={"actors": actors})
    if "." not in path:
        return event.model_copy(update={path: value})
    part, key = path.split(".", 1)
    if value is None and _KEY_OF_PART.get(part) == key:
        return event.model_copy(update={part: None})
    current = getattr(event, part) or (_PARTS[part]() if value is not None else None)
    if current is None:
        return event
    typed = date.fromisoformat(value) if isinstance(value, str) and part == "time" else value
    return event.model_copy(update={part: current.model_copy(update={key: typed})})


def apply_reviewed(event: Event, values: dict[str, Any]) -> Event:
    """`event` with each reviewed field's value in place of the machine's."""
    for field, value in sorted(values.items()):
        event = _set(event, field, value)
    return event


def _latest(rows: Iterable[Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for r in rows:  # in id order: the later revision wins
        if r.action in ACTIONS:
            out.setdefault(r.event_id, {})[r.field] = json.loads(r.new) if r.new is not None else None
    return out


def reviewed_values(conn: sa.Connection, event_ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """event id -> {field: reviewed value}, for these events (None: every reviewed event)."""
    rv = t.revisions
    query = sa.select(rv.c.event_id, rv.c.field, rv.c.action, rv.c.new).order_by(rv.c.id)
    if event_ids is not None:
        query = query.where(rv.c.event_id.in_(sorted(set(event_ids))))
    return _latest(conn.execute(query))


def add_revision(conn: sa.Connection, event_id: str, field: str, action: str, value: Any,
                 reviewer: str) -> dict[str, Any]:
    """Record one reviewer's change of `field` of `event_id` (call in a transaction); returns the revision.
    accept: the value now in effect is right; reject: it is wrong (null); edit: `value` is right."""
    row = conn.execute(sa.select(t.events.c.payload).where(t.events.c.id == event_id)).first()
    if row is None:
        raise StoreError("E025", f"event {event_id}")
    if field not in review_fields():
        raise StoreError("E026", f"unknown field {field!r}; one of {', '.join(review_fields())}")
    if action not in ACTIONS:
        raise StoreError("E026", f"unknown action {action!r}; one of {', '.join(ACTIONS)}")
    if not reviewer.strip():
        raise StoreError("E026", "a reviewer name is required")
    earlier = reviewed_values(conn, [event_id]).get(event_id, {})
    old = earlier[field] if field in earlier else machine_value(Event.model_validate_json(row.payload), field)
    new = {"accept": old, "reject": None}.get(action, _coerce(field, value) if action == "edit" else None)
    return _insert(conn, event_id, field, action, old, new, reviewer.strip())


def _insert(conn: sa.Connection, event_id: str, field: str, action: str, old: Any, new: Any,
            reviewer: str) -> dict[str, Any]:
    record = {"event_id": event_id, "field": field, "action": action, "old": json.dumps(old),
              "new": json.dumps(new), "reviewer": reviewer, "at": datetime.now(timezone.utc)}
    revision_id = conn.execute(sa.insert(t.revisions).values(**record)).inserted_primary_key[0]
    return _as_dict({**record, "id": revision_id})


def record_split(conn: sa.Connection, event_id: str, article: str, result: list[str], reviewer: str) -> dict[str, Any]:
    """The revision saying a reviewer took `article` out of `event_id`, giving events `result`."""
    return _insert(conn, event_id, "article", "split", article, result, reviewer.strip() or "unknown")


def _as_dict(r: Any) -> dict[str, Any]:
    m = dict(r) if isinstance(r, dict) else dict(r._mapping)
    at = m["at"]
    if isinstance(at, datetime) and at.tzinfo is None:  # SQLite keeps no offset; it was written in UTC
        at = at.replace(tzinfo=timezone.utc)
    return {"id": int(m["id"]), "event_id": m["event_id"], "field": m["field"], "action": m["action"],
            "old": json.loads(m["old"]) if m["old"] is not None else None,
            "new": json.loads(m["new"]) if m["new"] is not None else None, "reviewer": m["reviewer"],
            "at": at.isoformat() if isinstance(at, datetime) else str(at)}


def event_revisions(conn: sa.Connection, event_id: str) -> list[dict[str, Any]]:
    """Every revision of `event_id`, oldest first."""
    rv = t.revisions
    return [_as_dict(r) for r in conn.execute(sa.select(rv).where(rv.c.event_id == event_id).order_by(rv.c.id))]


def with_reviews(events: Iterable[StoredEvent], reviewed: dict[str, dict[str, Any]]) -> Iterator[StoredEvent]:
    """The events with their reviewed values in place (dates too), for the reviewed exports."""
    for se in events:
        values = reviewed.get(se.event.id)
        if not values:
            yield se
            continue
        event = apply_reviewed(se.event, values)
        start = date.fromisoformat(values["date_start"]) if values.get("date_start") else se.date_start
        end = date.fromisoformat(values["date_end"]) if values.get("date_end") else se.date_end
        yield StoredEvent(event, se.n_sources, se.n_mentions, start, end)
