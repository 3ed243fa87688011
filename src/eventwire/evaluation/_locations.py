"""Score location choice on `event_location_labeled.jsonl`: does the event's location evidence overlap the gold
LOCATION span of the sentence? No publication date is given; only the choice of place matters here."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Mapping, Sequence

from eventwire.evaluation._acled import ProcessesArticles, default_pipeline, make_article
from eventwire.models import Article, Event, Span

LOCATION_SAMPLE_SIZE = 1000


def load_location_items(path: Path, n: int | None = LOCATION_SAMPLE_SIZE) -> list[dict[str, Any]]:
    """Sentences with a non-empty LOCATION span (854 spans in the file are empty), in a fixed hash order; the
    first `n` (all when None)."""
    items = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                item = json.loads(line)
                if _locations(item):
                    items.append(item)
    items.sort(key=lambda it: hashlib.sha256(f"order:{it['id']}".encode()).hexdigest())
    return items if n is None else items[:n]


def _span(item: Mapping[str, Any], label: str) -> dict[str, Any] | None:
    return next((s for s in item.get("spans", []) if s.get("label") == label), None)


def _locations(item: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The gold LOCATION spans that have text; a sentence may name the event's place more than once."""
    return [s for s in item.get("spans", []) if s.get("label") == "LOCATION" and str(s.get("text", "")).strip()]


def _relocate(span: Mapping[str, Any], raw: str, article: Article) -> Span | None:
    """The gold span in the article's text: intake may trim or normalise the text and shift offsets."""
    start, end = int(span["start"]), int(span["end"])
    if article.text == raw:
        return Span(start=start, end=end)
    needle = raw[start:end]
    hits = [i for i in range(len(article.text)) if article.text.startswith(needle, i)] if needle else []
    if not hits:
        return None
    best = min(hits, key=lambda i: abs(i - start))
    return Span(start=best, end=best + len(needle))


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def choose_event(events: Sequence[Event], verb: Span | None) -> Event | None:
    """The event of the labelled verb when one is anchored on it, else the first non-background event."""
    if not events:
        return None
    if verb is not None:
        for event in events:
            if any(_overlaps(s, verb) for s in event.evidence):
                return event
    return next((e for e in events if not e.background), events[0])


def _choose(
    item: Mapping[str, Any], article: Article | None, produced: Mapping[str, list[Event]]
) -> tuple[Event | None, list[Span]]:
    """(the event scored for this sentence, the gold LOCATION spans in the article's text)."""
    if article is None:
        return None, []
    gold_spans = [g for g in (_relocate(s, item["text"], article) for s in _locations(item)) if g is not None]
    verb_raw = _span(item, "VERB")
    verb = _relocate(verb_raw, item["text"], article) if verb_raw else None
    return choose_event(produced.get(article.input_id or "", []), verb), gold_spans


def evaluate_locations(
    items: Sequence[Mapping[str, Any]], pipeline: ProcessesArticles | None = None, *, error_samples: int = 0
) -> dict[str, Any]:
    """Share of sentences (over ALL given) whose chosen event's location evidence overlaps the gold span, and share
    that give any event at all (every sentence tells one: a news-sentence recall, ACLED-kind or not)."""
    pipeline = pipeline or default_pipeline()
    articles = [make_article(it["text"], None, f"{i}:{it['id']}") for i, it in enumerate(items)]
    produced: dict[str, list[Event]] = {}
    for article, events in pipeline.process([a for a in articles if a is not None]):
        produced[article.input_id or article.id] = list(events)
    hits: list[bool] = []
    located: list[bool] = []
    found: list[bool] = []
    errors: list[dict[str, Any]] = []
    for item, article in zip(items, articles):
        event, gold_spans = _choose(item, article, produced)
        evidence = event.location.evidence if event and event.location else []
        ok = any(_overlaps(s, g) for s in evidence for g in gold_spans)
        hits.append(ok)
        located.append(bool(evidence))
        found.append(event is not None)
        if not ok and len(errors) < error_samples:
            errors.append({"field": "event_location", "id": item["id"], "text": item["text"],
                           "gold": [g["text"] for g in _locations(item)],
                           "predicted": event.location.text if event and event.location else None})
    n = len(items)
    scores = {
        "location_span_overlap": round(sum(hits) / n, 4) if n else float("nan"),
        "location_produced": round(sum(located) / n, 4) if n else float("nan"),
        "event_produced": round(sum(found) / n, 4) if n else float("nan"),
    }
    out: dict[str, Any] = {"n": n, "scores": scores}
    if error_samples:
        out["errors"] = errors
    return out
