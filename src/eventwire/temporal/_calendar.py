"""Calendar arithmetic the rules share. Every function that infers a date never goes past `base` (the publication
date): news reports what happened, so an inferred date after publication is always the wrong reading."""
from __future__ import annotations

import calendar
from datetime import date, timedelta

__all__ = [
    "month_end",
    "month_span",
    "part_of_month",
    "recent_month",
    "recent_weekday",
    "recent_weekend",
    "shift_months",
    "safe_date",
    "week_start",
]

# ACLED-style thirds of a month: early 1-10, mid 11-20, late 21-end.
_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None for impossible ones ("31 June")."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), month_end(year, month)


def part_of_month(year: int, month: int, part: str | None) -> tuple[date, date]:
    """(start, end) of a month or of its early/mid/late third."""
    if part not in _PARTS:
        return month_span(year, month)
    first, last = _PARTS[part]
    return date(year, month, first), min(date(year, month, 1) + timedelta(days=last - 1), month_end(year, month))


def shift_months(day: date, months: int) -> tuple[int, int]:
    """(year, month) of the month `months` away from `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def recent_month(month: int, base: date, strictly_before: bool = False, first_day: int = 1) -> int:
    """The year of the most recent `month` that had begun (its day `first_day`) by `base`."""
    year = base.year
    if strictly_before:
        return year if month < base.month else year - 1
    return year if (month, first_day) <= (base.month, base.day) else year - 1


def recent_weekday(weekday: int, base: date, strictly_before: bool = False) -> date:
    """Most recent date with that weekday (Monday=0) on or (strictly) before `base`."""
    back = (base.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return base - timedelta(days=back)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def recent_weekend(base: date, previous: bool = False) -> tuple[date, date]:
    """The most recent Saturday-Sunday that had begun by `base` (or the one before it), cut at `base`."""
    saturday = recent_weekday(5, base)
    if previous and base - saturday <= timedelta(days=1):
        saturday -= timedelta(days=7)
    return saturday, min(saturday + timedelta(days=1), base)
