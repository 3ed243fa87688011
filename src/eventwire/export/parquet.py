"""Events as Parquet, written in row groups (constant memory), with dtypes pandas and GeoPandas users expect.

Dates are date32, coordinates float64, counts nullable int32, `article_ids` a list of the input ids; the pandas metadata makes `pd.read_parquet` give
nullable `Int32` columns rather than floats where a count is missing.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.store.query import StoredEvent

__all__ = ["PARQUET_SCHEMA", "write_parquet"]

_STR = ["id", "kind", "event_type", "sub_event_type", "country", "admin1", "admin2", "location", "actor1",
        "actor2", "assoc_actor_1", "assoc_actor_2", "notes", "sources"]
_INT8 = ["time_precision", "geo_precision"]
_INT32 = ["fatalities", "fatalities_low", "fatalities_high", "n_sources", "n_mentions"]
_DATE = ["event_date", "date_start", "date_end"]
_FLOAT = ["latitude", "longitude", "confidence"]
_ORDER = ["id", "kind", "event_date", "date_start", "date_end", "time_precision", "event_type", "sub_event_type",
          "background", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "admin2",
          "location", "latitude", "longitude", "geo_precision", "fatalities", "fatalities_low", "fatalities_high",
          "notes", "sources", "n_sources", "n_mentions", "confidence", "article_ids"]


def _arrow_type(name: str) -> pa.DataType:
    if name in _INT8:
        return pa.int8()
    if name in _INT32:
        return pa.int32()
    if name in _DATE:
        return pa.date32()
    if name in _FLOAT:
        return pa.float64()
    if name == "article_ids":
        return pa.list_(pa.string())
    return pa.bool_() if name == "background" else pa.string()


def _schema() -> pa.Schema:
    schema = pa.schema([pa.field(n, _arrow_type(n)) for n in _ORDER])
    # The pandas metadata of an empty frame with nullable dtypes tells pandas how to read the ints back.
    dtypes = {n: ("Int8" if n in _INT8 else "Int32" if n in _INT32 else "object") for n in _ORDER}
    sample = pd.DataFrame({n: pd.Series([], dtype=d) for n, d in dtypes.items()})
    meta = pa.Schema.from_pandas(sample, preserve_index=False).metadata
    return schema.with_metadata(meta)


PARQUET_SCHEMA = _schema()


def _row(se: StoredEvent) -> dict[str, Any]:
    e = se.event
    loc, time, fat = e.location, e.time, e.fatalities
    has_xy = bool(loc and loc.lat is not None and loc.lon is not None)
    row: dict[str, Any] = {
        "id": e.id, "kind": e.kind, "event_type": e.event_type, "sub_event_type": e.sub_event_type,
        "background": e.background, "event_date": se.date_end or se.date_start, "date_start": se.date_start,
        "date_end": se.date_end, "time_precision": int(time.time_precision) if time else None,
        "country": loc.country if loc else None, "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None, "location": loc.name if loc else None,
        "latitude": loc.lat if has_xy and loc else None, "longitude": loc.lon if has_xy and loc else None,
        "geo_precision": int(loc.geo_precision) if loc else None,
        "fatalities": fat.best if fat else None, "fatalities_low": fat.low if fat else None,
        "fatalities_high": fat.high if fat else None, "notes": e.notes, "sources": "; ".join(e.sources),
        "n_sources": se.n_sources, "n_mentions": se.n_mentions, "confidence": e.confidence,
        "article_ids": e.article_ids or [e.article_id],
    }
    for role in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"):
        row[role] = a.name if (a := e.actor(role)) else None
    return row


def write_parquet(events: Iterable[StoredEvent], path: str | Path, row_group_size: int = 10_000) -> int:
    """Write events to `path`, one row group per `row_group_size` events; returns the number of rows."""
    n = 0
    buffer: list[dict[str, Any]] = []
    with pq.ParquetWriter(str(path), PARQUET_SCHEMA) as writer:
        for se in events:
            buffer.append(_row(se))
            if len(buffer) >= row_group_size:
                writer.write_table(pa.Table.from_pylist(buffer, schema=PARQUET_SCHEMA))
                n, buffer = n + len(buffer), []
        if buffer or n == 0:
            writer.write_table(pa.Table.from_pylist(buffer, schema=PARQUET_SCHEMA))
            n += len(buffer)
    return n
