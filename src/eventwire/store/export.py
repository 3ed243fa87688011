"""`eventwire export`: stream the store's events, filtered, into one of the export formats."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from eventwire.store import Store
from eventwire.store.query import EventFilter, StoredEvent

__all__ = ["FORMATS", "export_events"]

FORMATS = ("acled", "geojson", "parquet", "jsonl")


def _acled_rows(events: Iterable[StoredEvent]) -> Iterator[dict[str, object]]:
    from eventwire.export import acled_row

    for se in events:
        yield acled_row(se.event, source="; ".join(se.event.sources))


def export_events(store: Store, fmt: str, out: str | Path, f: EventFilter = EventFilter()) -> int:
    """Write the events matching `f` to `out` in format `fmt` (one of FORMATS); returns the number written."""
    events = store.events(f)
    if fmt == "parquet":
        from eventwire.export.parquet import write_parquet

        return write_parquet(events, out)
    with open(out, "w", encoding="utf-8", newline="" if fmt == "acled" else None) as fh:
        if fmt == "acled":
            from eventwire.export import write_acled_csv

            return write_acled_csv(_acled_rows(events), fh)
        if fmt == "geojson":
            from eventwire.export.geojson import write_geojson

            return write_geojson(events, fh)
        if fmt == "jsonl":
            from eventwire.export.jsonl import write_jsonl

            return write_jsonl(events, fh)
    raise ValueError(f"unknown export format {fmt!r}")
