"""The temporal stage: time expressions found in text and resolved against the publication date, with ACLED's
time_precision (1 day, 2 week or a few days, 3 month or longer) and the span of text as evidence."""
from __future__ import annotations

from eventwire.temporal._find import TimeMention, find_times, resolve

__all__ = ["TimeMention", "find_times", "resolve"]
