"""The ACLED export reads like ACLED: our rows concatenate with real ACLED rows in pandas with the same dtypes,
every row has actor1, country and date, inter codes are integers with 0 for no actor, ids are the user's."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from conftest_store import needs_shared
from eventwire.cli import main
from eventwire.export._tables import country_prefix, source_scale

INT_COLUMNS = ["year", "time_precision", "inter1", "inter2", "interaction", "geo_precision", "fatalities"]
FLOAT_COLUMNS = ["latitude", "longitude"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[pd.DataFrame, pd.DataFrame, set[str]]:
    """80 real held-out ACLED notes (40 Syria, 40 elsewhere), each an article keyed by its event_id_cnty,
    ingested and exported as ACLED CSV; with the ACLED rows they came from."""
    from eventwire.devdata import acled_rows

    rows = [r for r in acled_rows("test") if r["country"] == "Syria"][:40]
    rows += [r for r in acled_rows("test") if r["country"] != "Syria"][:40]
    folder = tmp_path_factory.mktemp("acled")
    feed = folder / "notes.jsonl"
    feed.write_text("".join(json.dumps({"id": r["event_id_cnty"], "text": r["notes"], "published": r["event_date"],
                                        "source": r["source"]}) + "\n" for r in rows), encoding="utf-8")
    db, out = f"sqlite:///{folder / 'e.db'}", folder / "acled.csv"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(feed), "--db", db, "--quiet"]).exit_code == 0
    result = runner.invoke(main, ["export", "--db", db, "--format", "acled", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    ours = pd.read_csv(out, keep_default_na=False, na_values=[""])
    theirs = pd.DataFrame(rows)
    theirs = pd.read_csv(_as_csv(theirs, folder / "theirs.csv"), keep_default_na=False, na_values=[""])
    return ours, theirs, {r["event_id_cnty"] for r in rows}


def _as_csv(frame: pd.DataFrame, path: Path) -> Path:
    frame.drop(columns=["_file"]).to_csv(path, index=False)
    return path


@needs_shared
def test_every_row_has_actor1_country_and_date(exported) -> None:  # type: ignore[no-untyped-def]
    ours, _, _ = exported
    assert len(ours) >= 60
    assert ours["actor1"].notna().all() and ours["country"].notna().all() and ours["event_date"].notna().all()


@needs_shared
def test_inter_codes_are_integers_with_zero_for_no_actor(exported) -> None:  # type: ignore[no-untyped-def]
    ours, _, _ = exported
    for column in ("inter1", "inter2", "interaction"):
        assert ours[column].dtype == "int64", column
    no_actor2 = ours["actor2"].isna()
    assert no_actor2.any() and (ours.loc[no_actor2, "inter2"] == 0).all()
    assert (ours.loc[no_actor2, "interaction"] == ours.loc[no_actor2, "inter1"] * 10).all()


@needs_shared
def test_rows_concatenate_with_acled_rows_with_the_same_dtypes(exported) -> None:  # type: ignore[no-untyped-def]
    ours, theirs, _ = exported
    both = pd.concat([theirs.assign(origin="acled"), ours[theirs.columns].assign(origin="eventwire")],
                     ignore_index=True)
    for column in INT_COLUMNS:
        assert ours[column].dtype == theirs[column].dtype == both[column].dtype == "int64", column
    for column in FLOAT_COLUMNS:
        assert both[column].dtype == "float64", column
    totals = both.groupby(["origin", "event_type"])["fatalities"].sum()
    assert set(totals.index.get_level_values("origin")) == {"acled", "eventwire"}
    by_country = both.groupby(["country", "origin"]).size().unstack(fill_value=0)
    assert by_country.loc["Syria", "eventwire"] > 0 and by_country.loc["Syria", "acled"] == 40
    assert pd.to_datetime(both["event_date"]).notna().all()


@needs_shared
def test_rows_carry_the_users_ids_and_acled_style_event_ids(exported) -> None:  # type: ignore[no-untyped-def]
    ours, _, given = exported
    for cell in ours["article_id"]:
        assert set(cell.split("; ")) <= given
    assert ours["event_id_cnty"].str.fullmatch(r"[A-Z]{2,4}\d+").all()
    assert ours["event_id_cnty"].is_unique
    syria = ours[ours["country"] == "Syria"]
    assert syria["event_id_cnty"].str.startswith("SYR").all()
    assert ours["source_scale"].notna().mean() > 0.3  # outlets ACLED cites get their scale


def test_country_prefixes_are_acleds_own_letters() -> None:
    assert country_prefix("Syria") == "SYR"
    assert country_prefix("Burkina Faso") == "BFO"  # ACLED's code, not ISO's BFA
    assert re.fullmatch(r"[A-Z]{3}", country_prefix("Iceland"))  # not in the dev data: ISO 3166 alpha-3
    assert country_prefix(None) == "XXX"


def test_source_scale_joins_each_outlets_scale_once() -> None:
    assert source_scale(["Reuters"]) == "International"
    assert source_scale(["SOHR; Reuters", "SOHR"]) == source_scale(["Reuters", "SOHR"]) == "Other-International"
    assert source_scale(["An outlet nobody cites"]) == ""
