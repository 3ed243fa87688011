"""Reading the head of a clean article: title, byline date, dateline place, outlet. Every find carries its span.

Dates are found by pattern first and only the matched date substring goes to dateparser, so a byline name or a
headline word can never be read as a date.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from eventwire.intake._boilerplate import is_headline_like, looks_like_outlet
from eventwire.intake._pubdate import find_pubdate
from eventwire.models import Span

__all__ = ["HeadFacts", "read_head", "parse_date_text"]

log = logging.getLogger(__name__)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|[A-Z]{2,4}T?))?)?"
_DATE = re.compile(
    rf"""(?<![\w-])(?:
        {_WEEKDAY}{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}{_TIME}   # December 07, 2016
      | {_WEEKDAY}\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}{_TIME}  # 3 March 2021
      | \d{{4}}-\d{{2}}-\d{{2}}(?:[T\s]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?  # ISO
      | \d{{1,2}}/\d{{1,2}}/\d{{4}}                                       # 12/07/2016
      | \d{{1,2}}\.\d{{1,2}}\.\d{{4}}                                     # 07.12.2016
      | \d{{4}}[/.]\d{{1,2}}[/.]\d{{1,2}}                                  # 2016/12/07
    )(?![\w-])""",
    re.VERBOSE,
)
_PUBLISHED_CUE = re.compile(r"^(?:published|posted|date|first published|released|created)\b\s*(?:on|at)?\s*:?",
                            re.IGNORECASE)
_UPDATED_CUE = re.compile(r"^(?:(?:last\s+)?updated|modified)\b\s*(?:on|at)?\s*:?", re.IGNORECASE)
_BYLINE = re.compile(r"^by\s+\S", re.IGNORECASE)

# Capitalised words, Arabic-style article prefixes (al-Bab, Deir ez-Zor) and a few lower-case particles.
_PLACE_WORD = r"(?:[A-Z][A-Za-z'’.-]*|[a-z]{1,3}-[A-Z][A-Za-z'’-]*|of|de|del|el|al|la|le|upon)"
_DATELINE = re.compile(
    rf"""^(?P<place>[A-Z][A-Za-z'’.-]*(?:\s{_PLACE_WORD}){{0,3}}
                   (?:,\s*[A-Z][A-Za-z'’.-]*(?:\s{_PLACE_WORD}){{0,2}}){{0,2}})
        (?:,\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH}))?           # "BEIRUT, Dec 7 (Reuters) -"
        \s*(?:\((?P<outlet>[A-Z][\w .&'’-]{{0,30}})\))?
        \s*(?P<sep>[–—]|--?|:)\s+(?=\S)""",
    re.VERBOSE,
)
_SOURCE_LINE = re.compile(r"^(?:source|sources)\s*:\s*(?P<name>[^\n]{2,60}?)\s*\.?$", re.IGNORECASE)
_HEAD_LINES = 8  # the head of an article: its first few non-empty lines
_BODY_MIN_WORDS = 15


@dataclass
class HeadFacts:
    title: str | None = None
    published: date | None = None
    published_span: Span | None = None
    dateline_place: str | None = None
    dateline_span: Span | None = None
    source: str | None = None
    source_span: Span | None = None


# Numeric dates whose order the separators tell (as the head-line reader, _pubdate, reads them): dots put the day
# first ("07.12.2016", as European and Arabic sites print it), a leading year is year-month-day ("2016/12/07").
_DAY_FIRST = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.\d{4}(?!\d)")
_YEAR_FIRST = re.compile(r"(?<![\d/.])\d{4}[/.]\d{1,2}[/.]\d{1,2}(?!\d)")


def parse_date_text(text: str) -> date | None:
    """A calendar date from a short date string, never in the future; None when unreadable."""
    import dateparser  # slow import; only needed when a date is actually read

    settings: dict[str, Any] = {
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if _DAY_FIRST.search(text):
        settings["DATE_ORDER"] = "DMY"
    elif _YEAR_FIRST.search(text):
        settings["DATE_ORDER"] = "YMD"
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError) as exc:  # dateparser raises on impossible dates like 31/02
        log.debug("date %r not parsed: %s", text, exc)
        return None
    if not isinstance(parsed, datetime) or parsed > datetime.now():
        return None
    return parsed.date()


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    """Non-empty lines with their offsets; a hard-wrapped line (the next one starts lower-case) takes its
    continuation along, so a wrapped first paragraph is still one body line and not a headline."""
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if out and line[:1].islower() and out[-1][0] + len(out[-1][1]) + 1 == pos:
            out[-1] = (out[-1][0], f"{out[-1][1]}\n{line}")
        elif line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


def _head(text: str) -> list[tuple[int, str]]:
    """The first lines up to and including the first body paragraph."""
    head = []
    for offset, line in _lines_with_offsets(text)[:_HEAD_LINES]:
        head.append((offset, line))
        if len(line.split()) >= _BODY_MIN_WORDS:
            break
    return head


def _date_in(line: str, offset: int) -> tuple[date, Span] | None:
    for match in _DATE.finditer(line):
        found = parse_date_text(match.group(0))
        if found is not None:
            return found, Span(start=offset + match.start(), end=offset + match.end())
    return None


def _published(head: list[tuple[int, str]]) -> tuple[date, Span] | None:
    """Cue lines first ("Published:", "By X, date"), then a date alone on its line, then "Updated"."""
    cued = [(o, line) for o, line in head if _PUBLISHED_CUE.match(line) or _BYLINE.match(line)]
    alone = [(o, line) for o, line in head if _starts_with_date(line)]
    updated = [(o, line) for o, line in head if _UPDATED_CUE.match(line)]
    for offset, line in cued + alone + updated:
        if len(line.split()) < _BODY_MIN_WORDS and (found := _date_in(line, offset)):
            return found
    return None


def _printed_pubdate(text: str) -> tuple[date, Span] | None:
    """The date a news page prints at its head, read by the pattern-file reader: the head here is the first lines
    up to the second long one (a long headline is not yet the body)."""
    lines = []
    for offset, line in _lines_with_offsets(text)[:_HEAD_LINES]:
        lines.append((offset, line))
        if sum(len(x.split()) >= _BODY_MIN_WORDS for _, x in lines) >= 2:
            break
    return find_pubdate(lines, lines[0][1] if len(lines) > 1 else None)


def _starts_with_date(line: str) -> bool:
    """A date line: the date, then at most a time or an 'Updated ...' note ('March 3, 2021 / 10:41 AM')."""
    match = _DATE.match(line)
    return match is not None and len(line.split()) <= 12


def _title(head: list[tuple[int, str]]) -> str | None:
    """The first line, unless it is a date or byline line; then the line after it."""
    for _, line in head[:2]:
        if _BYLINE.match(line) or _starts_with_date(line) or _PUBLISHED_CUE.match(line) or _UPDATED_CUE.match(line):
            continue
        if _DATELINE.match(line) and len(line.split()) >= _BODY_MIN_WORDS:
            return None
        return line if is_headline_like(line, max_words=25) else None
    return None


def _dateline(head: list[tuple[int, str]]) -> tuple[str, Span, str | None, Span | None] | None:
    """Place (and a wire outlet in brackets) at the start of the first body paragraph."""
    offset, line = head[-1]
    if len(line.split()) < _BODY_MIN_WORDS:
        return None
    match = _DATELINE.match(line)
    if not match or len(match.group("place").split()) > 6:
        return None
    if match.group("sep") == ":" and not match.group("place").isupper():
        return None  # "KABUL: ..." is a dateline; "Analysts: ..." is not
    place = match.group("place").rstrip(" ,")
    place_span = Span(start=offset, end=offset + len(place))
    outlet = match.group("outlet")
    outlet_span = Span(start=offset + match.start("outlet"), end=offset + match.end("outlet")) if outlet else None
    return _titlecase_caps(place), place_span, outlet, outlet_span


def _titlecase_caps(place: str) -> str:
    """'BEIRUT' -> 'Beirut'; mixed-case names are left alone."""
    return " ".join(w.title() if w.isupper() and len(w) > 3 else w for w in place.split(" "))


def _source(text: str, head: list[tuple[int, str]]) -> tuple[str, Span] | None:
    """A "Source: X" line anywhere, else a short outlet-looking line between the title and the body."""
    for offset, line in _lines_with_offsets(text):
        match = _SOURCE_LINE.match(line)
        if match:
            return match.group("name"), Span(start=offset + match.start("name"), end=offset + match.end("name"))
    for offset, line in head[1:-1]:
        if looks_like_outlet(line):
            return line, Span(start=offset, end=offset + len(line))
    return None


def read_head(text: str) -> HeadFacts:
    """Title, publication date, dateline and outlet read from the clean text, each with its evidence span."""
    head = _head(text)
    facts = HeadFacts(title=_title(head))
    published = _published(head) or _printed_pubdate(text)
    if published is not None:
        facts.published, facts.published_span = published
    dateline = _dateline(head) if head else None
    if dateline is not None:
        facts.dateline_place, facts.dateline_span, outlet, outlet_span = dateline
        if outlet and outlet_span:
            facts.source, facts.source_span = outlet, outlet_span
    if facts.source is None and (source := _source(text, head)) is not None:
        facts.source, facts.source_span = source
    return facts
