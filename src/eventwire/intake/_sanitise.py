"""Characters no store can hold, made harmless at intake: NUL and unpaired UTF-16 surrogates become U+FFFD.

Each bad character is replaced by exactly one character, so offsets into the text stay valid. PostgreSQL refuses
NUL in text; an unpaired surrogate ("\\udcfa" in JSON) cannot even be encoded as UTF-8 (the content hash fails).
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from eventwire import settings
from eventwire.models import Article

__all__ = ["REPLACEMENT", "bounded", "plausible_day", "sanitise", "sanitise_record", "without_absurd_date"]

REPLACEMENT = "\ufffd"
_BAD = re.compile("[\x00\ud800-\udfff]")
_EARLIEST, _LATEST = date(1900, 1, 1), date(2100, 12, 31)
RAW_PER_ARTICLE = 4  # raw characters cleaned per character of article kept (boilerplate rarely is 3/4 of a page)


def sanitise(text: str) -> tuple[str, int]:
    """`text` with NUL and surrogate code points replaced by U+FFFD, and how many were replaced."""
    return _BAD.subn(REPLACEMENT, text)


def sanitise_record(record: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """A JSONL record with each top-level string value sanitised (the fields intake reads), and the count."""
    out, total = {}, 0
    for key, value in record.items():
        if isinstance(value, str):
            value, n = sanitise(value)
            total += n
        out[key] = value
    return out, total


def plausible_day(day: date | None) -> bool:
    """A publication day the date arithmetic can work with (years 1900-2100): 0001-01-01 is a typo, not a date."""
    return day is None or _EARLIEST <= day <= _LATEST


def without_absurd_date(article: Article) -> Article:
    """The article without a publication date read from its head that no date arithmetic can use."""
    if plausible_day(article.published):
        return article
    return article.model_copy(update={"published": None, "published_span": None})


def bounded(text: str) -> str:
    """The part of a raw input that cleaning may need: `RAW_PER_ARTICLE` × `max_article_chars` characters. The
    article is cut at `max_article_chars` after cleaning anyway; cleaning 20 MB to keep 200k took minutes."""
    limit = RAW_PER_ARTICLE * int(settings.get("max_article_chars"))
    return text if len(text) <= limit else text[:limit]
