"""Why reports were merged, and undoing a merge: `eventwire show EVENT_ID` and `eventwire split EVENT_ID ARTICLE_ID`.

`explain_event` reads an event with its evidence spans and its member reports, each with its merge score (its
weakest match with the other members, recomputed from the stored reports by `eventwire.dedup.match`).
`split_article` records that the article's reports and the event's other members are apart (table
`merge_apart`, honoured by every later merge) and re-clusters them, so the split survives later ingests.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa

from eventwire import settings
from eventwire.dedup import Match, Mention, cluster, member_scores
from eventwire.errors import StoreError
from eventwire.models import Event
from eventwire.store import schema as t
from eventwire.store.write import _apart_pairs, _lock_writers, _mention_from_row, _replace_events, lead_reports

__all__ = ["EventExplanation", "Member", "explain_event", "split_article"]


@dataclass(frozen=True)
class Member:
    """One report of a merged event: its article, what it said, and why it is in the event."""

    mention: Mention
    input_id: str | None
    title: str | None
    match: Match | None  # its weakest match with the other members; None when it is the only one


@dataclass(frozen=True)
class EventExplanation:
    event: Event
    n_sources: int
    evidence: list[dict[str, Any]]  # field, article_id, start, end, text
    members: list[Member]


def _members(conn: sa.Connection, event_id: str) -> list[Mention]:
    mt = t.mentions
    rows = conn.execute(sa.select(mt).where(mt.c.event_id == event_id).order_by(mt.c.id))
    return [_mention_from_row(r) for r in rows]


def _evidence(conn: sa.Connection, event_id: str, texts: dict[str, str]) -> list[dict[str, Any]]:
    ev = t.evidence
    rows = conn.execute(sa.select(ev).where(ev.c.event_id == event_id)
                        .order_by(ev.c.article_id, ev.c.field, ev.c.start))
    return [{"field": r.field, "article_id": r.article_id, "start": r.start, "end": r.end,
             "text": texts.get(r.article_id, "")[r.start:r.end]} for r in rows]


def explain_event(conn: sa.Connection, event_id: str) -> EventExplanation:
    """The stored event `event_id`, its evidence and its members with their merge scores (E025 if absent)."""
    row = conn.execute(sa.select(t.events).where(t.events.c.id == event_id)).first()
    if row is None:
        raise StoreError("E025", f"event {event_id}")
    members = _members(conn, event_id)
    art = t.articles
    articles = {r.id: r for r in conn.execute(sa.select(art.c.id, art.c.input_id, art.c.title, art.c.text)
                                              .where(art.c.id.in_(sorted({m.article_id for m in members}))))}
    scores = member_scores(members, float(settings.get("merge_km")))
    out = [Member(m, articles[m.article_id].input_id, articles[m.article_id].title, scores[m.id])
           for m in members]
    evidence = _evidence(conn, event_id, {k: v.text for k, v in articles.items()})
    return EventExplanation(Event.model_validate_json(row.payload), row.n_sources, evidence, out)


def _resolve_article(conn: sa.Connection, members: list[Mention], article: str) -> str:
    """The member article named by its store id or its input id."""
    ids = {m.article_id for m in members}
    if article in ids:
        return article
    art = t.articles
    found = set(conn.scalars(sa.select(art.c.id).where(art.c.input_id == article, art.c.id.in_(sorted(ids)))))
    if len(found) != 1:
        raise StoreError("E025", f"article {article} in event {members[0].id if members else '?'}")
    return found.pop()


def split_article(conn: sa.Connection, event_id: str, article: str) -> list[str]:
    """Take `article` (store id or input id) out of event `event_id`; returns the resulting event ids. Call in a
    transaction. The split is kept: merging never joins these reports again."""
    _lock_writers(conn)
    members = _members(conn, event_id)
    if not members:
        raise StoreError("E025", f"event {event_id}")
    article_id = _resolve_article(conn, members, article)
    inside = sorted(m.id for m in members if m.article_id == article_id)
    others = sorted(m.id for m in members if m.article_id != article_id)
    if not others:
        raise StoreError("E025", f"article {article} is the only report of event {event_id}")
    now = datetime.now(timezone.utc)
    pairs = {tuple(sorted((a, b))) for a in inside for b in others}
    known = _apart_pairs(conn, inside + others)
    rows = [{"mention_a": a, "mention_b": b, "at": now} for a, b in sorted(pairs) if frozenset((a, b)) not in known]
    if rows:
        conn.execute(sa.insert(t.merge_apart), rows)
    groups = cluster(members, float(settings.get("merge_km")), _apart_pairs(conn, inside + others),
                     lead_reports(conn, members))
    _replace_events(conn, groups)
    mt = t.mentions
    return sorted(set(conn.scalars(sa.select(mt.c.event_id).where(mt.c.id.in_(inside + others)))))
