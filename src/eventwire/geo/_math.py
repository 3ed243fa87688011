"""Great-circle distance, displacement and the wording of relative positions ("2 km west of")."""
from __future__ import annotations

import math
import re

from eventwire.events.numbers import NUMBER, parse_number

__all__ = ["DISTANCE_PATTERN", "EARTH_RADIUS_KM", "haversine_km", "offset", "parse_relation"]

EARTH_RADIUS_KM = 6371.0088

_BEARINGS = {
    "north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0,
    "south": 180.0, "southwest": 225.0, "west": 270.0, "northwest": 315.0,
    "northern": 0.0, "eastern": 90.0, "southern": 180.0, "western": 270.0,
    "northeastern": 45.0, "southeastern": 135.0, "southwestern": 225.0, "northwestern": 315.0,
}
_UNITS_KM = {"km": 1.0, "kms": 1.0, "kilometre": 1.0, "kilometres": 1.0, "kilometer": 1.0, "kilometers": 1.0,
             "mi": 1.609344, "mile": 1.609344, "miles": 1.609344, "m": 0.001, "metre": 0.001, "metres": 0.001, "meter": 0.001, "meters": 0.001}
# Counts a distance is given in that are not numbers of things ("a few km", "several kilometres").
_VAGUE_DISTANCE = {"a few": 3.0, "several": 5.0}
# One distance: "1,500 metres", "2.5 km", "two kilometres", "a few miles"; numbers as eventwire.events.numbers
# reads them (digits with thousands separators, number words).
DISTANCE_PATTERN = (r"(?:\d+\.\d+|" + "|".join(_VAGUE_DISTANCE) + "|" + NUMBER + r")[\s-]*(?:"
                    + "|".join(sorted(_UNITS_KM, key=len, reverse=True)) + r")\b\.?")
_NEAR = re.compile(r"\b(near|nearby|close to|outskirts|vicinity|around|countryside|environs|edge|area|surroundings)\b")
_DIRECTION = re.compile(
    r"\b(north|south)[\s-]?(east|west)(?:ern)?\b|\b(north|south|east|west)(?:ern)?\b")
_DISTANCE = re.compile(
    r"(?<![\w.,])(?P<num>\d+\.\d+|" + "|".join(_VAGUE_DISTANCE) + "|" + NUMBER + r")"
    r"[\s-]*(?P<unit>" + "|".join(sorted(_UNITS_KM, key=len, reverse=True)) + r")\b\.?")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def offset(lat: float, lon: float, km: float, bearing_deg: float) -> tuple[float, float]:
    """The point `km` away from (lat, lon) along the initial bearing (degrees clockwise from north)."""
    d = km / EARTH_RADIUS_KM
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing_deg)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540.0) % 360.0 - 180.0


def _bearing(text: str) -> float | None:
    m = _DIRECTION.search(text)
    if not m:
        return None
    if m.group(1):
        return _BEARINGS[m.group(1) + m.group(2)]
    return _BEARINGS[m.group(3)]


def _distance_km(text: str) -> float | None:
    """The first distance in `text`, in km: "1,500 metres" -> 1.5, "2.5 km" -> 2.5, "two miles" -> 3.22."""
    m = _DISTANCE.search(text)
    if not m:
        return None
    raw = m.group("num")
    if raw in _VAGUE_DISTANCE:
        value: float | None = _VAGUE_DISTANCE[raw]
    elif re.fullmatch(r"\d+\.\d+", raw):
        value = float(raw)
    else:
        count = parse_number(raw)
        value = float(count) if count is not None else None
    return value * _UNITS_KM[m.group("unit")] if value is not None else None


def parse_relation(text: str) -> tuple[float | None, float | None] | None:
    """(km, bearing) of a relative position phrase, or None when the text states no relation.

    "2 km west of" -> (2.0, 270.0); "north of" -> (None, 0.0); "near" / "outskirts of" -> (None, None).
    """
    low = " ".join(text.lower().replace("-", " ").split())
    bearing = _bearing(low)
    km = _distance_km(low) if bearing is not None or re.search(r"\b(from|of|away)\b", low) else None
    if bearing is not None or km is not None:
        return km, bearing
    if _NEAR.search(low):
        return None, None
    return None
