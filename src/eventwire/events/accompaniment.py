"""What goes with an event: event words in a phrase of support or backdrop do not lead their sentence's event.

"Regime forces, supported by Russian warplanes conducting airstrikes and helicopters dropping barrel bombs, clashed
with IS" reports the clash; the airstrikes are how it was supported. "Rebels clashed with the army amid heavy
shelling" is the clash too. The phrases that open such a part are data (`data/events/accompaniment_cues.txt`); a
part runs from its phrase to the next comma, semicolon or bracket, or to the sentence's end.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from eventwire.events.cues import phrase_alternation
from eventwire.events.lexicon import Trigger

__all__ = ["accompanying", "main_clause"]

_PART_END = re.compile(r"[,;:()\[\]]")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{phrase_alternation('accompaniment_cues.txt')})(?![\w-])", re.IGNORECASE)


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    parts = []
    for cue in _pattern().finditer(text, start, end):
        stop = _PART_END.search(text, cue.end(), end)
        parts.append((cue.end(), stop.start() if stop else end))
    return parts


def accompanying(text: str, start: int, end: int, triggers: Sequence[Trigger]) -> list[Trigger]:
    """The triggers of text[start:end] that stand in a phrase of support or backdrop."""
    parts = _parts(text, start, end) if len(triggers) > 1 else []
    return [t for t in triggers if any(a <= t.start < b for a, b in parts)]


def main_clause(text: str, start: int, end: int, triggers: Sequence[Trigger]) -> list[Trigger]:
    """The triggers to lead the event from: those outside phrases of support or backdrop, where one of them is a
    fair event word (strength 0.5 or more); else all of `triggers`."""
    aside = accompanying(text, start, end, triggers)
    main = [t for t in triggers if t not in aside]
    return main if aside and any(t.strength >= 0.5 for t in main) else list(triggers)
