"""The temporal stage: time expressions found in text and resolved against the publication date, with ACLED's
time_precision (1 day, 2 week or a few days, 3 month or longer) and the span of text as evidence.

Conventions (decisions, so later stages can rely on them):
- Nothing inferred from the publication date lies after it: "on 23 August", "in July", "on Monday" take the most
  recent such date, and a month still running at publication ends on the publication date.
- A weekday named on that same weekday ("on Tuesday" in Tuesday's paper) is the publication day; "last Tuesday"
  is a week earlier. "next Monday", "tomorrow" are plans and no mention.
- ACLED's approximate dates ("Around 2 June 2023 (week of)", "On or about ...", "(as reported)") end on the date
  given, which is what ACLED codes as event_date, and reach back 6 days (1 for "weekend of", to the 1st for
  "month of") with precision 2 (3 for "month of").
- Durations ("for weeks", "since weeks", "for months") are not mentions: they say how long, not when.
- Without a publication date, relative mentions are still found but come back `resolved=False` with no dates.
"""
from __future__ import annotations

from eventwire.temporal._find import TimeMention, find_times, resolve

__all__ = ["TimeMention", "find_times", "resolve"]
