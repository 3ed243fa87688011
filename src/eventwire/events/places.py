"""Where an event happened: place names found by gazetteer look-up, relative places, and the choice among them."""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from eventwire.geo._math import DISTANCE_PATTERN, haversine_km
from eventwire.models import GeoPrecision, Location, Span
from eventwire.settings import data_path

__all__ = ["PlaceMention", "find_place_mentions", "choose_location", "location_from_mention", "place_names"]

_PARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|an|ed|er|es|ez|ibn|bin|bani|beni|abu|um|umm|de|del|della|di|da|do|dos|du|des|la|le|van|von)"
_WORD = r"[A-Z][\w'’]*(?:-[\w'’]+)*"
_NAME = re.compile(
    # a lower-case particle other than al/el starts a name only when hyphenated: "at-Tall", not "at Ranbir Singh Pura"
    r"(?<![\w-])(?:(?:al|el|Al|El)[-\s]|" + _PARTICLE + r"-|(?:St|Ste|Mt|Ft)\.\s)?" + _WORD + r"(?:(?:\s|-)(?:(?:" + _PARTICLE + r"|of|upon|on)[-\s]){0,2}" + _WORD + r")*"
)
_HYPHEN_PAIR = re.compile(r"(?:^|(?<=-))[A-Z](?:[^-]|-(?![A-Z]))*")
_PARTICLE_END = re.compile(r"-" + _PARTICLE + r"$", re.I)
_SPACED_PARTICLE_END = re.compile(r"\s" + _PARTICLE + r"$", re.I)
_COMPOUND = re.compile(r"(?<![\w-])(" + _WORD + r"(?:\s(?:(?:de|do|da|del)\s)?" + _WORD + r")*) - (" + _WORD +
                       r"(?:\s(?:" + _PARTICLE + r"\s)?" + _WORD + r")*)")
_OF_BEFORE = re.compile(r"(?:(?<!village )(?<!town )(?<!city )(?<!district )(?<!outskirts )\bof|\bfrom)\s+(?:the\s+)?$",
                        re.I)
# "the annexation of Crimea", "the governor of Kursk", "IDPs from Aleppo" name a place, not where the event was
_WEAK_INTRO = 0.5
_BEFORE_EXACT = re.compile(r"(?:\b(?:in|at|into|inside|over|across|throughout|from|to|of|hit|struck|targeted|shelled|bombed|captured|entered|"
                           r"village of|town of|city of|neighbou?rhood of|district of|outskirts of)\s+(?:the\s+)?$)", re.I)
# "on the outskirts of X" is not "near": ACLED codes 172 of 206 such train notes at X itself (precision 1); the
# counts behind these cues: scripts/location_precision_cues.py
_BEFORE_NEAR = re.compile(r"(?:\b(?:near|outside|around|vicinity of|close to|north of|south of|east of|west of|"
                          r"northeast of|northwest of|southeast of|southwest of|countryside of|(?:eastern|western|northern|southern) countryside of|"
                          r"frontlines? of|axis of|axis|line|between|area of|direction of|desert of|badia of|surroundings of|surrounding|"
                          r"rural)\s+(?:the\s+)?$)", re.I)
_AFTER_NEAR = re.compile(r"\s+(?:town\s+|city\s+|village\s+)?(?:countryside|outskirts|surroundings|vicinity|frontlines?|axis|axes|"
                         r"fronts?|area|environs|road|highway|township|municipality|sub-?district|district|badia|farms)\b", re.I)
def _word_list(name: str) -> frozenset[str]:
    path = data_path("geo", name)
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _area_words() -> list[str]:
    return sorted(_word_list("area_words.txt"), key=len, reverse=True)


@functools.lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Verbs after a name that make it who speaks ("Moscow said", "Kerry discusses"): data/geo/speech_verbs.txt."""
    return _word_list("speech_verbs.txt")


@functools.lru_cache(maxsize=1)
def actor_words() -> frozenset[str]:
    """Words after a country's name or nationality that make it who acts or speaks ("Turkish troops", "Russia
    says"): data/geo/actor_words.txt and the speech verbs."""
    return _word_list("actor_words.txt") | speech_verbs()


# "the Sokhneh badia", "the Qalamoun mountains": near the place (words in data/geo/area_words.txt)
_AFTER_AREA = re.compile(r"\s+(?:" + "|".join(map(re.escape, _area_words()) or ["(?!)"]) + r")\b", re.I)
_AFTER_REGION = re.compile(r"\s+(?:province|governorate|region|state|oblast|district|county|prefecture|department)\b", re.I)
_RELATION = re.compile(
    r"(?:(?<![\w.,])(" + DISTANCE_PATTERN + r")\s+)?"
    r"(north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)?"
    r"\s+of\s+(?:the\s+(?:city|town|village)\s+of\s+)?$",
    re.I,
)
_SETTLEMENT_WORD = (r"(?:(?:rural\s+)?(?:villages?|towns?|city|area|areas|fronts?|frontlines?|axis|axes|lines?|farms?|"
                    r"camps?|district|neighbou?rhood|region|subdistrict|sub-district|countryside|outskirts|vicinity|"
                    r"surroundings|desert|plain|road|bridge|highway|checkpoint|crossing|junction|roundabout|"
                    r"mountains?|valley|dam|township|municipality|badia|square|park|street|market|community|commune))")
# "X in Y", "X village in the countryside of Y", "Azaz city and area in Aleppo"
_IN_CONTAINER = re.compile(
    r"\s+(?:" + _SETTLEMENT_WORD + r"\s+(?:and\s+)?){0,2}(?:and its (?:vicinity|surroundings|countryside)\s+)?(?:located\s+)?(?:in|of|within)\s+"
    r"(?:the\s+)?(?:[A-Z][\w-]+['’]s\s+)?"  # "in Syria's Idlib province"
    r"(?:rural\s+)?(?:(?:north|south|east|west)(?:ern|-?(?:east|west)(?:ern)?)?\s+)?(?:countryside\s+of\s+|outskirts\s+of\s+)?",
    re.I)
_UNKNOWN_BEFORE = re.compile(r"(?<![\w-])(" + _WORD + r"(?:\s" + _WORD + r")*)(?i:\s+(" + _SETTLEMENT_WORD +
                             r"|corregimiento|locality|barangay))?(?:\s*\(\s*|\s*,\s*|(?i:" + _IN_CONTAINER.pattern + r"))$")
_NEAR_UNIT = re.compile(r"(?:rural\s+)?(?:area|areas|fronts?|frontlines?|axis|axes|lines?|countryside|outskirts|vicinity|"
                        r"surroundings|desert|badia|plain|road|highway|mountains?|valley|township|municipality|district|"
                        r"sub-?district|farms?|corregimiento|locality)", re.I)
_BRACKET_END = re.compile(r"\s*\)")
_CITY_AFTER = re.compile(r"\s+city\b", re.I)
_NAMED_SETTLEMENT = re.compile(r"\s+(?:town|village|city|camp)\b", re.I)
_SETTLED_NAME = re.compile(r"\b(?:village|town|city) of (" + _WORD + r"(?:\s" + _WORD + r")*)|(" + _WORD +
                           r"(?:\s" + _WORD + r")*) (?:village|town)\b")
_PAREN_OPEN = re.compile(r"(?:\s+" + _SETTLEMENT_WORD + r")?\s*\(", re.I)
_ADMIN_UNIT = re.compile(r"\s+(?:township|district|sub-?district|municipality|county|province|governorate|state|region)\b",
                         re.I)
_UNIT_COMMA = re.compile(r"(?:\s+" + _SETTLEMENT_WORD + r")?\s*,\s*", re.I)
# an unknown territory between a town and its region: "Mokambo, Mahagi, Ituri"
_UNKNOWN_BETWEEN = re.compile(r"\s*,\s*(" + _WORD + r"(?:\s" + _WORD + r")*)\s*,\s*")
_LIST_BEFORE = re.compile(r",\s*$")
_LIST_AFTER = re.compile(r"\s*(?:,|and)\s*[A-Z]")
_FEATURE_SCORE = {"city": 3.0, "alias": 3.0, "admin1": 1.5, "country": 0.5}
_CONTAINER_PENALTY = 2.0
_FOREIGN_PENALTY = 2.0
_SPEAKER_PENALTY = 2.0
_CONTAINED_BONUS = 0.5
_REGIONAL_BEFORE = re.compile(r"\b(?:countryside|desert|province|governorate|rural|(?:north|south|east|west)\w*)\s+"
                              r"(?:of\s+)?(?:the\s+)?$", re.I)
_REGIONAL_AFTER = re.compile(r"\s+(?:countryside|province|governorate|desert|region)\b", re.I)
_REGIONAL_PENALTY = 1.5
_DEATHS_BEFORE = re.compile(r"\b(?:kill(?:s|ed|ing)?|dead|died|deaths?)\b[^.,;:]{0,40}?\b(?:in|at|near|outside)\s+(?:the\s+)?$",
                            re.I)
_DEATHS_BONUS = 0.5
_FACILITY_END = re.compile(r"\s(?:Park|Square|Street|Avenue|Road|Hall|Stadium|Mall|Hotel|Market|Bridge|Station|Plaza|"
                           r"Cent(?:er|re)|Theat(?:er|re)|Tower|Gate|Palace|Church|Mosque|Temple|Garden|Gardens)$")
# the rest of a facility's name after the town it is named for: "Donetsk [International Airport]", "Hmeimim [Air Base]"
_SITE_REST = re.compile(r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:Airport|Airbase|Base|Camp|Prison|University|Stadium)")
_POSSESSIVE = re.compile(r"['’]s$")
_UNPOSSESSIVE = re.compile(r"['’]?s$")
_BORDER_WITH = re.compile(r"\bborders? (?:with|of) (?:the )?$", re.I)
_NAMED_BEFORE = re.compile(r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)\s*\(\s*$")
_FOLLOWING_REGION = re.compile(r"(?i:\s+" + _SETTLEMENT_WORD + r")?\s*(?:\(([^()]{3,120})\)|,\s*(" + _WORD +
                               r"(?:\s(?:(?:de|del|la)\s)?" + _WORD + r")*))")
_CITY_REF = re.compile(r"\bthe (?:[A-Z]\w+ )?(city|town|village)\b(?! of)")
_NON_PLACE = {"The", "A", "An", "On", "In", "At", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
              "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December", "He", "She", "They", "It", "We", "Reuters", "There", "This", "That"}


@dataclass
class PlaceMention:
    start: int
    end: int
    text: str
    place: object  # eventwire.geo.Place
    precision: GeoPrecision
    relation: str | None = None
    score: float = 0.0
    lat: float | None = None
    lon: float | None = None
    anchored: bool = False  # confirmed by a container named with it ("Nawa town in Dar'a countryside")


def _candidates(text: str, start: int, end: int):
    """(start, end, name, part, whole_end) for each capitalised name and, after it, its shorter forms; `part` marks
    a sub-span of a longer name, which is trusted less; `whole_end` is where the whole name ends."""
    for m in _NAME.finditer(text, start, end):
        words = m.group().split()
        yield m.start(), m.end(), m.group(), False, m.end()
        pieces = list(_HYPHEN_PAIR.finditer(m.group()))
        if len(pieces) == 2 and not any(_PARTICLE_END.search(p.group()) for p in pieces):  # not "Deir-ez" + "Zor"
            # "Jalbul-Ibbin frontline", "Um Walad-Mseifra road": ACLED codes the first of the pair, in the pair's
            # place; not the "Aleppo-Hama-Ar-Raqqa triangle"
            for before, piece in zip([None, *pieces], pieces):
                if _SPACED_PARTICLE_END.search(piece.group()):
                    continue  # "Wadi al" of "Wadi al-Zahab" is no name
                # "Numan" of "Maarat al-Numan" follows a particle: a piece of one name, trusted like a sub-span
                after_particle = before is not None and _SPACED_PARTICLE_END.search(before.group()) is not None
                yield m.start(), m.end(), piece.group(), after_particle, m.end()
        if len(words) > 1 and not _FACILITY_END.search(m.group()):
            # sub-spans, longest first, so "Syrian city" does not hide "Raqqa"; but "Miller" of "Miller Park" is none
            offsets = [mm.start() + m.start() for mm in re.finditer(r"\S+", m.group())]
            for n in range(len(words) - 1, 0, -1):
                for i in range(len(words) - n + 1):
                    s = offsets[i]
                    e = offsets[i + n - 1] + len(words[i + n - 1])
                    yield s, e, text[s:e], True, m.end()


_LOWER_TAIL = re.compile(r"\s([a-z][a-z'’]+(?:-[a-z'’]+)*)")


def _lower_tails(text: str, start: int, end: int, gazetteer):
    """A name whose second word news wrote in lower case: "Deir ezzor", "Ras al-ain" (the tail no common word)."""
    for m in _NAME.finditer(text, start, end):
        tail = _LOWER_TAIL.match(text, m.end(), end)
        if not tail or tail.group(1) in _common_words():
            continue
        for word in re.finditer(r"\S+", m.group()):  # the longest that is a place: not "Syrias" of "Syrias Deir"
            s = m.start() + word.start()
            if gazetteer.is_place(text[s:tail.end()]):
                yield s, tail.end(), text[s:tail.end()], False, tail.end()
                break


def _compounds(text: str, start: int, end: int, gazetteer):
    """ACLED's compound locations, a town and its part: "Rio de Janeiro - North Zone", "Seoul City - Jongno".  The
    pair is one mention when ACLED codes it so, or when its second half is no place of its own (a district, not
    the other end of an "Aleppo - Damascus" road)."""
    for m in _COMPOUND.finditer(text, start, end):
        whole, part = m.group(), m.group(2)
        if gazetteer.is_acled_location(whole) or (gazetteer.is_place(m.group(1)) and not gazetteer.is_place(part)):
            yield m.start(), m.end(), whole, False, m.end()


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Words news writes in lower case (mined by scripts/build_common_words.py): "Metro" or "Parks" is no town."""
    path = data_path("common_words.txt")
    return frozenset(path.read_text(encoding="utf-8").split()) if path.exists() else frozenset()


def _town_of(gazetteer, name: str, country: str | None) -> bool:
    """Whether `name` is a known place, in the article's country where that is known: a region closing brackets
    ("Kerboule (Nassoumbou, Soum)") is the country's district, not a town of that name abroad (Soum, Senegal)."""
    if not gazetteer.is_place(name):
        return False
    if country is None or gazetteer.admin1_region(name, country, True) is None:
        return True
    found = gazetteer.lookup(name, country)
    return bool(found) and found[0].country == country and found[0].feature in ("city", "alias")


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")


@functools.lru_cache(maxsize=8)
def _lower_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case (memoised per article: its places are looked up sentence by sentence)."""
    return frozenset(_LOWER_WORD.findall(text))


def _nearest_homonym(places: list, country: str | None, near: tuple[float, float] | None):
    """The best-ranked place, or, where the article's country has towns of that name in several provinces, the
    one nearest where the article is."""
    home = [p for p in places if p.country == country and p.feature in ("city", "alias")]
    if near is None or places[0] not in home or len({p.admin1 for p in home}) < 2:
        return places[0]
    return min(home, key=lambda p: haversine_km(p.lat, p.lon, *near))


def _title_cased_rest(text: str, e: int, whole_end: int) -> bool:
    """The rest of a longer capitalised name is only words news writes in lower case: a headline's title case
    ("Tell Abyad Bomb Attack"), so the leading name is a name of its own, not a piece of an unknown one."""
    rest = text[e:whole_end].split()
    return bool(rest) and all(w.lower() in _common_words() for w in rest)


def place_names(text: str, start: int, end: int, gazetteer,
                blocked: list[tuple[int, int]] = ()) -> list[tuple[str, bool]]:  # type: ignore[assignment]
    """The place names in text[start:end], longest first and not overlapping, without looking them up: enough to
    tell which country an article is about, at a fraction of `find_place_mentions`' cost.  Each comes with
    whether it is only part of a longer capitalised name ("Amran" of "Jeb Amran"), which says less.  Not inside
    `blocked` spans (actor names: "Boko" of "Boko Haram" is a town in Benin), as `find_place_mentions` reads them."""
    names: list[tuple[str, bool]] = []
    taken: list[tuple[int, int]] = []
    for s, e, name, part, whole_end in [*_compounds(text, start, end, gazetteer), *_candidates(text, start, end)]:
        part = part and not _title_cased_rest(text, e, whole_end)
        name = _POSSESSIVE.sub("", name).strip("'’")
        if name in _NON_PLACE or len(name) < 3 or any(s < b and a < e for a, b in taken):
            continue
        if any(s < be and bs < e for bs, be in blocked) and not _named_facility(s, e, blocked, name, gazetteer):
            continue
        if " " not in name and "-" not in name and name.lower() in _common_words():
            continue
        if gazetteer.is_place(name) and not _not_where(text, s, e):  # not the reporter's dateline
            taken.append((s, e))
            names.append((name, part))
    return names


def find_place_mentions(text: str, start: int, end: int, gazetteer, country: str | None,
                        blocked: list[tuple[int, int]], near: tuple[float, float] | None = None) -> list[PlaceMention]:
    """Gazetteer places named in text[start:end], outside `blocked` spans (actor and organisation names); a name
    with homonyms in several provinces of `country` is read as the one nearest `near` (where the article is)."""
    from eventwire import geo

    found: list[PlaceMention] = []
    taken: list[tuple[int, int]] = []
    unknown: list[tuple[int, int, str]] = []  # names introduced as places that no exact key knows
    for s, e, name, part, whole_end in [*_compounds(text, start, end, gazetteer), *_lower_tails(text, start, end, gazetteer),
                                        *_candidates(text, start, end)]:
        name = _POSSESSIVE.sub("", name).strip("'’")  # "Hadideh's bridge"
        if name in _NON_PLACE or len(name) < 3 or any(s < be and bs < e for bs, be in taken):
            continue
        if _not_where(text, s, e):
            continue
        inside_blocked = any(s < be and bs < e for bs, be in blocked)
        site = inside_blocked and _site_town(text, s, e, blocked)  # a site's town lies inside its blocked name
        if inside_blocked and not site and not _named_facility(s, e, blocked, name, gazetteer):
            continue
        part = part and not site  # "Kramatorsk" of "Kramatorsk Airport" is a name of its own
        if " " not in name and "-" not in name and name.lower() in _lower_words(text) \
                and not _introduced_as_place(text, s, e):
            continue  # "Sarin nerve gas used in Syria" where the article writes "sarin": a word, not the village
        if " " not in name and "-" not in name and name.lower() in _common_words() and not (
                _NAMED_SETTLEMENT.match(text, e) and gazetteer.is_acled_location(name)) and not (
                (_BRACKET_END.match(text, e) or _AFTER_REGION.match(text, e))
                and gazetteer.admin1_region(name, country) is not None):
            # but "Hole camp", "Hole town", "Plateau state", the region closing "(West Shewa, Oromia)" are places;
            # "(North)" in a Myanmar article is a village's part, not Lebanon's North governorate
            continue
        region = _AFTER_REGION.match(text, e, min(len(text), e + 20))
        place = gazetteer.admin1_region(name, country, districts=True) if region else None
        if place is None and _BRACKET_END.match(text, e) and not _town_of(gazetteer, name, country):
            # "(Fafan, Somali)": a region named like a nationality is a place where it closes the brackets; so is
            # a district ("(Nassoumbou, Soum)")
            place = gazetteer.admin1_region(name, country, True) or gazetteer.admin1_region(name, None, True)
            region = bool(place)
        if place is None:
            if not gazetteer.is_place(name):
                if (not part or _leading_part(text, s, e) or _title_cased_rest(text, e, whole_end)) and country is not None \
                        and _introduced_as_place(text, s, e) and gazetteer.country(name) is None:
                    unknown.append((s, e, name))  # not "Syrian" of "near the Syrian town of al-Bab"
                continue
            places = gazetteer.lookup(name, country)
            if not places:
                continue
            place = _nearest_homonym(places, country, near)
            if part and _region_abroad_follows(text, whole_end, place, gazetteer):
                # "In Saltillo, Coahuila": the homonym in the region that follows, not the one nearest the article
                place = next((p for p in places if not _region_abroad_follows(text, whole_end, p, gazetteer)), None)
            if part and (place is None or country is not None and place.country != country):
                continue  # "Pedro" of the unknown "Pedro de Valdivia (Biobio)" is no town in Costa Rica
        if place.feature == "country" and _BORDER_WITH.search(text, max(0, s - 30), s):
            continue  # "a camp on the border with Iraq": the border, on either side, is no place in Iraq
        taken.append((s, e))
        found.append(_mention(text, s, e, name, place, bool(region), geo))
        if site and place.feature in ("city", "alias"):
            found[-1].precision = max(found[-1].precision, GeoPrecision.NEAR)
    found += _variant_mentions(text, unknown, found, gazetteer, country)
    found += _capital_mentions(text, start, end, gazetteer, country, taken)
    if not found:
        found = _spelling_variant(text, start, end, gazetteer, country, blocked)
    found.sort(key=lambda p: p.start)
    for m in found:
        if _regional(text, m, gazetteer, country):
            m.score -= _REGIONAL_PENALTY
    found = _apply_containers(text, found, gazetteer, country)
    found = _possessive_containers(text, found, gazetteer)
    for a, b in zip(found, found[1:]):
        if b.anchored and text[a.end:b.start] == " - ":
            # ACLED's "Al Quds - Bayt Hanina town (Al Quds, West Bank)": the city names the part, the part confirmed
            # by its region is where the event was (in the part's region, not the Israeli Jerusalem)
            a.score -= _CONTAINER_PENALTY
    if any(m.place.country == country for m in found):
        beside_town = any(m.place.country == country and m.place.feature != "country" for m in found)
        found = [m for m in found if not (_stray_homonym(m, country) and (
            beside_town or not _BEFORE_EXACT.search(text, max(0, m.start - 40), m.start)))]
    for m in found:
        if _foreign(m, country) and not m.anchored:
            m.score -= _FOREIGN_PENALTY
        if _speaks(text, m.end):  # where the speaker is ("the ministry in Moscow said"), not the event
            m.score -= _SPEAKER_PENALTY
        region = gazetteer.admin1_region(m.text, m.place.country) if m.place.feature == "city" \
            and text[:m.start].rstrip().endswith("(") else None
        if (m.precision == GeoPrecision.REGION or region is not None) and not _POSSESSIVE.search(text[m.start:m.end]):
            inside = _unknown_inside(text, m, found, blocked)  # not "Syria" of "X in Syria's Idlib province"
            if inside is not None:
                # the region stands for the unknown town, scored as that town introduced as it is ("in La
                # Haciendita, Chihuahua"); "(Buenos Aires)" after an unknown town is the province, not the capital
                if region is not None:
                    m.place, m.lat, m.lon = region, region.lat, region.lon
                m.precision = inside[0]
                # "Makuku (Sakaba, Kebbi)": Sakaba says more; but "Syria" of "Hass in Syria's Idlib" says less
                if not any(inside[1] < o.start < m.start and o.place.feature != "country" for o in found):
                    m.score = max(m.score, _FEATURE_SCORE["city"]) + _intro_bonus(text[max(0, inside[1] - 40):inside[1]])
    return found


_DATELINE_AFTER = re.compile(r"\s*(?:\([^()]{2,40}\)\s*)?(?:[-—–:]\s*)?[A-Z](?:[a-z]|\s+[A-Za-z])")  # "… A suicide"
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_ACCORDING_TO = re.compile(r"\baccording to (?:the )?$", re.I)


def _not_where(text: str, s: int, e: int) -> bool:
    """A name that is not where anything happened: a dateline inside the text ("MOSCOW (Sputnik) Some 120 ...",
    "BEIRUT A Russian helicopter ...": where the reporter is) or a name that speaks ("Moscow said", "Kerry
    discusses": a government or a person), unless written where a place goes ("officials in Aleppo said")."""
    name = text[s:e]
    if len(name) >= 4 and name.isupper() and _DATELINE_AFTER.match(text, e) \
            and any(ch.islower() for ch in text[e:e + 40]):
        return True
    if _ACCORDING_TO.search(text, max(0, s - 20), s):  # "according to Winfield": a source, a person here
        return True
    return _speaks(text, e) and not _introduced_as_place(text, s, e)


def _speaks(text: str, e: int) -> bool:
    """The name ending at `e` is followed by a speech verb: "Moscow said", "the ministry in Moscow said"."""
    verb = _NEXT_WORD.match(text, e)
    return verb is not None and verb.group(1) in speech_verbs()


_CAPITAL_REF = re.compile(r"\b(?:the (?:([A-Z][\w'’-]+) )?|([A-Z][\w'’-]+) )capital\b(?!\s+(?:of|city of)\b)")


_APPOSITION = re.compile(r"(?:\s+city)?\s*,?\s*")


def _capital_mentions(text: str, start: int, end: int, gazetteer, country: str | None,
                      taken: list[tuple[int, int]]) -> list[PlaceMention]:
    """"near the Syrian capital", "in the capital": the capital city of the nationality named, else of the article's
    country, as if named there (the phrase is its evidence)."""
    from eventwire import geo

    out = []
    for m in _CAPITAL_REF.finditer(text, start, end):
        nationality = m.group(1) or m.group(2)
        # "Syria's capital", and "Syrias capital" where a site's text lost its apostrophes
        named = (gazetteer.country(nationality) or gazetteer.country(_UNPOSSESSIVE.sub("", nationality))) \
            if nationality else country
        place = gazetteer.capital(named) if named else None
        named_after = _APPOSITION.match(text, m.end()).end()  # "the capital city Lashkar Gah of Helmand": that
        if any(a == named_after for a, _ in taken):  # name says which capital, a province's as often as the country's
            continue
        if place is not None and not any(m.start() < b and a < m.end() for a, b in taken):
            out.append(_mention(text, m.start(), m.end(), m.group(), place, False, geo))
    return out


def _intro_bonus(before: str) -> float:
    """How much the words before a name say it is where the event was: "in X" much, "of X" little."""
    if _BEFORE_EXACT.search(before):
        return _WEAK_INTRO if _OF_BEFORE.search(before) else 1.5
    return 0.0


def _region_abroad_follows(text: str, at: int, place, gazetteer) -> bool:
    """Whether the name ending at `at` is followed by the region that contains it ("Mar de Cobo (Buenos Aires)",
    "U Yin Thar village (Wetlet township, Shwebo district, Sagaing region)", "X, Chihuahua") and `place` is not in
    that region: a piece of the name found elsewhere is no place."""
    m = _FOLLOWING_REGION.match(text, at)
    if m is None:
        return False
    names = m.group(1).split(",") if m.group(1) else [m.group(2)]
    for name in reversed(names):  # the region comes last: "(township, district, region)"
        name = name.strip()
        if gazetteer.admin1_region(name) is None:
            continue
        region = gazetteer.admin1_region(name, place.country)
        return region is None or not _within(place.admin1, region.admin1)
    return False


def _unknown_inside(text: str, region: PlaceMention, found: list[PlaceMention],
                    blocked: list[tuple[int, int]]) -> tuple[GeoPrecision, int] | None:
    """"in Sevillano (Magdalena)", "Hseiniyeh town in Rural Damascus governorate" with the town unknown: the region
    stands for it, at the precision the text gives the town (ACLED codes the town, not the region).  Inside
    parentheses the town is the name before them: "Gopeshwar town (Chamoli district, Uttarakhand)"."""
    end = region.start
    opened = text.rfind("(", 0, end)
    if opened > text.rfind(")", 0, end) and opened >= end - 80:
        end = opened + 1
    m = _UNKNOWN_BEFORE.search(text, max(0, end - 80), end)
    if m is None or m.group(1) in _NON_PLACE:
        return None
    a, b = m.span(1)
    if any(a < e and s < b for s, e in [(p.start, p.end) for p in found] + blocked):
        return None
    near = _BEFORE_NEAR.search(text, max(0, a - 40), a) or (m.group(2) and _NEAR_UNIT.fullmatch(m.group(2)))
    return (GeoPrecision.NEAR if near else GeoPrecision.EXACT), a


_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’-]*\s$")
_LOWER_WORD_AFTER = re.compile(r"\s(?:on|of|upon)\s")


def _leading_part(text: str, s: int, e: int) -> bool:
    """The name before a joining word that made one long name of two: "Tel Rifaat" of "Tel Rifaat on Monday"."""
    return not _CAPITALISED_BEFORE.search(text, max(0, s - 30), s) and bool(_LOWER_WORD_AFTER.match(text, e)) \
        and text[s:e].split()[-1][:1].isupper()


def _introduced_as_place(text: str, s: int, e: int) -> bool:
    """Written where a place goes: "in X", "near X", "the village of X", "X village", "X countryside"."""
    before = text[max(0, s - 40):s]
    return bool(_BEFORE_EXACT.search(before) and not _OF_BEFORE.search(before) or _BEFORE_NEAR.search(before)
                or _RELATION.search(before) or _NAMED_SETTLEMENT.match(text, e) or _AFTER_NEAR.match(text, e))


_VARIANT_CONTAINER_CHARS = 80
# consonants of a variant accepted without a container to confirm it: with four, "Bikenge" read as Mbuji Mayi
# (once "Bakwanga")
_MIN_FREE_VARIANT = 5
_MIN_FREE_MAIN_VARIANT = 4  # ... or this many, matching the town's main name
_FREE_VARIANT_PENALTY = 1.0  # an unconfirmed variant loses to an exact name introduced alike
_VARIANT_NEAR_KM = 50.0  # a variant written inside a town's area ("Klero village (..., Semarang regency)") is near it


def _variant_mentions(text: str, unknown: list[tuple[int, int, str]], found: list[PlaceMention], gazetteer,
                      country: str | None) -> list[PlaceMention]:
    """Names written as places that no exact key knows, read as another transliteration of a town of the article's
    country ("Maarat al-Numan", "Tal Rifaat", "Shaddadi").  A region named after the name ("X in Hama province")
    must contain the town; without one the name must be long enough to be unlikely a chance match."""
    from eventwire import geo
    from eventwire.geo._text import skeleton

    out: list[PlaceMention] = []
    taken = [(m.start, m.end) for m in found]
    for s, e, name in unknown:
        if country is None or any(s < b and a < e for a, b in taken):
            continue
        container = next((m.place for m in found if e <= m.start <= e + _VARIANT_CONTAINER_CHARS
                          and m.place.country == country and m.place.admin1 and _written_inside(text[e:m.start])),
                         None)
        places = gazetteer.spelling_variants(name, country, container.admin1 if container else None)
        if container is not None:  # in its region, and near a town written as its container (but "in Idleb" of
            # "the Tamanaah area in Idleb" is the province, wherever in it)
            town = container.feature == "city" and gazetteer.admin1_region(container.name, country) is None
            places = [p for p in places if _within(p.admin1, container.admin1)
                      and (not town or _near(p, container, _VARIANT_NEAR_KM))]
        elif len(skeleton(name)) < _MIN_FREE_VARIANT:  # shorter: only the main name's skeleton ("Deir Ezour")
            key = skeleton(name)
            places = [p for p in places if len(key) >= _MIN_FREE_MAIN_VARIANT and skeleton(p.name) == key]
        if places:
            taken.append((s, e))
            out.append(_mention(text, s, e, name, places[0], False, geo))
            out[-1].anchored = container is not None
            out[-1].score -= 0.0 if container is not None else _FREE_VARIANT_PENALTY
    return out


_NAMED_AFTER = re.compile(r"\s+\w+\s+of\s", re.I)


def _written_inside(gap: str) -> bool:
    """The words between a place and its container: "X in Hama province", "X, Idlib", "X (Aleppo)"; not "the X
    town of Y", where Y is the town's name."""
    if _NAMED_AFTER.match(gap):
        return False
    return bool(_IN_CONTAINER.fullmatch(gap) or _UNIT_COMMA.fullmatch(gap) or _PAREN_OPEN.match(gap) and ")" not in gap)


def _spelling_variant(text: str, start: int, end: int, gazetteer, country: str | None,
                      blocked: list[tuple[int, int]]) -> list[PlaceMention]:
    """Last resort for a sentence that names no known place but a village or town ("captured the village of
    Yalishi"): the place of the article's country with the same consonant skeleton ("Yalishli").  Skeleton matches
    are often a homonym elsewhere, so this only runs where the alternative is no place at all."""
    from eventwire import geo

    if country is None:
        return []
    for m in _SETTLED_NAME.finditer(text, start, end):
        s, e = m.span(1) if m.group(1) else m.span(2)
        if any(s < b and a < e for a, b in blocked):
            continue
        places = [p for p in gazetteer.lookup(text[s:e], country, fuzzy=True)
                  if p.country == country and p.feature in ("city", "alias")]
        if places:
            return [_mention(text, s, e, text[s:e], places[0], False, geo)]
    return []


def _regional(text: str, m: PlaceMention, gazetteer, country: str | None) -> bool:
    """"Aleppo countryside", "the eastern desert of Hama", "rural Damascus": the province, not its capital, so any
    town the sentence names says more about where the event was."""
    return (bool(_REGIONAL_BEFORE.search(text, max(0, m.start - 40), m.start) or _REGIONAL_AFTER.match(text, m.end))
            and gazetteer.admin1_region(m.text, country) is not None)


def _foreign(m: PlaceMention, country: str | None) -> bool:
    """A place outside the article's country: mostly a homonym ("Nashwa" read as Nashua, New Hampshire), a piece of
    an unknown name ("Jum" of "Kafr Jum") or a country named for context ("to protest Russia's invasion of
    Ukraine"), so it only wins where no place of the country is named."""
    return country is not None and m.place.country != country


_STRAY_TOWN_POPULATION = 100_000


def _stray_homonym(m: PlaceMention, country: str | None) -> bool:
    """A small town abroad that no container confirms and ACLED never coded: beside a town or region of the
    article's country (or beside the country's name, unless written "in X") it is a person's or a word's namesake
    ("Kerry", "Winfield", "Noha" in a Syrian article), not where anything happened.  Alone in its sentence, or "in
    Hualien City" beside "Ukraine", it is kept: there the article's country may be the misread one."""
    p = m.place
    return (_foreign(m, country) and not m.anchored and p.feature == "city" and p.source != "acled"
            and p.population < _STRAY_TOWN_POPULATION)


def _site_town(text: str, s: int, e: int, blocked: list[tuple[int, int]]) -> bool:
    """The name a blocked facility begins with, the rest of it naming the facility only: "Donetsk" of "Donetsk
    Airport", "Hmeimim" of "Hmeimim Air Base" is the town the site is at (ACLED codes it there, or near it)."""
    return any(bs == s and e < be and _SITE_REST.fullmatch(text, e, be) for bs, be in blocked)


def _named_facility(s: int, e: int, blocked: list[tuple[int, int]], name: str, gazetteer) -> bool:
    """A blocked span that is exactly an ACLED location or region is a place after all: "Hole Camp", "Sidnaya
    Military Prison" and "West Bank" end like organisation names but are where ACLED codes events."""
    return (s, e) in blocked and (gazetteer.is_acled_location(name) or gazetteer.admin1_region(name) is not None)


def _container_of(text: str, m: PlaceMention, h: PlaceMention, gazetteer, country: str | None) -> bool:
    """Whether `h` is written as the region or town that contains `m`: "Nawa town in Dar'a countryside", "Hole in
    Al-Hasakeh", "Amiriyeh in the countryside of Ras Al Ain", "Mykhaylivka, Donetsk", "London (Ontario)"."""
    gap = text[m.end:h.start]
    if _PAREN_OPEN.match(gap) and ")" not in gap:
        return True
    # a region abroad too: "in Veracruz, Veracruz" read as a Brazilian article is still the Mexican state
    # a district read as one where the text writes a region ("(Banh, Loroum)") contains as a province does
    region = h.place.feature == "admin2" or gazetteer.admin1_region(h.text, country) is not None \
        or gazetteer.admin1_region(h.text) is not None
    if not region and gazetteer.admin1_region(m.text, country) is not None:
        return False  # "the desert of Deir-ez-Zor in Al-Bukamal area": a town does not contain its province
    if _IN_CONTAINER.fullmatch(gap):
        return True
    if _UNIT_COMMA.fullmatch(gap) and _ADMIN_UNIT.match(text, h.end):  # "Kan Hpyu village, Wetlet township"
        return True
    between = _UNKNOWN_BETWEEN.fullmatch(gap)
    if between and gazetteer.is_place(between.group(1)):  # "Tiba, Sayda, Kahil", not "Mokambo, Mahagi, Ituri"
        return False
    return bool(_UNIT_COMMA.fullmatch(gap) or between) and region and not _LIST_BEFORE.search(text, 0, m.start) \
        and not _LIST_AFTER.match(text, h.end)  # not a list of towns ("Tiba, Sayda, Kahil")


def _apply_containers(text: str, found: list[PlaceMention], gazetteer, country: str | None) -> list[PlaceMention]:
    """A place named as the container of another is a hint, not the event's place: it loses to the place it
    contains, which is looked up again in the container's country, preferring homonyms in its admin1 or near it;
    a place so confirmed is `anchored` even abroad ("Fort Wayne (Indiana)" in a note about Ukraine).  A contained
    name found only in another country than its container is no place we know ("Nashwa neighborhood in
    Al-Hasakeh" is not Nashua, New Hampshire): it is dropped."""
    dropped: list[PlaceMention] = []
    for i, m in enumerate(found):
        containers = [h for h in found[i + 1:] if _container_of(text, m, h, gazetteer, country)]
        if not containers:
            continue
        if m.relation is not None or m.anchored:
            # "2 km north of Menbij in Aleppo": placed by offset; a spelling variant: found in its container already
            for h in containers:
                h.score -= _CONTAINER_PENALTY
            continue
        hint = containers[-1].place
        # "(San Martin)": the region, not a town; but "Almaty city" is the city
        region = None if _CITY_AFTER.match(text, containers[-1].end) else \
            hint if hint.feature == "admin2" else gazetteer.admin1_region(containers[-1].text, hint.country)
        candidates = gazetteer.lookup(m.text, hint.country, near=(hint.lat, hint.lon))
        if region is not None:  # "Sabkha in Deir-ez-Zor": the region's Al Sabkhah, not As Sabkhah of Ar Raqqa
            better = next((c for c in candidates if _within(c.admin1, region.admin1)), None) or next(
                (c for c in gazetteer.spelling_variants(m.text, hint.country, region.admin1)
                 if _within(c.admin1, region.admin1)), None)
        else:
            better = _pair_elsewhere(m, containers[-1], gazetteer, country) \
                or next((c for c in candidates if _within(c.admin1, hint.admin1) or _near(c, hint)), None)
        if better is None and (region is not None or m.place.country != hint.country) \
                and not (" - " in m.text and gazetteer.is_acled_location(m.text)):
            # a homonym elsewhere: the place itself is unknown, its container is what we know (but ACLED's own
            # compound place, "Al Quds - Shaykh Jarrah", beats our reading of its region)
            dropped.append(m)
            _describe_by(containers[-1], m, region)
            if len(containers) == 1:  # the sole container is as much the event's place as the unknown one was
                # written to be ("in La Haciendita, Chihuahua ... near La Cantera Racetrack"); of several ("X
                # (Kanyosha, Bujumbura Rural)") the inner town says more than the region
                containers[0].score = max(containers[0].score, m.score)
            continue
        if better is None:  # the container itself may be misread ("Lanao" of "Lanao del Sur"): keep both
            continue
        m.place, m.lat, m.lon, m.anchored = better, better.lat, better.lon, True
        m.score += _CONTAINED_BONUS
        for h in containers:
            h.score -= _CONTAINER_PENALTY
    return [m for m in found if m not in dropped]


_POSSESSED_GAP = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}")  # "Burkina Faso's northern Soum", "Mali's restive"


def _possessive_containers(text: str, found: list[PlaceMention], gazetteer) -> list[PlaceMention]:
    """A place written as the possessor of another contains it: "Burkina Faso's northern Soum province" is in
    Burkina Faso, never the Senegalese Soum; "Aleppo's Salah al-Din district" is no Iraqi province. A place so
    written that the possessor's country has none of is unknown: the possessor stands for it (a country: its
    province unread, precision 3), as a container after it would. A country keeps ACLED's regions of another
    ("Russia's annexed Crimea" is coded in Ukraine)."""
    dropped: list[PlaceMention] = []
    for owner, m in zip(found, found[1:]):
        home = owner.place.country
        if not _POSSESSIVE.search(text[owner.start:owner.end]) or not _POSSESSED_GAP.fullmatch(text, owner.end, m.start) \
                or m.place.country == home or m.anchored:
            continue
        if owner.place.feature == "country" and m.place.source == "acled" and m.place.feature == "admin1":
            continue
        inside = gazetteer.lookup(m.text, home, near=(owner.lat, owner.lon))
        if inside and inside[0].country == home:
            m.place, m.lat, m.lon, m.anchored = inside[0], inside[0].lat, inside[0].lon, True
            continue
        dropped.append(m)
        owner.score = max(owner.score, m.score)
    return [m for m in found if m not in dropped]


def _pair_elsewhere(m: PlaceMention, container: PlaceMention, gazetteer, country: str | None):
    """A homonym of the place in any country that has a region named like the container, the article's country
    first: "Melbourne (Victoria)" is in Australia although Victoria alone reads as the Canadian city, "Cordoba
    (Cordoba)" in Argentina."""
    for c in gazetteer.lookup(m.text, country):
        region = gazetteer.admin1_region(container.text, c.country)
        if region is not None and _within(c.admin1, region.admin1):
            return c
    return None


def _describe_by(container: PlaceMention, unknown: PlaceMention, region) -> None:
    """The container stands for an unknown place inside it, at the precision the text gives that place ("near X,
    Kharkiv": 2; "X village in Idleb": 1, as ACLED codes the village); never finer than the container's own
    wording ("X in the countryside of Ras Al Ain": 2).  A container that names a region is that region ("X, Kyiv"
    is in Kyiv oblast, not Kyiv city)."""
    if region is not None and container.place.feature not in ("admin1", "admin2"):
        container.place, container.lat, container.lon = region, region.lat, region.lon
    if container.place.feature in ("admin1", "admin2", "country") or container.precision == GeoPrecision.REGION:
        container.precision = unknown.precision
    else:
        container.precision = max(container.precision, unknown.precision)


def _within(admin1: str | None, named: str | None) -> bool:
    """Whether a place's ACLED admin1 is the region a container names: "Rural Damascus" is what "in rural
    Damascus" names, "Shan-North" what "Shan State" does."""
    return bool(admin1 and named) and (admin1 == named or named in admin1)


def _near(a, b, km: float | None = None) -> bool:
    from eventwire.geo.gazetteer import NEAR_KM

    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= (NEAR_KM if km is None else km)


def _mention(text: str, s: int, e: int, name: str, place, region: bool, geo) -> PlaceMention:
    before = text[max(0, s - 40):s]
    after = text[e:e + 25]
    precision = GeoPrecision(min(3, max(1, getattr(place, "precision", 1))))  # an area ACLED codes near: 2
    if place.feature == "country" or region or place.feature == "admin1":
        precision = GeoPrecision.REGION
    score = _FEATURE_SCORE.get(place.feature, 2.0)
    mention = PlaceMention(s, e, name, place, precision, score=score, lat=place.lat, lon=place.lon)
    rel = _RELATION.search(before)
    if rel:
        km, bearing = geo.parse_relation(rel.group()) or (None, None)
        mention.relation = rel.group().strip() + " " + name
        named = _NAMED_BEFORE.search(before, 0, rel.start())
        if named:  # "the village of Manbateh (2 km west of Tel Abyad)": the place is Manbateh, placed by offset
            mention.start = s - len(before) + named.start(1)
            mention.text = named.group(1)
        if km and bearing is not None:
            mention.lat, mention.lon = geo.offset(place.lat, place.lon, km, bearing)
        mention.precision = max(precision, GeoPrecision.NEAR)
        mention.score += 0.5
    elif _BEFORE_NEAR.search(before) or _AFTER_NEAR.match(after) or _AFTER_AREA.match(after):
        mention.precision = max(precision, GeoPrecision.NEAR)
        mention.score += 1.0
    else:
        mention.score += _intro_bonus(before)
    if _DEATHS_BEFORE.search(before) and place.feature != "country":  # "Kills 50 Terrorists in Hama": where they died
        mention.score += _DEATHS_BONUS
    return mention


def choose_location(mentions: list[PlaceMention], trigger_at: int) -> PlaceMention | None:
    """The event's place: the most specific, best-introduced mention, nearest the trigger on ties. Where the text
    names a town with its region ("In Celaya, Guanajuato, a man was found dead in Colonia Emiliano Zapata"), a
    reading in another region of that country is a homonym (a Colonia Emiliano Zapata of Chihuahua), not the place."""
    if not mentions:
        return None
    confirmed = {(m.place.country, m.place.admin1) for m in mentions if m.anchored and m.place.admin1}
    countries = {country for country, _ in confirmed}
    pool = [m for m in mentions if m.anchored or m.place.country not in countries
            or (m.place.country, m.place.admin1) in confirmed or m.place.feature in ("admin1", "country")]
    # of equals, the town its region confirms (ACLED codes "Celaya", not the colonia the text names inside it)
    return max(pool, key=lambda m: (m.score, m.anchored, -abs(m.start - trigger_at) / 1000.0))


def location_from_mention(m: PlaceMention, evidence_extra: list[Span] | None = None) -> Location:
    p = m.place
    named_elsewhere = m.relation is not None and m.text != getattr(p, "name", m.text) and m.text not in m.relation
    return Location(
        text=m.text, name=m.text if named_elsewhere else getattr(p, "name", m.text), admin1=getattr(p, "admin1", None), admin2=getattr(p, "admin2", None),
        country=getattr(p, "country", None), lat=m.lat, lon=m.lon, geo_precision=m.precision, relation=m.relation,
        evidence=[Span(start=m.start, end=m.end)] + (evidence_extra or []),
    )


def located_in(text: str, mentions: list[PlaceMention], country: str) -> list[Location]:
    """The mentions of places inside a province of `country`, as locations; not those that speak ("Damascus
    said")."""
    return [location_from_mention(m) for m in mentions
            if m.place.country == country and m.place.admin1 and not _speaks(text, m.end)]


def city_reference(text: str, start: int, end: int) -> re.Match[str] | None:
    """"the city" / "the town" without a name: refers back to the last named town."""
    return _CITY_REF.search(text, start, end)


_ELABORATION = 2  # events after a country-level one that may tell it in detail ("Air strikes in Syria killed 22 ...
# The Civil Defence in Idlib said 22 people were killed ...")


def _next_placed(locations: list[Location | None], i: int, country: str | None) -> Location | None:
    for loc in locations[i + 1:i + 1 + _ELABORATION]:
        if loc is not None and loc.admin1 and loc.country == country:
            return loc
    return None


def _province_counts(locations: Sequence[Location | None]):
    """(country, admin1) -> how many of `locations` are in it, and the first of them."""
    counts: dict[tuple[str, str], int] = {}
    first: dict[tuple[str, str], Location] = {}
    for loc in locations:
        if loc is not None and loc.admin1 and loc.country:
            key = (loc.country, loc.admin1)
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, loc)
    return counts, first


def one_reading_per_name(locations: list[Location | None], named_regions: set[str]) -> list[Location | None]:
    """A town an article names in several sentences is one town: where its events read the name as towns in
    different provinces ("Hader" as Hadher in Aleppo, and, where "Hader in Quneitra province" says so, Hadar in
    Quneitra), the one reading in a province the article names as a region is every event's."""
    def town_key(loc: Location | None) -> tuple[str | None, str] | None:  # offset and province-level places keep theirs
        if loc is None or loc.geo_precision == GeoPrecision.REGION or loc.relation is not None:
            return None
        return loc.country, loc.text.casefold()

    readings: dict[tuple[str | None, str], set[tuple]] = {}
    for loc in locations:
        if (key := town_key(loc)) is not None:
            readings.setdefault(key, set()).add((loc.name, loc.admin1, loc.lat, loc.lon))
    chosen = {key: named[0] for key, found in readings.items()
              if len({r[1] for r in found}) > 1 and len(named := [r for r in found if r[1] in named_regions]) == 1}
    out: list[Location | None] = []
    for loc in locations:
        pick = chosen.get(key) if (key := town_key(loc)) is not None else None
        if loc is None or pick is None or (loc.name, loc.admin1) == pick[:2]:
            out.append(loc)
        else:
            out.append(loc.model_copy(update={**dict(zip(("name", "admin1", "lat", "lon"), pick)), "admin2": None}))
    return out


def refine_places(locations: list[Location | None], gazetteer, country: str | None = None,
                  named: Sequence[Location] = ()) -> list[Location | None]:
    """An event placed only at its country ("airstrikes in Syria"), or nowhere (a headline before any place is
    named), is placed in the province of one of the next two events where placed (they often tell it in detail),
    else in the province the article's other events are in most often (the first such wins a tie), at province
    precision, with the evidence of those places. An unplaced event is taken to be in the article's `country`, else
    where most events are. Where no event is placed in a province of that country, the places the article `named`
    outside its events count instead ("An Israeli attack on a camp near the Golan Heights killed three. The camp in
    Syria's southwestern Quneitra province is used by …"); where it names none, a country-level event stays at the
    country and an unplaced one unplaced."""
    counts, first = _province_counts(locations)
    countries = Counter(loc.country for loc in locations if loc is not None and loc.country)
    main_country = country or (max(countries, key=lambda c: countries[c]) if countries else None)
    if named and not any(k[0] == main_country for k in counts):
        counts, first = _province_counts(named)
    out: list[Location | None] = []
    for i, loc in enumerate(locations):
        in_country = loc.country if loc is not None else main_country
        keys = [k for k in counts if (loc is None or not loc.admin1) and k[0] == in_country]
        if not keys:
            out.append(loc)
            continue
        after = _next_placed(locations, i, in_country)  # the next event placed in the country tells it in detail
        key = (in_country, after.admin1) if after is not None else max(keys, key=lambda k: counts[k])
        region = gazetteer.admin1_region(key[1], key[0])
        seen = after or first[key]
        lat, lon = (region.lat, region.lon) if region is not None else (seen.lat, seen.lon)
        update = {"admin1": key[1], "country": key[0], "lat": lat, "lon": lon, "name": key[1],
                  "geo_precision": GeoPrecision.REGION}
        if loc is None:
            out.append(Location(text=seen.text, evidence=list(seen.evidence), **update))
        else:
            out.append(loc.model_copy(update={**update, "evidence": loc.evidence + seen.evidence}))
    return out
