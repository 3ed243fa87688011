"""From a canonical key (or a mention) plus the event's country and date to an ACLED actor name and inter code."""
from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from typing import Any

from ._aliases import find_mentions, lookup
from ._periods import period_for, state_name
from ._tables import (
    KIND_OF_INTER,
    act_codes,
    actor_countries,
    civilian_targets,
    code_key,
    communal,
    generic,
    groups,
    homes,
    leaders,
    mined_inter,
    regions,
    state,
    unidentified_by_country,
    unidentified_cues,
    units,
)

__all__ = ["ActorName", "KIND_OF_INTER", "act_code", "area_actor", "coded_name", "communal_actor", "country_shares", "generic_actor",
           "home_country",
           "leads", "normalise", "regional_name", "resolve_key", "targets_civilians",
           "unidentified_for"]

log = logging.getLogger(__name__)

_GENERIC_ALIASES = {"unknown": "unidentified", "demonstrators": "protesters", "mob": "rioters"}
NO_COUNTRY = "International"  # ACLED's own suffix for actors not tied to one country


@dataclass(frozen=True)
class ActorName:
    name: str  # ACLED-style name, e.g. "Islamic State (Syria)"
    inter: int  # ACLED inter code 1..8
    kind: str  # "state" | "rebel" | "militia" | "identity" | "rioters" | "protesters" | "civilians" | "other"


def generic_actor(kind: str, country: str | None) -> ActorName:
    """"protesters"/"rioters"/"civilians"/"unidentified" (and communal/tribal/clan/gang) -> "Protesters (Syria)"."""
    kind = _GENERIC_ALIASES.get(kind, kind)
    if kind == "gang" and _unknown_here(kind, country):
        kind = "unidentified"  # "drug dealers" in Syria: ACLED has no gangs there, only unidentified armed groups
    spec = generic()["kinds"][kind]
    inter = int(spec["inter"])
    name = spec["name"].format(country=country or NO_COUNTRY)
    if kind == "unidentified" and country in unidentified_by_country():
        name = unidentified_by_country()[country]  # e.g. El Salvador: ACLED mostly writes "Unidentified Gang"
        inter = int(mined_inter().get(name, inter))
    return ActorName(name, inter, KIND_OF_INTER[inter])


def unidentified_for(country: str | None, text: str) -> ActorName | None:
    """The unidentified perpetrator a sentence's words make ACLED name where a country has more than one (a
    "drive-by" killing in Mexico is an "Unidentified Gang"; mined, unidentified_cues.json); None for the default."""
    cues = unidentified_cues().get(country or "", {})
    names = sorted(cues[w] for w in set(re.findall(r"[a-z]{3,}", text.lower())) if w in cues)
    if not names:
        return None
    name = max(names, key=names.count)
    inter = int(mined_inter().get(name, generic()["kinds"]["unidentified"]["inter"]))
    return ActorName(name, inter, KIND_OF_INTER[inter])


def regional_name(name: str, country: str | None, admin1: str | None) -> str | None:
    """ "Protesters (Northern Ireland)": the name of a country's crowd where ACLED names it after the province
    (mined, regions.json); None where it keeps the country's name."""
    suffix = f" ({country})"
    if admin1 in regions().get(country or "", []) and name.endswith(suffix):
        return f"{name.removesuffix(suffix)} ({admin1})"
    return None


def communal_actor(country: str | None, places: dict[str, str | None]) -> ActorName | None:
    """ "Tafas Communal Militia (Syria)": where ACLED names communal militias after a place of the event (which
    field, per country, is mined: communal.json); `places` maps "location", "admin1", "admin2" to names."""
    place = places.get(communal().get(country or "", ""))
    if not place:
        return None
    inter = int(generic()["kinds"]["communal"]["inter"])
    return ActorName(f"{place} Communal Militia ({country})", inter, KIND_OF_INTER[inter])


def _unknown_here(kind: str, country: str | None) -> bool:
    """Whether ACLED's data names this kind of generic actor in no event of a country it otherwise covers."""
    known = mined_inter()
    here = generic()["kinds"]["unidentified"]["name"].format(country=country)
    return country is not None and here in known and generic()["kinds"][kind]["name"].format(country=country) not in known


def _state_inter(force_country: str, country: str | None) -> int:
    """ACLED codes a state's forces 1 at home and 8 (external) abroad."""
    return 1 if country is None or country == force_country else 8


_GENDARMES = re.compile(r"\bgendarm", re.I)
_GENDARMERIE_NAME = re.compile(r"^(Military|Police) Forces of (.+?) \(\d{4}-(?:\d{4})?\) Gendarmerie$")


@lru_cache(maxsize=1)
def _gendarmerie_forces() -> dict[str, str]:
    """Country -> "Military" or "Police": the state force ACLED's train rows file the country's gendarmerie under
    ("Police Forces of Burkina Faso (2015-) Gendarmerie", "Military Forces of Cameroon (1982-) Gendarmerie"), read
    from the mined names of actor_inter.json; a country without such a row keeps its gendarmes as its military."""
    votes: dict[str, Counter[str]] = {}
    for name in mined_inter():
        m = _GENDARMERIE_NAME.match(name)
        if m:
            votes.setdefault(m.group(2), Counter())[m.group(1)] += 1
    return {c: v.most_common(1)[0][0] for c, v in votes.items()}


def _state(force: str, force_country: str, country: str | None, when: date | None) -> ActorName:
    return ActorName(state_name(force, force_country, when), _state_inter(force_country, country), "state")


def _group_spec(g: dict[str, Any], country: str | None, when: date | None, admin1: str | None) -> dict[str, Any]:
    for alt in g.get("renamed", []):
        applies = not alt.get("countries") or country is None or country in alt["countries"]  # unknown: not ruled out
        in_area = not alt.get("admin1") or _place_key(admin1) in {_place_key(a) for a in alt["admin1"]}
        if when is not None and when.isoformat() >= alt["from"] and applies and in_area:
            return {**g, **alt}
    return g


def _place_key(name: str | None) -> str:
    return "".join(ch for ch in (name or "").lower() if ch.isalnum())


def _group(gid: str, country: str | None, when: date | None, admin1: str | None = None) -> ActorName | None:
    g = _group_spec(groups()[gid], country, when, admin1)
    if country and g.get("only_in") and country not in g["only_in"]:
        return None
    template = g.get("by_country", {}).get(country or "", g["name"])
    force_country = g.get("state_country")
    period = g.get("period_override") or (period_for(force_country, when) if force_country else None)
    name = template.format(country=country or NO_COUNTRY, period=period or "")
    if g["kind"] == "state" and force_country:
        return ActorName(name, _state_inter(force_country, country), "state")
    inter = int(mined_inter().get(name, g["inter"]))
    return ActorName(name, inter, g["kind"])


@lru_cache(maxsize=1)
def _area_renamed() -> tuple[str, ...]:
    """The few groups renamed by province (the check runs for every actor of every event)."""
    return tuple(gid for gid, g in groups().items() if any(alt.get("admin1") for alt in g.get("renamed", [])))


def area_actor(name: str, country: str | None, admin1: str | None, when: date | None) -> ActorName | None:
    """The name a group resolved as `name` takes in this province, where ACLED codes it by area (Turkish-backed
    factions in Al Hasakeh and Ar Raqqa from October 2019 are "Operation Peace Spring"); None where it does not."""
    if not admin1:
        return None
    for gid in _area_renamed():
        plain = _group(gid, country, when)
        if plain is not None and plain.name == name:
            local = _group(gid, country, when, admin1)
            return local if local is not None and local.name != name else None
    return None


def home_country(key: str, when: date | None = None, surface: str = "") -> str | None:
    """The one country the actor a key stands for fights in ("group:sdf" -> Syria), or None if it is not one."""
    actor = resolve_key(key, None, when, surface)
    return homes().get(actor.name) if actor is not None else None


def country_shares(name: str) -> dict[str, float]:
    """The countries the ACLED actor `name` acts in, each with its share of the actor's rows (mined,
    actor_countries.json; {} where it has too few rows)."""
    return actor_countries().get(name, {})


def act_code(act: str, inter1: int, inter2: int, killed: bool) -> str | None:
    """The sub-event type ACLED gives a note that tells an act ("arrest", "abduction") by actors of these inter
    codes (0: none named), mined (arrest_codes.json, abduction_codes.json); where these actors are too rare, what
    it gives the act done to this actor2 by anyone. Only state forces arrest and an arrest kills no one; an
    abduction of armed men is a clash, one that kills is the killing."""
    codes = act_codes(act)
    return codes.get(code_key(inter1, inter2, killed)) or codes.get(code_key("*", inter2, killed))


def targets_civilians(sub_event_type: str) -> bool:
    """Whether ACLED names civilians as actor2 of this sub-event type unless someone else is named (mined)."""
    return sub_event_type in civilian_targets()


def leads(leader: str, follower: str) -> bool:
    """Whether ACLED names `leader` as actor1/actor2 and `follower` as its associate when both stand on one side
    ("Operation Peace Spring" over Turkey's forces that back it; mined, leaders.json)."""
    return leader in leaders().get(follower, [])


def coded_name(name: str, sub_event_type: str) -> ActorName | None:
    """The actor ACLED puts in actor1/actor2 where a sentence's main actor is `name`, or None if it is `name`
    itself: an actor that ACLED lists almost only as an associate gives way to the one it stands beside (the
    regime's air defence force to its ground forces, reconciled "former rebels" to an unidentified armed group),
    and bare state forces take the unit their country is coded under for the type (Russian air strikes)."""
    table = units()
    unit = table["default"].get(name, {}).get(sub_event_type)
    coded = table["stand_in"].get(name) or (f"{name} {unit}" if unit else None)
    if coded is None:
        return None
    inter = int(mined_inter().get(coded, mined_inter().get(name, 1)))
    return ActorName(coded, inter, KIND_OF_INTER[inter])


_EITHER_JOIN = " and/or "


def either_key(first: str, second: str) -> str:
    """The key of "A and/or B" ("JNIM and/or ISGS militants"): one actor, as ACLED names it when a source cannot
    tell which of two groups acted ("JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater
    Sahara)")."""
    return f"either:{first}{_EITHER_JOIN}{second}"


@lru_cache(maxsize=1)
def _groups_of_name() -> dict[str, frozenset[str]]:
    """Every name a group goes by (per country, per period) -> the ids of the groups that go by it."""
    out: dict[str, set[str]] = {}
    for gid, g in groups().items():
        renamed = (alt["name"] for alt in g.get("renamed", []) if "name" in alt)
        for name in (g["name"], *g.get("by_country", {}).values(), *renamed):
            out.setdefault(name, set()).add(gid)
    return {name: frozenset(ids) for name, ids in out.items()}


@lru_cache(maxsize=1)
def _either_orders() -> frozenset[tuple[str, str]]:
    """The (first, second) groups of ACLED's mined "A and/or B" names, by group rather than by name: a pair is
    named in one order whatever either group was called that year ("JNIM ... and/or Islamic State (Sahel)" puts
    JNIM first before ISGS became IS Sahel too). A name no group table has stands for itself."""
    ids = _groups_of_name()
    pairs = (name.split(_EITHER_JOIN, 1) for name in mined_inter() if _EITHER_JOIN in name)
    return frozenset((x, y) for a, b in pairs for x in ids.get(a, {a}) for y in ids.get(b, {b}))


def _either(rest: str, country: str | None, when: date | None) -> ActorName | None:
    first, _, second = rest.partition(_EITHER_JOIN)
    a, b = resolve_key(first, country, when), resolve_key(second, country, when)
    if a is None or b is None or a.name == b.name:
        return a or b
    pair = tuple(key.partition(":")[2] if key.startswith("group:") else actor.name
                 for key, actor in ((first, a), (second, b)))
    if pair[::-1] in _either_orders() and pair not in _either_orders():  # ACLED names a pair in one order
        a, b = b, a  # ("ISGS or JNIM militants" is "JNIM ... and/or Islamic State (Greater Sahara)")
    name = f"{a.name}{_EITHER_JOIN}{b.name}"
    return ActorName(name, int(mined_inter().get(name, min(a.inter, b.inter))), a.kind)


def resolve_key(key: str, country: str | None = None, when: date | None = None, surface: str = "") -> ActorName | None:
    """The ACLED actor a canonical key (from `alias_patterns`/`find_mentions`, or `either_key`) stands for in this
    event."""
    prefix, _, rest = key.partition(":")
    if prefix == "either":
        return _either(rest, country, when)
    if prefix == "group":
        return _group(rest, country, when)
    if prefix == "generic":
        return generic_actor(rest, country)
    if prefix == "tribe":
        tribe, _, kind = rest.partition("|")
        inter = int(generic()["kinds"]["tribal"]["inter"])
        return ActorName(f"{tribe} {kind} Militia ({country or NO_COUNTRY})", inter, KIND_OF_INTER[inter])
    if prefix == "local":
        inter = int(mined_inter().get(rest, mined_inter().get(groups()["pdf_myanmar"]["name"], 2)))
        return ActorName(rest, inter, KIND_OF_INTER[inter])
    if prefix in ("military", "police"):
        force_country = rest or country or state()["context_military_default"].get(surface.strip().lower())
        if not force_country:
            return None
        force = _gendarmerie_forces().get(force_country) if _GENDARMES.search(surface) else None
        if force is not None:  # "shot dead by gendarmes" in Burkina Faso: its police's gendarmerie
            base = _state(force, force_country, country, when)
            return ActorName(f"{base.name} Gendarmerie", base.inter, base.kind)
        return _state(prefix.capitalize(), force_country, country, when)
    log.debug("unknown actor key %r", key)
    return None


def _known_acled_name(mention: str) -> ActorName | None:
    inter = mined_inter().get(mention.strip())
    return ActorName(mention.strip(), int(inter), KIND_OF_INTER[int(inter)]) if inter else None


def normalise(mention: str, country: str | None = None, when: date | None = None) -> ActorName | None:
    """ACLED name for an actor mention ("IS", "regime forces", "U.S. jets"), given the event's country and date."""
    key = lookup(mention)
    if key is None:
        known = _known_acled_name(mention)
        if known:
            return known
        hits = find_mentions(mention)
        if not hits:
            return None
        start, end, key = max(hits, key=lambda h: h[1] - h[0])
        mention = mention[start:end]
    return resolve_key(key, country, when, mention)
