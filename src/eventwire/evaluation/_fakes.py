"""Score the pipeline on real news: FA-KES articles (`news/fakes_dev.csv`), each labelled with its MAIN event.

Each article goes in as title + content with NO publication date: the product must read it from the text. The
article's main event (the one flagged `main`, else the first non-background one, else the first) is compared with
the labels through the documented tables of `data/eval/fakes.json`. Every score is over all rows that have the
label (a row without an event is wrong); `unknown` labels are not scored.
"""
from __future__ import annotations

import csv
import json
import re
import time
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from eventwire.evaluation._acled import ProcessesArticles, default_pipeline, make_article
from eventwire.evaluation._fields import norm_place
from eventwire.models import Article, Event

__all__ = ["FAKES_FILE", "actor_class", "evaluate_fakes", "governorate", "gold_date", "load_fakes_rows",
           "main_event", "printed_date", "select_fakes"]

FAKES_FILE = Path("news") / "fakes_dev.csv"
_TABLES = Path(__file__).resolve().parents[1] / "data" / "eval" / "fakes.json"
HEAD_CHARS = 150  # a date printed "at the head" starts within the first 150 characters of the content

# --- the head-date detector: broad on purpose, and independent of the product's own reader ----------------------
_MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                           "nov", "dec"))}
_MON = r"(?P<mon>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"
_HEAD_DATE = [
    re.compile(_MON + r"\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s*" + _YEAR, re.I),       # Apr 5 2017, Apr 232017
    re.compile(r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r",?\s+" + _YEAR, re.I),  # 12 February 2015
    re.compile(r"(?<!\d)(?P<day>\d{1,2})[-.](?P<mon>\d{1,2})[-.]" + _YEAR),               # 05-09-2013, 24.08.2013
    re.compile(r"(?<!\d)" + _YEAR.replace("(?!\\d)", "") + r"-(?P<mon>\d{2})-(?P<day>\d{2})(?!\d)"),  # 2017-04-05
]


def printed_date(content: str, head_chars: int = HEAD_CHARS) -> date | None:
    """The earliest calendar date with a year that starts within the first `head_chars` characters of the content
    (month-name dates in either order, day-first numeric dates with '-' or '.', ISO dates); None when none."""
    head = content[: head_chars + 20]
    found: list[tuple[int, date]] = []
    for rx in _HEAD_DATE:
        for m in rx.finditer(head):
            if m.start() >= head_chars:
                break
            mon = m.group("mon")
            month = int(mon) if mon.isdigit() else _MONTHS.get(mon[:3].lower())
            try:
                found.append((m.start(), date(int(m.group("year")), month or 0, int(m.group("day")))))
            except ValueError:
                continue
            break
    return min(found)[1] if found else None


def gold_date(value: str) -> date | None:
    """FA-KES dates are M/D/YY (2/12/15 is 12 February 2015)."""
    m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\s*", value or "")
    if not m:
        return None
    year = int(m.group(3))
    try:
        return date(year + 2000 if year < 100 else year, int(m.group(1)), int(m.group(2)))
    except ValueError:
        return None


# --- the mapping tables ------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _tables() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_TABLES.read_text(encoding="utf-8"))
    return data


def _norm(name: str | None) -> str:
    return norm_place(name)


def governorate(admin1: str | None) -> str | None:
    """The FA-KES governorate of an admin1 name ("Rural Damascus" -> damascus, "Deir-ez-Zor" -> deir ezzor)."""
    key = _norm(admin1)
    if not key:
        return None
    for label, spellings in _tables()["governorates"].items():
        if not label.startswith("_") and key in {_norm(s) for s in spellings}:
            return str(label)
    return None


def actor_class(name: str | None) -> str | None:
    """The FA-KES actor class of an ACLED actor name, by the first matching name prefix; None for none."""
    key = _norm(name)
    if not key:
        return None
    for label, prefixes in _tables()["actor_classes"].items():
        if not label.startswith("_") and any(key.startswith(_norm(p)) for p in prefixes):
            return str(label)
    return None


def cause_types(cause: str) -> list[str] | None:
    """The ACLED event types that agree with a FA-KES cause of death; None when the cause is not scored."""
    types = _tables()["cause_of_death"].get((cause or "").strip().lower())
    return list(types) if types else None


# --- rows, the main event and the per-row verdicts ---------------------------------------------------------------
def load_fakes_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def select_fakes(limit: int | None = None, eval_dir: Path | None = None) -> tuple[list[dict[str, str]], str]:
    """(rows, description) of `news/fakes_dev.csv`, the first `limit` rows when given (file order)."""
    from eventwire.devdata import shared_dir
    from eventwire.errors import EventwireError

    path = (eval_dir or ((shared_dir() or Path("shared")) / "eval")) / FAKES_FILE
    if not path.is_file():
        raise EventwireError("E030", f"{path} (set EVENTWIRE_SHARED to the folder holding eval/)", path=str(path))
    rows = load_fakes_rows(path)
    description = f"fakes_dev({len(rows)})"
    if limit is not None and limit < len(rows):
        rows, description = rows[:limit], f"fakes_dev({len(rows)}), first {limit}"
    return rows, description


def main_event(events: Sequence[Event]) -> Event | None:
    """The event flagged main, else the first non-background event, else the first."""
    if not events:
        return None
    flagged = next((e for e in events if getattr(e, "main", False)), None)
    return flagged or next((e for e in events if not e.background), events[0])


def article_text(row: Mapping[str, str]) -> str:
    title, content = (row.get("article_title") or "").strip(), (row.get("article_content") or "").strip()
    return f"{title}\n\n{content}" if title else content


def _gold_deaths(row: Mapping[str, str]) -> int:
    total = 0
    for key in ("nb_civilians", "nb_noncivilians"):
        try:
            total += int(float(row.get(key) or 0))
        except ValueError:
            pass
    return total


def _within_a_day(event: Event | None, day: date | None) -> bool:
    if event is None or event.time is None or day is None:
        return False
    start, end = event.time.start or event.time.end, event.time.end or event.time.start
    if start is None or end is None:
        return False
    return start - timedelta(days=1) <= day <= end + timedelta(days=1)


def row_verdicts(row: Mapping[str, str], article: Article | None, events: Sequence[Event]) -> dict[str, bool | None]:
    """Per score: True/False, or None where the row does not take part in that score."""
    event = main_event(events)
    loc = event.location if event else None
    printed = printed_date(row.get("article_content") or "")
    published = article.published if article else None
    deaths = _gold_deaths(row)
    predicted = event.fatalities.best if event and event.fatalities else 0
    types = cause_types(row.get("cause_of_death", ""))
    cls = (row.get("actor") or "").strip().lower()
    actor1 = event.actor("actor1") if event else None
    chemical = (row.get("cause_of_death") or "").strip().lower() == "chemical and toxic gases"
    return {
        "articles_with_event": event is not None,
        "pubdate_found": None if printed is None else published is not None,
        "pubdate_equal": None if printed is None else published == printed,
        "governorate": governorate(loc.admin1 if loc else None) == (row.get("location") or "").strip().lower(),
        "date_within_1day": _within_a_day(event, gold_date(row.get("date", ""))),
        "casualties_close": event is not None and abs(predicted - deaths) <= max(2, 0.25 * deaths),
        "event_type": None if types is None else (event is not None and event.event_type in types),
        "event_type_chemical_subtype": None if not chemical else (event is not None and
                                                                   event.sub_event_type == "Chemical weapon"),
        "actor_class": None if cls in ("", "unknown") else actor_class(actor1.name if actor1 else None) == cls,
    }


SCORES = ("articles_with_event", "pubdate_found", "pubdate_equal", "governorate", "date_within_1day",
          "casualties_close", "event_type", "event_type_chemical_subtype", "actor_class")


def score_verdicts(verdicts: Sequence[Mapping[str, bool | None]]) -> dict[str, Any]:
    """{"n": rows, "scores": share of True per score over the rows that take part, "counts": those rows}."""
    scores: dict[str, float] = {}
    counts: dict[str, int] = {}
    for key in SCORES:
        values = [v[key] for v in verdicts if v[key] is not None]
        counts[key] = len(values)
        scores[key] = round(sum(bool(x) for x in values) / len(values), 4) if values else float("nan")
    return {"n": len(verdicts), "scores": scores, "counts": counts}


def _predicted(article: Article | None, events: Sequence[Event]) -> dict[str, Any]:
    event = main_event(events)
    if event is None:
        return {"published": article.published.isoformat() if article and article.published else None,
                "n_events": 0}
    loc, a1 = event.location, event.actor("actor1")
    return {
        "published": article.published.isoformat() if article and article.published else None,
        "n_events": len(events), "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "admin1": loc.admin1 if loc else None, "location": loc.name if loc else None,
        "date": [str(event.time.start), str(event.time.end)] if event.time else None,
        "fatalities": event.fatalities.best if event.fatalities else 0, "actor1": a1.name if a1 else None,
        "notes": event.notes[:300],
    }


def _gold(row: Mapping[str, str]) -> dict[str, Any]:
    printed = printed_date(row.get("article_content") or "")
    return {"printed_date": printed.isoformat() if printed else None, "date": row.get("date"),
            "location": row.get("location"), "actor": row.get("actor"), "cause_of_death": row.get("cause_of_death"),
            "deaths": _gold_deaths(row), "label": row.get("label")}


def _errors(rows: Sequence[Mapping[str, str]], verdicts: Sequence[Mapping[str, bool | None]],
            produced: Sequence[tuple[Article | None, list[Event]]], per_field: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    taken: dict[str, int] = {}
    for row, verdict, (article, events) in zip(rows, verdicts, produced):
        for key in SCORES:
            if verdict[key] is False and taken.get(key, 0) < per_field:
                taken[key] = taken.get(key, 0) + 1
                out.append({"field": f"fakes.{key}", "unit_id": row.get("unit_id"), "source": row.get("source"),
                            "title": row.get("article_title"), "head": (row.get("article_content") or "")[:400],
                            "gold": _gold(row), "predicted": _predicted(article, events)})
    return out


def _run(pipeline: ProcessesArticles, rows: Sequence[Mapping[str, str]]) -> list[tuple[Article | None, list[Event]]]:
    """(article, events) per row, in row order, from one batched `process` call; no publication date is given."""
    articles = [make_article(article_text(r), None, f"{i}:{r.get('unit_id', '')}") for i, r in enumerate(rows)]
    produced: dict[str, tuple[Article, list[Event]]] = {}
    for article, events in pipeline.process(a for a in articles if a is not None):
        produced[article.input_id or article.id] = (article, list(events))
    return [produced.get(a.input_id or a.id, (a, [])) if a is not None else (None, []) for a in articles]


def _groups(rows: Sequence[Mapping[str, str]], key: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        out.setdefault(row.get(key) or "?", []).append(i)
    return dict(sorted(out.items(), key=lambda kv: -len(kv[1])))


def evaluate_fakes(rows: Sequence[Mapping[str, str]], pipeline: ProcessesArticles | None = None, *,
                   error_samples: int = 0) -> dict[str, Any]:
    """Scores over all rows, over credible rows (label 1) and per outlet; per-row error samples when asked."""
    pipeline = pipeline or default_pipeline()
    started = time.perf_counter()
    produced = _run(pipeline, rows)
    seconds = time.perf_counter() - started
    verdicts = [row_verdicts(r, a, ev) for r, (a, ev) in zip(rows, produced)]
    result = score_verdicts(verdicts)
    credible = [v for v, r in zip(verdicts, rows) if str(r.get("label", "")).strip() == "1"]
    result["credible"] = score_verdicts(credible)
    result["by_source"] = {name: score_verdicts([verdicts[i] for i in idx])
                           for name, idx in _groups(rows, "source").items()}
    result["seconds"] = round(seconds, 2)
    result["articles_per_second"] = round(len(rows) / seconds, 1) if seconds > 0 else None
    result["events_per_article"] = round(sum(len(ev) for _, ev in produced) / len(rows), 2) if rows else 0.0
    if error_samples:
        result["errors"] = _errors(rows, verdicts, produced, error_samples)
    return result


def fakes_result(rows: Iterable[Mapping[str, str]], sample: str, pipeline: ProcessesArticles | None = None, *,
                 error_samples: int = 0) -> dict[str, Any]:
    """The `evaluate`-shaped result for the CI gate: {"sample", "fakes": {...}, "fakes_credible": {...}}."""
    fakes = evaluate_fakes(list(rows), pipeline, error_samples=error_samples)
    return {"sample": sample, "fakes": fakes, "fakes_credible": fakes["credible"]}
