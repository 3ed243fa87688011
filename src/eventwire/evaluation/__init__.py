"""`eventwire eval`: measure the pipeline against the labelled dev data, and the CI gate over a committed baseline.

ACLED rows: each row's `notes` becomes an article published on its `event_date`; the produced event that agrees
best with the row is scored field by field. Every score is over ALL rows: a row without an event counts as wrong
for every field. `event_location_labeled.jsonl`: does the chosen event's location evidence overlap the gold span.
`news/fakes_dev.csv` (`--set fakes`): real news articles, each fed without a publication date, scored on its main
event (see `_fakes`).
"""
from __future__ import annotations

from eventwire.evaluation._acled import ProcessesArticles, evaluate_acled, score_rows
from eventwire.evaluation._baseline import (
    LOWER_IS_BETTER,
    TARGETS,
    TOLERANCE,
    check_baseline,
    read_baseline,
    target_report,
    write_baseline,
)
from eventwire.evaluation._fakes import evaluate_fakes, fakes_result, select_fakes
from eventwire.evaluation._fields import haversine_km, match
from eventwire.evaluation._merge import evaluate_merge, pair_benchmark
from eventwire.evaluation._locations import LOCATION_SAMPLE_SIZE, evaluate_locations, load_location_items
from eventwire.evaluation._run import evaluate, location_items_for, select_rows
from eventwire.evaluation._splits import BUILDERS, SPLIT_TARGETS, build_data_dir, run_split, split_summary

__all__ = [
    "evaluate_merge",
    "pair_benchmark",
    "BUILDERS",
    "SPLIT_TARGETS",
    "build_data_dir",
    "run_split",
    "split_summary",
    "LOCATION_SAMPLE_SIZE",
    "LOWER_IS_BETTER",
    "ProcessesArticles",
    "TARGETS",
    "TOLERANCE",
    "check_baseline",
    "evaluate",
    "evaluate_acled",
    "evaluate_fakes",
    "fakes_result",
    "evaluate_locations",
    "haversine_km",
    "load_location_items",
    "location_items_for",
    "match",
    "read_baseline",
    "score_rows",
    "select_fakes",
    "select_rows",
    "target_report",
    "write_baseline",
]
