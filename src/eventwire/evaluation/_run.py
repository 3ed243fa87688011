"""Choose the rows to score and run both evaluations."""
from __future__ import annotations

import random
from pathlib import Path
from typing import Any, Literal, Mapping, Sequence

from eventwire.errors import EventwireError
from eventwire.evaluation._acled import ProcessesArticles, default_pipeline, evaluate_acled
from eventwire.evaluation._locations import LOCATION_SAMPLE_SIZE, evaluate_locations, load_location_items

Sample = Literal["eval", "unseen", "all-test"]


def _eval_dir(eval_dir: Path | None) -> Path:
    from eventwire.devdata import shared_dir

    base = eval_dir or ((shared_dir() or Path("shared")) / "eval")
    if not (base / "acled_2022_all_types.csv").is_file():
        raise EventwireError("E030", f"{base} (set EVENTWIRE_SHARED to the folder holding eval/)", path=str(base))
    return base


def select_rows(
    sample: Sample = "eval", limit: int | None = None, seed: int = 0, eval_dir: Path | None = None
) -> tuple[list[dict[str, str]], str]:
    """(rows, description): the fixed held-out sample or the whole test split, optionally a seeded subset."""
    from eventwire.devdata import acled_rows, eval_sample

    base = _eval_dir(eval_dir)
    if sample == "eval":
        rows, description = eval_sample(eval_dir=base), "eval_sample(2000)"
    elif sample == "unseen":  # held out AND outside the CI sample, whose errors are read while improving rules
        seen = {r["event_id_cnty"] for r in eval_sample(eval_dir=base)}
        rows = [r for r in acled_rows("test", base) if r["event_id_cnty"] not in seen]
        description = "test split minus eval_sample(2000)"
    else:
        rows, description = list(acled_rows("test", base)), "test split"
    if limit is not None and limit < len(rows):
        rows = random.Random(seed).sample(rows, limit)
        description += f", limit {limit} seed {seed}"
    return rows, description


def evaluate(
    rows: Sequence[Mapping[str, str]],
    pipeline: ProcessesArticles | None = None,
    *,
    location_items: Sequence[Mapping[str, Any]] | None = None,
    error_samples: int = 0,
    sample: str = "rows",
) -> dict[str, Any]:
    """Scores for ACLED `rows` and, when given, for event_location sentences, with one pipeline."""
    pipeline = pipeline or default_pipeline()
    result: dict[str, Any] = {"sample": sample, "acled": evaluate_acled(rows, pipeline, error_samples=error_samples)}
    if location_items:
        result["locations"] = evaluate_locations(location_items, pipeline, error_samples=error_samples)
    return result


def location_items_for(limit: int | None, eval_dir: Path | None = None) -> list[dict[str, Any]]:
    """The fixed event_location sample: LOCATION_SAMPLE_SIZE sentences, or `limit` of them."""
    path = _eval_dir(eval_dir) / "event_location_labeled.jsonl"
    n = LOCATION_SAMPLE_SIZE if limit is None else min(limit, LOCATION_SAMPLE_SIZE)
    return load_location_items(path, n) if n > 0 else []
