"""Deaths as news and ACLED notes report them: counted victims, summary totals and totals split across events.

A sentence can name its dead as a list ("8 Karamajong and 2 civilians were killed", "killing 4 rebels and 2
soldiers"): every head count of the list adds up. Wounded, captured and "an unknown number" add nothing. A paragraph
can close with the coder's own total ("Total fatalities coded to 23.") and, when the deaths were spread over several
events, with the share of each place ("split as follows: 2 Jobas, 2 Turnabah, 5 Saraqab").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.events.numbers import NUMBER, number_range, parse_number
from eventwire.temporal._lexicon import month, weekday
from eventwire.models import Fatalities, Span

__all__ = ["find_fatalities", "explicit_fatalities", "FatalitySplit", "find_split", "casualty_report"]

_QUAL = (r"(?:at least |about |around |nearly |almost |(?:well )?more than |(?:well )?over |up to |some |approximately |an estimated |"
         r"as many as |a total of |total |between |all )?")
_NOT_PEOPLE = (r"(?!\s*(?:(?:unknown|undetermined|unidentified|unspecified) number|number|few|total|result|%|percent|per cent|km|kilomet\w*|"
               r"met(?:er|re)s?|miles?|hours?|days?|weeks?|months?|years?|minutes?|times|January|February|March|April|"
               r"May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)")
# A head count: "5", "between 35 and 45" (ACLED codes the lower bound, the upper is the high estimate), "at least
# seven", "a".
_YEAR = r"(?!(?:19|20)\d{2}\b)"  # "16 September 2016 Two civilians ... killed": a dateline's year is no head count
_COUNT = _QUAL + r"\b" + _YEAR + r"(" + NUMBER + r")\b(?:(?: and | to | or |-)(" + NUMBER + r")\b)?" + _NOT_PEOPLE
# One named person: "the commander of the Caucasian fighters", "another soldier", "his wife".
_PERSON = (r"member|fighter|commander|leader|officer|soldier|man|woman|child|boy|girl|driver|civilian|head|chief|mukhtar|"
           r"owner|guard|administrator|sergeant|colonel|general|captain|lieutenant|major|policeman|judge|mayor|journalist|"
           r"activist|doctor|teacher|imam|sheikh|elder|official|employee|worker|farmer|shepherd|student|trader|merchant|"
           r"dealer|smuggler|suspect|person|individual|resident|villager|escort|bodyguard|brother|son|wife|husband|father|"
           r"mother|daughter|cadre|militant|militiaman|gunman|volunteer|priest|chairman|chairperson|candidate|politician|cook|"
           r"nurse|pilot|engineer|victim|protester|demonstrator|inmate|prisoner|detainee|informant|relative|cousin|nephew|"
           r"operative|bomber|attacker|assailant")
_A_PERSON = re.compile(r"\s+(?:[\w'’-]+\s+){0,4}?(?:" + _PERSON + r")s?\b", re.I)  # after "a": "a QSD fighter"
_ONE = r"((?:the|another|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?(?:" + _PERSON + r"))\b(?!['’]s\b)"
_HEAD = r"(?:" + _COUNT + r"|" + _ONE + r")"  # groups: 1 count, 2 top of its range, 3 one person
_SEP = r"(?:,\s*(?:and\s+|as well as\s+|in addition to\s+|along with\s+)?|\s+(?:and|as well as|in addition to|along with|plus)\s+)"
_WORD = r"[\w'’()&/-]+"
_ITEM = _HEAD + r"(?:\s+(?!(?:including|among|of whom|while|whilst|whereas|but)\b)" + _WORD + r"){0,9}"
_LIST = re.compile(_ITEM + r"(?:" + _SEP + _ITEM + r")*", re.I)
_SHORT_ITEM = _HEAD + r"(?:\s+" + _WORD + r"){0,3}"
_SHORT_LIST = re.compile(_SHORT_ITEM + r"(?:" + _SEP + _SHORT_ITEM + r")*", re.I)  # before the noun "fatalities"
_HEADS = re.compile(r"(?:^|" + _SEP + r")(?:(?:the\s+|another\s+)?" + _COUNT + r"|" + _ONE + r")", re.I)
_CANDIDATE = re.compile(_HEAD, re.I)

_ACTIVE = re.compile(
    r"\b(?:(?:the )?killing(?: of)?|killed|kills|kill|assassinat(?:ed|ing)|shot dead|shooting dead|shot and killed|"
    r"shooting and killing|executed|executing|murdered|murdering|beheaded|beheading|eliminat(?:ed|ing|es?)|(?:the )?deaths? of|"
    r"claim(?:ed|ing) the lives? of|claims?(?=\s+\d+\s+(?:lives|people|civilians|victims|martyrs|dead|in|at|near)\b)|"
    r"massacr(?:ed|ing)|(?:the )?massacre of|slaughter(?:ed|ing))\s+(?:(?:using|with) (?:[\w-]+ ){0,3}?(?:fire|weapons?|arms(?: fire)?|guns?|knives|a knife) )?(?=\S)",
    re.I)
# Deaths named as the cause of what is reported ("protest over the killing of", "accused of killing") or only tried.
_NOT_TOLL = re.compile(r"\b(?:over|for|about|against|following|after|condemn\w*|denounc\w*|protest\w*|mourn\w*|"
                       r"commemorat\w*|accused of|charges? of|suspected of|responsible for|tried to|try to|attempt(?:ed|ing)? to|"
                       r"in connection with|revenge for|avenge)\s+(?:the\s+)?(?:[\w'-]+\s+)?$", re.I)
_PASSIVE = re.compile(
    r"\s+(?:\([^)]*\)\s+)?(?:(?:were|was|have been|has been|had been|are|is|being)\s+(?:(?:\w+ly|also|later|all|then|"
    r"subsequently|reported|confirmed|believed)\s+)*(?:found\s+)?(?:killed|dead|slain|executed|murdered|martyred|shot dead|beheaded|assassinated|"
    r"slaughtered|shot and killed|(?:burn(?:ed|t)|beaten|stabbed|hacked|lynched|shot|tortured|stoned|clubbed) to death)|(?:\w+ly\s+)?(?:died|lost (?:their|his|her) lives?|"
    r"succumbed|perished|(?:have |has |had )?(?:fallen|fell) victims?))\b", re.I)
# "with 69 fighters killed", "leaving 3 dead": no auxiliary, so the list must follow one of these words.
_WOUNDED_NEXT = re.compile(r"\s*(?:wounded|injured|hurt)\b", re.I)
_BARE = re.compile(r"\s+(?:killed|dead)\b", re.I)
# "56 Houthi and 32 pro-Hadi fatalities", "which led to 5 fatalities": a noun, so the list may follow any word.
_NOMINAL = re.compile(r"\s+(?:fatalit(?:y|ies)|deaths?|martyrs?)\b", re.I)
_BARE_LEAD = re.compile(r"(?:^\s*|\b(?:with|left|leaving|leaves?|among)\s+|" + r"\b(?:19|20)\d{2}\s+)$", re.I)
# A count that opens a clause by its capital even where flattened text lost the full stop before it ("… Get short
# URL 113 At least nine people were killed"): a qualifier or a vague count, which no name begins with (number
# words do: "Four Seasons").
_CAPITAL_OPEN = re.compile(r"(?:At least|More than|Nearly|Almost|Up to|As many as|An estimated|A total of|Dozens|Scores|Hundreds|"
                           r"Thousands)\b")
# So does a capitalised number word before a word in lower case ("… Khan Sheikhun Sixteen civilians were killed"):
# mid-sentence, news writes numbers in lower case; a name it begins keeps its capitals ("Four Seasons").
_CAPITAL_NUMBER = re.compile(r"(?!(?:A|An)\b)[A-Z][a-z]+(?:[\s-][a-z]+)*\s+[a-z]")
# Where a list of victims may begin: the clause's start, after a comma or "and", or after a word that opens a clause.
_LIST_LEAD = re.compile(r"(?:^|[,;:]\s*|\b(?:and|while|whilst|whereas|as|that|when|where|after|but|also|with|among|left|"
                        r"leaving|leaves?|result|reportedly|which|who|claimed|said|reported|stated|confirmed|announced)\s+|"
                        r"\w['’]s\s+|\b(?:19|20)\d{2}\s+)$", re.I)  # a year: a dateline's date opens the sentence
_PREPOSITION = re.compile(r"\b(?:in|on|at|during|of|from|by|with|after|near|to|into|under|for|against|amid|through|"
                          r"towards?|targeting|targeted|over|across|along)\s+$", re.I)
_SUFFERED = re.compile(r"\b(?:suffered|sustained|sustaining|suffering|causing|caused|with)\s+" + _COUNT +
                       r"\s+(?:fatalities|deaths|dead)\b", re.I)
_SINGLE = re.compile(
    r"\b(?:was|has been|had been)\s+(?:(?:\w+ly|also|later|then)\s+)*(?:found\s+)?(?:killed|shot dead|executed|"
    r"assassinated|murdered|beheaded|slain|shot and killed|found dead|(?:burn(?:ed|t)|beaten|stabbed|hacked|lynched|"
    r"strangled|tortured|stoned|clubbed) to death)\b|\b(?:his|her) (?:\w+ )?body was found|"
    r"\b(?:he|she) (?:was killed|died|was shot dead)|\b(?:killing|killed) (?:him|her)\b|\b(?:a|an|the) (?:\w+ ){0,3}?"
    r"(?:\w+'s )(?:\w+ )?body\b|\b(?:the|a) (?:\w+ )?body of (?:a|an|the)\b|\b(?:a|an|the) (?:dead )?body (?:of|was)\b|"
    r"\b(?:succumbed|died) (?:to|of|from) (?:his|her) (?:wounds|injuries)|\b(?:the|a|an|one) (?:[\w'’-]+ ){0,3}?(?:" + _PERSON +
    r") (?:(?:\w+ly|later|also|then) )*(?:died|succumbed|perished)\b|\bkilling (?:of )?the (?:[\w'-]+ ){0,4}?(?:member|fighter|"
    r"commander|leader|officer|soldier|man|woman|child|boy|girl|driver|civilian|head|chief|mukhtar|owner)\b",
    re.I,
)
_BODIES = re.compile(r"\b" + _QUAL + r"(" + NUMBER + r") (?:[\w'’-]+ ){0,3}?bodies\b|\bbodies of " + _QUAL + r"(" + NUMBER + r")\b", re.I)
_BODIES_WORD = re.compile(r"bodies", re.I)
_ZERO = re.compile(
    r"\b(?:no (?:reported )?(?:fatalities|casualties|deaths|one was (?:killed|hurt|injured))|without (?:causing )?(?:any )?"
    r"(?:casualties|fatalities)|neither (?:injuries|fatalities|casualties) nor (?:injuries|fatalities|casualties)|"
    r"casualties (?:are |were |remain )?unknown|no injuries or fatalities|no injuries)\b",
    re.I,
)
_HARD_STOP = re.compile(r"[.;:()]|\b(?:while|whilst|whereas|including|among them|of whom|of which)\b", re.I)
_ACTIVE_STOP = re.compile(r"[.;:(]|\b(?:while|whilst|whereas|including|among them|of whom|of which|wounding|injuring|"
                          r"injured|wounded|injur(?:y|ies)|arrest\w*|captur\w*|detain\w*|kidnapp\w*|abduct\w*|who|which|"
                          r"after|when|during|in addition to the (?:wounding|injur)|according to)\b|"
                          r",(?=\s+(?:[\w'’-]+\s+){0,5}?(?:said|says|reported|told|added|announced|stated)\b)", re.I)
# The coder's own total for the paragraph's event.
_AMOUNT = _QUAL + r"\b(" + NUMBER + r")\b"
_TOTAL = [
    re.compile(r"\b(?:total )?fatalit(?:y|ies) (?:were |was |are |is )?(?:coded|recorded|estimated|set) (?:to |as |at )?" + _AMOUNT, re.I),
    re.compile(r"\btotal (?:number of )?fatalities (?:of |is |was |were |stands at |at |: ?)?" + _AMOUNT, re.I),
    re.compile(r"(?:^|[.:;]\s+|\n)" + _AMOUNT + r" (?:total |reported |confirmed )?fatalit(?:y|ies)\b", re.I),
    re.compile(r"\b" + _AMOUNT + r" total fatalit(?:y|ies)\b", re.I),
    re.compile(r"\ba total of (" + NUMBER + r") fatalit(?:y|ies)\b", re.I),
    re.compile(r"\bcoded (?:as|to) (\d+)(?: fatalit(?:y|ies))?\b(?! (?:km|kilomet\w*|miles?)\b)", re.I),
    re.compile(r"(?:^|[.:;]\s+|\n)Fatalit(?:y|ies):? (\d+)\b"),
    re.compile(r"\b" + _AMOUNT + r" fatalit(?:y|ies) (?:were |are |was )?coded\b", re.I),
]
_TOTAL_CUE = re.compile(r"fatalit|coded", re.I)
# What may come before the toll in a sentence that tells nothing else.
_TOLL_LEAD = re.compile(
    r"\s*(?:(?:During|In|Amid|As a result of|Following) (?:the )?[\w'/ -]{0,60}?,|As a result,?|(?:[\w()/ -]{1,40} )?"
    r"(?:claimed|said|reported|stated|announced|confirmed)(?: that| to have)?|(?:(?:The )?(?:clash(?:es)?|"
    r"attacks?|fighting|strikes?|shelling|explosion|blast|ambush)(?: and [\w ]{0,30}?)?(?: by [\w' -]{1,40}?)?|It|This|Which)"
    r"(?: (?:resulted in|resulting in|led to|leading to|left|caused)(?: the)?)?)?\s*", re.I)
# "The Belet Weyne police commander was killed.": a lone victim named as the sentence's subject.
_VICTIM_SUBJECT = re.compile(r"\s*(?:The|His|Her|Their|One|Another|A|An) [\w'’ -]{1,50}?\s*", re.I)
_LOW = re.compile(r"at least|more than|over", re.I)
_HIGH = re.compile(r"up to|nearly|almost", re.I)


@dataclass
class _Hit:
    n: int
    start: int
    end: int
    text: str
    upper: int | None = None  # the top of a range ("between 35 and 45 militants")

    @property
    def high(self) -> int:
        return self.n if self.upper is None else self.upper


def find_fatalities(text: str, start: int, end: int) -> Fatalities | None:
    """Deaths reported in text[start:end]: an explicit total wins, else the counted victims add up, else a death
    toll ("the death toll rose to 112"), else a lone victim ("a QSD member was shot dead", "his body was found") is
    one, else "no casualties" is zero."""
    total = explicit_fatalities(text, start, end)
    if total is not None:
        return total
    hits = _told_once(_non_overlapping(sorted(_counted(text, start, end), key=lambda h: h.start)))
    if not hits and (toll := death_toll(text, start, end)) is not None:
        return toll
    if not hits and (them := _killed_them(text, start, end)) is not None:
        return them
    if not hits:
        single = _SINGLE.search(text, start, end)
        if single:
            return Fatalities(best=1, low=1, high=1, evidence=[Span(start=single.start(), end=single.end())])
        zero = _ZERO.search(text, start, end)
        if zero:
            return Fatalities(best=0, evidence=[Span(start=zero.start(), end=zero.end())])
        return None
    best = sum(h.n for h in hits)
    low = best if all(not _HIGH.search(h.text) for h in hits) else None
    high = sum(h.high for h in hits) if all(not _LOW.search(h.text) for h in hits) else None
    return Fatalities(best=best, low=low, high=high, evidence=[Span(start=h.start, end=h.end) for h in hits])


_THEM = re.compile(r"\b(?:shot\s+(?:all\s+of\s+)?them\s+dead|(?:killed|executed|murdered|beheaded|slaughtered)\s+"
                   r"(?:all\s+)?(?:of\s+)?them)\b", re.I)  # not "shot them in the legs"
_PEOPLE_COUNT = re.compile(r"\b(" + NUMBER + r")\s+(?:[\w'’-]+\s+){0,2}?(?:(?:" + _PERSON + r")s?|[a-z]+(?:men|people|"
                           r"children|ers|ians|ists))\b", re.I)  # "two herders", "three Fulani men"
_THEM_REACH = 120  # characters back from "them" to the people it stands for


def _killed_them(text: str, start: int, end: int) -> Fatalities | None:
    """ "Gunmen abducted two herders and shot them dead": "them" are the people the clause counted before it."""
    m = _THEM.search(text, start, end)
    if m is None:
        return None
    counted = list(_PEOPLE_COUNT.finditer(text, max(start, m.start() - _THEM_REACH), m.start()))
    n = parse_number(counted[-1].group(1)) if counted else None
    if not n or n < 2 or re.search(r"[.;]", text[counted[-1].end():m.start()]):
        return None
    return Fatalities(best=n, low=n, high=n, evidence=[Span(start=counted[-1].start(), end=m.end())])


def explicit_fatalities(text: str, start: int, end: int) -> Fatalities | None:
    """A summary count ("3 fatalities.", "Total fatalities coded to 23"): the last one speaks for the event."""
    if not _TOTAL_CUE.search(text, start, end):  # every _TOTAL pattern holds one of these words
        return None
    found = [m for rx in _TOTAL for m in rx.finditer(text, start, end)]
    for m in sorted(found, key=lambda m: m.end(), reverse=True):
        n = parse_number(m.group(1))
        if n is not None:
            return Fatalities(best=n, low=n, high=n, evidence=[Span(start=m.start(1), end=m.end())])
    return None


_TOLL = re.compile(r"\b(?:death|casualty|fatality) toll\b[^.;:]{0,160}?\b(?:to|at|of|reached|hit|is|was|stands at|"
                   r"stood at)\s+" + _AMOUNT + r"(?!\s*(?:%|percent|per cent|wounded|injured)\b)", re.I)


def death_toll(text: str, start: int, end: int) -> Fatalities | None:
    """ "The death toll rose to 112", "the death toll from the attack has risen to 86": the last toll told."""
    found = [m for m in _TOLL.finditer(text, start, end) if parse_number(m.group(1)) is not None]
    if not found:
        return None
    m = found[-1]
    low, high = number_range(m.group(1)) or (0, 0)
    qualifier = m.group(0)[: m.start(1) - m.start()]
    return Fatalities(best=low, low=None if _HIGH.search(qualifier) else low,
                      high=None if _LOW.search(qualifier) else high, evidence=[Span(start=m.start(), end=m.end(1))])


def casualty_report(text: str, start: int, end: int) -> bool:
    """A sentence that only tells the toll ("3 QSD fighters were killed in the clash.", "Clashes resulted in killing
    2 QSD members.", "He was killed in the attack."): its deaths belong to the event told before it."""
    found = find_fatalities(text, start, end)
    if found is None or not found.best or not found.evidence:
        return False
    first = min(s.start for s in found.evidence)
    if _TOLL_LEAD.fullmatch(text, start, first):
        return True
    return bool(re.match(r"(?:was|were|has|had|died|succumbed)\b", text[first:first + 10])) and \
        bool(_VICTIM_SUBJECT.fullmatch(text, start, first))


def _counted(text: str, start: int, end: int) -> list[_Hit]:
    return _active_hits(text, start, end) + _passive_hits(text, start, end) + _suffered_hits(text, start, end) + \
        _body_hits(text, start, end)


_FAMILY_OF = re.compile(r"\s+(?:[\w'’-]+\s+)?family of (" + NUMBER + r")\b", re.I)


def _sum_list(list_text: str, start: int, end: int) -> _Hit | None:
    """The dead of a list add up ("5 soldiers, between 35 and 45 militants, and 3 civilians" is 43 to 53; "dozens
    of civilians" is 24 to 99)."""
    low = high = 0
    for m in _HEADS.finditer(list_text):
        n, vague_top = number_range(m.group(1)) or (None, None) if m.group(1) else (1, 1)
        if n is None or vague_top is None:
            return None
        top = parse_number(m.group(2)) if m.group(2) else vague_top
        family = _FAMILY_OF.match(list_text, m.end()) if n == 1 else None
        if family and (members := parse_number(family.group(1))):  # "killed a family of five": five
            n = top = members
        low, high = low + n, high + (top if top is not None and top > n else n)
    if low > 100000:
        return None
    return _Hit(low, start, end, list_text, upper=high if high != low else None)


def _active_hits(text: str, start: int, end: int) -> list[_Hit]:
    """ "killing 4 rebels and 2 soldiers", "resulted in the killing of 17 rebels and 11 regime fighters"."""
    hits = []
    for a in _ACTIVE.finditer(text, start, end):
        if _NOT_TOLL.search(text, max(start, a.start() - 40), a.start()):
            continue
        stop = _ACTIVE_STOP.search(text, a.end(), end)
        seg_end = stop.start() if stop else end
        m = _LIST.match(text, a.end(), seg_end)
        if not m or re.match(r"(?:and|or)\s", text[a.end():a.end() + 4], re.I) or _wounded_next(text, m):
            continue  # "6 Killed 12 Wounded" (a headline without its comma): the 12 are the wounded
        hit = _sum_list(m.group().rstrip(" ,"), a.start(), m.end())
        if hit is not None:
            hits.append(hit)
    return hits


def _wounded_next(text: str, m: re.Match) -> bool:
    """The count after "killed" is followed by "wounded": "6 Killed 12 Wounded" (not "killed 12 and wounded 30",
    nor "kill 83 Injured 100", where "Injured" has a count of its own)."""
    wounded = _WOUNDED_NEXT.match(text, m.end())
    return bool(wounded) and not re.search(r"\b(?:and|or)\s*$", m.group(), re.I) \
        and not _CANDIDATE.match(text, wounded.end() + 1)


def _passive_hits(text: str, start: int, end: int) -> list[_Hit]:
    """ "8 Karamajong and 2 civilians were killed", "with 69 fighters killed": the list ends at the death word and
    starts at the earliest count that opens a clause."""
    hits = []
    anchors = [(a, "passive") for a in _PASSIVE.finditer(text, start, end)] + \
        [(a, "bare") for a in _BARE.finditer(text, start, end)] + [(a, "nominal") for a in _NOMINAL.finditer(text, start, end)]
    for a, kind in anchors:
        stops = list(_HARD_STOP.finditer(text, start, a.start()))
        hit = None
        if stops and stops[-1].group().lower() in ("including", "among them"):
            # "3 regime members including an officer were killed": the toll is the count before "including"
            hit = _list_before(text, start, stops[-2].end() if len(stops) > 1 else start, a, kind, stops[-1].start())
        hit = hit or _list_before(text, start, stops[-1].end() if stops else start, a, kind)
        if hit is not None:
            hits.append(hit)
    return hits


def _list_before(text: str, start: int, window_start: int, anchor: re.Match, kind: str,
                 list_end: int | None = None) -> _Hit | None:
    """The list of victims that ends at `list_end` (the death word by default), from the earliest count that opens it."""
    list_end = anchor.start() if list_end is None else list_end
    while list_end > window_start and text[list_end - 1] in " ,":
        list_end -= 1
    for c in _CANDIDATE.finditer(text, window_start, list_end):
        before = text[max(start, c.start() - 30):c.start()]
        if kind == "bare" and not _BARE_LEAD.search(before):
            continue
        if kind != "nominal" and text[window_start:c.start()].strip() and not _LIST_LEAD.search(text[window_start:c.start()]) \
                and not _CAPITAL_OPEN.match(text, c.start()) and not _CAPITAL_NUMBER.match(text, c.start()):
            continue
        if kind == "nominal" and not _nominal_count(text, c, anchor):
            continue
        if (c.group(1) or "").lower() in ("a", "an") and _PREPOSITION.search(before):
            continue
        if kind == "bare" and (c.group(1) or "").lower() in ("a", "an") and not _A_PERSON.match(text, c.end()):
            continue  # "A bus blast in Damascus killed six", "A photo showing a family of six killed": no one person
        if (_SHORT_LIST if kind == "nominal" else _LIST).fullmatch(text, c.start(), list_end):
            return _sum_list(text[c.start():list_end].rstrip(" ,"), c.start(), anchor.end())
    return None


def _nominal_count(text: str, c: re.Match, anchor: re.Match) -> bool:
    """ "which led to 5 fatalities", not "the remaining 36 fatalities are distributed" nor a split's "3 fatalities in
    As-Sanamayn town and 4 in its vicinity" (the shares of a total, told after the split word)."""
    if not c.group(1) or c.group(1).lower() in ("a", "an") or re.search(r"\b(?:remaining|other|the)\s+$", text[max(0, c.start() - 12):c.start()], re.I):
        return False
    if _SPLIT_CUE.search(text, max(0, c.start() - 80), c.start()):
        return False
    return not re.match(r"\s+(?:to|for|coded|split|spread|are|were|each|allocated)\b", text[anchor.end():anchor.end() + 12], re.I)


def _suffered_hits(text: str, start: int, end: int) -> list[_Hit]:
    hits = []
    for m in _SUFFERED.finditer(text, start, end):
        n = parse_number(m.group(1))
        if n is not None:
            hits.append(_Hit(n, m.start(), m.end(), m.group()))
    return hits


def _body_hits(text: str, start: int, end: int) -> list[_Hit]:
    if not _BODIES_WORD.search(text, start, end):  # both of _BODIES' forms hold the word; most sentences do not
        return []
    hits = []
    for m in _BODIES.finditer(text, start, end):
        n = parse_number(m.group(1) or m.group(2))
        if n is not None:
            hits.append(_Hit(n, m.start(), m.end(), m.group()))
    return hits


_VICTIM_WORD = re.compile(r"[^\W\d_]{3,}")


def _told_once(hits: list[_Hit]) -> list[_Hit]:
    """The same dead told twice in one sentence are counted once: a headline flattened into its lead ("16 Civilians
    Dead in Coalition Strikes near Raqqa At least 16 civilians were killed") gives the same count of the same
    victims (its first word after the number) two times."""
    kept: list[_Hit] = []
    seen: set[tuple[int, str]] = set()
    for h in hits:
        words = [w.lower().rstrip("s") for w in _VICTIM_WORD.findall(h.text)]
        key = (h.n, next((w for w in words if w not in _QUALIFIER_WORDS), ""))
        if len(hits) > 1 and key in seen:
            continue
        seen.add(key)
        kept.append(h)
    return kept


_QUALIFIER_WORDS = frozenset({"at", "least", "about", "around", "nearly", "almost", "more", "than", "over", "some",
                              "approximately", "estimated", "killed", "kill", "killing", "dead", "the", "and"})


def _non_overlapping(found: list[_Hit]) -> list[_Hit]:
    """Hits sorted by start; where two overlap (a list read from both sides of its verb) the longer one stays."""
    kept: list[_Hit] = []
    for h in found:
        if kept and h.start < kept[-1].end:
            if h.end - h.start > kept[-1].end - kept[-1].start:
                kept[-1] = h
            continue
        kept.append(h)
    return kept


# --- totals split across events -------------------------------------------------------------------------------
_SPLIT_CUE = re.compile(r"\b(?:split|spread|spilt|divided|distributed|(?:coded|to|for|in) this (?:location|event))\b", re.I)
_NAME = (r"((?:(?:[Aa]l|[Ee]l|[Aa][dnrs]h?)[- ])?[A-Z][\w'’]*(?:[ -](?:(?:al|el|Al|El|ad|an|ar|as)[- ])?[A-Z][\w'’]*){0,3}"
         r"(?: - [A-Z][\w'’]*)?)")
_N_NAME = re.compile(r"\b" + _YEAR + r"(\d+)(?: each)?(?: fatalit(?:y|ies))?(?: coded)?(?: to| in| at)?(?: fighting (?:at|in))?(?: the)? " + _NAME)
_NAME_N = re.compile(_NAME + r",? " + _YEAR + r"(\d+)\b(?! (?:fatalit|[A-Z]))")  # a year is no share
_EACH = re.compile(r"\b(\d+)(?: fatalit(?:y|ies))? (?:each|(?:coded )?(?:to|for|in) (?:each|this (?:location|event)))\b|"
                   r"\bcoded (\d+) fatalit(?:y|ies) (?:to|for|in) this (?:location|event)\b", re.I)
# "(fatalities coded to Talakivka event)", "1 fatality allocated to Sarmada": all of them belong to one place.
_ELSEWHERE = re.compile(r"(?:\bfatalit(?:y|ies) (?:are |were |is |was )?|\band )(?:coded|allocated|attributed|assigned) to "
                        r"(?:the )?(?:fighting (?:in|at) )?" + _NAME)
_PARTS = re.compile(r"\b(?:between|across|among|for|over) (?:the |both |all |all the )?(\w+) (?:locations|events|areas|towns|"
                    r"villages|sites|places)\b", re.I)
_NOT_PLACE = {"total", "fatalities", "fatality", "the", "clashes", "unknown", "regime", "syrian", "on", "in"}
# a date is no share of a split: "9 Aug 2016", "August 6 2016" in news that writes "the divided city"
_DATE_WORD = re.compile(rf"(?i:{month('month')}|{weekday('weekday')})")


def _share_place(name: str) -> bool:
    return name.lower() not in _NOT_PLACE and not _DATE_WORD.fullmatch(name)


@dataclass
class FatalitySplit:
    """How a paragraph's total was shared: a count per named place, or one count for every event (`each`).
    `lead` is the text before the split note and `first` its first sentence, where the note names the place of its
    own event."""

    shares: list[tuple[str, int]]
    each: int | None
    lead: str
    first: str

    def share_at(self, names: list[str]) -> int | None:
        """The share of the first of `names` that is listed (None when none is)."""
        for name in names:
            key = _key(name)
            for place, n in self.shares:
                if key and (_key(place) == key or (len(key) >= 4 and (key in _key(place) or _key(place) in key))):
                    return n
        return None

    def share_for(self, names: list[str]) -> int | None:
        """The share of the event at one of `names`, else of the event the note leads with."""
        own = self.share_at(names)
        return self.lead_share() if own is None else own

    def lead_share(self) -> int | None:
        """The share of the listed place the note's first sentence names ("clashes took place in Barsa … split as
        follows: 3 Samkeh, 2 Barsa"): the note is written for that place's event. Else the common share, else the
        share of the listed place named first before the split."""
        for text in (self.first, self.lead):
            positions = [(text.find(place), n) for place, n in self.shares if text.find(place) >= 0]
            if positions:
                return min(positions)[1]
            if self.each is not None:
                return self.each
        return None


def _key(name: str) -> str:
    """Place names compared by their letters, without the article: "Al-Rasafah" is "rasafah"."""
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^(?:al|el|ad|an|ar|as)[- ]", "", name.lower()))


def find_split(text: str, start: int, end: int, total: int) -> FatalitySplit | None:
    """The shares of `total` that a "split as follows" note gives, if the paragraph has one."""
    cues = [m for m in (_SPLIT_CUE.search(text, start, end), _ELSEWHERE.search(text, start, end)) if m]
    if not cues:
        return None
    cue = min(cues, key=lambda m: m.start())
    sentence_start = max(text.rfind(". ", start, cue.start()) + 2, start)
    lead = text[start:sentence_start]
    first = lead[:lead.find(". ") + 1] if ". " in lead else lead
    own = explicit_fatalities(text, cue.end(), end)
    if own is not None:  # "Eight fatalities split evenly between both locations. 4 fatalities.", "… coded as 18"
        return FatalitySplit(shares=[], each=own.best, lead=lead, first=first)
    tail = text[sentence_start:end]
    each = _EACH.search(tail)
    shares = _named_shares(tail)
    if shares or each:
        n_each = int(each.group(1) or each.group(2)) if each else None
        return FatalitySplit(shares=shares, each=n_each, lead=lead, first=first)
    elsewhere = _ELSEWHERE.search(text, start, end)
    if elsewhere:  # the event at that place has them all, the others none
        return FatalitySplit(shares=[(elsewhere.group(1), total)], each=0, lead=lead, first=first)
    parts = _PARTS.search(tail)  # "split evenly between the two locations", "spread across 3 events"
    n = parse_number(parts.group(1)) if parts else None
    return FatalitySplit(shares=[], each=total // n, lead=lead, first=first) if n and n > 1 else None


def _named_shares(tail: str) -> list[tuple[str, int]]:
    """ "2 Jobas, 2 Turnabah, 5 Saraqab", "Menagh 2, Harbal 1", "12 coded to Kansafra and 11 to Mozra": whichever
    of the two orders lists more places (two at least)."""
    n_name = [(m.group(2), int(m.group(1))) for m in _N_NAME.finditer(tail) if _share_place(m.group(2))]
    name_n = [(m.group(1), int(m.group(2))) for m in _NAME_N.finditer(tail) if _share_place(m.group(1))]
    best = max((n_name, name_n), key=len)
    return best if len(best) >= 2 else []
