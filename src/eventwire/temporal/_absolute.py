"""Rules for calendar dates: "2 June 2023", "June 2, 2023", "on 23 February", "in June 2022", "between 1 and
3 March 2022", "Around 2 June 2023 (week of)", "in late August", "in 2015". A date without a year takes the most
recent year that puts it on or before the publication date (and is then `relative`: it needs that date)."""
from __future__ import annotations

import re
from datetime import date, timedelta

from eventwire.temporal._calendar import month_span, part_of_month, recent_month, safe_date
from eventwire.temporal._hit import Hit, Rule, lead_word
from eventwire.temporal._lexicon import MONTHS, day, month, month_full, words, year

__all__ = ["ABSOLUTE_RULES"]

_APPROX = ("around", "about", "circa", "on or about", "on or around", "as reported on", "approximately on")
_LEAD_WORDS = words(
    "on", "in", "during", "as of", "early on", "late on", "between", "from", "since", "until", "till", "by", *_APPROX
)
_WEEKDAY_PREFIX = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
# Before a day-first date ("on the 5th of March"); month-first dates take no "the" ("the Sept. 11 attacks").
_DAY_LEAD = re.compile(r"(?<![\w])(?:(?P<lead>" + _LEAD_WORDS + r")\s+)?" + _WEEKDAY_PREFIX + r"(?:the\s+)?$")
_MONTH_DAY_LEAD = re.compile(r"(?<![\w])(?:(?P<lead>" + _LEAD_WORDS + r")\s+)?" + _WEEKDAY_PREFIX + r"$")
_QUAL = r"(?:,?\s*\((?P<qual>" + words("week of", "weekend of", "month of", "as reported", "approximately") + r")\))?"
_PART = words(
    "early", "mid", "late", "end of", "the end of", "beginning of", "the beginning of", "start of",
    "the start of", "middle of", "the middle of", "the first half of", "the second half of",
)
_PART_NAMES = {"end": "late", "beginning": "early", "start": "early", "middle": "mid", "first": "early", "second": "late"}
_MONTH_LEAD = re.compile(
    r"(?<![\w])(?:(?P<pre>" + words(
        "in", "during", "since", "until", "till", "through", "throughout", "by", "last", "this past",
        "earlier in", "later in", "in the month of", "the month of", "this",
    ) + r")\s+)?(?:(?P<part>" + _PART + r")[\s-]+)?$"
)
_YEAR_LEAD = re.compile(
    r"(?<![\w])(?:(?P<pre>" + words("in", "during", "throughout", "since", "until", "by") + r")\s+)?"
    + r"(?:(?P<part>" + _PART + r")[\s-]+)?$"
)
# "In March 15 people were killed": a number after a month name is a count when a counted noun follows.
_NOT_A_COUNT = r"(?!\s+" + words(
    "people", "persons", "civilians", "soldiers", "fighters", "militants", "members", "others", "were", "more",
    "men", "women", "children", "killed", "dead", "wounded", "injured", "percent",
) + r"\b)"
_SEP = r"\s*(?:-|–|—|" + words("and", "to", "until", "till", "through") + r")\s*"


def _month_no(text: str) -> int:
    return MONTHS[text[:3].lower()]


def _part(lead: re.Match[str] | None) -> str | None:
    """Normalise "the end of" / "mid" / "beginning of" to ACLED-style thirds: early, mid, late."""
    text = lead_word(lead, "part")
    if not text:
        return None
    key = re.sub(r"^the ", "", text).split()[0]
    return _PART_NAMES.get(key, key)


def _approximate(day_: date, qual: str | None) -> Hit:
    """ACLED's "Around D (week of)": precision 2 (3 for "month of"). The window ends on D, the date ACLED codes
    and the one exports report (they use `end`), and reaches back over the period the qualifier names."""
    qual = (qual or "").lower()
    if qual.startswith("month"):
        return Hit(day_.replace(day=1), day_, 3, False)
    back = 1 if qual.startswith("weekend") else 6
    return Hit(day_ - timedelta(days=back), day_, 2, False)


def _yearless(month_no: int, day_no: int, base: date) -> date | None:
    """The most recent `day_no month_no` on or before `base` (going back far enough for 29 February)."""
    start = base.year if (month_no, day_no) <= (base.month, base.day) else base.year - 1
    for y in range(start, start - 8, -1):
        found = safe_date(y, month_no, day_no)
        if found:
            return found
    return None


def _single_day(m: re.Match[str], lead: re.Match[str] | None, base: date) -> Hit | None:
    month_no, day_no = _month_no(m["m"]), int(m["d"])
    explicit = m.groupdict().get("y")
    found = safe_date(int(explicit), month_no, day_no) if explicit else _yearless(month_no, day_no, base)
    if found is None:
        return None
    if m["qual"] or lead_word(lead, "lead") in _APPROX:
        return _approximate(found, m["qual"])._replace(relative=not explicit)
    return Hit(found, found, 1, not explicit)


def _range(m: re.Match[str], lead: re.Match[str] | None, base: date) -> Hit | None:
    """"between 1 and 3 March 2022", "1-3 March", "March 1-3, 2022": precision 2 up to a week, else 3."""
    groups = m.groupdict()
    m2 = _month_no(groups["m2"] or groups["m1"])
    m1 = _month_no(groups["m1"]) if groups["m1"] else m2
    d1, d2 = int(m["d1"]), int(m["d2"])
    y2 = int(groups["y2"]) if groups["y2"] else None
    if y2 is None:
        end_guess = _yearless(m2, d2, base)
        if end_guess is None:
            return None
        y2 = end_guess.year
    y1 = int(groups["y1"]) if groups["y1"] else (y2 if (m1, d1) <= (m2, d2) else y2 - 1)
    start, end = safe_date(y1, m1, d1), safe_date(y2, m2, d2)
    if start is None or end is None or start >= end or (end - start).days > 366:
        return None
    return Hit(start, end, 2 if (end - start).days < 7 else 3, not groups["y2"])


def _month_year(m: re.Match[str], lead: re.Match[str] | None, base: date) -> Hit:
    part = _part(lead)
    start, end = part_of_month(int(m["y"]), _month_no(m["m"]), part)
    week_of = (m["qual"] or "").lower().startswith("week")
    return Hit(start, end, 2 if part or week_of else 3, False)


def _bare_month(m: re.Match[str], lead: re.Match[str] | None, base: date) -> Hit | None:
    """"In March", "last March", "in late August": the most recent such month (or part) begun by `base`.
    A month name needs a preposition or a part before it: that is what tells "in May" from "May God"."""
    if lead is None or not lead.group(0):
        return None
    part = _part(lead)
    month_no = _month_no(m["m"])
    first = part_of_month(2001, month_no, part)[0].day
    y = recent_month(month_no, base, strictly_before=lead_word(lead, "pre") == "last", first_day=first)
    start, end = part_of_month(y, month_no, part)
    return Hit(start, min(end, base), 2 if part else 3, True)


def _year(m: re.Match[str], lead: re.Match[str] | None, base: date) -> Hit | None:
    """"in 2015" is the whole year; "early/mid/late 2015" its thirds (Jan-Apr, May-Aug, Sep-Dec). A bare number
    is a year only after a preposition or a part."""
    if lead is None or not lead.group(0):
        return None
    y = int(m["y"])
    first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}.get(_part(lead) or "", (1, 12))
    return Hit(month_span(y, first)[0], month_span(y, last)[1], 3, False)


def _rules() -> list[Rule]:
    dmy = day("d") + r"(?:\s+of)?\s+" + month("m") + r"(?:\s+[0-3]?\d(?!\d))?,?\s+" + year("y") + _QUAL
    mdy = month("m") + r"\s+(?:the\s+)?" + day("d") + r"(?:,\s*|\s+)" + year("y") + _QUAL
    dm = day("d") + r"(?:\s+of)?\s+" + month("m") + _QUAL
    md = month("m") + r"\s+(?:the\s+)?" + day("d") + _NOT_A_COUNT + _QUAL
    range_dm = (
        day("d1") + r"(?:\s+" + month("m1") + r")?" + r"(?:,?\s+" + year("y1") + r")?" + _SEP + r"(?:the\s+)?"
        + day("d2", guard=False) + r"(?:\s+of)?\s+" + month("m2") + r"(?:,?\s+" + year("y2") + r")?"
    )
    range_md = (
        month("m1") + r"\s+" + day("d1") + r"(?:,?\s+" + year("y1") + r")?" + _SEP + r"(?:" + month("m2")
        + r"\s+)?" + day("d2", guard=False) + r"(?:,?\s+" + year("y2") + r")?"
    )
    month_year = month("m") + r",?\s+" + year("y") + _QUAL
    # A month name followed by a day or a year belongs to another rule; "May Day" is a holiday.
    bare_month = (
        month_full("m") + r"(?!\.?\s+(?:the\s+)?[0-3]?\d(?!\d)" + _NOT_A_COUNT + r"|,?\s+\d{4}(?!\d)|\s+Day\b)"
    )
    year_only = year("y") + r"(?!\s*(?:%|-\s*\d|–\s*\d))"
    return [
        Rule("dmy", re.compile(dmy), _single_day, _DAY_LEAD),
        Rule("mdy", re.compile(mdy), _single_day, _MONTH_DAY_LEAD),
        Rule("dm", re.compile(dm), _single_day, _DAY_LEAD),
        Rule("md", re.compile(md), _single_day, _MONTH_DAY_LEAD),
        Rule("range_dm", re.compile(range_dm), _range, _DAY_LEAD),
        Rule("range_md", re.compile(range_md), _range, _MONTH_DAY_LEAD),
        Rule("month_year", re.compile(month_year), _month_year, _MONTH_LEAD),
        Rule("bare_month", re.compile(bare_month), _bare_month, _MONTH_LEAD),
        Rule("year", re.compile(year_only), _year, _YEAR_LEAD),
    ]


ABSOLUTE_RULES = _rules()
