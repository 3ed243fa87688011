"""Rules for deictic expressions, resolved against the publication date `base`: weekdays ("on Monday evening",
"last Friday"), fixed phrases ("yesterday", "last week", "in recent days", "earlier this month"), counts
("two days ago", "over the past three weeks").

Durations ("for weeks", "since weeks", "for months") are deliberately not time mentions: they say how long a
state lasted, not when the event happened, and giving them a window would let a later stage date an event by them.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

from eventwire.temporal._calendar import (
    month_span,
    part_of_month,
    recent_weekday,
    recent_weekend,
    shift_months,
    week_start,
)
from eventwire.temporal._hit import Hit, Rule, lead_word
from eventwire.temporal._lexicon import NUMBER_WORDS, WEEKDAYS, weekday, words

__all__ = ["RELATIVE_RULES"]

Window = Callable[[date], tuple[date, date, int]]


def _days_back(n: int) -> Window:
    return lambda b: (b - timedelta(days=n), b - timedelta(days=n), 1)


def _back_to(n: int, precision: int) -> Window:
    return lambda b: (b - timedelta(days=n), b, precision)


def _this_week(b: date) -> tuple[date, date, int]:
    return week_start(b), b, 2


def _last_week(b: date) -> tuple[date, date, int]:
    monday = week_start(b) - timedelta(days=7)
    return monday, monday + timedelta(days=6), 2


def _last_month(part: str | None = None) -> Window:
    def window(b: date) -> tuple[date, date, int]:
        start, end = part_of_month(*shift_months(b, -1), part)
        return start, end, 2 if part else 3

    return window


def _this_month(b: date) -> tuple[date, date, int]:
    return b.replace(day=1), b, 3


def _early_this_month(b: date) -> tuple[date, date, int]:
    return b.replace(day=1), min(b, b.replace(day=10)), 2


def _last_year(b: date) -> tuple[date, date, int]:
    return date(b.year - 1, 1, 1), date(b.year - 1, 12, 31), 3


def _this_year(b: date) -> tuple[date, date, int]:
    return date(b.year, 1, 1), b, 3


def _weekend(previous: bool) -> Window:
    return lambda b: (*recent_weekend(b, previous), 2)


_TODAY = ("today", "earlier today", "early today", "this morning", "this afternoon", "this evening", "tonight",
          "early this morning", "late today", "earlier on today")
_YESTERDAY = ("yesterday", "yesterday morning", "yesterday afternoon", "yesterday evening", "last night",
              "late last night", "early yesterday", "late yesterday", "late on yesterday", "overnight yesterday")
_RECENT_DAYS = ("recent days", "the past few days", "the last few days", "the past several days",
                "the last several days", "the past days", "the last days", "the past week", "the last week",
                "this past week", "the past seven days", "the last seven days")
_RECENT_WEEKS = ("recent weeks", "the past few weeks", "the last few weeks", "the past weeks", "the last weeks",
                 "the past month", "the last month", "the past several weeks")

PHRASES: dict[str, Window] = {
    **{p: _days_back(0) for p in _TODAY},
    **{p: _days_back(1) for p in _YESTERDAY},
    "the day before yesterday": _days_back(2),
    "this week": _this_week, "earlier this week": _this_week, "early this week": _this_week,
    "last week": _last_week, "the previous week": _last_week, "late last week": _last_week,
    "early last week": _last_week, "earlier last week": _last_week,
    **{p: _back_to(7, 2) for p in _RECENT_DAYS},
    **{p: _back_to(28, 3) for p in _RECENT_WEEKS},
    "recently": _back_to(14, 2), "lately": _back_to(14, 2), "recent months": _back_to(90, 3),
    "the past few months": _back_to(90, 3), "the last few months": _back_to(90, 3),
    "the past year": _back_to(365, 3), "the last year": _back_to(365, 3),
    "last month": _last_month(), "the previous month": _last_month(), "early last month": _last_month("early"),
    "late last month": _last_month("late"), "mid last month": _last_month("mid"),
    "this month": _this_month, "earlier this month": _this_month, "early this month": _early_this_month,
    "last year": _last_year, "the previous year": _last_year, "late last year": _last_year,
    "early last year": _last_year, "this year": _this_year, "earlier this year": _this_year,
    "this weekend": _weekend(False), "over the weekend": _weekend(False), "at the weekend": _weekend(False),
    "on the weekend": _weekend(False), "during the weekend": _weekend(False), "last weekend": _weekend(True),
    "the past weekend": _weekend(True),
}
_PHRASE_LEAD = re.compile(
    r"(?<![\w])(?P<lead>" + words("in", "over", "during", "within", "throughout", "on", "at", "for", "since")
    + r")\s+$"
)
_PHRASE = re.compile(r"(?<![\w-])(?P<phrase>" + words(*PHRASES) + r")(?![\w-])")


def _phrase(m: re.Match[str], lead: re.Match[str] | None, base: date) -> Hit:
    start, end, precision = PHRASES[re.sub(r"\s+", " ", m["phrase"].lower())](base)
    return Hit(start, end, precision, True)


_WD_LEAD = re.compile(
    r"(?<![\w])(?P<lead>" + words(
        "on", "last", "this past", "past", "early on", "late on", "early", "late", "since", "on the night of",
        "the night of", "overnight", "overnight on", "on the evening of", "on the morning of", "next", "coming",
        "this coming",
    ) + r")\s+$"
)
_TIME_OF_DAY = words("morning", "afternoon", "evening", "night", "dawn", "morning hours", "night hours")
_WEEKDAY = re.compile(weekday("wd") + r"(?:\s+(?P<tod>" + _TIME_OF_DAY + r"))?")
_FUTURE = ("next", "coming", "this coming")


def _weekday(m: re.Match[str], lead: re.Match[str] | None, base: date) -> Hit | None:
    """"on Monday" is the most recent Monday on or before publication (the same day in same-day wire copy);
    "last Monday" / "this past Monday" is strictly before it. "next Monday", "by Monday" are plans: no mention."""
    word = lead_word(lead, "lead")
    if word in _FUTURE:
        return None
    strictly = word in ("last", "past", "this past")
    found = recent_weekday(WEEKDAYS[m["wd"].lower()], base, strictly_before=strictly)
    return Hit(found, found, 1, True)


_COUNT = r"(?P<n>\d{1,2}|" + words(*NUMBER_WORDS, "a few", "few", "several") + r")"
_UNIT = r"(?P<unit>" + words("day", "days", "week", "weeks", "month", "months", "year", "years") + r")"
_AGO = re.compile(r"(?<![\w-])" + _COUNT + r"\s+" + _UNIT + r"\s+(?P<dir>" + words("ago", "earlier") + r")(?![\w-])")
_PAST_N = re.compile(
    r"(?<![\w-])" + words("the past", "the last", "the previous", "the preceding") + r"\s+" + _COUNT + r"\s+"
    + _UNIT + r"(?![\w-])"
)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def _count(m: re.Match[str]) -> tuple[int | None, int]:
    """(number or None for "a few"/"several", length of the unit in days)."""
    word = re.sub(r"\s+", " ", m["n"].lower())
    n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    return n, _UNIT_DAYS[m["unit"].lower().rstrip("s")]


def _ago(m: re.Match[str], lead: re.Match[str] | None, base: date) -> Hit | None:
    n, unit = _count(m)
    if n is None:  # "a few days ago": two to seven units back
        return Hit(base - timedelta(days=unit * 7), base - timedelta(days=unit * 2), 2 if unit == 1 else 3, True)
    if unit == 1:
        found = base - timedelta(days=n)
        return Hit(found, found, 1, True)
    if unit == 7:
        centre = base - timedelta(days=7 * n)
        return Hit(centre - timedelta(days=3), min(centre + timedelta(days=3), base), 2, True)
    if unit == 30:
        return Hit(*month_span(*shift_months(base, -n)), 3, True)
    return Hit(date(base.year - n, 1, 1), date(base.year - n, 12, 31), 3, True)


def _past_n(m: re.Match[str], lead: re.Match[str] | None, base: date) -> Hit:
    n, unit = _count(m)
    days = unit * (n if n is not None else 7)
    return Hit(base - timedelta(days=days), base, 2 if days <= 7 else 3, True)


RELATIVE_RULES = [
    Rule("phrase", _PHRASE, _phrase, _PHRASE_LEAD),
    Rule("weekday", _WEEKDAY, _weekday, _WD_LEAD),
    Rule("ago", _AGO, _ago),
    Rule("past_n", _PAST_N, _past_n, _PHRASE_LEAD),
]
