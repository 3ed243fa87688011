"""The main event of an article: the one its headline and lead tell, flagged `main` and listed first.

News puts its main event in the headline and the first sentences; it has deaths when anything deadly happened,
is dated to a day, and is not history retold. `main_score` weighs those cues; `mark_main` flags the best-scoring
event (ties go to the earliest) and moves it to the front, keeping the others in article order. A headline that
tells a toll ("Air strikes kill at least 18 in northwestern Syria") tells the main event's: that count, with the
headline as its evidence, is the main event's deaths (the body often gives only part of it, or none); a vague
one ("dozens killed") only where the body gives no count. A lead that tells its toll vaguely ("killed dozens of
civilians") takes the count a later sentence gives for an event of its type within that range ("at least 73"); a
lead that tells none, the count the sentences right after it give for an event of its type.
A lead that names no weapon ("At least 19 people were killed near the capital") takes the one weapon its headline
names ("Shelling of rebel bastion near Syrian capital kills 19"), else, where its word says only that people died
("killed", "an attack"; not "executed" or "clashes"), the one weapon the next sentences tell ("warplanes struck").
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from eventwire.events.fatalities import find_fatalities
from eventwire.events.lexicon import SUBTYPE_TO_TYPE, find_triggers
from eventwire.events.numbers import NUMBER, parse_number
from eventwire.models import Article, Event, Fatalities, Span, TimePrecision

__all__ = ["headline_deaths", "main_score", "mark_main", "title_words"]

# How much each cue counts. Title overlap is a share (0..1); the lead cue is 1 for the first event sentence, 1/2
# for the second and so on.
WEIGHTS = {"title": 2.0, "lead": 1.0, "deaths": 1.0, "day": 0.5, "place": 1.0, "background": -3.0}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_STEM = 4  # words compared by their first letters: "kills"/"killed", "strike"/"strikes"


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy's maintained list; unlike scikit-learn's, keeps "fire"

    return frozenset(STOP_WORDS)


def title_words(text: str | None) -> set[str]:
    """The content words of a headline (stop words out), compared by their stems."""
    if not text:
        return set()
    stop = _stop_words()
    return {w.lower()[:_STEM] for w in _WORD.findall(text) if len(w) > 2 and w.lower() not in stop}


def main_score(event: Event, text: str, headline: set[str], lead_rank: int, country: str | None = None) -> float:
    """How strongly `event` looks like the article's main event (see WEIGHTS); `lead_rank` is 0 for an event of
    the article's first event sentence, 1 for the second sentence, and so on; `country` is where most of the
    article's events are (a place elsewhere, such as a dateline's capital abroad, is no cue)."""
    words = {w.lower()[:_STEM] for w in _WORD.findall(event.sentence.text_in(text))}
    title = len(headline & words) / len(headline) if headline else 0.0
    deaths = bool(event.fatalities and event.fatalities.best > 0)
    time = event.time
    day = bool(time and time.resolved and time.start and time.start == time.end
               and time.time_precision == TimePrecision.DAY)
    loc = event.location
    place = bool(loc and loc.admin1 and (country is None or loc.country == country))
    return (WEIGHTS["title"] * title + WEIGHTS["lead"] / (1 + lead_rank) + WEIGHTS["deaths"] * deaths
            + WEIGHTS["day"] * day + WEIGHTS["place"] * place + WEIGHTS["background"] * event.background)


def _headline_end(article: Article) -> int | None:
    """Where the headline ends in the text, when the text opens with it."""
    title = article.title
    return len(title) if title and article.text.startswith(title) else None


def headline_deaths(article: Article) -> Fatalities | None:
    """The toll the headline tells, when the article's text opens with its headline and the headline tells one."""
    end = _headline_end(article)
    found = find_fatalities(article.text, 0, end) if end is not None else None
    return found if found is not None and found.best > 0 else None


# Sub-types a lead gets from a killing or a fight with no weapon named ("At least 19 people were killed near the
# capital"), which the headline's weapon ("Shelling of rebel bastion near Syrian capital kills 19") makes precise.
_UNARMED_TYPING = ("Attack", "Armed clash")
_WEAPONS = ("Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb",
            "Chemical weapon", "Grenade")


def headline_weapon(article: Article) -> tuple[str, Span] | None:
    """The remote-violence sub-type the headline names ("Shelling of rebel bastion near Syrian capital kills 19"),
    with the word as its evidence, when the text opens with its headline and the headline names exactly one."""
    end = _headline_end(article)
    if end is None:
        return None
    named = [t for t in find_triggers(article.text, 0, end) if t.sub_event_type in _WEAPONS]
    if len({t.sub_event_type for t in named}) != 1:
        return None
    return named[0].sub_event_type, Span(start=named[0].start, end=named[0].end)


_NEXT_CHARS = 600  # how far after the lead the sentences that tell how it was done are looked for
# a lead's word that says nothing of how ("were killed", "dead", "an attack"), unlike "executed" or "clashes"
_SOMEHOW = re.compile(r"(?:kill(?:ed|ing|s)?|dead|deaths?|died|toll|casualties|attacks?)", re.I)


def _told_right_after(main: Event, events: Sequence[Event]) -> list[Event]:
    """The events, in order, whose sentences start within _NEXT_CHARS after the lead ends."""
    return [e for e in events if main.sentence.end <= e.sentence.start < main.sentence.end + _NEXT_CHARS]


def _killed_somehow(main: Event) -> bool:
    return main.sub_event_type in _UNARMED_TYPING and bool(_SOMEHOW.fullmatch(main.trigger.strip()))


def _weapon_told_next(main: Event, events: Sequence[Event]) -> tuple[str, Span] | None:
    """The remote-violence sub-type of the events the sentences right after the lead tell ("21 civilians killed in
    US-led coalition attacks." then "Coalition warplanes struck the village of ..."), when they tell one only, with
    the first such sentence as its evidence."""
    near = [e for e in _told_right_after(main, events) if e.kind == "event" and e.sub_event_type in _WEAPONS]
    return (near[0].sub_event_type, near[0].sentence) if len({e.sub_event_type for e in near}) == 1 else None


def _main_country(events: Sequence[Event]) -> str | None:
    """The country most of the events are placed in (the earliest of equals); None when none is placed."""
    counts = Counter(e.location.country for e in events if e.location and e.location.country)
    return max(counts, key=lambda c: counts[c]) if counts else None


def mark_main(events: Sequence[Event], article: Article) -> list[Event]:
    """The events with exactly one flagged `main` (none when there are none), that one first."""
    if not events:
        return []
    starts = sorted({e.sentence.start for e in events})
    rank = {s: i for i, s in enumerate(starts)}
    headline = title_words(article.title)
    country = _main_country(events)
    scores = [main_score(e, article.text, headline, rank[e.sentence.start], country) for e in events]
    best = max(range(len(events)), key=lambda i: (scores[i], -i))
    main = events[best].model_copy(update={"main": True})
    toll = headline_deaths(article)
    if toll is not None and main.kind == "event" and not (_vague(toll) and main.fatalities is not None) \
            and not _part_of_toll(toll, main.fatalities, article.text):
        main.fatalities = toll  # a count the body gives beats a headline's "dozens" or "scores"
    if main.kind == "event" and _vague(main.fatalities):
        main.fatalities = _counted_later(main, events) or main.fatalities
    elif main.kind == "event" and main.fatalities is None:
        main.fatalities = _counted_next(main, events)
    weapon = headline_weapon(article) or (_weapon_told_next(main, events) if _killed_somehow(main) else None)
    if weapon is not None and main.kind == "event" and main.sub_event_type in _UNARMED_TYPING:
        kind, said = weapon
        main.sub_event_type, main.event_type, main.evidence = kind, SUBTYPE_TO_TYPE[kind], [*main.evidence, said]
    others = [e.model_copy(update={"main": False}) if e.main else e for i, e in enumerate(events) if i != best]
    return [main, *others]


_INCLUDING = re.compile(r"\b(?:including|among them|among whom|of whom)\s+(?:at least\s+)?(" + NUMBER + r")\b", re.I)
_COUNT = re.compile(r"\b(" + NUMBER + r")\b", re.I)
_INCLUDED_REACH = 120  # characters before an "including N …" where the toll that includes them is told


def _part_of_toll(headline: Fatalities, body: Fatalities | None, text: str) -> bool:
    """The headline counts a part of the dead that the article's toll includes ("Seven children killed" over
    "killed at least 10 people including seven children"): the toll is the event's. The including sentence may be
    another than the one the body's count came from ("Fifteen people died …", later "15 people died including five
    policemen")."""
    if body is None or body.best <= headline.best or _vague(headline):
        return False
    for m in _INCLUDING.finditer(text):
        if parse_number(m.group(1)) == headline.best:
            before = text[max(0, m.start() - _INCLUDED_REACH):m.start()]
            if any(parse_number(n.group(1)) == body.best for n in _COUNT.finditer(before)):
                return True
    return False


def _vague(deaths: Fatalities | None) -> bool:
    """A toll told as a range of words ("dozens", "hundreds"), not a count."""
    return deaths is not None and deaths.high is not None and deaths.high != deaths.low


def _counted_next(main: Event, events: Sequence[Event]) -> Fatalities | None:
    """A lead that tells no toll ("ISIS begins to kill abducted Christians") takes the count the sentences right
    after it give for an event of its type ("15 young Assyrians had been killed")."""
    return next((e.fatalities for e in _told_right_after(main, events) if e.event_type == main.event_type
                 and e.fatalities is not None and e.fatalities.best > 0 and not _vague(e.fatalities)), None)


def _counted_later(main: Event, events: Sequence[Event]) -> Fatalities | None:
    """The count a later sentence gives for the main event's vague toll: news leads with "killed dozens of
    civilians" and tells "at least 58 civilians" further down. The first later event of the same type whose count
    falls in the vague range is that count; a smaller one is a part ("in one village 6 were killed")."""
    told = main.fatalities
    for e in events:
        deaths = e.fatalities
        if e.sentence.start <= main.sentence.start or e.event_type != main.event_type or deaths is None or _vague(deaths):
            continue
        if told is not None and told.low is not None and told.high is not None and told.low <= deaths.best <= told.high:
            return deaths
    return None

