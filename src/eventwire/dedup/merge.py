"""Deciding that two reports are the same event, and folding a group of reports into one event.

Merging is entity resolution. `match` says whether two single reports ("mentions") name the same occurrence and
how strongly, from evidence both carry: the same kind and sub-type family, the same or a contained place, dates
that overlap at their precision, and compatible actors. A report without its own date (only the publication day)
merges only with an exact place and the same named actors.

Clusters are never transitive chains. Within a connected component of the `match` relation, every maximal clique
is a candidate event; a mention that belongs to two maximal cliques (it fits two events that do not fit each
other, e.g. "shelling in Idleb province" beside two village reports) stays apart as its own event, and the rest
fall into exactly one clique each, so every cluster is coherent as a whole (each pair of its members matches).
The result is a pure function of the set of mentions, so adding reports one by one, in any order or batch size,
gives the same events as one batch; the merged event is a pure function of its member set (members are sorted by
their content-derived ids before folding).

Actors: generic ones (unidentified, civilians, protesters, rioters) are treated as unknown; named actors must
overlap, and the parties left over after the overlap must not both be named and different (HTS detaining
Hurras al Deen fighters is not HTS detaining a Hizb Ettahrir member in the same town that day).

Fatalities: reports that disagree keep their range as low/high; `best` is the lower median of the reports' best
figures. With two reports that is the smaller one, which is ACLED's conservative practice; with three or more a
single outlier cannot drag it. Sources list each outlet once.
"""
from __future__ import annotations

import calendar
import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from datetime import date
from typing import Iterable, Mapping, Sequence

from eventwire.models import Actor, Article, Event, Fatalities, GeoPrecision, Location

__all__ = ["Apart", "Match", "Mention", "article_leads", "cluster", "event_id_of", "match", "match_graph", "member_scores",
           "merge_mentions", "mention_of", "mention_window", "place_relation", "same_event"]

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


def _dated(m: Mention) -> bool:
    """Whether the report carries its own date (not only its publication day)."""
    t = m.event.time
    return bool(t and (t.start or t.end))


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


_SPELLING_RATIO = 0.75  # two names this similar (difflib ratio) are one name spelt two ways


def _spellings_agree(a: str, b: str) -> bool:
    a, b = _norm(a).replace(" ", ""), _norm(b).replace(" ", "")
    if not (a and b):
        return False
    return a == b or SequenceMatcher(None, _bare(a), _bare(b)).ratio() >= _SPELLING_RATIO


@lru_cache(maxsize=1)
def _particles() -> tuple[str, ...]:
    return tuple(sorted(_data_words("name_particles.txt"), key=len, reverse=True))


@lru_cache(maxsize=8)
def _data_words(name: str) -> frozenset[str]:
    """The words of `data/dedup/<name>`, one a line, `#` comments skipped."""
    from eventwire.settings import data_path

    lines = data_path("dedup", name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def _bare(squeezed: str) -> str:
    """A squeezed name without its leading particle ("alalqamiyyeh" -> "alqamiyyeh"), when something is left."""
    for p in _particles():
        if squeezed.startswith(p) and len(squeezed) > len(p) + 3:
            return squeezed[len(p):]
    return squeezed


def _admin1_conflict(a: Location, b: Location) -> bool:
    return bool(a.admin1 and b.admin1 and _norm(a.admin1) != _norm(b.admin1))


def _province_level(loc: Location, notes: str = "") -> bool:
    """A region, or a place named as its own province that the report did not pin down, with a word saying it
    means the province (`data/dedup/region_words.txt`: "in Hama countryside" geocoded near Hama city)."""
    if loc.geo_precision == GeoPrecision.REGION:
        return True
    if loc.geo_precision == GeoPrecision.EXACT or not loc.admin1 or _norm(loc.name) != _norm(loc.admin1):
        return False
    words = "|".join(sorted(_data_words("region_words.txt")))
    name = re.escape(loc.text or loc.name)
    return re.search(rf"\b(?:{words})\s+(?:of\s+)?{name}\b|\b{name}\s+(?:{words})\b", notes, re.I) is not None


def place_relation(a: Location | None, b: Location | None, merge_km: float,
                   notes: tuple[str, str] = ("", "")) -> tuple[str, float] | None:
    """How two reports' places relate: ("same", 1.0), ("contained", 0.6) when one is a province or district the
    other lies in, or None (different or unknown places: too weak to call one event)."""
    if a is None or b is None:
        return None
    for (coarse, c_notes), (fine, f_notes) in (((a, notes[0]), (b, notes[1])), ((b, notes[1]), (a, notes[0]))):
        if _province_level(coarse, c_notes) and not _province_level(fine, f_notes):
            if _norm(coarse.name) in _names(fine) and not _admin1_conflict(coarse, fine):
                return "contained", 0.6
    if _admin1_conflict(a, b):
        return None
    # One place: the same name (or one name spelt two ways), and where both are geocoded, within merge_km.
    # Two different names are two places however close their geocodes (neighbouring frontline villages).
    if not _spellings_agree(a.name, b.name):
        return None
    if None not in (a.lat, a.lon, b.lat, b.lon) and _km(a, b) > merge_km:
        return None
    return "same", 1.0


@lru_cache(maxsize=1)
def _locative_cue() -> re.Pattern[str]:
    """`data/dedup/locative_cues.txt` as one pattern that ends right before a capitalised name."""
    from eventwire.settings import data_path

    lines = data_path("dedup", "locative_cues.txt").read_text(encoding="utf-8").splitlines()
    cues = sorted({c.strip() for c in lines if c.strip() and not c.startswith("#")}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues) + r")\s+(?:the\s+)?$",
                      re.IGNORECASE)


@lru_cache(maxsize=65536)
def _named_places(notes: str) -> frozenset[str]:
    """The towns and sites a report's sentence names, normalised: gazetteer places that are not provinces, and
    capitalised names right after a locative cue ("captured Tal Ibrahim", "in Qabr al Sheikh Hassan")."""
    from eventwire.events.places import _candidates, place_names
    from eventwire.geo import get_gazetteer

    gazetteer = get_gazetteer()
    names = {_norm(n): n for n, part in place_names(notes, 0, len(notes), gazetteer) if not part and _norm(n)}
    cue = _locative_cue()
    for start, end, name, part, whole_end in _candidates(notes, 0, len(notes)):
        tail = part and end == whole_end  # "Churunda" of "LoC at Churunda": the name after a cue inside a longer one
        if (not part or tail) and cue.search(notes, max(0, start - 40), start) and _norm(name) and not _calendar(name):
            names.setdefault(_norm(name), name)
    return frozenset(k for k, n in names.items() if not _is_region(gazetteer, n))


def _calendar(name: str) -> bool:
    """"Thursday", "May", "Raqqa on Thursday": a name ending in a day or month name is a date, no place."""
    words = _norm(name).split()  # "Raqqa on Thursday" ends in a day; "Jan Tamr Sharqi" is a village
    return bool(words) and _calendar_word(words[-1])


def _calendar_word(word: str) -> bool:
    """"thursday", "may", "dec", "december": a day or month name (lower case)."""
    from eventwire.temporal._lexicon import MONTHS, WEEKDAYS

    return word in WEEKDAYS or word in MONTHS or word in _MONTH_NAMES


_MONTH_NAMES = frozenset(m.lower() for m in calendar.month_name if m)


def placed_in_sentence(event: Event) -> bool:
    """Whether the report's own sentence says where it happened (its place is not inherited from context: "Clashes
    were accompanied by shelling." has no place of its own)."""
    loc, sent = event.location, event.sentence
    if loc is None:
        return False
    own = any(s.start < sent.end and sent.start < s.end for s in loc.evidence)
    return own or bool(_named_places(event.notes))


def _is_region(gazetteer: object, name: str) -> bool:
    region = gazetteer.admin1_region(name)  # type: ignore[attr-defined]
    return region is not None and _norm(region.name) == _norm(name)


def _regions(loc: Location | None) -> set[str]:
    return {_norm(n) for n in (loc.admin1, loc.country) if n} if loc else set()


def places_conflict(a: Event, b: Event) -> bool:
    """Whether each report names a town the other does not (spelling variants and the reports' own provinces
    aside): "captured Beit Ghazi" and "captured Haritan" are two events even where both were placed in Aleppo."""
    regions = _regions(a.location) | _regions(b.location)
    actors = {_norm(x.text) for e in (a, b) for x in e.actors} | {_norm(x.name) for e in (a, b) for x in e.actors}
    only_a = {n for n in _named_places(a.notes) - regions - actors}
    only_b = {n for n in _named_places(b.notes) - regions - actors}
    only_a, only_b = ({x for x in one if not any(_spellings_agree(x, y) for y in other | regions)
                       and not _regions_only(x, regions)} for one, other in ((only_a, only_b), (only_b, only_a)))
    return bool(only_a and only_b)


def _regions_only(name: str, regions: set[str]) -> bool:
    """Whether a name is only the reports' province and country run together ("Idlib Syria", "Syrias Idlib"):
    no town."""
    words = {w for r in regions for w in r.split()}
    return all(any(_spellings_agree(w, r) for r in words) for w in name.split())


_GENERIC_ACTORS = ("unidentified", "civilians", "protesters", "rioters")


def _actor_set(event: Event) -> set[str]:
    names = {_norm(a.name) for a in event.actors if a.role in _ACTOR_ROLES and not _weapon_only(a.text)}
    # Unknown gunmen, civilians, protesters: saying who they are not, they neither join nor split two reports.
    return {n for n in names if n and not n.startswith(_GENERIC_ACTORS)}


def _weapon_only(text: str) -> bool:
    """Whether an actor is known only by its weapon ("warplanes", "the jets"): the report did not say whose, and
    the force the pipeline gives it is ACLED's convention for unnamed strikes, not the outlet's word."""
    words = [w for w in _norm(text).split() if w not in ("the", "a", "an")]
    return bool(words) and all(w in _data_words("air_words.txt") for w in words)


def _same_party(x: str, y: str) -> bool:
    """One party, or a force and its branch ("military forces of russia" / "... of russia air force")."""
    return x == y or x.startswith(y + " ") or y.startswith(x + " ")


def _shared_parties(a: Event, b: Event) -> set[str]:
    """The named parties of `a` that `b` names too (a force and its branch count as one)."""
    actors_b = _actor_set(b)
    return {x for x in _actor_set(a) if any(_same_party(x, y) for y in actors_b)}


def _actor_score(a: Event, b: Event) -> float | None:
    """1.0 for the same named parties, the overlap share when they overlap, 0.5 when one side names nobody,
    None when named parties conflict (no overlap, or a different named party left on each side)."""
    actors_a, actors_b = _actor_set(a), _actor_set(b)
    if not actors_a or not actors_b:
        return 0.5
    shared_a, shared_b = _shared_parties(a, b), _shared_parties(b, a)
    if not shared_a or (actors_a - shared_a and actors_b - shared_b):
        return None
    return len(shared_a) / len(actors_a | (actors_b - shared_b) | shared_a)


def _date_score(a: Mention, b: Mention) -> float | None:
    if not _dates_overlap(a, b):
        return None
    assert a.start and a.end and b.start and b.end
    return 1.0 if (a.start, a.end) == (b.start, b.end) else 0.7


@dataclass(frozen=True)
class Match:
    """Why two reports are one event: a score in (0, 1] (the mean of its parts) and the parts."""

    score: float
    parts: tuple[tuple[str, float, str], ...]  # (criterion, score, what was compared)


def _told_apart_by_date(a: Event, b: Event) -> bool:
    """Two events of one article that its own words date differently ("05.02.2015" and "earlier this week"): the
    article tells them apart, so overlapping windows do not make them one (nor let one of them sit between two
    articles' reports of the same event, which would keep both apart)."""
    ta, tb = a.time, b.time
    return bool(ta and tb and ta.text and tb.text and (ta.start, ta.end) != (tb.start, tb.end))


def _undated_ok(a: Mention, b: Mention) -> bool:
    """A report without its own date joins only on an exact place name and the same named actors."""
    if _dated(a) and _dated(b):
        return True
    la, lb = a.event.location, b.event.location
    exact = bool(la and lb and _norm(la.name) and _norm(la.name) == _norm(lb.name)
                 and la.geo_precision == lb.geo_precision == GeoPrecision.EXACT)
    actors = _actor_set(a.event)
    return exact and bool(actors) and actors == _actor_set(b.event)


# Sub-types of two event types that outlets swap for one incident: an attack on soldiers is a clash in one report
# ("JNIM attacked a military post") and an attack in another; an air strike that killed civilians is an attack on
# them in another. Across types the reports must share more: the same named party or the same toll; a clash and
# an air strike also both name an aircraft ("Russian jets struck the edge of Sarmada" typed as a clash), since
# ACLED's clash notes and strike notes of one front and day are two events.
_CROSS_TYPE_SUBTYPES: dict[frozenset[str], bool] = {  # the pair -> whether both sentences must name an aircraft
    frozenset({"armed clash", "attack"}): False,
    frozenset({"air drone strike", "attack"}): False,
    frozenset({"armed clash", "air drone strike"}): True,
}
_CROSS_TYPE_BUCKET = frozenset(s for pair in _CROSS_TYPE_SUBTYPES for s in pair)


def _types_compatible(a: Event, b: Event) -> bool:
    if a.event_type == b.event_type:
        return True
    air = _CROSS_TYPE_SUBTYPES.get(frozenset({_norm(a.sub_event_type), _norm(b.sub_event_type)}))
    if air is None or (air and not (_names_aircraft(a) and _names_aircraft(b))):
        return False
    return bool(_shared_parties(a, b)) or _tolls_agree(a, b)


def _names_aircraft(e: Event) -> bool:
    """Whether the report's sentence names an aircraft or an air strike (`data/dedup/air_words.txt`)."""
    return bool(set(_norm(e.notes).split()) & _data_words("air_words.txt"))


def _tolls_agree(a: Event, b: Event) -> bool:
    """Both reports give deaths, and the same number (within a quarter for large tolls): a detail two reports of
    one event share and two events of one place and day rarely do."""
    fa, fb = a.fatalities, b.fatalities
    if fa is None or fb is None or fa.best <= 0 or fb.best <= 0:
        return False
    return abs(fa.best - fb.best) <= 0.25 * max(fa.best, fb.best)


def _tolls_conflict(a: Event, b: Event) -> bool:
    """One report says nobody was killed ("Neither injuries nor fatalities were reported"), the other gives deaths:
    two occurrences (a sniper's kill beside a quiet exchange of shelling on one frontline that day)."""
    fa, fb = a.fatalities, b.fatalities
    return fa is not None and fb is not None and (fa.best == 0) != (fb.best == 0)


def _corroborated(a: Event, b: Event, place: str) -> bool:
    """Kind, place and day alone do not make one event where one report is placed only by its province or
    district (shelling by each side of one district): then the reports must share a named party or the toll.
    Where neither names a party (crowds, unknown gunmen), they must share the toll or what they are about, and
    not name two different crowds: two protests in one city that day by two groups are two events."""
    if place == "same":
        if _actor_set(a) or _actor_set(b):
            return True
        return (_tolls_agree(a, b) or _topics_agree(a, b)) and not _crowds_differ(a, b)
    return bool(_shared_parties(a, b)) or _tolls_agree(a, b)


def _crowds_differ(a: Event, b: Event) -> bool:
    """Each report names who gathered (`data/dedup/crowd_words.txt`) and they name no one in common: "members of
    indigenous communities" and "a group of 20 musicians" protesting in one city that day are two protests."""
    ca, cb = (set(_norm(e.notes).split()) & _data_words("crowd_words.txt") for e in (a, b))
    return bool(ca and cb) and not {w.rstrip("s") for w in ca} & {w.rstrip("s") for w in cb}


_TOPIC_SHARE = 0.4  # share of the shorter report's topic words the other must hold (two wordings of one protest:
# 0.6 and 0.7 on the hand-written pairs; two protests of one city and day: ~0.2)


def _topics_agree(a: Event, b: Event) -> bool:
    """Whether the two reports' sentences share most of their topic words (`_topic_words`)."""
    wa, wb = _topic_words(a), _topic_words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= _TOPIC_SHARE


def _topic_words(e: Event) -> frozenset[str]:
    """The report's words of four letters or more, cut to six letters ("demanded", "demanding"), less the
    common ones (`data/dedup/stop_words.txt`), day and month names, and its place's names."""
    skip = _data_words("stop_words.txt")
    place = set(_norm(" ".join(_names(e.location))).split()) if e.location else set()
    words = re.findall(r"[a-z]{4,}", e.notes.lower())
    return frozenset(w[:6] for w in words if w not in skip and w not in place and not _calendar_word(w))


@lru_cache(maxsize=1)
def _sequel_cue() -> re.Pattern[str]:
    """`data/dedup/sequel_cues.txt` as one pattern: the cue (not "the following day"), an optional article, the
    earlier occurrence's noun, and the rest of its clause (to the next comma, stop or bracket)."""
    cues = sorted(_data_words("sequel_cues.txt"), key=len, reverse=True)
    alt = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)
    return re.compile(rf"(?<!\bthe\s)\b(?:{alt})\s+((?:the|a|an)\s+)?([a-z]{{4,}})[^,.;()]*", re.IGNORECASE)


_STEM = 5  # letters two forms of one word share ("clash", "clashes", "clashed")


def _stems(text: str) -> frozenset[str]:
    return frozenset(w[:_STEM] for w in re.findall(r"[a-z]{4,}", text.lower()) if not _calendar_word(w))


def _sequel_parts(e: Event) -> tuple[frozenset[str], frozenset[str]]:
    """The stems of the occurrences the report says its act followed ("after the clash" -> "clash"), and the stems
    of its own words with those clauses cut out. A bare gerund ("withdrew after killing 3 soldiers") is the same
    doer's earlier step of one event, no other occurrence."""
    cue = _sequel_cue()
    nouns = (m.group(2).lower() for m in cue.finditer(e.notes) if m.group(1) or not m.group(2).lower().endswith("ing"))
    before = frozenset(w[:_STEM] for w in nouns if not _calendar_word(w))
    return before, _stems(cue.sub(" ", e.notes))


def _sequel_conflict(a: Event, b: Event) -> bool:
    """One report tells its act as the sequel of an occurrence the other report tells in its own words ("BJP
    members staged demonstrations after the clash" / "residents clashed with a BJP corporator"; "captured Sihal
    following clashes" / "clashes took place in the countryside"): two events, the earlier and the later."""
    (before_a, own_a), (before_b, own_b) = _sequel_parts(a), _sequel_parts(b)
    return bool((before_a & own_b) - own_a) or bool((before_b & own_a) - own_b)


def match(a: Mention, b: Mention, merge_km: float) -> Match | None:
    """The evidence that two reports describe the same real-world event, or None (symmetric)."""
    ea, eb = a.event, b.event
    if ea.kind != eb.kind or not _types_compatible(ea, eb):
        return None
    if not (placed_in_sentence(ea) and placed_in_sentence(eb)):
        return None
    if ea.event_type == eb.event_type and not _subtypes_compatible(ea.sub_event_type, eb.sub_event_type):
        return None
    if a.country and b.country and a.country != b.country:
        return None
    if a.article_id == b.article_id and _told_apart_by_date(ea, eb):
        return None
    dates, place = _date_score(a, b), place_relation(ea.location, eb.location, merge_km, (ea.notes, eb.notes))
    actors = _actor_score(ea, eb)
    if dates is None or place is None or actors is None or not _undated_ok(a, b) or places_conflict(ea, eb):
        return None
    if not _corroborated(ea, eb, place[0]) or _tolls_conflict(ea, eb) or _sequel_conflict(ea, eb):
        return None
    sub = 1.0 if ea.sub_event_type == eb.sub_event_type else 0.8
    parts = (("type", sub, f"{ea.sub_event_type} / {eb.sub_event_type}"),
             ("place", place[1], f"{place[0]}: {_place_text(ea.location)} / {_place_text(eb.location)}"),
             ("date", dates, f"{_span_text(a)} / {_span_text(b)}"),
             ("actors", actors, f"{_actors_text(ea)} / {_actors_text(eb)}"))
    return Match(round(sum(p[1] for p in parts) / len(parts), 3), parts)


def _place_text(loc: Location | None) -> str:
    return loc.name if loc else "-"


def _span_text(m: Mention) -> str:
    if not m.start:
        return "-"
    own = "" if _dated(m) else " (published)"
    return (m.start.isoformat() if m.start == m.end or not m.end else f"{m.start}..{m.end}") + own


def _actors_text(e: Event) -> str:
    return ", ".join(sorted(_actor_set(e))) or "(none named)"


def same_event(a: Mention, b: Mention, merge_km: float) -> bool:
    """Whether two reports describe the same real-world event (symmetric)."""
    return match(a, b, merge_km) is not None


def _candidate_pairs(mentions: Sequence[Mention]) -> Iterable[tuple[int, int]]:
    """Index pairs that could match: same kind and type bucket, overlapping dates (a sweep, not all n² pairs)."""
    buckets: dict[tuple[str, str], list[int]] = {}
    for i, m in enumerate(mentions):
        if m.start and m.end:
            buckets.setdefault((m.event.kind, _type_bucket(m.event)), []).append(i)
    for members in buckets.values():
        members.sort(key=lambda i: mentions[i].start or date.min)
        for pos, i in enumerate(members):
            end = mentions[i].end or date.min
            for j in members[pos + 1:]:
                if (mentions[j].start or date.max) > end:
                    break
                yield i, j


def _type_bucket(event: Event) -> str:
    """What candidate pairs share: the event type, or one bucket for the sub-types matched across types."""
    return "cross-type" if _norm(event.sub_event_type) in _CROSS_TYPE_BUCKET else event.event_type


Apart = frozenset[frozenset[str]]  # pairs of mention ids a user split apart (`eventwire split`)


def article_leads(mentions: Iterable[Mention]) -> dict[str, Mention]:
    """Each article's lead report: the event it flags as main (the smallest such mention id)."""
    leads: dict[str, Mention] = {}
    for m in sorted(mentions, key=lambda m: m.id):
        if m.event.main:
            leads.setdefault(m.article_id, m)
    return leads


def leads_contradict(a: Mention, b: Mention, merge_km: float) -> bool:
    """Whether two articles' lead reports are two different occurrences of one kind on the same days (two towns
    captured, two protests in two cities): then the context the articles share is no evidence of one event."""
    ea, eb = a.event, b.event
    if ea.kind != eb.kind or ea.event_type != eb.event_type or not _dates_overlap(a, b):
        return False
    if not (_town_level(ea.location) and _town_level(eb.location)):
        return False  # a province or country says too little to call two leads different occurrences
    return place_relation(ea.location, eb.location, merge_km, (ea.notes, eb.notes)) is None or places_conflict(ea, eb)


def _town_level(loc: Location | None) -> bool:
    return loc is not None and loc.geo_precision != GeoPrecision.REGION


def _leads_allow(a: Mention, b: Mention, leads: Mapping[str, Mention], merge_km: float) -> bool:
    """Two context reports (neither its article's lead) of articles whose leads contradict do not merge; a lead
    report may still join another article's context (a round-up reports the other article's lead event too)."""
    if a.article_id == b.article_id:
        return True
    la, lb = leads.get(a.article_id), leads.get(b.article_id)
    if la is None or lb is None or a.id == la.id or b.id == lb.id:
        return True
    return not leads_contradict(la, lb, merge_km)


def match_graph(mentions: Sequence[Mention], merge_km: float, apart: Apart = frozenset(),
                leads: Mapping[str, Mention] | None = None) -> list[set[int]]:
    """Adjacency sets of the `match` relation over `mentions`: pairs in `apart` never match, nor reports of two
    articles whose lead reports contradict (`leads`: article id -> lead report; default, from `mentions`)."""
    leads = article_leads(mentions) if leads is None else leads
    adjacent: list[set[int]] = [set() for _ in mentions]
    for i, j in _candidate_pairs(mentions):
        if frozenset((mentions[i].id, mentions[j].id)) in apart:
            continue
        if not _leads_allow(mentions[i], mentions[j], leads, merge_km):
            continue
        if same_event(mentions[i], mentions[j], merge_km):
            adjacent[i].add(j)
            adjacent[j].add(i)
    return adjacent


def _components(adjacent: Sequence[set[int]]) -> list[list[int]]:
    seen: set[int] = set()
    out = []
    for root in range(len(adjacent)):
        if root in seen:
            continue
        stack, members = [root], []
        seen.add(root)
        while stack:
            i = stack.pop()
            members.append(i)
            for j in adjacent[i] - seen:
                seen.add(j)
                stack.append(j)
        out.append(members)
    return out


def _maximal_cliques(nodes: set[int], adjacent: Sequence[set[int]]) -> list[frozenset[int]]:
    """Bron–Kerbosch with pivoting over the subgraph on `nodes`."""
    found: list[frozenset[int]] = []

    def expand(r: set[int], p: set[int], x: set[int]) -> None:
        if not p and not x:
            found.append(frozenset(r))
            return
        pivot = max(p | x, key=lambda u: (len(adjacent[u] & p), -u))
        for v in sorted(p - adjacent[pivot]):
            expand(r | {v}, p & adjacent[v], x & adjacent[v])
            p = p - {v}
            x = x | {v}

    expand(set(), set(nodes), set())
    return found


def _coherent_groups(component: list[int], adjacent: Sequence[set[int]]) -> list[list[int]]:
    """A component as coherent events: its maximal cliques, less the members that fit more than one (alone)."""
    nodes = set(component)
    if all(adjacent[i] >= nodes - {i} for i in nodes):
        return [component]
    cliques = _maximal_cliques(nodes, adjacent)
    seen_in = Counter(i for c in cliques for i in c)
    groups = [sorted(i for i in c if seen_in[i] == 1) for c in cliques]
    return [g for g in groups if g] + [[i] for i in sorted(nodes) if seen_in[i] > 1]


def cluster(mentions: Sequence[Mention], merge_km: float, apart: Apart = frozenset(),
            leads: Mapping[str, Mention] | None = None) -> list[list[Mention]]:
    """The events among `mentions`: coherent groups (every pair matches; a mention fitting two events stays
    alone), each sorted by id, sorted by first id. A pure function of the set of mentions (and of the articles'
    lead reports, `leads`, taken from `mentions` by default)."""
    adjacent = match_graph(mentions, merge_km, apart, leads)
    groups = [[mentions[i] for i in g] for comp in _components(adjacent) for g in _coherent_groups(comp, adjacent)]
    return sorted((sorted(g, key=lambda m: m.id) for g in groups), key=lambda g: g[0].id)


def member_scores(members: Sequence[Mention], merge_km: float) -> dict[str, Match | None]:
    """Each member's weakest match with the others of its event (None for a report alone): why it is there."""
    out: dict[str, Match | None] = {}
    for m in members:
        matches = [x for x in (match(m, o, merge_km) for o in members if o.id != m.id) if x is not None]
        out[m.id] = min(matches, key=lambda x: x.score) if matches else None
    return out


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
