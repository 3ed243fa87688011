"""Finding time expressions in text: every rule proposes matches, the longest match wins where they overlap, and
each winner is resolved against the publication date."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from eventwire.models import Span, TimePrecision, TimeSpan
from eventwire.temporal._absolute import ABSOLUTE_RULES
from eventwire.temporal._hit import Hit
from eventwire.temporal._numeric import NUMERIC_RULES
from eventwire.temporal._relative import RELATIVE_RULES

__all__ = ["TimeMention", "find_times", "resolve"]

_RULES = [*ABSOLUTE_RULES, *RELATIVE_RULES, *NUMERIC_RULES]
# Relative rules still run without a publication date (to report the mention, unresolved); this stand-in base
# only lets them compute a precision, and its dates are never returned.
_STAND_IN = date(2000, 1, 5)
_LEAD_WINDOW = 48  # longest lead: "Wednesday, the " after "on or about" / "in the month of" + "the beginning of"
# Cheap screen: a text with no digit, no capitalised month/weekday name and no relative keyword has no times.
_SCREEN = re.compile(
    r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day|night|week|month|year|recent|late|ago|today|"
    r"this|morning|evening|afternoon",
    re.IGNORECASE,
)


@dataclass
class TimeMention:
    """A time expression found in a text, with offsets (plus `base_offset`) and its resolved window."""

    start: int
    end: int
    text: str
    time: TimeSpan
    relative: bool


def _candidates(text: str, base: date) -> list[tuple[int, int, Hit]]:
    found: list[tuple[int, int, Hit]] = []
    for rule in _RULES:
        for m in rule.pattern.finditer(text):
            lead = rule.lead.search(text, max(0, m.start() - _LEAD_WINDOW), m.start()) if rule.lead else None
            hit = rule.resolve(m, lead, base)
            if hit is not None:
                found.append((lead.start() if lead else m.start(), m.end(), hit))
    return found


def _non_overlapping(found: list[tuple[int, int, Hit]]) -> list[tuple[int, int, Hit]]:
    """Earliest first; where matches overlap, the longest (it read more of the expression) wins."""
    chosen: list[tuple[int, int, Hit]] = []
    for start, end, hit in sorted(found, key=lambda c: (c[0], c[0] - c[1])):
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end, hit))
    return chosen


def _mention(text: str, start: int, end: int, hit: Hit, published: date | None, offset: int) -> TimeMention:
    expression = text[start:end]
    known = published is not None or not hit.relative
    time = TimeSpan(
        text=expression,
        start=hit.start if known else None,
        end=hit.end if known else None,
        time_precision=TimePrecision(hit.precision),
        resolved=known,
        evidence=[Span(start=start + offset, end=end + offset)],
    )
    return TimeMention(start + offset, end + offset, expression, time, hit.relative)


def find_times(text: str, published: date | None, base_offset: int = 0) -> list[TimeMention]:
    """Every time expression in `text`, in order, resolved against `published` where it is relative."""
    if not _SCREEN.search(text):
        return []
    found = _non_overlapping(_candidates(text, published or _STAND_IN))
    return [_mention(text, s, e, hit, published, base_offset) for s, e, hit in found]


def resolve(expression: str, published: date | None) -> TimeSpan | None:
    """The window of one time expression ("last month", "2 June 2023"): its longest mention, or None."""
    mentions = find_times(expression, published)
    if not mentions:
        return None
    return max(mentions, key=lambda m: m.end - m.start).time
