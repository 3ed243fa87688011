"""What goes with an event: event words in a phrase of support or backdrop do not lead their sentence's event.

"Regime forces, supported by Russian warplanes conducting airstrikes and helicopters dropping barrel bombs, clashed
with IS" reports the clash; the airstrikes are how it was supported. "Rebels clashed with the army amid heavy
shelling" is the clash too. The phrases that open such a part are data (`data/events/accompaniment_cues.txt`); a
part runs from its phrase to the next comma, semicolon or bracket, to the sentence's end, or to the main clause's
verb when no comma comes first ("Turkish forces supported by their allies captured the town": the capture).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from eventwire.events.cues import phrase_alternation
from eventwire.events.lexicon import Trigger

__all__ = ["accompanying", "is_main_verb", "main_clause"]

_PART_END = re.compile(r"[,;:()\[\]]")
MAIN_STRENGTH = 0.4  # a main clause's event word leads from this strength up ("attacked a military point, amid bombardment")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{phrase_alternation('accompaniment_cues.txt')})(?![\w-])", re.IGNORECASE)


_PAST_IRREGULAR = frozenset({"fought", "shot", "struck", "took", "retook", "overran", "hit", "blew", "threw", "stormed",
                             "seized", "beat", "set"})
_ADJECTIVES = frozenset({"armed", "improvised", "booby-trapped", "unidentified", "suspected", "rigged", "coordinated"})
_NOT_FINITE_BEFORE = re.compile(r"\b(?:that|which|who|whom|was|were|been|being|is|are|had|have|has|to)\s+(?:\w+\s+)?$",
                                re.IGNORECASE)


def is_main_verb(text: str, start: int, trigger: Trigger) -> bool:
    """Whether the trigger reads as a clause's finite verb in the past ("captured", "fought"), not a noun, a
    participle after an auxiliary or a relative pronoun ("who were attacked", "that shelled"), or an adjective."""
    first = trigger.text.split()[0].lower() if trigger.text.split() else ""
    if first in _ADJECTIVES or not (first.endswith("ed") or first in _PAST_IRREGULAR):
        return False
    return not _NOT_FINITE_BEFORE.search(text, max(start, trigger.start - 30), trigger.start)


def _parts(text: str, start: int, end: int, triggers: Sequence[Trigger]) -> list[tuple[int, int]]:
    parts = []
    for cue in _pattern().finditer(text, start, end):
        stop = _PART_END.search(text, cue.end(), end)
        stop_at = stop.start() if stop else end
        verb = next((t for t in triggers if cue.end() < t.start < stop_at and is_main_verb(text, start, t)), None)
        parts.append((cue.end(), verb.start if verb else stop_at))
    return parts


def accompanying(text: str, start: int, end: int, triggers: Sequence[Trigger]) -> list[Trigger]:
    """The triggers of text[start:end] that stand in a phrase of support or backdrop."""
    parts = _parts(text, start, end, triggers) if len(triggers) > 1 else []
    return [t for t in triggers if any(a <= t.start < b for a, b in parts)]


def main_clause(text: str, start: int, end: int, triggers: Sequence[Trigger]) -> list[Trigger]:
    """The triggers to lead the event from: those outside phrases of support or backdrop, where one of them is a
    trigger at all (MAIN_STRENGTH); else all of `triggers`."""
    aside = accompanying(text, start, end, triggers)
    main = [t for t in triggers if t not in aside]
    return main if aside and any(t.strength >= MAIN_STRENGTH for t in main) else list(triggers)
