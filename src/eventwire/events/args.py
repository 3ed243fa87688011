"""Arguments found by rule in a sentence: fatalities (see fatalities.py), who says so, and hedging."""
from __future__ import annotations

import re

from eventwire.events.fatalities import casualty_report, explicit_fatalities, find_fatalities, find_split
from eventwire.models import Attribution, Span

__all__ = ["find_fatalities", "find_attribution", "find_hedge", "explicit_fatalities", "casualty_report", "find_split"]

_ATTRIB = [
    (re.compile(r"\b(?:an? )?(?:local |security |medical |military |informed |reliable )?sources?(?: in [A-Z][\w -]+?)?"
                r"(?= (?:reported|said|told|says|added|confirmed|stated)|,? (?:speaking )?on (?:the )?condition)", re.I), "anonymous_local"),
    (re.compile(r"\blocal sources\b|\bsources on the ground|reports on the ground", re.I), "anonymous_local"),
    (re.compile(r"\b(?:a |the )?(?:monitoring group|war monitor|monitor|observatory|Syrian Observatory for Human Rights|SOHR)\b", re.I), "monitor"),
    (re.compile(r"\b(?:local )?activists?(?: group)?(?= (?:said|reported|told|say|says|claimed))|\bactivist group\b", re.I), "activist_group"),
    (re.compile(r"\b(?:officials?|spokes(?:man|woman|person)|ministry|authorities|the army|police) (?:said|say|says|announced|stated|confirmed)", re.I), "official"),
    (re.compile(r"\baccording to (?:the |a )?([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,5})"), "named"),
    (re.compile(r"\b(?:told|reported to|quoted by) ([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,4})"), "media"),
]
_HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|apparently|purportedly|reports? (?:indicate|suggest|said)|it is (?:believed|thought|unclear)|"
    r"is believed|are believed|were believed|was believed|claimed|claims?|unconfirmed|said to (?:be|have)|"
    r"believed to|suspected|presumed|possibly|likely|rumou?red)\b",
    re.I,
)


def find_attribution(text: str, start: int, end: int) -> Attribution | None:
    """Who the sentence says reported it: the first matching pattern, with its span as evidence."""
    for rx, kind in _ATTRIB:
        m = rx.search(text, start, end)
        if m:
            source = (m.group(1) if m.lastindex else m.group()).strip()
            return Attribution(kind=kind, source=source, evidence=[Span(start=m.start(), end=m.end())])  # type: ignore[arg-type]
    return None


def find_hedge(text: str, start: int, end: int) -> Span | None:
    m = _HEDGE.search(text, start, end)
    return Span(start=m.start(), end=m.end()) if m else None
