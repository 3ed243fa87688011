"""Numbers as news writes them: digits, number words, "dozens", "at least six", "a man"."""
from __future__ import annotations

import re

__all__ = ["NUMBER", "parse_number"]

_WORDS = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12,
    "dozen": 12, "a couple of": 2, "a pair of": 2, "both": 2,
}
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+|a dozen|a couple of|a pair of|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|single|both|an|a)"
)
_COMPOUND = re.compile(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](\w+)")


def parse_number(text: str) -> int | None:
    t = text.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t):
        return int(t.replace(",", ""))
    m = _COMPOUND.fullmatch(t)
    if m:
        return _WORDS[m.group(1)] + _WORDS.get(m.group(2), 0)
    return _WORDS.get(t)
