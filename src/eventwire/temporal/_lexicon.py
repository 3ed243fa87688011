"""Words and regex pieces for time expressions. Month and weekday names are matched case-sensitively (capitalised),
which is what keeps the modal verb "may" and the verb "march" out; the little words around them are not."""
from __future__ import annotations

__all__ = [
    "MONTHS",
    "NUMBER_WORDS",
    "WEEKDAYS",
    "day",
    "month",
    "month_full",
    "year",
    "weekday",
    "words",
]

MONTHS = {
    name: i + 1
    for i, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
WEEKDAYS = {name: i for i, name in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "couple of": 2,
}

_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"


def words(*alternatives: str) -> str:
    """A case-insensitive alternation of phrases, longest first, any run of spaces between words."""
    ordered = sorted(alternatives, key=len, reverse=True)
    return "(?i:" + "|".join(a.replace(" ", r"\s+") for a in ordered) + ")"


def day(group: str, guard: bool = True) -> str:
    """A day of the month ("2", "02", "2nd"); `guard` refuses digits glued to other numbers or words."""
    before = r"(?<![\w.,/+\-])" if guard else ""
    return rf"{before}(?P<{group}>[0-3]?\d)(?:st|nd|rd|th)?(?![\w])"


def month(group: str) -> str:
    return rf"(?P<{group}>{_FULL}|{_ABBR})(?![a-z])"


def month_full(group: str) -> str:
    return rf"(?P<{group}>{_FULL})(?![\w])"


def year(group: str) -> str:
    return rf"(?<![\w.,])(?P<{group}>(?:1[89]|20)\d\d)(?![\w]|[.,]\d)"


def weekday(group: str) -> str:
    return rf"(?<![\w])(?P<{group}>{_WEEKDAY})(?![\w])"
