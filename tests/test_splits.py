"""Generalisation splits: which rows go to which side (hand-made files and the real dev data), and the builders
that retrain everything memorising ACLED rows, run on a tiny subset into a temporary data folder."""
from __future__ import annotations

import csv
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.devdata import (
    ACLED_FILES,
    acled_rows,
    generalisation_split,
    location_key,
    shared_dir,
    split_of,
    split_sample,
)

SHARED = shared_dir()
needs_shared = pytest.mark.skipif(SHARED is None, reason="shared/eval (dev data) is absent; set EVENTWIRE_SHARED")
COLUMNS = ["event_id_cnty", "event_date", "location", "notes"]


def _ids(side: str) -> "itertools.Iterator[str]":
    return (f"TST{i}" for i in itertools.count() if split_of(f"TST{i}") == side)


def _write_files(base: Path, rows: list[dict[str, str]]) -> None:
    """All rows in the first ACLED file; the other files are empty."""
    for i, name in enumerate(ACLED_FILES):
        with open(base / name, "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, COLUMNS)
            writer.writeheader()
            writer.writerows(rows if i == 0 else [])


def test_time_split_by_year(tmp_path: Path) -> None:
    ids = _ids("train")
    dates = ["2018-12-31", "2019-01-01", "2020-12-31", "2021-01-01", "2023-05-02"]
    _write_files(tmp_path, [{"event_id_cnty": next(ids), "event_date": d, "location": "A", "notes": "n"} for d in dates])
    train, held = generalisation_split("time", tmp_path)
    assert [r["event_date"] for r in train] == ["2021-01-01", "2023-05-02"]
    assert [r["event_date"] for r in held] == ["2019-01-01", "2020-12-31"]  # 2018 is on neither side


def test_place_split_keeps_only_unseen_locations(tmp_path: Path) -> None:
    train_ids, test_ids = _ids("train"), _ids("test")
    rows = [{"event_id_cnty": next(train_ids), "event_date": "2022-01-01", "location": loc, "notes": "n"}
            for loc in ("Saraqab", "Deir ez Zor")]
    rows += [{"event_id_cnty": next(test_ids), "event_date": "2022-01-01", "location": loc, "notes": "n"}
             for loc in ("saraqab", "Deir  ez ZOR", "Maarrat Misrin", "")]
    _write_files(tmp_path, rows)
    train, held = generalisation_split("place", tmp_path)
    assert sorted(r["location"] for r in train) == ["Deir ez Zor", "Saraqab"]
    assert [r["location"] for r in held] == ["Maarrat Misrin"]  # case and spacing do not make a place new


def test_split_sample_is_fixed_whatever_the_order() -> None:
    rows = [{"event_id_cnty": f"E{i}"} for i in range(50)]
    first = split_sample(rows, 10)
    assert first == split_sample(list(reversed(rows)), 10)
    assert len(first) == 10 and first != rows[:10]


@needs_shared
def test_real_time_split_dates() -> None:
    train, held = generalisation_split("time")
    assert train and held
    assert all(r["event_date"][:4] >= "2021" for r in train)
    assert all(r["event_date"][:4] in ("2019", "2020") for r in held)
    assert {r["_file"] for r in held} == {"acled_syria_2019_2023.csv", "acled_extra.csv"}


@needs_shared
def test_real_place_split_shares_no_location_with_train() -> None:
    train, held = generalisation_split("place")
    seen = {location_key(r["location"]) for r in train}
    assert len(held) > 500
    assert not {location_key(r["location"]) for r in held} & seen
    assert all(split_of(r["event_id_cnty"]) == "test" for r in held)
    assert len(train) == sum(1 for _ in acled_rows("train"))


_CHECK_LOADED = """
import json, sys
from datetime import date
from eventwire.actors import _tables
from eventwire.events.classifier import SubtypeClassifier, model_dir
from eventwire.geo import gazetteer
from eventwire.intake import article_from_text
from eventwire.pipeline import Pipeline
text = "On 3 March 2022, regime forces shelled the town of Saraqab in Idleb, killing two civilians."
events = [e for _, es in Pipeline().process([article_from_text(text, published=date(2022, 3, 3))]) for e in es]
print(json.dumps({"actors": str(_tables._DATA), "gazetteer": str(gazetteer.ARTEFACT), "model": str(model_dir()),
                  "classes": len(SubtypeClassifier.load().classes), "events": len(events)}))
"""


@needs_shared
@pytest.mark.slow
def test_builders_write_loadable_artefacts(tmp_path: Path) -> None:
    """Every builder on 400 train rows into a fresh folder; a new process reading that folder extracts events.
    The gazetteer build reads all of geonames (about two minutes on 2 cores): set EVENTWIRE_TEST_GAZETTEER=1."""
    from eventwire.evaluation import _splits

    builders = _splits.BUILDERS
    if not os.environ.get("EVENTWIRE_TEST_GAZETTEER"):
        builders = [(n, b) for n, b in builders if n != "gazetteer"]
    rows = split_sample(list(acled_rows("train")), 400)
    data_dir = tmp_path / "data"
    original = _splits.BUILDERS
    _splits.BUILDERS = builders
    try:
        seconds = _splits.build_data_dir(rows, data_dir)
    finally:
        _splits.BUILDERS = original
    assert set(seconds) == {n for n, _ in builders}
    meta = json.loads((data_dir / "model" / "subtype_classifier.json").read_text(encoding="utf-8"))
    assert meta["train_rows"] == 400
    mined = json.loads((data_dir / "actors" / "actor_inter.json").read_text(encoding="utf-8"))
    assert set(mined) <= {r[k] for r in rows for k in ("actor1", "actor2")}  # mined from these rows only
    env = {**os.environ, "EVENTWIRE_DATA_DIR": str(data_dir)}
    done = subprocess.run([sys.executable, "-c", _CHECK_LOADED], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert all(loaded[k].startswith(str(data_dir)) for k in ("actors", "gazetteer", "model"))
    assert loaded["classes"] == len({r["sub_event_type"] for r in rows})
    assert loaded["events"] >= 1


def _fake_run_split(name: str, n: int, **_: object) -> dict[str, object]:
    scores = {"event_recall": 1.0, "admin1_accuracy": 0.9, "location_within_25km": 0.76, "actor1_accuracy": 0.7,
              "sub_event_type_weighted_f1": 0.8}
    side = {"unseen_locations": {"scores": scores, "by_file": {}, "by_country": {}}}
    return {"split": name, "train_rows": 10, "samples": {"unseen_locations": n}, "build_seconds": {},
            "score_seconds": 0.0, "rebuilt": side, "package": side}


def test_eval_split_writes_figures_and_targets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from eventwire import evaluation
    from eventwire.cli import main

    monkeypatch.setattr(evaluation, "run_split", _fake_run_split)
    out = tmp_path / "splits.json"
    out.write_text(json.dumps({"time": {"kept": True}}), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--split", "place", "--limit", "7", "--write-splits", str(out)])
    assert result.exit_code == 0, result.output
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["time"] == {"kept": True}  # another split's figures stay
    place = written["place"]
    assert place["samples"]["unseen_locations"]["n"] == 7
    assert place["targets"]["location_within_25km"] == {"target": 0.75, "value": 0.76, "met": True}
