"""Event cues: stems of words that news uses to tell of violence, in a data file (`data/events/cues.txt`).

A sentence that no trigger rule matches but that holds a cue is a candidate: the learned event head decides whether
it reports an event. The cues only choose which sentences reach the encoder (it costs ~4 ms a sentence), so they
are broad: a false cue costs time, a missing one costs recall.
"""
from __future__ import annotations

import re
from functools import lru_cache

from eventwire.settings import data_path

__all__ = ["find_cue", "phrase_alternation"]


def phrase_alternation(name: str) -> str:
    """The phrases of `data/events/<name>` (one per line, # comments), longest first, as a regex alternation in
    which a space matches any run of whitespace."""
    lines = data_path("events", name).read_text(encoding="utf-8").splitlines()
    phrases = sorted({line.strip().lower() for line in lines if line.strip() and not line.startswith("#")}, key=len,
                     reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{phrase_alternation('cues.txt')})[a-z]*", re.IGNORECASE)


def find_cue(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first cue word in text[start:end], or None."""
    return _pattern().search(text, start, end)
