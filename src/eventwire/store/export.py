"""`eventwire export`: stream the store's events, filtered, into one of the export formats."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from eventwire.errors import OutputError, one_line
from eventwire.store import Store
from eventwire.store.query import EventFilter, StoredEvent

__all__ = ["FORMATS", "LeftOut", "acled_rows", "export_events", "reviewed_events"]

FORMATS = ("acled", "geojson", "parquet", "jsonl")


@dataclass
class LeftOut:
    """Events an ACLED export leaves out, by reason (the CLI says how many)."""

    background: int = 0  # told as past context ("last year's offensive"), not as the news: --include-background
    incomplete: int = 0  # no actor1, country or event date: a row ACLED never has


def acled_rows(events: Iterable[StoredEvent], left_out: LeftOut,
                include_background: bool) -> Iterator[dict[str, object]]:
    from eventwire.export import acled_complete, acled_row
    from eventwire.export._tables import source_scale

    for se in events:
        if se.event.background and not include_background:
            left_out.background += 1
            continue
        row = acled_row(se.event, source="; ".join(se.event.sources), source_scale=source_scale(se.event.sources))
        if not acled_complete(row):
            left_out.incomplete += 1
            continue
        yield row


def export_events(store: Store, fmt: str, out: str | Path, f: EventFilter = EventFilter(), *,
                  force: bool = False, include_background: bool = False, left_out: LeftOut | None = None,
                  reviewed: bool = False) -> int:
    """Write the events matching `f` to `out` in format `fmt` (one of FORMATS); returns the number written.

    The ACLED format writes rows ACLED could have written: background events only with `include_background`,
    never an event without actor1, country or date; `left_out` (if given) counts what was left out and why.

    Written to a temporary file next to `out` and renamed when complete, so a failed export (full disk) leaves
    no half file and an existing `out` intact. With `reviewed`, each event carries its reviewers' values
    (`store.review`) in place of the machine's. An existing `out` is replaced only with `force` (else E051);
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
        n = _write(store, fmt, temp, f, left_out if left_out is not None else LeftOut(), include_background,
                   reviewed)
        os.replace(temp, target)
    except OSError as exc:
        raise OutputError("E050", exc.strerror or one_line(exc), path=str(target)) from exc
    finally:
        temp.unlink(missing_ok=True)
    return n


def reviewed_events(store: Store, f: EventFilter) -> Iterable[StoredEvent]:
    """The events matching `f` with their reviewed values in place."""
    from eventwire.store.review import with_reviews

    return with_reviews(store.events(f), store.reviewed())


def _write(store: Store, fmt: str, out: Path, f: EventFilter, left_out: LeftOut, include_background: bool,
           reviewed: bool) -> int:
    events = reviewed_events(store, f) if reviewed else store.events(f)
    if fmt == "parquet":
        from eventwire.export.parquet import write_parquet

        return write_parquet(events, out)
    with open(out, "w", encoding="utf-8", newline="" if fmt == "acled" else None) as fh:
        if fmt == "acled":
            from eventwire.export import write_acled_csv

            return write_acled_csv(acled_rows(events, left_out, include_background), fh)
        if fmt == "geojson":
            from eventwire.export.geojson import write_geojson

            return write_geojson(events, fh)
        from eventwire.export.jsonl import write_jsonl

        return write_jsonl(events, fh)
