"""Events as an RFC 7946 GeoJSON FeatureCollection of Points ([lon, lat], WGS 84), written as a stream."""
from __future__ import annotations

import json
from typing import IO, Any, Iterable

from eventwire.store.query import StoredEvent

__all__ = ["feature", "write_geojson"]


def _properties(se: StoredEvent) -> dict[str, Any]:
    e = se.event
    loc, time, fat = e.location, e.time, e.fatalities
    start, end = se.date_start, se.date_end
    return {
        "id": e.id,
        "kind": e.kind,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "date": (end or start).isoformat() if (end or start) else None,  # ACLED's event_date: the last day
        "date_start": start.isoformat() if start else None,
        "date_end": end.isoformat() if end else None,
        "time_precision": int(time.time_precision) if time else None,
        "geo_precision": int(loc.geo_precision) if loc else None,
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "location": loc.name if loc else None,
        "actor1": (a.name if (a := e.actor("actor1")) else None),
        "actor2": (a.name if (a := e.actor("actor2")) else None),
        # Scalars, not arrays: QGIS and shapefile round-trips keep strings; split on "; ".
        "actors": "; ".join(a.name for a in e.actors),
        "fatalities": fat.best if fat else 0,
        "fatalities_low": fat.low if fat else None,
        "fatalities_high": fat.high if fat else None,
        "sources": "; ".join(e.sources),
        "n_sources": se.n_sources,
        "article_ids": e.article_ids or [e.article_id],  # the input ids of the articles that report it
        "notes": e.notes,
    }


def feature(se: StoredEvent) -> dict[str, Any]:
    """One Feature; geometry is null (allowed by RFC 7946 §3.2) when the event has no coordinates."""
    loc = se.event.location
    geometry = None
    if loc and loc.lat is not None and loc.lon is not None:
        geometry = {"type": "Point", "coordinates": [round(loc.lon, 6), round(loc.lat, 6)]}
    return {"type": "Feature", "id": se.event.id, "geometry": geometry, "properties": _properties(se)}


def write_geojson(events: Iterable[StoredEvent], out: IO[str]) -> int:
    """Write a FeatureCollection one feature at a time (constant memory); returns the number of features."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for se in events:
        out.write((",\n" if n else "") + json.dumps(feature(se), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n
