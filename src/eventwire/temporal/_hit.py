"""What a rule is and what it returns.

A rule's `pattern` matches the core of an expression ("2 June 2023", "Monday", "March"); its optional `lead`
pattern then reads the words just before it ("on or about", "last", "in late") so the core pattern can start on
a digit or capital letter and fail fast everywhere else: that keeps scanning cheap."""
from __future__ import annotations

import re
from datetime import date
from typing import Callable, NamedTuple

__all__ = ["Hit", "Rule", "lead_word"]


class Hit(NamedTuple):
    start: date
    end: date
    precision: int
    relative: bool


Resolver = Callable[[re.Match[str], "re.Match[str] | None", date], "Hit | None"]


class Rule(NamedTuple):
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    lead: re.Pattern[str] | None = None


def lead_word(lead: re.Match[str] | None, group: str) -> str | None:
    """A lead group's text, lower-cased with single spaces, or None."""
    if lead is None or not lead[group]:
        return None
    return re.sub(r"[\s-]+", " ", lead[group].lower()).strip()
