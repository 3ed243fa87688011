"""Score the pipeline against ACLED rows: each row's `notes` is an article published on its `event_date`."""
from __future__ import annotations

import logging
import time
from collections import Counter
from datetime import date
from typing import Any, Iterable, Iterator, Mapping, Protocol, Sequence

from eventwire.errors import EventwireError
from eventwire.evaluation._fields import FIELDS, NO_EVENT, field_hits, gold, match, predicted
from eventwire.models import Article, Event, content_hash

log = logging.getLogger(__name__)


# Field of `field_hits` -> name of its score (sub_event_type is scored by F1 instead).
SCORE_NAMES = {
    "event_type": "event_type_accuracy",
    "actor1": "actor1_accuracy",
    "actor2": "actor2_accuracy",
    "admin1": "admin1_accuracy",
    "location_1km": "location_within_1km",
    "location_25km": "location_within_25km",
    "location_100km": "location_within_100km",
    "geo_precision": "geo_precision_accuracy",
    "fatalities": "fatalities_exact",
    "event_date": "event_date_exact",
}


class ProcessesArticles(Protocol):
    def process(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]: ...


def default_pipeline() -> ProcessesArticles:
    from eventwire.pipeline import Pipeline

    return Pipeline()


def make_article(text: str, published: date | None, input_id: str) -> Article | None:
    """An Article through the real intake when it is there; None when intake rejects the text."""
    try:
        from eventwire.intake import article_from_text
    except ImportError:  # intake not built yet: the plain model is enough for notes
        return Article(id=content_hash(text), input_id=input_id, text=text, published=published)
    try:
        return article_from_text(text, input_id=input_id, published=published)
    except EventwireError as exc:
        log.warning("row %s dropped by intake: %s", input_id, exc)
        return None


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "").strip()[:10])
    except ValueError:
        return None


def run_pipeline(pipeline: ProcessesArticles, items: Sequence[tuple[str, str, date | None]]) -> dict[str, list[Event]]:
    """Events per input id, from one batched `process` call over (input_id, text, published) items."""
    articles = [a for a in (make_article(text, pub, key) for key, text, pub in items) if a is not None]
    out: dict[str, list[Event]] = {}
    for article, events in pipeline.process(articles):
        out[article.input_id or article.id] = list(events)
    return out


def _row_key(i: int, row: Mapping[str, str]) -> str:
    return f"{i}:{row.get('event_id_cnty', '')}"


def evaluate_acled(
    rows: Sequence[Mapping[str, str]], pipeline: ProcessesArticles | None = None, *, error_samples: int = 0,
    group_by: Sequence[str] = (),
) -> dict[str, Any]:
    """Per-field scores over ALL rows (a row without an event is wrong on every field), plus the sub-type
    confusion counts, per-file scores, per-value scores of each column of `group_by` (`by_<column>`: n and
    scores) and, if asked, up to `error_samples` wrong rows per field."""
    pipeline = pipeline or default_pipeline()
    items = [(_row_key(i, r), r.get("notes", ""), _date(r.get("event_date"))) for i, r in enumerate(rows)]
    started = time.perf_counter()
    produced = run_pipeline(pipeline, items)
    seconds = time.perf_counter() - started
    matched = [match(produced.get(key, []), row) for (key, _, _), row in zip(items, rows)]
    result = score_rows(rows, matched, [len(produced.get(k, [])) for k, _, _ in items])
    result["seconds"] = round(seconds, 2)
    result["articles_per_second"] = round(len(rows) / seconds, 1) if seconds > 0 else None
    result["by_file"] = {
        name: score_rows([rows[i] for i in idx], [matched[i] for i in idx])["scores"]
        for name, idx in _groups(rows, "_file").items()
    }
    for column in group_by:
        result[f"by_{column}"] = {
            name: {"n": len(idx), "scores": score_rows([rows[i] for i in idx], [matched[i] for i in idx])["scores"]}
            for name, idx in sorted(_groups(rows, column).items())
        }
    if error_samples:
        result["errors"] = error_sample(rows, matched, error_samples)
    return result


def _groups(rows: Sequence[Mapping[str, str]], column: str) -> dict[str, list[int]]:
    """Row indexes by the value of `column`; none when all rows share one value."""
    groups: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(row.get(column, "rows"), []).append(i)
    return groups if len(groups) > 1 else {}


def score_rows(
    rows: Sequence[Mapping[str, str]], matched: Sequence[Event | None], n_events: Sequence[int] | None = None
) -> dict[str, Any]:
    from sklearn.metrics import f1_score

    n = len(rows)
    hits = [field_hits(e, r) for e, r in zip(matched, rows)]
    scores: dict[str, float] = {"event_recall": _mean([e is not None for e in matched])}
    for field, key in SCORE_NAMES.items():
        scores[key] = _mean([h[field] for h in hits])
    gold_sub = [r["sub_event_type"] for r in rows]
    pred_sub = [e.sub_event_type if e else NO_EVENT for e in matched]
    labels = sorted(set(gold_sub))
    if n:
        scores["sub_event_type_weighted_f1"] = round(
            float(f1_score(gold_sub, pred_sub, labels=labels, average="weighted", zero_division=0)), 4)
        scores["sub_event_type_macro_f1"] = round(
            float(f1_score(gold_sub, pred_sub, labels=labels, average="macro", zero_division=0)), 4)
    errors = [abs(predicted(e)["fatalities"] - _fatal(r)) for e, r in zip(matched, rows) if e is not None]
    scores["fatalities_mae"] = round(sum(errors) / len(errors), 3) if errors else float("nan")
    out: dict[str, Any] = {"n": n, "scores": scores,
                           "confusion": _confusion(gold_sub, pred_sub)}
    if n_events is not None:
        out["events_per_row"] = round(sum(n_events) / n, 3) if n else 0.0
    return out


def _fatal(row: Mapping[str, str]) -> int:
    try:
        return int(float(row.get("fatalities") or 0))
    except ValueError:
        return 0


def _mean(values: Sequence[bool]) -> float:
    return round(sum(values) / len(values), 4) if values else float("nan")


def _confusion(gold_sub: Sequence[str], pred_sub: Sequence[str]) -> dict[str, dict[str, int]]:
    counts = Counter(zip(gold_sub, pred_sub))
    out: dict[str, dict[str, int]] = {}
    for (g, p), c in sorted(counts.items()):
        out.setdefault(g, {})[p] = c
    return out


def error_sample(
    rows: Sequence[Mapping[str, str]], matched: Sequence[Event | None], per_field: int
) -> list[dict[str, Any]]:
    """Up to `per_field` wrong rows for each field, in row order, with gold and predicted values."""
    out: list[dict[str, Any]] = []
    taken: Counter[str] = Counter()
    for event, row in zip(matched, rows):
        hits = field_hits(event, row)
        for field in ("event_recall", *FIELDS):
            wrong = event is None if field == "event_recall" else not hits[field]
            if wrong and taken[field] < per_field:
                taken[field] += 1
                out.append({"field": field, "event_id_cnty": row.get("event_id_cnty"), "notes": row.get("notes"),
                            "gold": gold(row), "predicted": predicted(event)})
    return out
