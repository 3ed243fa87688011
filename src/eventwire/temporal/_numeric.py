"""Numeric dates ("2023-06-02", "02/06/2023"). ISO dates are read directly; slashed and dotted ones are ambiguous
(day-month or month-day), so they go to `dateparser`, which knows English conventions. dateparser is slow and
imported lazily, so it only ever sees these short candidate strings, never whole sentences."""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from eventwire.temporal._calendar import safe_date
from eventwire.temporal._hit import Hit, Rule

__all__ = ["NUMERIC_RULES", "parse_with_dateparser"]

_ISO = re.compile(r"(?<![\w./-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w/-]|\.\d)")
_SLASHED = re.compile(r"(?<![\w./-])[0-3]?\d([/.])[0-3]?\d\1(?:19|20)\d\d(?![\w/-]|\.\d)")


def _settings(published: date | None, complete: bool) -> dict[str, Any]:
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past"}
    if complete:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    return settings


@lru_cache(maxsize=4096)
def parse_with_dateparser(text: str, published: date | None, complete: bool = True) -> date | None:
    """dateparser's reading of a short date string (with day, month and year if `complete`), never after
    `published` when it had to guess."""
    import dateparser  # type: ignore[import-untyped]  # slow to import; most texts never need it

    parsed = dateparser.parse(text, languages=["en"], settings=_settings(published, complete))
    return parsed.date() if parsed else None


def _iso(m: re.Match[str], lead: re.Match[str] | None, base: date) -> Hit | None:
    found = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return Hit(found, found, 1, False) if found else None


def _slashed(m: re.Match[str], lead: re.Match[str] | None, base: date) -> Hit | None:
    found = parse_with_dateparser(m.group(0), None)
    return Hit(found, found, 1, False) if found else None


NUMERIC_RULES = [Rule("iso", _ISO, _iso), Rule("slashed", _SLASHED, _slashed)]
