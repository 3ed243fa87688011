"""Numbers as news writes them: digits ("1,500", "1500"), number words ("thirteen", "two hundred", "one hundred
and fifty"), "a dozen", "a man", and vague counts that are ranges ("dozens" 24–99, "scores" 40–99, "hundreds"
200–999, "thousands" 2,000–9,999, "tens of" 20–90).

`NUMBER` is the pattern of one count; `parse_number` gives its value (the low end of a vague count, as ACLED codes
the lower bound of a range) and `number_range` its (low, high).
"""
from __future__ import annotations

import re

__all__ = ["NUMBER", "number_range", "parse_number"]

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000}
_OTHER = {"a": 1, "an": 1, "single": 1, "a dozen": 12, "dozen": 12, "half a dozen": 6, "a couple of": 2,
          "a pair of": 2, "both": 2}
# Vague counts: (low, high). "dozens" is at least two dozen; "scores" at least two score.
_VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
          "tens": (20, 90)}

_U = "|".join(_UNITS)
_BELOW_100 = rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{_U}))?|{'|'.join(_TEENS)}|{_U})"
_WORDS_NUMBER = rf"(?:(?:{_BELOW_100}|a)\s+(?:hundred|thousand)(?:\s+(?:and\s+)?{_BELOW_100}(?![- ](?:hundred|thousand)))?)"
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+|" + _WORDS_NUMBER + r"|half a dozen|a dozen|a couple of|a pair of|"
    r"dozens|scores(?=\s+of\b|\s+(?:were|have|had)\b)|hundreds|thousands|tens(?=\s+of\b)|"
    + _BELOW_100 + r"|single|both|an|a)"
)
_TOKEN = re.compile(r"[a-z]+")


def _words_value(t: str) -> int | None:
    """ "one hundred and fifty" -> 150, "two thousand five hundred" -> 2500, "twenty-one" -> 21."""
    total = current = 0
    seen = False
    for word in _TOKEN.findall(t):
        if word == "and":
            continue
        if word in _UNITS or word in _TEENS or word in _TENS:
            current += _UNITS.get(word) or _TEENS.get(word) or _TENS[word]
        elif word == "a" and not seen:
            current = 1
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if word == "thousand":
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


def number_range(text: str) -> tuple[int, int] | None:
    """(low, high) of a count: equal for an exact count, the range of a vague one ("dozens" -> (24, 99))."""
    t = " ".join(text.strip().lower().split())
    if t in _VAGUE:
        return _VAGUE[t]
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t):
        n = int(t.replace(",", ""))
        return n, n
    n = _OTHER.get(t)
    if n is None:
        n = _words_value(t)
    return (n, n) if n is not None else None


def parse_number(text: str) -> int | None:
    """The value of a count; the low end for a vague one ("hundreds" -> 200)."""
    found = number_range(text)
    return found[0] if found else None
