"""Exports from the store: ACLED CSV, RFC 7946 GeoJSON, Parquet with pandas dtypes, JSONL; CLI and filters."""
from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from conftest_store import article, event, store, store_url  # noqa: F401 - fixtures
from eventwire.cli import main
from eventwire.export import ACLED_COLUMNS
from eventwire.models import Event
from eventwire.store import EventFilter, Store
from eventwire.store.export import export_events

# Two outlets on one real event (ACLED SYR113282, Quneitra), one event elsewhere, one without coordinates.
Q1 = article("On 12 May 2023, clashes took place between regime forces supported by pro-regime militiamen and "
             "unknown gunmen in Quneitra city, killing 2 regime soldiers and 1 pro-regime militiaman.",
             source="SOHR", published=date(2023, 5, 12))
Q2 = article("Gunmen clashed with Syrian government troops in the city of Quneitra on Friday, leaving five dead, "
             "local media reported.", source="Enab Baladi", published=date(2023, 5, 13))
H = article("On 30 April 2023, QSD forces clashed with smugglers, killing one QSD member, wounding another, and "
            "killing an individual wanted over smuggling charges, in Hawayej Bumasaa village in Deir ez Zor "
            "countryside.", source="Deir Ezzor 24", published=date(2023, 5, 1))
N = article("Protesters rallied in the provincial capital on Sunday over bread prices.", source="Local radio",
            published=date(2023, 5, 14))
QUNEITRA = ("Quneitra", 33.1242, 35.8264)
REGIME = "Military Forces of Syria (2000-)"


def _fill(s: Store) -> None:
    s.write_batch([
        (Q1, [event(Q1, "clashes took place", day=date(2023, 5, 12), place=QUNEITRA, admin1="Quneitra",
                    fatalities=3, actors=(REGIME, "Unidentified Armed Group (Syria)"))]),
        (Q2, [event(Q2, "Gunmen clashed", day=date(2023, 5, 12), place=QUNEITRA, admin1="Quneitra", fatalities=5,
                    actors=(REGIME,))]),
        (H, [event(H, "QSD forces clashed", day=date(2023, 4, 30), place=("Hawayej Bumasaa", 35.462, 40.0795),
                   admin1="Deir ez Zor", fatalities=2, actors=("QSD: Syrian Democratic Forces", "Smugglers (Syria)"))]),
        (N, [event(N, "Protesters rallied", event_type="Protests", sub_event_type="Peaceful protest",
                   day=date(2023, 5, 14), place=("provincial capital", None, None), country="Syria")]),
    ])


def _valid_rfc7946(doc: dict) -> None:  # type: ignore[type-arg]
    assert doc["type"] == "FeatureCollection" and isinstance(doc["features"], list)
    for f in doc["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        g = f["geometry"]
        if g is not None:
            lon, lat = g["coordinates"]
            assert g["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson(store: Store, tmp_path: Path) -> None:  # noqa: F811
    _fill(store)
    out = tmp_path / "e.geojson"
    assert export_events(store, "geojson", out) == 3
    doc = json.loads(out.read_text(encoding="utf-8"))
    _valid_rfc7946(doc)
    quneitra = next(f for f in doc["features"] if f["properties"]["location"] == "Quneitra")
    assert quneitra["geometry"]["coordinates"] == [35.8264, 33.1242]  # [lon, lat]
    p = quneitra["properties"]
    assert (p["n_sources"], p["sources"], p["date"], p["time_precision"], p["geo_precision"]) == (
        2, "Enab Baladi; SOHR", "2023-05-12", 1, 1)
    assert (p["fatalities"], p["fatalities_low"], p["fatalities_high"]) == (3, 3, 5)
    assert next(f for f in doc["features"] if f["properties"]["event_type"] == "Protests")["geometry"] is None


def test_geojson_loads_in_geopandas(store: Store, tmp_path: Path) -> None:  # noqa: F811
    gpd = pytest.importorskip("geopandas", reason="geopandas not installed")
    _fill(store)
    out = tmp_path / "e.geojson"
    export_events(store, "geojson", out, EventFilter(bbox=(30, 30, 45, 40)))
    frame = gpd.read_file(out)
    assert len(frame) == 2 and frame.crs.to_epsg() == 4326


def test_parquet_dtypes(store: Store, tmp_path: Path) -> None:  # noqa: F811
    _fill(store)
    out = tmp_path / "e.parquet"
    assert export_events(store, "parquet", out) == 3
    schema = pq.read_schema(out)
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("latitude").type == pa.float64() and schema.field("fatalities").type == pa.int32()
    frame = pd.read_parquet(out)
    assert str(frame["fatalities_low"].dtype) == "Int32" and str(frame["n_sources"].dtype) == "Int32"
    assert str(frame["latitude"].dtype) == "float64"
    row = frame[frame["location"] == "Quneitra"].iloc[0]
    assert (row["fatalities"], row["fatalities_low"], row["fatalities_high"], row["n_sources"]) == (3, 3, 5, 2)
    assert pd.Timestamp(row["event_date"]) == pd.Timestamp("2023-05-12")
    assert frame["fatalities"].isna().sum() == 1  # the protest reports none


def test_empty_parquet_still_has_the_schema(store: Store, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "none.parquet"
    assert export_events(store, "parquet", out) == 0
    assert pq.read_schema(out).field("date_start").type == pa.date32()


def test_acled_csv(store: Store, tmp_path: Path) -> None:  # noqa: F811
    _fill(store)
    out = tmp_path / "e.csv"
    assert export_events(store, "acled", out, EventFilter(type="Battles")) == 2
    with open(out, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames is not None and reader.fieldnames[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
        rows = list(reader)
    quneitra = next(r for r in rows if r["location"] == "Quneitra")
    assert (quneitra["event_date"], quneitra["fatalities"], quneitra["source"]) == (
        "2023-05-12", "3", "Enab Baladi; SOHR")
    assert (quneitra["eventwire_fatalities_low"], quneitra["eventwire_fatalities_high"]) == ("3", "5")


def test_jsonl_round_trips_events(store: Store, tmp_path: Path) -> None:  # noqa: F811
    _fill(store)
    out = tmp_path / "e.jsonl"
    assert export_events(store, "jsonl", out) == 3
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["n_sources"] for r in records) == [1, 1, 2]
    for r in records:
        r.pop("n_sources"), r.pop("n_mentions")
        assert Event.model_validate(r).evidence


def test_export_command_with_filters(store_url: str, tmp_path: Path) -> None:  # noqa: F811
    with Store.open(store_url) as s:
        _fill(s)
    out = tmp_path / "f.geojson"
    result = CliRunner().invoke(main, ["export", "--db", store_url, "--format", "geojson", "--out", str(out),
                                       "--actor", "smugglers", "--since", "2023-04-01", "--until", "2023-04-30"])
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [f["properties"]["location"] for f in doc["features"]] == ["Hawayej Bumasaa"]
    bad = CliRunner().invoke(main, ["export", "--db", store_url, "--format", "geojson", "--out", str(out),
                                    "--since", "May 1"])
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output
