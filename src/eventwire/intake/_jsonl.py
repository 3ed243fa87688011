"""JSONL in: one record a line, `{"id", "text" | "html", "url", "published", "source", "title"}`.

A bad line becomes an InputError naming its line number; the other lines go on.
"""
from __future__ import annotations

import json
import logging
import re
from datetime import date, datetime
from typing import Any, Iterable, Iterator

from eventwire.errors import InputError, one_line
from eventwire.intake._byline import parse_date_text
from eventwire.intake._html import article_from_html
from eventwire.intake._sanitise import bounded, plausible_day, sanitise_record, without_absurd_date
from eventwire.intake._text import article_from_text
from eventwire.models import Article, article_key

__all__ = ["articles_from_jsonl", "parse_published"]

_OPTIONAL_STR = ("url", "source", "title", "text", "html")
_ISO_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")

log = logging.getLogger(__name__)


def parse_published(value: str) -> date:
    """An ISO date or datetime ('2016-12-07', '2016-12-07T10:00:00Z'), else a plainly written date; E010 if neither."""
    value = value.strip()
    try:
        day = datetime.fromisoformat(value).date() if "T" in value or " " in value else date.fromisoformat(value)
    except ValueError:
        day = None
    if day is not None:
        if not plausible_day(day):
            raise InputError("E010", f"published={value!r} is out of range (years 1900-2100)")
        return day
    if not _ISO_PREFIX.match(value):
        found = parse_date_text(value) if re.search(r"\d{4}", value) else None
        if found is not None:
            return found
    raise InputError("E010", f"published={value!r}; use an ISO date like 2016-12-07")


def _check_types(record: dict[str, Any]) -> None:
    for field in _OPTIONAL_STR + ("published",):
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            raise InputError("E008", f"'{field}' must be a string, not {type(value).__name__}")
    record_id = record.get("id")
    if record_id is not None and (isinstance(record_id, bool) or not isinstance(record_id, (str, int))):
        raise InputError("E008", f"'id' must be a string or integer, not {type(record_id).__name__}")


def _record_article(record: Any, default_id: str, published: date | None) -> Article:
    if not isinstance(record, dict):
        raise InputError("E008", f"a record must be a JSON object, not {type(record).__name__}")
    _check_types(record)
    text: str = record.get("text") or ""
    html: str = record.get("html") or ""
    if not text.strip() and not html.strip():
        raise InputError("E007")
    record_published = parse_published(record["published"]) if record.get("published") else None
    record_id = record.get("id")
    reader = article_from_text if text.strip() else article_from_html
    article = without_absurd_date(reader(
        bounded(text if text.strip() else html),
        input_id=str(record_id) if record_id is not None else default_id,
        source=record.get("source") or None,
        url=record.get("url") or None,
        title=record.get("title") or None,
        published=published or record_published,
    ))
    if record_id is None:  # keyed by its text alone: the same text under another line is the same article
        return article
    return article.model_copy(update={"id": article_key(article.text, str(record_id))})


def _decode_line(raw: bytes, file_offset: int) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("E004", f"invalid byte at byte offset {file_offset + exc.start}") from exc


def _line_article(raw: bytes, number: int, file_offset: int, name: str, published: date | None,
                  max_line_bytes: int | None, where: str = "") -> Article | None:
    if max_line_bytes is not None and len(raw) > max_line_bytes:
        raise InputError("E005", f"record of {len(raw)} bytes > {max_line_bytes}")
    line = _decode_line(raw, file_offset).strip()
    if not line:
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError("E006", f"{exc.msg} at column {exc.colno}") from exc
    except RecursionError as exc:
        raise InputError("E006", "nested too deeply to read") from exc
    except ValueError as exc:  # a number of more than 4,300 digits
        raise InputError("E006", one_line(exc)) from exc
    if isinstance(record, dict):
        record, replaced = sanitise_record(record)
        if replaced:
            log.warning("%s", InputError("E012", f"{replaced} replaced", path=where or name, line=number))
    return _record_article(record, f"{name}:{number}", published)


def articles_from_jsonl(lines: Iterable[bytes], path: str, name: str, published: date | None = None,
                        max_line_bytes: int | None = None) -> Iterator[Article | InputError]:
    """Each line's Article, or its InputError (with path and 1-based line number); E002 if no line has a record.

    Lines are read one at a time, so a batch file may be any size; `max_line_bytes` bounds each record instead.
    """
    offset, records = 0, 0
    for number, raw in enumerate(lines, start=1):
        try:
            article = _line_article(raw, number, offset, name, published, max_line_bytes, path)
        except InputError as exc:
            article = None
            records += 1
            yield InputError(exc.code, exc.detail, path=path, line=number)
        except Exception as exc:  # noqa: BLE001 - a reader bug costs this record only, never the file
            article = None
            records += 1
            yield InputError("E014", one_line(exc), path=path, line=number)
        if article is not None:
            records += 1
            yield article
        offset += len(raw)
    if records == 0:
        yield InputError("E002", "no records", path=path)
