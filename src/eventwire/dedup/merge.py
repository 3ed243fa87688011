"""Deciding that two reports are the same event, and folding a group of reports into one event.

Design (why it is order-free): `same_event` is a symmetric predicate on two single reports ("mentions"), and an
event is a connected component of that relation (single linkage). Adding reports one by one, in any order or batch
size, and joining every component a new report matches yields the same components; the merged event is a pure
function of its member set (members are sorted by their content-derived ids before folding). So the store can
merge incrementally and still be deterministic.

Actors: generic ones (unidentified, civilians, protesters, rioters) are treated as unknown; named actors must
overlap, and the parties left over after the overlap must not both be named and different (HTS detaining
Hurras al Deen fighters is not HTS detaining a Hizb Ettahrir member in the same town that day).

Fatalities: reports that disagree keep their range as low/high; `best` is the lower median of the reports' best
figures. With two reports that is the smaller one, which is ACLED's conservative practice; with three or more a
single outlier cannot drag it.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from typing import Iterable, Sequence

from eventwire.models import Actor, Article, Event, Fatalities, GeoPrecision, Location

__all__ = ["Mention", "cluster", "event_id_of", "merge_mentions", "mention_of", "mention_window", "same_event"]

# Sub-types that outlets routinely swap for the same incident; any other pair must agree exactly.
_COMPATIBLE_SUBTYPES: list[frozenset[str]] = [
    frozenset({"armed clash", "government regains territory", "non-state actor overtakes territory"}),
    frozenset({"air/drone strike", "shelling/artillery/missile attack"}),
    frozenset({"peaceful protest", "protest with intervention"}),
    frozenset({"violent demonstration", "mob violence"}),
]
_ACTOR_ROLES = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")


@dataclass(frozen=True)
class Mention:
    """One event as one article reported it, with the date range merging compares."""

    id: str
    article_id: str
    source: str
    event: Event
    start: date | None
    end: date | None

    @property
    def country(self) -> str | None:
        loc = self.event.location
        return _norm(loc.country) if loc and loc.country else None


def mention_window(event: Event, published: date | None) -> tuple[date | None, date | None]:
    """The dates an event can have happened on: its own range, else the publication day."""
    t = event.time
    if t and (t.start or t.end):
        start = t.start or t.end
        end = t.end or t.start
        return start, end
    return published, published


def mention_of(article: Article, event: Event, ordinal: int) -> Mention:
    """The mention of `event`, the `ordinal`-th event the pipeline found in `article`."""
    key = f"{article.id}|{ordinal}|{event.kind}|{event.event_type}|{event.sentence.start}"
    mid = "m" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
    source = article.source or article.url or article.input_id or article.id
    start, end = mention_window(event, article.published)
    return Mention(mid, article.id, source, event.model_copy(update={"article_id": article.id}), start, end)


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    text = re.sub(r"\([^)]*\)", " ", text.lower())
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _subtypes_compatible(a: str, b: str) -> bool:
    a, b = _norm(a.replace("/", " ")), _norm(b.replace("/", " "))
    if a == b or not a or not b:
        return True
    groups = [{_norm(s.replace("/", " ")) for s in g} for g in _COMPATIBLE_SUBTYPES]
    return any(a in g and b in g for g in groups)


def _dates_overlap(a: Mention, b: Mention) -> bool:
    if not (a.start and a.end and b.start and b.end):
        return False
    return a.start <= b.end and b.start <= a.end


def _km(a: Location, b: Location) -> float:
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _names(loc: Location) -> set[str]:
    return {_norm(n) for n in (loc.name, loc.admin2, loc.admin1) if n}


def _places_match(a: Location | None, b: Location | None, merge_km: float) -> bool:
    if a is None or b is None:
        return False  # without a place on both sides two reports are too weak to call one event
    for coarse, fine in ((a, b), (b, a)):
        # A report that only knows the province or district matches any place inside it.
        if coarse.geo_precision == GeoPrecision.REGION and _norm(coarse.name) in _names(fine):
            return True
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return _km(a, b) <= merge_km
    return _norm(a.name) == _norm(b.name) and bool(_norm(a.name))


_GENERIC_ACTORS = ("unidentified", "civilians", "protesters", "rioters")


def _actor_set(event: Event) -> set[str]:
    names = {_norm(a.name) for a in event.actors if a.role in _ACTOR_ROLES}
    # Unknown gunmen, civilians, protesters: saying who they are not, they neither join nor split two reports.
    return {n for n in names if n and not n.startswith(_GENERIC_ACTORS)}


def _actors_match(a: Event, b: Event) -> bool:
    """Named actors must overlap, and what is left on each side must not be two different named parties."""
    actors_a, actors_b = _actor_set(a), _actor_set(b)
    if not actors_a or not actors_b:
        return True
    shared = actors_a & actors_b
    return bool(shared) and not (actors_a - shared and actors_b - shared)


def same_event(a: Mention, b: Mention, merge_km: float) -> bool:
    """Whether two reports describe the same real-world event (symmetric)."""
    ea, eb = a.event, b.event
    if ea.kind != eb.kind or ea.event_type != eb.event_type:
        return False
    if not _subtypes_compatible(ea.sub_event_type, eb.sub_event_type) or not _dates_overlap(a, b):
        return False
    if a.country and b.country and a.country != b.country:
        return False
    if not _places_match(ea.location, eb.location, merge_km):
        return False
    return _actors_match(ea, eb)


def _candidate_pairs(mentions: Sequence[Mention]) -> Iterable[tuple[int, int]]:
    """Index pairs that could match: same kind and type, overlapping dates (a sweep, not all n² pairs)."""
    buckets: dict[tuple[str, str], list[int]] = {}
    for i, m in enumerate(mentions):
        if m.start and m.end:
            buckets.setdefault((m.event.kind, m.event.event_type), []).append(i)
    for members in buckets.values():
        members.sort(key=lambda i: mentions[i].start or date.min)
        for pos, i in enumerate(members):
            end = mentions[i].end or date.min
            for j in members[pos + 1:]:
                if (mentions[j].start or date.max) > end:
                    break
                yield i, j


def cluster(mentions: Sequence[Mention], merge_km: float) -> list[list[Mention]]:
    """Connected components of `same_event` (single linkage), each sorted by id, sorted by first id."""
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(mentions):
        if find(i) != find(j) and same_event(mentions[i], mentions[j], merge_km):
            parent[find(i)] = find(j)
    groups: dict[int, list[Mention]] = {}
    for i, m in enumerate(mentions):
        groups.setdefault(find(i), []).append(m)
    return sorted((sorted(g, key=lambda m: m.id) for g in groups.values()), key=lambda g: g[0].id)


def event_id_of(members: Iterable[Mention]) -> str:
    """The merged event's id: derived from its smallest member id, so it does not depend on arrival order."""
    return "e" + min(m.id for m in members)[1:]


def _richness(m: Mention) -> tuple[int, str]:
    e = m.event
    filled = sum(x is not None for x in (e.location, e.time, e.fatalities, e.attribution)) + len(e.actors)
    return -filled, m.id


def _best_time(members: Sequence[Mention]) -> Mention | None:
    timed = [m for m in members if m.event.time and m.start]
    if not timed:
        return None
    return min(timed, key=lambda m: (int(m.event.time.time_precision) if m.event.time else 9,
                                     ((m.end or m.start) - m.start).days if m.start else 0, m.id))


def _best_place(members: Sequence[Mention]) -> Location | None:
    placed = [m for m in members if m.event.location]

    def key(m: Mention) -> tuple[int, int, str]:
        loc = m.event.location
        assert loc is not None
        return (0 if loc.lat is not None else 1, int(loc.geo_precision), m.id)

    return min(placed, key=key).event.location if placed else None


def _merged_actors(ordered: Sequence[Mention]) -> list[Actor]:
    by_role: dict[str, Actor] = {}
    for m in ordered:
        for actor in m.event.actors:
            by_role.setdefault(actor.role, actor)
    return sorted(by_role.values(), key=lambda a: (_ACTOR_ROLES + ("source", "target")).index(a.role))


def _merged_fatalities(ordered: Sequence[Mention]) -> Fatalities | None:
    reports = [m.event.fatalities for m in ordered if m.event.fatalities is not None]
    if not reports:
        return None
    bests = sorted(f.best for f in reports)
    best = bests[(len(bests) - 1) // 2]
    low = min(f.low if f.low is not None else f.best for f in reports)
    high = max(f.high if f.high is not None else f.best for f in reports)
    if low == high == best:
        return reports[0].model_copy(update={"best": best, "low": None, "high": None})
    keeper = next(f for f in reports if f.best == best)
    return keeper.model_copy(update={"best": best, "low": low, "high": high})


def _merged_subtype(ordered: Sequence[Mention]) -> str:
    counts = Counter(m.event.sub_event_type for m in ordered)
    rank = {m.event.sub_event_type: i for i, m in reversed(list(enumerate(ordered)))}
    return min(counts, key=lambda s: (-counts[s], rank[s]))


def merge_mentions(members: Sequence[Mention]) -> Event:
    """Fold the reports of one event into one Event (id, sources, most precise date and place, fatality range)."""
    ordered = sorted(members, key=_richness)  # the richest report leads; ties by id, never by arrival
    lead = ordered[0].event
    timed = _best_time(members)
    return lead.model_copy(update={
        "id": event_id_of(members),
        "sub_event_type": _merged_subtype(ordered),
        "background": all(m.event.background for m in members),
        "main": any(m.event.main for m in members),  # the main event of at least one of its articles
        "actors": _merged_actors(ordered),
        "location": _best_place(members),
        "time": timed.event.time if timed else lead.time,
        "fatalities": _merged_fatalities(ordered),
        "sources": sorted({m.source for m in members}),
        "confidence": max(m.event.confidence for m in members),
    })
