"""`eventwire export`: stream the store's events, filtered, into one of the export formats."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from eventwire.errors import OutputError, one_line
from eventwire.store import Store
from eventwire.store.query import EventFilter, StoredEvent

__all__ = ["FORMATS", "export_events"]

FORMATS = ("acled", "geojson", "parquet", "jsonl")


def _acled_rows(events: Iterable[StoredEvent]) -> Iterator[dict[str, object]]:
    from eventwire.export import acled_row

    for se in events:
        yield acled_row(se.event, source="; ".join(se.event.sources))


def export_events(store: Store, fmt: str, out: str | Path, f: EventFilter = EventFilter(), *,
                  force: bool = False) -> int:
    """Write the events matching `f` to `out` in format `fmt` (one of FORMATS); returns the number written.

    Written to a temporary file next to `out` and renamed when complete, so a failed export (full disk) leaves
    no half file and an existing `out` intact. An existing `out` is replaced only with `force` (else E051);
    a folder that does not exist or a write that fails is OutputError E050.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    target = Path(out)
    if target.is_dir():
        raise OutputError("E050", "it is a folder", path=str(target))
    if target.exists() and not force:
        raise OutputError("E051", path=str(target))
    if not target.parent.is_dir():
        raise OutputError("E050", f"folder {target.parent} does not exist", path=str(target))
    temp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        n = _write(store, fmt, temp, f)
        os.replace(temp, target)
    except OSError as exc:
        raise OutputError("E050", exc.strerror or one_line(exc), path=str(target)) from exc
    finally:
        temp.unlink(missing_ok=True)
    return n


def _write(store: Store, fmt: str, out: Path, f: EventFilter) -> int:
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
        from eventwire.export.jsonl import write_jsonl

        return write_jsonl(events, fh)
