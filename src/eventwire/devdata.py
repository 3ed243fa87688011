"""Where the labelled dev data lives, and the one train/test split every learned part respects.

The split is by a hash of ACLED's `event_id_cnty`, so it is fixed, order-free and the same for every file:
rows whose hash bucket is below TEST_BUCKETS are held out (never trained on, never mined for tables); the CI
evaluation sample is the first EVAL_SAMPLE_SIZE held-out rows of CI_FILES in hash order (`acled_extra.csv`, added
later, trains and widens the other samples but leaves the CI sample as its baseline was measured).
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
    "acled_rows",
    "eval_sample",
    "shared_dir",
    "split_of",
]

CI_FILES = ("acled_syria_2019_2023.csv", "acled_2022_all_types.csv")
ACLED_FILES = CI_FILES + ("acled_extra.csv",)
TEST_BUCKETS = 15  # of 100: about 2,900 of the 19,312 dev rows are held out
EVAL_SAMPLE_SIZE = 2000


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
