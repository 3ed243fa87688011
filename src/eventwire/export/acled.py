"""Events as rows with ACLED's own column names, plus `article_id` and `eventwire_*` columns."""
from __future__ import annotations

import csv
import re
from typing import IO, Any, Iterable

from eventwire.models import Event

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities",
]
_EVENT_ID_CNTY = re.compile(r"^[A-Z]{2,4}\d+$")
EVENTWIRE_COLUMNS = [
    "article_id", "eventwire_id", "eventwire_kind", "eventwire_main", "eventwire_background", "eventwire_date_start",
    "eventwire_date_end", "eventwire_date_text", "eventwire_date_resolved", "eventwire_hedged",
    "eventwire_attribution", "eventwire_attribution_kind", "eventwire_verified_by", "eventwire_location_text",
    "eventwire_location_relation", "eventwire_fatalities_low", "eventwire_fatalities_high",
    "eventwire_defection_count", "eventwire_defection_count_low", "eventwire_defection_count_high",
    "eventwire_defection_rank", "eventwire_defection_names", "eventwire_defection_nationality",
    "eventwire_defection_from_group", "eventwire_defection_from_group_text", "eventwire_defection_to_group",
    "eventwire_defection_to_group_text", "eventwire_defection_to_territory",
    "eventwire_defection_reason", "eventwire_defection_group_response", "eventwire_sources", "eventwire_confidence",
]


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction: the two inter codes, lower first (`inter1 * 10` with no second actor: 60, 20)."""
    if inter1 is None:
        return None
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _inter(actor: Any) -> int | None:
    """An actor's inter code; 0 where there is no actor, as ACLED writes it; None (blank) where unknown."""
    return 0 if actor is None else actor.inter


def acled_complete(row: dict[str, Any]) -> bool:
    """Whether a row is one ACLED could have: every ACLED row has an actor1, a country and an event date."""
    return bool(row["actor1"] and row["country"] and row["event_date"])


def acled_row(event: Event, source: str | None = None, source_scale: str | None = None) -> dict[str, Any]:
    """One ACLED-style row for `event`; empty cells are "" so the CSV reads like ACLED's. `event_id_cnty` is the
    event's public id where it has ACLED's form (stored events: SYR + a stable number), else empty."""
    a1, a2 = event.actor("actor1"), event.actor("actor2")
    s1, s2 = event.actor("assoc_actor_1"), event.actor("assoc_actor_2")
    inter1 = _inter(a1)
    inter2 = _inter(a2)
    loc, time, fat, att, dfc = event.location, event.time, event.fatalities, event.attribution, event.defection
    date_start = time.start if time else None
    event_date = (time.end or time.start) if time else None
    row: dict[str, Any] = {
        "event_id_cnty": event.id if _EVENT_ID_CNTY.match(event.id) else "",
        "event_date": event_date.isoformat() if event_date else "",
        "year": event_date.year if event_date else "",
        "time_precision": int(time.time_precision) if time and event_date else "",
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": a1.name if a1 else "",
        "assoc_actor_1": s1.name if s1 else "",
        "inter1": inter1 if inter1 is not None else "",
        "actor2": a2.name if a2 else "",
        "assoc_actor_2": s2.name if s2 else "",
        "inter2": inter2 if inter2 is not None else "",
        "interaction": _interaction(inter1, inter2) if inter1 is not None else "",
        "country": (loc.country or "") if loc else "",
        "admin1": (loc.admin1 or "") if loc else "",
        "admin2": (loc.admin2 or "") if loc else "",
        "admin3": "",
        "location": loc.name if loc else "",
        "latitude": f"{loc.lat:.4f}" if loc and loc.lat is not None else "",
        "longitude": f"{loc.lon:.4f}" if loc and loc.lon is not None else "",
        "geo_precision": int(loc.geo_precision) if loc and loc.lat is not None else "",
        "source": source or "",
        "source_scale": source_scale or "",
        "notes": event.notes,
        "fatalities": fat.best if fat else 0,
        "article_id": "; ".join(event.article_ids) or event.article_id,
        "eventwire_id": event.id,
        "eventwire_kind": event.kind,
        "eventwire_main": str(event.main).lower(),
        "eventwire_background": str(event.background).lower(),
        "eventwire_date_start": date_start.isoformat() if date_start else "",
        "eventwire_date_end": event_date.isoformat() if event_date else "",
        "eventwire_date_text": (time.text or "") if time else "",
        "eventwire_date_resolved": str(bool(time and time.resolved)).lower(),
        "eventwire_hedged": str(bool(att and att.hedged)).lower(),
        "eventwire_attribution": (att.source or "") if att else "",
        "eventwire_attribution_kind": att.kind if att else "",
        "eventwire_verified_by": (att.verified_by or "") if att else "",
        "eventwire_location_text": loc.text if loc else "",
        "eventwire_location_relation": (loc.relation or "") if loc else "",
        "eventwire_fatalities_low": fat.low if fat and fat.low is not None else "",
        "eventwire_fatalities_high": fat.high if fat and fat.high is not None else "",
        "eventwire_sources": "; ".join(event.sources),
        "eventwire_confidence": f"{event.confidence:.2f}",
    }
    d = dfc
    row.update({
        "eventwire_defection_count": d.count_best if d and d.count_best is not None else "",
        "eventwire_defection_count_low": d.count_low if d and d.count_low is not None else "",
        "eventwire_defection_count_high": d.count_high if d and d.count_high is not None else "",
        "eventwire_defection_rank": (d.rank or "") if d else "",
        "eventwire_defection_names": "; ".join(d.names) if d else "",
        "eventwire_defection_nationality": "; ".join(d.nationality) if d else "",
        "eventwire_defection_from_group": (d.from_group or "") if d else "",
        "eventwire_defection_to_group": (d.to_group or "") if d else "",
        "eventwire_defection_from_group_text": (d.from_group_text or "") if d else "",
        "eventwire_defection_to_group_text": (d.to_group_text or "") if d else "",
        "eventwire_defection_to_territory": (d.to_territory or "") if d else "",
        "eventwire_defection_reason": (d.reason or "") if d else "",
        "eventwire_defection_group_response": (d.group_response or "") if d else "",
    })
    return row


def write_acled_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write rows (from `acled_row`) as CSV with the header; returns the number of rows written."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + EVENTWIRE_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n
