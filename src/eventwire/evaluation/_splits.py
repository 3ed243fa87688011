"""Generalisation splits: rebuild everything that memorises ACLED rows from a split's training side only, into a
temporary data folder, and score the split's evaluation side with it (see `devdata.generalisation_split`).

What memorises is listed once, in BUILDERS: each is (name, callable(rows, data_dir)) and writes its tables or
model under `data_dir` as `settings.data_path` reads them. Everything else is copied from the package data.
Tables are loaded and cached at import, so scoring runs in a fresh process (`python -m
eventwire.evaluation._splits`) with EVENTWIRE_DATA_DIR pointing at the folder. Each sample is scored twice on
the same rows: with the rebuilt folder ("rebuilt": the honest figure) and with the shipped tables ("package":
trained on the hash split's train side, which for `time` holds ~85% of the evaluation rows: what memorising
them is worth).
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Sequence

from eventwire.errors import EventwireError

__all__ = ["BUILDERS", "SPLIT_TARGETS", "build_data_dir", "run_split", "split_samples", "split_summary"]

log = logging.getLogger(__name__)

Rows = Sequence[dict[str, str]]
Builder = Callable[[Rows, Path], object]
MIN_GROUP_ROWS = 30  # countries with fewer sample rows are left out of the per-country figures
# The bars, on each split's first sample scored with the rebuilt tables.
SPLIT_TARGETS: dict[str, dict[str, float]] = {
    "time": {"admin1_accuracy": 0.92, "location_within_25km": 0.80, "actor1_accuracy": 0.78,
             "sub_event_type_weighted_f1": 0.88},
    "place": {"location_within_25km": 0.75},
}
HEADLINE = ("event_recall", "admin1_accuracy", "location_within_25km", "actor1_accuracy",
            "sub_event_type_weighted_f1")


def _common_words(rows: Rows, data_dir: Path) -> object:
    from eventwire.nlp.common_words import build

    return build(rows, data_dir / "common_words.txt")


def _actors(rows: Rows, data_dir: Path) -> object:
    from eventwire.actors.build import build

    return build(rows, data_dir / "actors", data_dir / "common_words.txt")


def _gazetteer(rows: Rows, data_dir: Path) -> object:
    from eventwire.geo.build import build

    return build(data_dir / "geo" / "gazetteer.sqlite.gz", rows)


def _subtype_classifier(rows: Rows, data_dir: Path) -> object:
    from eventwire.events.classifier import train

    return train(out_dir=data_dir / "model", rows=rows, held_out_rows=[]).meta["train_rows"]


def _sentence_model(rows: Rows, data_dir: Path) -> object:
    from eventwire.events.sentence_model import train

    return train(rows, data_dir / "model")


# In build order: the actor tables read the common words.
BUILDERS: list[tuple[str, Builder]] = [
    ("common_words", _common_words),
    ("actors", _actors),
    ("gazetteer", _gazetteer),
    ("subtype_classifier", _subtype_classifier),
    ("sentence_model", _sentence_model),
]


def build_data_dir(rows: Rows, data_dir: Path, progress: Callable[[str], None] | None = None) -> dict[str, float]:
    """Copy the package data into `data_dir`, then run every builder on `rows` over it; seconds per builder."""
    from eventwire.settings import data_path

    shutil.copytree(data_path(), data_dir, dirs_exist_ok=True)
    seconds: dict[str, float] = {}
    for name, builder in BUILDERS:
        if progress:
            progress(f"building {name} from {len(rows):,} rows")
        started = time.perf_counter()
        builder(rows, data_dir)
        seconds[name] = round(time.perf_counter() - started, 1)
    return seconds


def split_samples(name: str, n: int, eval_dir: Path | None = None) -> tuple[Rows, dict[str, Rows]]:
    """(training side, named samples to score): `time` scores its 2019-2020 sample; `place` its unseen-location
    sample and, as the in-distribution contrast, a sample of the held-out rows whose location WAS seen."""
    from eventwire.devdata import acled_rows, generalisation_split, location_key, split_sample

    train, held = generalisation_split(name, eval_dir)
    if name == "time":
        return train, {"2019-2020": split_sample(held, n)}
    unseen = {r["event_id_cnty"] for r in held}
    seen = [r for r in acled_rows("test", eval_dir) if r["event_id_cnty"] not in unseen and location_key(r["location"])]
    return train, {"unseen_locations": split_sample(held, n), "seen_locations": split_sample(seen, n)}


def _score_samples(name: str, n: int, eval_dir: Path | None) -> dict[str, Any]:
    """In the child process: score each sample with the tables EVENTWIRE_DATA_DIR points at."""
    from eventwire.evaluation._acled import default_pipeline, evaluate_acled

    _, samples = split_samples(name, n, eval_dir)
    pipeline = default_pipeline()
    out = {}
    for sample, rows in samples.items():
        result = evaluate_acled(rows, pipeline, group_by=("country",))
        result["by_country"] = {c: v for c, v in result.get("by_country", {}).items() if v["n"] >= MIN_GROUP_ROWS}
        result.pop("confusion", None)
        out[sample] = result
    return out


def _child(name: str, n: int, eval_dir: Path | None, data_dir: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        env = {**os.environ, "EVENTWIRE_DATA_DIR": str(data_dir)}
        cmd = [sys.executable, "-m", "eventwire.evaluation._splits", name, str(n), str(out), str(eval_dir or "")]
        done = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if done.returncode != 0 or not out.is_file():
            tail = " | ".join(done.stderr.strip().splitlines()[-3:])
            raise EventwireError("E032", f"scoring split {name} with {data_dir}: {tail}")
        return json.loads(out.read_text(encoding="utf-8"))


def run_split(name: str, n: int, eval_dir: Path | None = None, progress: Callable[[str], None] | None = None,
              keep_dir: Path | None = None) -> dict[str, Any]:
    """Rebuild from the split's training side, score its samples with the rebuilt and the shipped tables."""
    from eventwire.settings import data_path

    train, samples = split_samples(name, n, eval_dir)
    with tempfile.TemporaryDirectory(prefix=f"eventwire-split-{name}-") as tmp:
        data_dir = keep_dir or Path(tmp)
        build_seconds = build_data_dir(train, data_dir, progress)
        if progress:
            progress(f"scoring {', '.join(f'{k} ({len(v):,})' for k, v in samples.items())} with rebuilt tables")
        started = time.perf_counter()
        rebuilt = _child(name, n, eval_dir, data_dir)
        score_seconds = round(time.perf_counter() - started, 1)
    if progress:
        progress("scoring the same rows with the package tables")
    package = _child(name, n, eval_dir, data_path())
    return {"split": name, "train_rows": len(train), "samples": {k: len(v) for k, v in samples.items()},
            "build_seconds": build_seconds, "score_seconds": score_seconds, "rebuilt": rebuilt, "package": package}


def split_summary(result: dict[str, Any]) -> dict[str, Any]:
    """What eval/splits.json keeps of a run_split result: scores per sample (rebuilt and package tables), per
    file (both) and per country (rebuilt), and each target of SPLIT_TARGETS with whether it is met."""
    first = next(iter(result["samples"]))
    scores = result["rebuilt"][first]["scores"]
    targets = {k: {"target": t, "value": scores.get(k), "met": scores.get(k) is not None and scores[k] >= t}
               for k, t in SPLIT_TARGETS.get(result["split"], {}).items()}
    samples = {}
    for sample, n in result["samples"].items():
        rebuilt, package = result["rebuilt"][sample], result["package"][sample]
        samples[sample] = {
            "n": n,
            "headline": {k: {"rebuilt": rebuilt["scores"].get(k), "package": package["scores"].get(k)} for k in HEADLINE},
            "rebuilt": rebuilt["scores"], "package": package["scores"],
            "rebuilt_by_file": rebuilt.get("by_file", {}), "package_by_file": package.get("by_file", {}),
            "rebuilt_by_country": rebuilt.get("by_country", {}),
        }
    return {"train_rows": result["train_rows"], "build_seconds": result["build_seconds"],
            "targets": targets, "samples": samples}


if __name__ == "__main__":  # the child process of run_split: python -m eventwire.evaluation._splits NAME N OUT [EVAL_DIR]
    logging.basicConfig(level=logging.WARNING)
    _name, _n, _out = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    _eval_dir = Path(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[4] else None
    _out.write_text(json.dumps(_score_samples(_name, _n, _eval_dir), default=str), encoding="utf-8")
