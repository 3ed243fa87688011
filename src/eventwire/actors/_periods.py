"""Which government period ACLED writes after a state's name ("Military Forces of Turkey (2016-)") on a date.

Order of evidence: (1) a period whose observed date range in the dev train data covers the date (most rows wins);
(2) the hand table of head-of-government periods with exact dates (state.json); (3) a mined period whose year
span covers the year (latest start wins); (4) the newest mined or hand period; (5) none. Without a date: the period the data codes most.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from ._tables import mined_periods, state


def _years(period: str) -> tuple[int, int | None]:
    start, _, end = period.partition("-")
    return int(start), int(end) if end else None


def _observed(country: str, when: date) -> str | None:
    covering = [
        (rec["count"], period)
        for period, rec in mined_periods().get(country, {}).items()
        if rec["first"] <= when.isoformat() <= rec["last"]
    ]
    return max(covering)[1] if covering else None


def _hand(country: str, when: date) -> str | None:
    for rec in state()["periods"].get(country, []):
        if rec["start"] <= when.isoformat() and (rec["end"] is None or when.isoformat() < rec["end"]):
            return str(rec["period"])
    return None


def _year_span(country: str, when: date) -> str | None:
    covering = []
    for period in mined_periods().get(country, {}):
        start, end = _years(period)
        if start <= when.year and (end is None or when.year <= end):
            covering.append((start, period))
    return max(covering)[1] if covering else None


def _newest(country: str) -> str | None:
    known: dict[str, Any] = dict(mined_periods().get(country, {}))
    known.update({rec["period"]: rec for rec in state()["periods"].get(country, [])})
    return max(known, key=lambda p: (_years(p)[0], _years(p)[1] is None)) if known else None


def _most_seen(country: str) -> str | None:
    seen = mined_periods().get(country, {})
    return max(seen, key=lambda p: seen[p]["count"]) if seen else None


def period_for(country: str, when: date | None = None) -> str | None:
    """The period string ("2016-", "2017-2021") for a country's state forces on `when` (the most coded one if None)."""
    if when is None:
        return _most_seen(country) or _newest(country)
    return _observed(country, when) or _hand(country, when) or _year_span(country, when) or _newest(country)


def state_name(force: str, country: str, when: date | None = None) -> str:
    """ "Military Forces of the United States (2017-2021)"; `force` is "Military" or "Police"."""
    the = "the " if country in state()["the_countries"] else ""
    period = period_for(country, when)
    suffix = f" ({period})" if period else ""
    return f"{force} Forces of {the}{country}{suffix}"
