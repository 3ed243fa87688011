"""When to ask the mode head (report / statement / threat / plan / history), and what its answer does.

The head (`sentence_model.SentenceModel.mode_head`) costs a sentence's encoding, so cheap cues choose where it
speaks: a trigger that the hypothetical cues (`lexicon.HYPOTHETICAL`: "threatened to", "plans to", "vowed") would
drop, and an event told with a history cue (`data/events/history_cues.txt`: a past year, "began in", "years ago").
Without the head (no model, or `Pipeline(use_classifier=False)`) the cue rules decide alone, as before.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from eventwire.settings import data_path

__all__ = ["EVENT_FLOOR", "HAPPENED_AT", "HISTORY_AT", "NOT_YET_AT", "history_cue", "is_history", "keeps_held"]

HAPPENED_AT = 0.6  # a trigger under a hypothetical cue stays an event where report + history (it happened) reach this
EVENT_FLOOR = 0.1  # and the event head does not all but rule an event out ("a deal that will see rebels evacuated")
NOT_YET_AT = 0.75  # and gives none where threat + plan reach this; between the two the event head decides, as for
# a cue word: a linear head over sentence embeddings reads "The army, which had warned residents to leave, shelled …"
# as half a threat (its words are), so only its sure answers overrule the event head
HISTORY_AT = 0.5  # an event is background when the head gives "history" this much


@lru_cache(maxsize=1)
def _history_patterns() -> tuple[re.Pattern[str], ...]:
    lines = data_path("events", "history_cues.txt").read_text(encoding="utf-8").splitlines()
    return tuple(re.compile(line.strip(), re.I) for line in lines if line.strip() and not line.startswith("#"))


def history_cue(text: str, published: date | None) -> bool:
    """Whether `text` holds a history cue; a year counts only before the publication year (any year without one)."""
    for pattern in _history_patterns():
        for m in pattern.finditer(text):
            year = m.groupdict().get("year")
            if year is None or published is None or int(year) < published.year:
                return True
    return False


def keeps_held(modes: dict[str, float], event: float | None, event_at: float, cued: bool) -> bool:
    """Whether a trigger under a hypothetical cue is an event: yes where the head reads a report or history (one
    here: it happened, and the head confuses the two most) unless the event head all but rules an event out, no
    where it reads a threat or a plan, else what the event head would say of a candidate: whether the sentence has
    a cue word (`cued`) and `event_at`. No answer (no head) keeps nothing, as the cue rule would."""
    if not modes:
        return False
    if modes.get("report", 0.0) + modes.get("history", 0.0) >= HAPPENED_AT:
        return event is not None and event >= EVENT_FLOOR
    if modes.get("threat", 0.0) + modes.get("plan", 0.0) >= NOT_YET_AT:
        return False
    return cued and event is not None and event >= event_at


def is_history(modes: dict[str, float]) -> bool:
    return modes.get("history", 0.0) >= HISTORY_AT
