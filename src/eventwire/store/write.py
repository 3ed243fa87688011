"""The one write path: a batch of articles with their events, merged into stored events, in one transaction."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from eventwire import settings
from eventwire.dedup import Mention, article_leads, cluster, merge_mentions, mention_of, same_event
from eventwire.errors import InputError, one_line
from eventwire.export._tables import country_prefix
from eventwire.models import Article, Event
from eventwire.store import schema as t

__all__ = ["BatchResult", "WRITER_LOCK", "write_batch"]

_ARTICLE_COLUMNS = ("input_id", "source", "url", "title", "published", "text", "raw")
WRITER_LOCK = 0x65770001  # PostgreSQL advisory lock key of the merge step ("ew" + 1)


@dataclass
class BatchResult:
    new_articles: int = 0
    skipped_articles: int = 0
    mentions: int = 0
    rejects: int = 0
    events_touched: int = 0
    failed: list[InputError] = field(default_factory=list)  # articles the database refused (E022), rolled back


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _insert_ignore(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(table).on_conflict_do_nothing(), rows)


def _article_row(article: Article, run_id: int | None) -> dict[str, Any]:
    row = {c: getattr(article, c) for c in _ARTICLE_COLUMNS}
    meta = article.model_dump(mode="json", exclude={"id", *_ARTICLE_COLUMNS}, exclude_none=True)
    return {**row, "id": article.id, "meta": json.dumps(meta) if meta else None, "ingested_at": _now(),
            "run_id": run_id}


def _evidence_rows(m: Mention) -> list[dict[str, Any]]:
    e = m.event
    fields: list[tuple[str, Any]] = [("sentence", [e.sentence]), ("event", e.evidence)]
    fields += [(f"actor:{a.role}", a.evidence) for a in e.actors]
    for name in ("location", "time", "fatalities", "attribution"):
        part = getattr(e, name)
        fields.append((name, part.evidence if part else []))
    if e.defection:
        fields += [(f"defection:{k}", v) for k, v in sorted(e.defection.evidence.items())]
    return [{"event_id": "", "mention_id": m.id, "article_id": m.article_id, "field": f, "start": s.start,
             "end": s.end} for f, spans in fields for s in spans]


def _mention_row(m: Mention) -> dict[str, Any]:
    return {"id": m.id, "event_id": "", "article_id": m.article_id, "source": m.source, "kind": m.event.kind,
            "event_type": m.event.event_type, "date_start": m.start, "date_end": m.end, "country": m.country,
            "payload": m.event.model_dump_json()}


def _mention_from_row(row: Any) -> Mention:
    return Mention(row.id, row.article_id, row.source, Event.model_validate_json(row.payload), row.date_start,
                   row.date_end)


def _windows(new: Sequence[Mention]) -> dict[tuple[str, str, str | None], list[tuple[date, date]]]:
    """Per (kind, type, country): the union of the new mentions' date ranges as disjoint intervals."""
    keys: dict[tuple[str, str, str | None], list[tuple[date, date]]] = {}
    for m in new:
        if m.start and m.end:
            keys.setdefault((m.event.kind, m.event.event_type, m.country), []).append((m.start, m.end))
    for key, ranges in keys.items():
        merged: list[tuple[date, date]] = []
        for lo, hi in sorted(ranges):
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
            else:
                merged.append((lo, hi))
        keys[key] = merged
    return keys


def _candidates(conn: sa.Connection, new: Sequence[Mention]) -> list[Mention]:
    """Stored mentions that could match a new one: same kind/type, overlapping dates, same or unknown country.

    The SQL window is a superset of `same_event`, so no true match is ever missed (that keeps merging order-free).
    """
    found: dict[str, Mention] = {}
    mt = t.mentions
    for (kind, etype, country), ranges in _windows(new).items():
        overlap = sa.or_(*[sa.and_(mt.c.date_start <= hi, mt.c.date_end >= lo) for lo, hi in ranges])
        cond = [mt.c.kind == kind, mt.c.event_type == etype, overlap]
        if country:
            cond.append(sa.or_(mt.c.country == country, mt.c.country.is_(None)))
        for row in conn.execute(sa.select(mt).where(*cond)):
            found.setdefault(row.id, _mention_from_row(row))
    return [found[k] for k in sorted(found)]


def _could_join(stored: Mention, new: Mention, merge_km: float) -> bool:
    return stored.start is not None and new.start is not None and same_event(stored, new, merge_km)


def _members_of_events(conn: sa.Connection, mention_ids: Iterable[str]) -> list[Mention]:
    mt = t.mentions
    event_ids = sa.select(mt.c.event_id).where(mt.c.id.in_(sorted(mention_ids))).distinct()
    return [_mention_from_row(r) for r in conn.execute(sa.select(mt).where(mt.c.event_id.in_(event_ids)))]


def _apart_pairs(conn: sa.Connection, mention_ids: Sequence[str]) -> frozenset[frozenset[str]]:
    """The split-apart pairs among these mentions."""
    if not mention_ids:
        return frozenset()
    ap = t.merge_apart
    rows = conn.execute(sa.select(ap.c.mention_a, ap.c.mention_b).where(ap.c.mention_a.in_(mention_ids)))
    return frozenset(frozenset(r) for r in rows)


def _affected_groups(conn: sa.Connection, new: Sequence[Mention], merge_km: float) -> list[list[Mention]]:
    """The new mentions plus every stored mention connected to them through `same_event` (the whole connected
    component, with every event it touches), re-clustered: clusters depend on the component as a whole, so
    this gives the same events as clustering everything at once."""
    known: dict[str, Mention] = {m.id: m for m in new}
    frontier = list(new)
    while frontier:
        stored = [c for c in _candidates(conn, frontier) if c.id not in known]
        hit = [c for c in stored if any(_could_join(c, m, merge_km) for m in frontier)]
        if not hit:
            break
        frontier = [m for m in _members_of_events(conn, [c.id for c in hit]) if m.id not in known]
        frontier += [c for c in hit if c.id not in {m.id for m in frontier}]
        known.update((m.id, m) for m in frontier)
    members = [known[k] for k in sorted(known)]
    return cluster(members, merge_km, _apart_pairs(conn, sorted(known)), lead_reports(conn, members))


def lead_reports(conn: sa.Connection, members: Sequence[Mention]) -> dict[str, Mention]:
    """The lead (main) report of every article these mentions come from, read from the store."""
    mt = t.mentions
    ids = sorted({m.article_id for m in members})
    rows = conn.execute(sa.select(mt).where(mt.c.article_id.in_(ids))) if ids else []
    return article_leads(_mention_from_row(r) for r in rows)


def _event_row(event: Event, members: Sequence[Mention]) -> dict[str, Any]:
    loc, time, fat = event.location, event.time, event.fatalities
    starts = [m.start for m in members if m.start]
    ends = [m.end for m in members if m.end]
    has_xy = bool(loc and loc.lat is not None and loc.lon is not None)
    row = {
        "id": event.id, "kind": event.kind, "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "background": event.background,
        # The stored range is the best report's; without dated reports, the publication window.
        "date_start": time.start if time and time.start else (min(starts) if starts else None),
        "date_end": (time.end or time.start) if time and time.start else (max(ends) if ends else None),
        "time_precision": int(time.time_precision) if time else None,
        "country": loc.country if loc else None, "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None, "location": loc.name if loc else None,
        "lat": loc.lat if has_xy and loc else None, "lon": loc.lon if has_xy and loc else None,
        "geo_precision": int(loc.geo_precision) if loc else None,
        "fatalities_best": fat.best if fat else None, "fatalities_low": fat.low if fat else None,
        "fatalities_high": fat.high if fat else None,
        "main": event.main, "notes": event.notes, "n_sources": len({m.article_id for m in members}), "n_mentions": len(members),
        "confidence": event.confidence, "payload": event.model_dump_json(), "updated_at": _now(),
    }
    for role in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"):
        actor = event.actor(role)
        row[role] = actor.name if actor else None
    return row


def _public_ids(conn: sa.Connection, groups: Sequence[Sequence[Mention]], merged: Sequence[Event],
                owner: dict[str, str]) -> list[str]:
    """Each group's stable public id. A group keeps the id of the stored event most of its mentions were in (so
    an event keeps its id as reports join it; of two stored events a new report bridges, the larger keeps its
    id); each stored id goes to one group at most. Other groups get a new id: ACLED's `event_id_cnty` letters
    for the event's country and the next number for them (never reused)."""
    claims = sorted((-n, event_id, g) for g, group in enumerate(groups)
                    for event_id, n in Counter(owner[m.id] for m in group if m.id in owner).items())
    chosen: dict[int, str] = {}
    taken: set[str] = set()
    for _, event_id, g in claims:
        if g not in chosen and event_id not in taken:
            chosen[g] = event_id
            taken.add(event_id)
    unnamed = [g for g in range(len(groups)) if g not in chosen]
    fresh = _mint_ids(conn, [country_prefix(merged[g].location.country if merged[g].location else None)
                             for g in unnamed])
    chosen.update(zip(unnamed, fresh))
    return [chosen[g] for g in range(len(groups))]


def _mint_ids(conn: sa.Connection, prefixes: Sequence[str]) -> list[str]:
    """The next ids for these prefixes, in order (two for "SYR": SYR7, SYR8). Runs under the writers' lock (see
    `_lock_writers`), so two writers never draw the same number; a number is never given twice."""
    need = Counter(prefixes)
    if not need:
        return []
    c = t.event_counters
    last = {row.prefix: row.last for row in conn.execute(sa.select(c.c.prefix, c.c.last)
                                                          .where(c.c.prefix.in_(sorted(need))))}
    new = [{"prefix": p, "last": n} for p, n in sorted(need.items()) if p not in last]
    old = [{"p": p, "n": last[p] + n} for p, n in sorted(need.items()) if p in last]
    if new:
        conn.execute(sa.insert(c), new)
    if old:
        conn.execute(sa.update(c).where(c.c.prefix == sa.bindparam("p")).values(last=sa.bindparam("n")), old)
    out = []
    for prefix in prefixes:
        last[prefix] = last.get(prefix, 0) + 1
        out.append(f"{prefix}{last[prefix]}")
    return out


def _input_ids(conn: sa.Connection, groups: Sequence[Sequence[Mention]]) -> dict[str, str]:
    """Article key -> the id the user gave it (its key where none was given)."""
    keys = sorted({m.article_id for g in groups for m in g})
    a = t.articles
    return {row.id: row.input_id or row.id for row in conn.execute(sa.select(a.c.id, a.c.input_id)
                                                                    .where(a.c.id.in_(keys)))}


def _article_texts(conn: sa.Connection, groups: Sequence[Sequence[Mention]]) -> dict[str, str]:
    keys = sorted({m.article_id for g in groups for m in g})
    a = t.articles
    return {row.id: row.text for row in conn.execute(sa.select(a.c.id, a.c.text).where(a.c.id.in_(keys)))}


def search_body(notes: str, article_texts: Iterable[str]) -> str:
    """What full-text search over an event reads (`schema.event_text`): its notes, then its articles' text."""
    return "\n\n".join([notes, *article_texts])


def _next_search_id(conn: sa.Connection) -> int:
    """The first free search id (schema.event_text.id), after the events just deleted: the caller holds the
    writers' lock, so no other writer takes it meanwhile."""
    return int(conn.scalar(sa.select(sa.func.max(t.event_text.c.id))) or 0) + 1


def _actor_name_ids(conn: sa.Connection, names: set[str]) -> dict[str, int]:
    """Each name's id in `actor_names`, adding the names not there yet (the caller holds the writers' lock)."""
    an = t.actor_names

    def known() -> dict[str, int]:
        return {r.name: r.id for r in conn.execute(sa.select(an.c.id, an.c.name).where(an.c.name.in_(sorted(names))))}

    ids = known()
    new = sorted(names - ids.keys())
    if new:
        conn.execute(sa.insert(an), [{"name": name} for name in new])
        ids = known()
    return ids


def _replace_events(conn: sa.Connection, groups: list[list[Mention]]) -> int:
    """Delete the events these mentions belonged to and write the re-merged ones with links, actors and search
    text (deleting an event cascades to all three)."""
    ids = sorted({m.id for g in groups for m in g})
    mt = t.mentions
    owner = {r.id: r.event_id for r in conn.execute(sa.select(mt.c.id, mt.c.event_id).where(mt.c.id.in_(ids)))
             if r.event_id}
    merged_events = [merge_mentions(group) for group in groups]
    public = _public_ids(conn, groups, merged_events, owner)
    input_ids = _input_ids(conn, groups)
    texts = _article_texts(conn, groups)
    old = sorted(set(owner.values()))
    if old:
        conn.execute(sa.delete(t.events).where(t.events.c.id.in_(old)))  # cascades to actors and links
    events, actors, links, owners, bodies = [], [], [], [], []
    first_search_id = _next_search_id(conn)
    for n, (group, merged, public_id) in enumerate(zip(groups, merged_events, public)):
        article_ids = sorted({input_ids[m.article_id] for m in group})
        merged = merged.model_copy(update={"id": public_id, "article_ids": article_ids})
        events.append({**_event_row(merged, group), "search_id": first_search_id + n})
        actors += [{"event_id": merged.id, "role": a.role, "name": a.name, "text": a.text, "inter": a.inter}
                   for a in merged.actors]
        article_keys = sorted({m.article_id for m in group})
        links += [{"event_id": merged.id, "article_id": a} for a in article_keys]
        bodies.append({"id": first_search_id + n, "event_id": merged.id,
                       "body": search_body(merged.notes, (texts[a] for a in article_keys))})
        owners += [{"m": m.id, "e": merged.id} for m in group]
    # Two executemany statements rather than two per event: most batches re-home thousands of mentions.
    conn.execute(sa.update(mt).where(mt.c.id == sa.bindparam("m")).values(event_id=sa.bindparam("e")), owners)
    conn.execute(sa.update(t.evidence).where(t.evidence.c.mention_id == sa.bindparam("m"))
                 .values(event_id=sa.bindparam("e")), owners)
    conn.execute(sa.insert(t.events), events)
    if actors:
        ids = _actor_name_ids(conn, {a["name"] for a in actors})
        conn.execute(sa.insert(t.event_actors), [{**a, "name_id": ids[a["name"]]} for a in actors])
    conn.execute(sa.insert(t.event_articles), links)
    conn.execute(sa.insert(t.event_text), bodies)
    return len(events)


def _reject_rows(rejects: Iterable[InputError], run_id: int | None) -> list[dict[str, Any]]:
    return [{"run_id": run_id, "path": r.path or "", "line": r.line or 0, "code": r.code,
             "reason": str(r), "at": _now()} for r in rejects]


def _lock_writers(conn: sa.Connection) -> None:
    """One writer merges at a time. SQLite's BEGIN IMMEDIATE already serialises writers; on PostgreSQL two
    transactions would each see the other's new mentions as absent and store one event twice, so the merge
    runs under a transaction-scoped advisory lock (released at commit or rollback)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})


def _insert_rows(conn: sa.Connection, items: Sequence[tuple[Article, list[Event]]], run_id: int | None) -> list[Mention]:
    """Insert articles, mentions and evidence; returns the new mentions."""
    conn.execute(sa.insert(t.articles), [_article_row(a, run_id) for a, _ in items])
    new = [mention_of(a, e, i) for a, found in items for i, e in enumerate(found)]
    if new:
        conn.execute(sa.insert(t.mentions), [_mention_row(m) for m in new])
        spans = [r for m in new for r in _evidence_rows(m)]
        if spans:
            conn.execute(sa.insert(t.evidence), spans)
    return new


def _insert_isolated(conn: sa.Connection, items: list[tuple[Article, list[Event]]], run_id: int | None,
                     failed: list[InputError]) -> tuple[list[Mention], int]:
    """All rows in one go; should that fail, article by article, each under its own savepoint, so that an
    article the database refuses is rolled back alone and becomes a reject (E022). Returns (mentions, stored)."""
    try:
        with conn.begin_nested():
            return _insert_rows(conn, items, run_id), len(items)
    except sa.exc.DBAPIError:
        pass
    new: list[Mention] = []
    stored = 0
    for item in items:
        try:
            with conn.begin_nested():
                new += _insert_rows(conn, [item], run_id)
                stored += 1
        except sa.exc.DBAPIError as exc:
            article = item[0]
            failed.append(InputError("E022", f"article {article.id}: {one_line(exc.orig or exc)}",
                                     path=article.input_id or article.id))
    return new, stored


def write_batch(conn: sa.Connection, results: Sequence[tuple[Article, list[Event]]],
                rejects: Sequence[InputError] = (), run_id: int | None = None) -> BatchResult:
    """Store articles not yet stored with their events, merging them into stored events. Call inside a transaction.

    An article the database refuses is rolled back alone and reported in `BatchResult.failed` (stored as a
    reject); the rest of the batch is stored."""
    _lock_writers(conn)
    out = BatchResult()
    ids = sorted({a.id for a, _ in results})
    stored = set(conn.scalars(sa.select(t.articles.c.id).where(t.articles.c.id.in_(ids)))) if ids else set()
    fresh: dict[str, tuple[Article, list[Event]]] = {}
    for article, found in results:
        if article.id in stored or article.id in fresh:
            out.skipped_articles += 1
        else:
            fresh[article.id] = (article, found)
    new: list[Mention] = []
    if fresh:
        new, out.new_articles = _insert_isolated(conn, list(fresh.values()), run_id, out.failed)
    if new:
        out.events_touched = _replace_events(conn, _affected_groups(conn, new, float(settings.get("merge_km"))))
    all_rejects = list(rejects) + out.failed
    out.rejects = len(all_rejects)
    _insert_ignore(conn, t.rejects, _reject_rows(all_rejects, run_id))
    out.mentions = len(new)
    if run_id is not None:
        r = t.ingest_runs
        conn.execute(sa.update(r).where(r.c.id == run_id).values(
            n_read=r.c.n_read + len(results), n_new=r.c.n_new + out.new_articles,
            n_skipped=r.c.n_skipped + out.skipped_articles, n_rejects=r.c.n_rejects + out.rejects,
            n_mentions=r.c.n_mentions + out.mentions))
    return out
