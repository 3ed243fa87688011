"""The publication date as news sites print it at the head of an article, read by patterns that are data.

`data/intake/pubdate.json` lists the cues ("Posted on", "Date of publication", "Last updated at"), the words that
make a date an event's rather than the article's ("on 21 August 2013"), and the date forms. Each head line is
searched in its first `window` characters, after a repeat of the headline that flattened pages put before the
date. A cued publication date wins, then a free-standing date, then an "updated" one; the earliest of a kind.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from eventwire.models import Span

__all__ = ["PubDateReader", "find_pubdate", "pubdate_reader"]

_PATTERNS = Path(__file__).resolve().parents[1] / "data" / "intake" / "pubdate.json"
_PUBLISHED, _FREE, _UPDATED = 0, 1, 2  # ranks: lower wins


def _alternatives(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Form:
    regex: re.Pattern[str]
    swap_if_impossible: bool
    free_anywhere: bool  # numeric dates: free-standing anywhere in the window, not only at its start


class PubDateReader:
    """Finds the printed publication date in the head lines of a clean article (one job, one pattern file)."""

    def __init__(self, spec: dict[str, Any]):
        self.window = int(spec["window"])
        self.months: dict[str, int] = {k.lower(): int(v) for k, v in spec["months"].items()}
        fill = {"month": spec["month_pattern"]}
        self.forms = [_Form(re.compile(f["regex"].format(**fill), re.I), bool(f.get("swap_if_impossible")),
                            bool(f.get("free_anywhere"))) for f in spec["forms"]]
        weekday = spec["weekday_pattern"]
        sep = r"[\s:,\-–—|]*"
        self.published = re.compile(rf"\b(?:{_alternatives(spec['published_cues'])}){sep}{weekday}?$", re.I)
        self.updated = re.compile(rf"\b(?:{_alternatives(spec['updated_cues'])}){sep}{weekday}?$", re.I)
        self.blocked = re.compile(rf"\b(?:{_alternatives(spec['blockers'])})\s+{weekday}?[\[(]?$", re.I)
        self.marks = tuple(spec.get("blocking_marks", []))
        self.opening = re.compile(rf"[\s\W]*{weekday}?$", re.I)
        marks = "".join(re.escape(m) for m in spec.get("setting_off_marks", []))
        self.set_off = re.compile(rf"(?:[{marks}]\s*{weekday}?|\b{weekday})$" if marks else rf"\b{weekday}$", re.I)

    def _date(self, m: re.Match[str], swap: bool) -> date | None:
        month_text = m.group("month")
        month = int(month_text) if month_text.isdigit() else self.months.get(month_text[:3].lower())
        day = int(m.group("day"))
        if swap and month is not None and month > 12 >= day:
            month, day = day, month
        try:
            found = date(int(m.group("year")), month or 0, day)
        except ValueError:
            return None
        return found if found <= date.today() else None

    def _rank(self, before: str, opening: bool, form: _Form) -> int | None:
        """How the text before a date qualifies it: a publication cue, an update cue, else free-standing when it
        opens the window, is set off by a weekday or a mark, or its form may stand anywhere, and nothing blocks it."""
        if self.published.search(before):
            return _PUBLISHED
        if self.updated.search(before):
            return _UPDATED
        if self.marks and before.rstrip().endswith(self.marks):
            return None
        if not (opening or form.free_anywhere or self.set_off.search(before)) or self.blocked.search(before):
            return None
        return _FREE

    def in_line(self, line: str, offset: int, skip: int = 0) -> list[tuple[int, int, date, Span]]:
        """(rank, position, date, span) of each date that starts within the line's window (after `skip`)."""
        out = []
        window = line[: skip + self.window + 40]
        for form in self.forms:
            for m in form.regex.finditer(window, skip):
                if m.start() >= skip + self.window:
                    break
                found = self._date(m, form.swap_if_impossible)
                opening = bool(self.opening.fullmatch(window, skip, m.start()))
                rank = self._rank(window[max(skip, m.start() - 40):m.start()], opening, form) if found else None
                if found is not None and rank is not None:
                    out.append((rank, m.start(), found, Span(start=offset + m.start(), end=offset + m.end())))
        return out

    def find(self, head: Sequence[tuple[int, str]], title: str | None = None) -> tuple[date, Span] | None:
        """The publication date of the head lines (offset, line), with the span of the date's text."""
        found = []
        for offset, line in head:
            skip = _repeat_of(title, line) if title and line != title else 0
            found += self.in_line(line, offset, skip)
        if not found:
            return None
        _, _, day, span = min(found, key=lambda f: (f[0], f[3].start))
        return day, span


def _repeat_of(title: str, line: str) -> int:
    """Where the body line goes on after repeating the headline ("Car bomb kills four Fri Sep 27 2013 …"); 0 when
    it does not repeat it."""
    if line.startswith(title):
        return len(title)
    return 0


@lru_cache(maxsize=1)
def pubdate_reader(path: Path = _PATTERNS) -> PubDateReader:
    return PubDateReader(json.loads(path.read_text(encoding="utf-8")))


def find_pubdate(head: Sequence[tuple[int, str]], title: str | None = None) -> tuple[date, Span] | None:
    """The printed publication date of an article's head lines, None when the head prints none."""
    return pubdate_reader().find(head, title)
