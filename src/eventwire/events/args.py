"""Arguments found by rule in a sentence: fatalities, who says so, and hedging."""
from __future__ import annotations

import re

from eventwire.events.numbers import NUMBER, parse_number
from eventwire.models import Attribution, Fatalities, Span

__all__ = ["find_fatalities", "find_attribution", "find_hedge", "explicit_fatalities"]

_VICTIM = (r"(?:(?:[\w'-]+ ){0,4}?(?:people|persons?|civilians?|soldiers?|troops|members?|fighters?|militants?|men|man|"
           r"women|woman|child(?:ren)?|boys?|girls?|rebels?|police(?:men|man)?|officers?|individuals?|residents?|"
           r"farmers?|shepherds?|workers?|journalists?|smugglers?|gunmen|protesters?|demonstrators?|personnel|"
           r"commanders?|leaders?|elements?|insurgents?|jihadists?|combatants?|recruits?|guards?|others?|victims?|"
           r"persons|policemen|servicemen|attackers|assailants|dealers?|traders?|relatives|family members))")
_N = r"(?:at least |about |around |nearly |almost |more than |over |up to |some |approximately )?(" + NUMBER + r")"
_PATTERNS = [
    (re.compile(r"\b" + _N + r" (?:reported )?fatalit(?:y|ies)", re.I), 3),
    (re.compile(r"\bfatalit(?:y|ies) (?:were |was )?coded (?:to|as) " + _N, re.I), 3),
    (re.compile(r"\b(?:killing|killed|kills|left|leaving) " + _N + r"\b(?! (?:injured|wounded|hours|days|km|kilometers))", re.I), 2),
    (re.compile(r"\b" + _N + r" " + _VICTIM + r"? ?(?:\([^)]*\) )?(?:were |was |have been |has been |had been |are |is )?(?:reportedly )?(?:killed|dead|died|slain|executed|murdered|shot dead|beheaded|lost their lives|lost his life)", re.I), 2),
    (re.compile(r"\bdeath toll (?:rose |rises |climbed |reached |stood |stands |of )?(?:to |at )?" + _N, re.I), 2),
    (re.compile(r"\bwho (?:was|had been) (?:also |reportedly |later )?(?:killed|shot dead|executed|assassinated)", re.I), 1),
    (re.compile(r"\b(?:his|her) body was found|\b(?:he|she) (?:was killed|died|was shot dead)|killing (?:him|her)\b", re.I), 1),
]
_ZERO = re.compile(
    r"\b(?:no (?:reported )?(?:fatalities|casualties|deaths|one was (?:killed|hurt|injured))|without (?:causing )?(?:any )?"
    r"(?:casualties|fatalities)|neither (?:injuries|fatalities|casualties) nor (?:injuries|fatalities|casualties)|"
    r"casualties (?:are |were |remain )?unknown|no injuries or fatalities|no injuries)\b",
    re.I,
)
_LOW = re.compile(r"at least|more than|over", re.I)
_HIGH = re.compile(r"up to|nearly|almost", re.I)


def find_fatalities(text: str, start: int, end: int) -> Fatalities | None:
    """Deaths reported in text[start:end]; an explicit "N fatalities" wins, otherwise the counts found add up."""
    found: list[tuple[int, int, int, int, str]] = []  # (priority, n, start, end, matched)
    for rx, priority in _PATTERNS:
        for m in rx.finditer(text, start, end):
            n = 1 if priority == 1 or m.lastindex is None else parse_number(m.group(1))
            if n is None or n > 100000:
                continue
            found.append((priority, n, m.start(), m.end(), m.group()))
    if not found:
        zero = _ZERO.search(text, start, end)
        if zero:
            return Fatalities(best=0, evidence=[Span(start=zero.start(), end=zero.end())])
        return None
    top = max(p for p, *_ in found)
    if top == 3:
        chosen = [f for f in found if f[0] == 3][-1:]
    else:
        chosen = _non_overlapping(sorted(found, key=lambda f: f[2]))
    best = sum(f[1] for f in chosen)
    low = best if all(not _HIGH.search(f[4]) for f in chosen) else None
    high = best if all(not _LOW.search(f[4]) for f in chosen) else None
    return Fatalities(best=best, low=low, high=high, evidence=[Span(start=f[2], end=f[3]) for f in chosen])


def _non_overlapping(found: list[tuple[int, int, int, int, str]]) -> list[tuple[int, int, int, int, str]]:
    kept: list[tuple[int, int, int, int, str]] = []
    for f in found:
        if kept and f[2] < kept[-1][3]:
            if f[3] - f[2] > kept[-1][3] - kept[-1][2]:
                kept[-1] = f
            continue
        kept.append(f)
    return kept


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


def explicit_fatalities(text: str, start: int, end: int) -> Fatalities | None:
    """A summary count ("3 fatalities.", "Fatalities coded to 3"): it speaks for the paragraph's main event."""
    for rx, priority in _PATTERNS:
        if priority != 3:
            continue
        found = list(rx.finditer(text, start, end))
        if found:
            m = found[-1]
            n = parse_number(m.group(1))
            if n is not None:
                return Fatalities(best=n, low=n, high=n, evidence=[Span(start=m.start(), end=m.end())])
    return None
