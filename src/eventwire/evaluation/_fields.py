"""Per-field comparison of one produced event with one gold ACLED row, and the choice of that event."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any, Mapping, Sequence

from eventwire.geo._math import haversine_km
from eventwire.models import Event

NO_EVENT = "(no event)"


def norm_name(name: str | None) -> str:
    """Case, accents and spacing do not count as disagreement; the words do."""
    if not name:
        return ""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"\s+", " ", folded).strip().casefold()


def norm_place(name: str | None) -> str:
    """Admin names are spelled many ways (Dar'a, Daraa; Al-Hasakeh, Al Hasakeh): compare letters only."""
    return re.sub(r"[^a-z0-9]", "", norm_name(name))


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def distance_km(event: Event, row: Mapping[str, str]) -> float | None:
    loc = event.location
    lat, lon = _float(row.get("latitude")), _float(row.get("longitude"))
    if loc is None or loc.lat is None or loc.lon is None or lat is None or lon is None:
        return None
    return haversine_km(loc.lat, loc.lon, lat, lon)


def predicted(event: Event | None) -> dict[str, Any]:
    """The fields of an event in the shape of an ACLED row (None where nothing was produced)."""
    if event is None:
        return {"event_type": NO_EVENT, "sub_event_type": NO_EVENT}
    loc, actor1, actor2 = event.location, event.actor("actor1"), event.actor("actor2")
    return {
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": actor1.name if actor1 else "",
        "actor2": actor2.name if actor2 else "",
        "admin1": loc.admin1 if loc else None,
        "location": loc.name if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "geo_precision": int(loc.geo_precision) if loc else None,
        "fatalities": event.fatalities.best if event.fatalities else 0,
        "event_date": (event.time.end or event.time.start).isoformat() if event.time and (event.time.end or event.time.start) else None,  # as acled_row
        "background": event.background,
    }


def gold(row: Mapping[str, str]) -> dict[str, Any]:
    keys = ("event_type", "sub_event_type", "actor1", "actor2", "admin1", "location", "latitude", "longitude",
            "geo_precision", "fatalities", "event_date")
    return {k: row.get(k) for k in keys}


def field_hits(event: Event | None, row: Mapping[str, str]) -> dict[str, bool]:
    """Which fields of the row the event gets right; every field is wrong when there is no event."""
    if event is None:
        return {k: False for k in FIELDS}
    p = predicted(event)
    km = distance_km(event, row)
    return {
        "event_type": p["event_type"] == row["event_type"],
        "sub_event_type": p["sub_event_type"] == row["sub_event_type"],
        "actor1": norm_name(p["actor1"]) == norm_name(row.get("actor1")),
        "actor2": norm_name(p["actor2"]) == norm_name(row.get("actor2")),
        "admin1": bool(p["admin1"]) and norm_place(p["admin1"]) == norm_place(row.get("admin1")),
        "location_1km": km is not None and km <= 1.0,
        "location_25km": km is not None and km <= 25.0,
        "location_100km": km is not None and km <= 100.0,
        "geo_precision": str(p["geo_precision"]) == str(row.get("geo_precision", "")).strip(),
        "fatalities": p["fatalities"] == _int(row.get("fatalities")),
        "event_date": p["event_date"] == _iso(row.get("event_date")),
    }


FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "admin1", "location_1km", "location_25km",
          "location_100km", "geo_precision", "fatalities", "event_date")

# How much each agreement counts when choosing among several events of one article.
_MATCH_WEIGHTS = {"sub_event_type": 3.0, "event_type": 2.0, "admin1": 1.0, "location_25km": 1.0, "actor1": 1.0,
                  "actor2": 0.5}


def match(events: Sequence[Event], row: Mapping[str, str]) -> Event | None:
    """The event that agrees best with the row on type, location and actors; background events only as a
    last resort. Ties go to the earliest event, i.e. the one the article leads with."""
    if not events:
        return None

    def score(event: Event) -> float:
        hits = field_hits(event, row)
        return sum(w for k, w in _MATCH_WEIGHTS.items() if hits[k]) - (10.0 if event.background else 0.0)

    return max(events, key=score)  # max keeps the first of equal scores


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value not in (None, "") else None
    except ValueError:
        return None


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return value.strip()
