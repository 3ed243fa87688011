"""What a protest is against: event words that name a protest's grievance, not an event of their own.

"Residents demonstrated in Kandi against the arbitrary arrests" reports a protest; its "arrests" are why people
protested, which ACLED codes as the protest alone. The phrases that introduce a grievance are data
(`data/events/grievance_cues.txt`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from eventwire.events.cues import phrase_alternation
from eventwire.events.lexicon import Trigger

__all__ = ["PROTEST_TYPES", "grievances"]

PROTEST_TYPES = frozenset({"Peaceful protest", "Protest with intervention", "Violent demonstration", "Mob violence",
                           "Excessive force against protesters"})
_REACH = 80  # characters back from an event word to the phrase that makes it a grievance


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    body = phrase_alternation("grievance_cues.txt")
    return re.compile(rf"(?<![\w-])(?:{body})\s+(?:[\w'’-]+\s+){{0,3}}$", re.IGNORECASE)


def grievances(text: str, triggers: Sequence[Trigger]) -> list[Trigger]:
    """The triggers after the sentence's first protest or riot word that a grievance phrase introduces."""
    protest = next((t for t in triggers if t.sub_event_type in PROTEST_TYPES), None)
    if protest is None:
        return []
    return [t for t in triggers if t.start >= protest.end and t.sub_event_type not in PROTEST_TYPES
            and _pattern().search(text, max(protest.end, t.start - _REACH), t.start)]
