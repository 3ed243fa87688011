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
import re
import time
from collections import defaultdict
from datetime import date
from difflib import SequenceMatcher
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


# --- the labelled pairs ------------------------------------------------------------------------------------------
Pair = tuple[str, Article, Article, bool]  # (group, article a, article b, same event?)


def _acled_negatives(n_hard: int, n_country: int, seed: int, eval_dir: Path | None) -> list[Pair]:
    """Pairs of distinct held-out ACLED events: same day and province (hard), and same day and country."""
    from eventwire.devdata import acled_rows

    rows = [r for r in acled_rows("test", eval_dir) if r.get("notes")]
    by_province: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    by_country: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_province[(r["event_date"], r["country"], r["admin1"])].append(r)
        by_country[(r["event_date"], r["country"])].append(r)
    rng = random.Random(seed)
    hard = [(a, b) for key in sorted(by_province) for a, b in itertools.combinations(by_province[key][:4], 2)]
    country = [(a, b) for key in sorted(by_country) for a, b in itertools.combinations(by_country[key][:6], 2)
               if a["admin1"] != b["admin1"]]
    out: list[Pair] = []
    for group, pool, n in (("acled same day+province", hard, n_hard), ("acled same day+country", country, n_country)):
        for a, b in rng.sample(pool, min(n, len(pool))):
            if not _one_report(a["notes"], b["notes"]):
                art_a, art_b = _note_article(a), _note_article(b)
                if art_a and art_b:
                    out.append((group, art_a, art_b, False))
    return out


def _one_report(a: str, b: str) -> bool:
    """Whether two ACLED notes are one report that ACLED split into one event per place: the same text, or the
    same names throughout in nearly the same words ("Protesters took the streets in Porto-Novo and Seme-Podji ..."
    coded once at each town). Each such note tells both events, so merging them is right, not a false merge; two
    protests in one town by two groups share their names but not their words."""
    if a == b:
        return True
    names = [set(re.findall(r"\b[A-Z][\w'-]+", text)) for text in (a, b)]
    return names[0] == names[1] and SequenceMatcher(None, a, b).ratio() >= _ONE_REPORT_RATIO


_ONE_REPORT_RATIO = 0.8  # difflib ratio of two wordings of one report (the Porto-Novo pair: 0.97)


def _fakes_positives(eval_dir: Path | None) -> list[Pair]:
    """FA-KES articles with the same date, governorate and cause of death (fed without publication date)."""
    from eventwire.devdata import shared_dir
    from eventwire.evaluation._fakes import FAKES_FILE, article_text, load_fakes_rows

    path = (eval_dir or ((shared_dir() or Path("shared")) / "eval")) / FAKES_FILE
    groups: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for row in load_fakes_rows(path):
        if row.get("label") == "1" and "unknown" not in (row["cause_of_death"], row["location"]):
            groups[(row["date"], row["location"], row["cause_of_death"])].append(row)
    out: list[Pair] = []
    for key in sorted(groups):
        for a, b in itertools.combinations(groups[key], 2):
            art_a, art_b = make_article(article_text(a), None, a["unit_id"]), make_article(article_text(b), None, b["unit_id"])
            if art_a and art_b and art_a.id != art_b.id:
                out.append(("fakes same date+governorate+cause", art_a, art_b, True))
    return out


def _hand_pairs() -> list[Pair]:
    out: list[Pair] = []
    for n, line in enumerate(HAND_PAIRS.read_text(encoding="utf-8").splitlines()):
        rec = json.loads(line)
        day = date.fromisoformat(rec["published"])
        a, b = (Article.model_validate({"text": rec[k]["text"], "source": rec[k]["source"], "published": day,
                                        "input_id": f"hand-{n}-{k}", "id": f"hand-{n}-{k}"}) for k in ("a", "b"))
        out.append((f"hand-written {rec['label']}", a, b, rec["label"] == "same"))
    return out


def pair_benchmark(n_hard: int = 300, n_country: int = 100, seed: int = 0,
                   eval_dir: Path | None = None) -> list[Pair]:
    """The labelled merge pairs (see the module docstring)."""
    return _acled_negatives(n_hard, n_country, seed, eval_dir) + _fakes_positives(eval_dir) + _hand_pairs()


def _merged(a_events: Sequence[Event], b_events: Sequence[Event], a: Article, b: Article, merge_km: float) -> bool:
    from eventwire.dedup import cluster, mention_of

    mentions = [mention_of(a, e, i) for i, e in enumerate(a_events)]
    mentions += [mention_of(b, e, i) for i, e in enumerate(b_events)]
    return any(len({m.article_id for m in g}) > 1 for g in cluster(mentions, merge_km))


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def evaluate_merge(pairs: Sequence[Pair], pipeline: ProcessesArticles | None = None, *,
                   merge_km: float | None = None, hard_cases: int = 10) -> dict[str, Any]:
    """Merge precision and recall over labelled pairs, per group, with sample errors (the hard cases)."""
    from eventwire import settings

    km = float(settings.get("merge_km")) if merge_km is None else merge_km
    pipeline = pipeline or default_pipeline()
    started = time.perf_counter()
    unique = {a.id: a for _, x, y, _ in pairs for a in (x, y)}
    events = {a.id: evs for a, evs in pipeline.process(list(unique.values()))}
    tp = fp = fn = 0
    groups: dict[str, dict[str, int]] = defaultdict(lambda: {"n": 0, "merged": 0})
    errors: list[dict[str, Any]] = []
    for group, a, b, same in pairs:
        merged = _merged(events.get(a.id, []), events.get(b.id, []), a, b, km)
        groups[group]["n"] += 1
        groups[group]["merged"] += int(merged)
        tp, fp, fn = tp + (merged and same), fp + (merged and not same), fn + (same and not merged)
        if merged != same and len(errors) < hard_cases * 2:
            errors.append({"group": group, "expected": "same" if same else "different",
                           "a": a.text[:200], "b": b.text[:200]})
    return {"merge": {"n": len(pairs), "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn),
                      "tp": tp, "fp": fp, "fn": fn, "by_group": dict(sorted(groups.items())),
                      "errors": errors, "seconds": round(time.perf_counter() - started, 1)}}
