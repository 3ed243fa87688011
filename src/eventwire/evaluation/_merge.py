"""`eventwire eval --set merge`: does merging keep distinct events apart and join reports of one event?

Two measures, both on real text run through the real pipeline and the real clustering (`eventwire.dedup`):

- **Distinct notes** (`distinct_notes`): runs of real ACLED notes from consecutive days (Syria and all countries),
  each note its own article. ACLED codes every note as a distinct event, so the share of articles that end up
  sharing an event with another article is the false-merge rate of a real day's worth of reports.
- **Labelled pairs** (`pair_benchmark`): negatives are pairs of distinct ACLED events of the same day and the same
  province (the hard case) and of the same day and country; positives are FA-KES articles with the same date,
  governorate and cause of death (two outlets' reports of one event) and the hand-written pairs of
  `data/eval/merge_pairs.jsonl` (one ACLED-style event worded by two outlets). A pair is predicted "same" when any
  event of one article is clustered with an event of the other; precision and recall are over pairs.
"""
from __future__ import annotations

import itertools
import json
import random
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from eventwire.evaluation._acled import ProcessesArticles, default_pipeline, make_article
from eventwire.models import Article, Event

__all__ = ["HAND_PAIRS", "consecutive_notes", "distinct_notes", "evaluate_merge", "pair_benchmark",
           "shared_event_rate"]

HAND_PAIRS = Path(__file__).resolve().parents[1] / "data" / "eval" / "merge_pairs.jsonl"
SYRIA_FILE = "acled_syria_2019_2023.csv"
ALL_FILE = "acled_2022_all_types.csv"


def consecutive_notes(file: str, n: int, eval_dir: Path | None = None) -> list[dict[str, str]]:
    """`n` ACLED rows of `file` from a run of consecutive days: sorted by date, starting at the first row of the
    middle row's day (a fixed, reproducible window)."""
    from eventwire.devdata import acled_rows

    rows = sorted(acled_rows("all", eval_dir, files=(file,)), key=lambda r: (r["event_date"], r["event_id_cnty"]))
    start = len(rows) // 2
    while start > 0 and rows[start - 1]["event_date"] == rows[start]["event_date"]:
        start -= 1
    return rows[start:start + n]


def _note_article(row: Mapping[str, str]) -> Article | None:
    return make_article(row["notes"], date.fromisoformat(row["event_date"]), row["event_id_cnty"])


def distinct_notes(n_syria: int = 500, n_all: int = 500, eval_dir: Path | None = None) -> list[Article]:
    """The distinct-notes corpus: each ACLED note one article published on its event date."""
    rows = consecutive_notes(SYRIA_FILE, n_syria, eval_dir) + consecutive_notes(ALL_FILE, n_all, eval_dir)
    return [a for a in (_note_article(r) for r in rows) if a is not None]


def shared_event_rate(article_events: Mapping[str, Iterable[str]]) -> tuple[int, int]:
    """(articles sharing an event with another article, articles) from article id -> its stored event ids."""
    by_event: dict[str, set[str]] = defaultdict(set)
    for article_id, events in article_events.items():
        for event_id in events:
            by_event[event_id].add(article_id)
    shared = {a for members in by_event.values() if len(members) > 1 for a in members}
    return len(shared), len(article_events)
