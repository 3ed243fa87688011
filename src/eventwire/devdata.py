"""Where the labelled dev data lives, and the one train/test split every learned part respects.

The split is by a hash of ACLED's `event_id_cnty`, so it is fixed, order-free and the same for every file:
rows whose hash bucket is below TEST_BUCKETS are held out (never trained on, never mined for tables); the CI
evaluation sample is the first EVAL_SAMPLE_SIZE held-out rows of CI_FILES in hash order (`acled_extra.csv`, added
later, trains and widens the other samples but leaves the CI sample as its baseline was measured).

Two generalisation splits over all ACLED_FILES (`generalisation_split`) ask what the hash split cannot, since its
held-out rows share weeks, places and actors with the rows trained on: `time` trains on rows dated 2021 or later
and evaluates on rows dated 2019-2020 (earlier rows are unused); `place` evaluates on the held-out rows whose
`location` never occurs in the train side. Each is scored on a fixed hash-ordered sample (`split_sample`).
"""
from __future__ import annotations

import csv
import hashlib
import os
from pathlib import Path
from typing import Iterator, Literal

__all__ = [
    "ACLED_FILES",
    "CI_FILES",
    "EVAL_SAMPLE_SIZE",
    "GENERALISATION_SPLITS",
    "SPLIT_SAMPLE_SIZE",
    "acled_rows",
    "eval_sample",
    "generalisation_split",
    "location_key",
    "shared_dir",
    "split_of",
    "split_sample",
]

CI_FILES = ("acled_syria_2019_2023.csv", "acled_2022_all_types.csv")
ACLED_FILES = CI_FILES + ("acled_extra.csv",)
TEST_BUCKETS = 15  # of 100: about 2,900 of the 19,312 dev rows are held out
EVAL_SAMPLE_SIZE = 2000
GENERALISATION_SPLITS = ("time", "place")
SPLIT_SAMPLE_SIZE = 1500
TIME_TRAIN_FROM, TIME_EVAL_YEARS = "2021", ("2019", "2020")


def shared_dir() -> Path | None:
    """The `shared/` folder beside the checkout (or $EVENTWIRE_SHARED), or None where it is absent."""
    candidates = [os.environ.get("EVENTWIRE_SHARED")]
    here = Path(__file__).resolve()
    candidates += [str(p / "shared") for p in here.parents[:5]]
    candidates.append(str(Path.cwd().parent / "shared"))
    for c in candidates:
        if c and (Path(c) / "eval").is_dir():
            return Path(c)
    return None


def _bucket(event_id: str) -> int:
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:8], 16) % 100


def _order(event_id: str) -> str:
    return hashlib.sha256(("order:" + event_id).encode("utf-8")).hexdigest()


def split_of(event_id: str) -> Literal["train", "test"]:
    return "test" if _bucket(event_id) < TEST_BUCKETS else "train"


def acled_rows(split: Literal["train", "test", "all"] = "all", eval_dir: Path | None = None,
               files: tuple[str, ...] = ACLED_FILES) -> Iterator[dict[str, str]]:
    """Rows of the dev ACLED files (with a `_file` key), filtered to one side of the split."""
    base = eval_dir or ((shared_dir() or Path("shared")) / "eval")
    for name in files:
        with open(base / name, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if split == "all" or split_of(row["event_id_cnty"]) == split:
                    row["_file"] = name
                    yield row


def eval_sample(n: int = EVAL_SAMPLE_SIZE, eval_dir: Path | None = None) -> list[dict[str, str]]:
    """The fixed evaluation sample: the first `n` held-out rows of CI_FILES in hash order."""
    rows = sorted(acled_rows("test", eval_dir, CI_FILES), key=lambda r: _order(r["event_id_cnty"]))
    return rows[:n]


def location_key(location: str) -> str:
    """A location name compared case- and spacing-blind ("Deir-ez-Zor  city" = "deir-ez-zor city")."""
    return " ".join(location.lower().split())


def generalisation_split(name: str, eval_dir: Path | None = None) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(training side, evaluation side) of the `time` or `place` split (see the module doc)."""
    if name == "time":
        train, held = [], []
        for row in acled_rows("all", eval_dir):
            year = row["event_date"][:4]
            if year >= TIME_TRAIN_FROM:
                train.append(row)
            elif year in TIME_EVAL_YEARS:
                held.append(row)
        return train, held
    if name == "place":
        train = list(acled_rows("train", eval_dir))
        seen = {location_key(r["location"]) for r in train}
        held = [r for r in acled_rows("test", eval_dir) if r["location"].strip() and location_key(r["location"]) not in seen]
        return train, held
    raise ValueError(f"unknown split {name!r}; one of {GENERALISATION_SPLITS}")


def split_sample(rows: list[dict[str, str]], n: int = SPLIT_SAMPLE_SIZE) -> list[dict[str, str]]:
    """The first `n` rows in hash order of the event id: a fixed sample, the same whatever order rows come in."""
    return sorted(rows, key=lambda r: _order(r["event_id_cnty"]))[:n]
