"""Numeric dates ("2023-06-02", "02/06/2023", "08.04.2017"). ISO dates are read directly; slashed and dotted ones
are ambiguous (day-month or month-day). A number over 12 settles it; otherwise each separator's convention reads
it (dots day first, as wherever they are written; slashes month first, as English news writes them), unless that
reading falls after the publication date and the other does not: news reports what happened ("08.04.2017" in an
article of 8 April 2017 is that day, not 4 August). `parse_with_dateparser` serves the rules' tests."""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from eventwire.temporal._calendar import safe_date
from eventwire.temporal._hit import Hit, Rule

__all__ = ["NUMERIC_RULES", "parse_with_dateparser"]

_ISO = re.compile(r"(?<![\w./-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w/-]|\.\d)")
_SLASHED = re.compile(r"(?<![\w./-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)"
                      r"(?![\w/-]|\.\d)")


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
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    day_first, month_first = safe_date(year, b, a), safe_date(year, a, b)
    readings = [day_first, month_first] if m["sep"] == "." else [month_first, day_first]
    valid = [d for d in readings if d is not None]
    if not valid:
        return None
    found = next((d for d in valid if d <= base), valid[0])  # the convention's, unless only the other is past
    return Hit(found, found, 1, False)


NUMERIC_RULES = [Rule("iso", _ISO, _iso), Rule("slashed", _SLASHED, _slashed)]
