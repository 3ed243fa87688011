"""Continuation sentences: a sentence that only elaborates the event told before it is that event's evidence.

"Clashes were accompanied by an exchange of shelling." after "On 4 May, regime forces clashed with IS near
Tadmor." tells no new occurrence: its subject refers back to the clashes. Read on its own it would be a second
event with no actor of its own, no place of its own, and an inherited date, which then matches events of other
reports when merging. The rule is coreference-like and general, written as data (`data/events/continuations.txt`):

- **an anaphoric subject**: an event noun, bare or definite ("Clashes ...", "The attack ...", "Two days of clashes
  ..."), a noun about the event ("The motive for the attack ..."), a pronoun ("It resulted in ..."), or an opener
  that refers back ("During the clashes, ...", "During which, ..."). A specific event noun refers back only to an
  event whose text used the same stem; generic ones ("attack", "incident") to any.
- **an agentless toll**: a passive subject with a participle of the toll and no "by" agent ("Several others were
  wounded.", "1 person was killed and 1 injured."), or "X died / succumbed"; not when the sentence brings an
  event of its own ("killed in an airstrike", "killed when ...").

Either way the sentence must add no date (a date other than the event's is a new occurrence; "the next day" is
not a date of its own) and, when it names places, one of them must be named in the event's text. A marker of
another occurrence ("in a separate attack", "elsewhere", "similar protests") rules it out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from eventwire.models import TimeSpan
from eventwire.settings import data_path

__all__ = ["continues_event", "named_kind", "refers_back"]


def _sections(text: str) -> dict[str, list[str]]:
    """`[name]` sections of phrases, one a line; `#` starts a comment line."""
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1].strip(), [])
        elif current is not None:
            current.append(line.lower())
    return out


def _alternation(phrases: Sequence[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)  # the longest phrase wins ("exchange of fire" over "fire")
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) + ")"


def _family(line: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    nouns, _, stems = line.partition("=")
    split = lambda part: tuple(x.strip() for x in part.split(",") if x.strip())  # noqa: E731
    return split(nouns), split(stems) or split(nouns)


@dataclass(frozen=True)
class _Rules:
    families: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (nouns, stems of the event's text)
    subject: re.Pattern[str]  # an anaphoric subject at the sentence start; group "definite" when it has a determiner
    toll: re.Pattern[str]  # an agentless toll at the sentence start
    own_event: re.Pattern[str]  # an event of the sentence's own inside a toll sentence
    new_event: re.Pattern[str]  # a marker of another occurrence
    speech: re.Pattern[str]  # "Authorities said that ": read the sentence after it


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    s = _sections(data_path("events", "continuations.txt").read_text(encoding="utf-8"))
    families = tuple(_family(line) for line in s["event_nouns"])
    nouns = _alternation([n for names, _ in families for n in names] + s["generic_event_nouns"])
    noun = rf"{nouns}[\w-]*(?<!er)(?<!ers)(?<!or)(?<!ors)(?![\w-])"  # "clashes", not "fighters" (agents)
    det = _alternation(s["determiners"])
    np = rf"(?:{noun}(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+))*{noun}"  # "Clashes, shelling, and landmine explosions"
    meta = rf"{_alternation(s['meta_nouns'])}s?(?![\w-])(?:\s+(?:of|for|behind)\s+(?:{det}\s+)?{np})?"
    definite = rf"(?P<definite>{det}\s+|{_alternation(s['openers'])}\s+(?:{det}\s+)?|which\b)"
    subject = (rf"(?:{_alternation(s['openers'])}\s+which\b|{_alternation(s['comments'])}\b"
               rf"|{_alternation(s['pronouns'])}\b(?!\s+{noun})"  # "It resulted", not "This attack"
               rf"|{definite}?(?:{meta}|{np}))")
    passive = r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:(?:\w+ly|also|later|all)\s+)*"
    toll = (rf"[^,;:]{{1,90}}?\s+(?:{passive}(?:shot\s+and\s+)?{_alternation(s['outcome_verbs'])}"
            rf"|(?:later\s+|also\s+)?{_alternation(s['outcome_intransitive'])})\b")
    another = rf"\b{_alternation(s['new_event_determiners'])}\s+(?:[\w-]+\s+){{0,2}}?{noun}"
    flags = re.IGNORECASE
    return _Rules(families, re.compile(subject, flags), re.compile(toll, flags),
                  re.compile(rf"\ban?\s+(?:[\w-]+\s+){{0,2}}?{noun}|\bwhen\b", flags),
                  re.compile(rf"{another}|\b{_alternation(s['new_event_adverbs'])}\b", flags),
                  re.compile(rf"[^,;:]{{1,60}}?\s+{_alternation(s['speech'])}\s+(?:that\s+)?", flags))


def _stems_agree(anaphor: str, antecedent: str) -> bool:
    """A specific event noun in the reference must be of a family whose stem the event's text holds ("The
    rally was organised by ..." after "dozens rallied ..."); generic nouns fit any event."""
    ante = _squeeze(antecedent)  # "air strikes" in the event's text, "The airstrikes ..." in the reference
    used = [stems for nouns, stems in _rules().families
            if any(re.search(rf"(?<![\w-]){re.escape(n)}", anaphor, re.IGNORECASE) for n in nouns)]
    return not used or any(_squeeze(stem) in ante for stems in used for stem in stems)


def named_kind(text: str, s: int, e: int) -> tuple[str, ...]:
    """The stems of the event kind a continuation's subject names ("During the clashes, ..." names clashes), or ()
    for a generic noun, a pronoun or a toll: what the event before it was, in the writer's words."""
    opener = _rules().subject.match(text, s, e)
    if not opener:
        return ()
    return tuple(stem for nouns, stems in _rules().families
                 if any(re.search(rf"(?<![\w-]){re.escape(n)}", opener.group(), re.IGNORECASE) for n in nouns)
                 for stem in stems)


def _squeeze(text: str) -> str:
    return re.sub(r"[\s-]+", "", text.lower())


def refers_back(text: str, s: int, e: int, antecedent: str, agents: Sequence[tuple[int, int]] = ()) -> str | None:
    """How text[s:e] refers back to the event of `antecedent` (its text): "definite" (a determiner, a relative or
    an opener: "The clashes ...", "During which ..."), "bare" ("Clashes resulted ...", "It ..."), "toll" (its toll
    without an agent), or None. `agents`: actor mention spans; one right after "by" makes a toll someone's act."""
    reference = _reference(text, s, e)
    if reference is None:
        return None
    how, opener = reference
    if how != "toll":
        return how if _stems_agree(opener, antecedent) else None
    agent = any(re.search(r"\bby\s+(?:the\s+)?$", text[max(s, a - 12):a], re.IGNORECASE) for a, _ in agents)
    return None if agent else "toll"


@lru_cache(maxsize=1024)
def _reference(text: str, s: int, e: int) -> tuple[str, str] | None:
    """The sentence's own way of referring back, whatever the event before it: (how, its opener's words). A
    sentence is asked once per event before it, so this is kept (bounded: a few articles' sentences)."""
    rules = _rules()
    if rules.new_event.search(text, s, e):
        return None
    said = rules.speech.match(text, s, e)
    start = said.end() if said else s
    opener = rules.subject.match(text, start, e)
    if opener:
        definite = opener.groupdict().get("definite") or "which" in opener.group().lower()
        return ("definite" if definite else "bare"), opener.group()
    if not rules.toll.match(text, start, e) or rules.own_event.search(text, start, e):
        return None
    return "toll", ""


def continues_event(text: str, s: int, e: int, antecedent: tuple[int, int], event_time: TimeSpan | None,
                    times: Sequence[object], places: Sequence[object],
                    agents: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether sentence text[s:e] only elaborates the event whose text spans `antecedent` (its sentence up to this
    one): it refers back (`refers_back`), adds no date of its own, and names no place the event's text does not,
    unless the reference is definite ("During the clashes in X and Y, ..." tells where *the* clashes were).
    `times`: the sentence's TimeMentions; `places`: its PlaceMentions."""
    ante = text[antecedent[0]:antecedent[1]]
    how = refers_back(text, s, e, ante, agents)
    if how is None:
        return False
    for t in times:
        own = t.time  # type: ignore[attr-defined]
        if t.relative:  # type: ignore[attr-defined]
            continue
        if event_time is None or (own.start, own.end) != (event_time.start, event_time.end):
            return False
    if how == "definite" or not places:
        return True
    ante_lower = ante.lower()
    return any(p.text.lower() in ante_lower or getattr(p.place, "name", "").lower() in ante_lower  # type: ignore[attr-defined]
               for p in places)
