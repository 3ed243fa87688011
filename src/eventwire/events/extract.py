"""From one article's clean text to its events: triggers, arguments, time, place, background and merging.

Stages (each a function below): sentences → triggers (cheap, every sentence) → for trigger sentences only: actors,
places, times, fatalities, attribution → event typing (rules + classifier) → defection frames → merging within the
article. Context (the last named group, the last town, the article's lead date) carries across sentences.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from time import perf_counter
from typing import TYPE_CHECKING, Callable

from eventwire.actors import either_key
from eventwire.events import args, places, roles
from eventwire.events.accompaniment import is_main_verb, main_clause
from eventwire.events.continuation import continues_event, named_kind
from eventwire.events.cues import find_cue
from eventwire.events.defection import DefectionFrame, defection_cue, update_frame
from eventwire.events.grievance import grievances
from eventwire.events.lexicon import DEFECTION, HYPOTHETICAL, SUBTYPE_TO_TYPE, TERRITORY, Trigger, find_triggers
from eventwire.events.main import mark_main
from eventwire.events.mode import history_cue, is_history, keeps_held
from eventwire.models import Actor, Article, Attribution, Event, GeoPrecision, Location, Span, TimePrecision, TimeSpan
from eventwire.nlp.sentences import split_clauses, split_sentences

if TYPE_CHECKING:
    from eventwire.actors import ActorName
    from eventwire.events.typer import Typing

__all__ = ["ArticleContext", "Drafted", "classify_drafts", "draft_events", "extract_events", "finish_events"]

BACKGROUND_DAYS = 30  # an event that ended this long before publication is history retold, not news
_GROUP_REF = re.compile(r"\b(?:the|this|that) (?:radical |militant |jihadist |extremist |armed )?(?:group|organi[sz]ation|militants)\b", re.I)
_HEADLINE_MAX_WORDS = 14
_LABEL = re.compile(r"[A-Z][a-z]+(?: [a-z/]+){0,3}:\s+")  # ACLED's sub-type label before a note
_TRAILING_TAG = re.compile(r"\s*\[[^\[\]]*\]$")
_VICTIMS = re.compile(r"\b(?:civilians?|residents?|villagers?|a (?:young )?(?:man|woman|boy|girl|child)|(?:two|three|\d+) (?:men|women|children)|"
                      r"children|farmers?|shepherds?|journalists?|a teacher|a doctor|a family|worshippers|passers-by|students?|migrants?|refugees?|"
                      r"civilians' houses)\b", re.I)
_BACKED = re.compile(r"[\s-](?:backed|supported|affiliated|aligned|funded)\b", re.I)
_CURRENCY = re.compile(r"[\s-](?:dollars?|pounds?|liras?|euros?|dinars?|rials?|riyals?|rupees?|shekels?|francs?|"
                       r"nairas?|roubles?|rubles?|hryvnias?|yuan)\b", re.I)  # "the US dollar" is no place
_PASSIVE_BY = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:[\w-]+\s+){0,3}?(?:\w+ed|shot|hit|struck|dead|down)\s+by\s+"
                         r"(?:an?\s+|the\s+|two\s+|three\s+|several\s+|\d+\s+)?$", re.I)
_BETWEEN = re.compile(  # "between pro-Turkey rebel factions"; "among" only after a clash word, not "fatalities among"
    r"(?:\bbetween|(?:clash|fight|infighting|dispute|feud|quarrel|exchang)\w*\s+(?:\w+\s+){0,2}(?:among|amongst|within))"
    r"\s+(?:the\s+)?(?:pro-[\w-]+\s+|[\w-]+-(?:backed|led)\s+)?$", re.I)
_MEMBERS_OF = re.compile(r"^\s+(?:of|from)\s+(?:the\s+)?(?:(?:rebel|armed|militant|terror|terrorist|jihadist|Islamist)\s+)?"
                         r"(?:(?:group|faction|organi[sz]ation|movement)\s+)?$", re.I)  # "14 fighters from the rebel group X"
_UMBRELLA = re.compile(  # "JWS, which operates under OPS", "gunmen believed to be IS": ACLED codes the latter
    r"^\W*(?:(?:forces|fighters|factions|members|militants|militiamen)\W+)?(?:(?:which|who|whom|that)\s+(?:are\s+|is\s+)?)?"
    r"(?:(?:operat(?:e|es|ing)|fighting|serving|working)\s+(?:under|as (?:a )?part of|within|for)|under|"
    r"(?:(?:believed|likely|suspected|thought|reported|said|claimed)\s+to\s+(?:be|belong to)(?:\s+members of)?)|belonging to)"
    r"\s+(?:the\s+)?(?:banner of\s+(?:the\s+)?)?$", re.I)
_EITHER = re.compile(r"^\s*(?:and\s*/\s*)?or\s+(?:the\s+)?$", re.I)  # "JNIM and/or ISGS": ACLED's name for either group
_UNIT_OF = re.compile(r"^(?:['’]s)?\s+(?:(?:members?|soldiers?|fighters?|officers?|forces|troops)\s+"
                      r"(?:(?:affiliated|belonging)\s+)?(?:of|from|in|to|with)\s+(?:the\s+)?)?$", re.I)  # "regime's 4th Division"
_SUPPORT_WORDS = (r"(?:supported|backed|assisted|aided|accompanied) by|alongside|along with|together with|"
                  r"with (?:the )?(?:\w+ )?(?:support|help|backing|cover|assistance) (?:of|from)|in (?:cooperation|coordination) with")
_HEAD_NOUN = r"(?:\s+(?:forces|fighters|members|militants|troops|factions))?"  # "QSD| forces, with the support of"
_ASSOC = re.compile(rf"^{_HEAD_NOUN}\s*(?:,\s*)?(?:and|including|{_SUPPORT_WORDS}|,)\s*(?:the\s+)?(?:rebels of\s+)?$", re.I)
_ALLY = re.compile(rf"^{_HEAD_NOUN}\s*(?:,\s*)?(?:{_SUPPORT_WORDS})\s*(?:the\s+)?$", re.I)  # "and" joins the two sides of a clash
_REPELLED = re.compile(r"\b(?:repell?(?:ed|s)?|repulsed|thwart(?:ed|s)?|foil(?:ed|s)?|fended off|fought off|"
                       r"responded to|retaliated against)\b", re.I)
_OTHER_SIDE = re.compile(r"(?:\s+(?:forces|fighters|members|militants|gunmen))?\s*,?\s+(?:and|against|with)\b", re.I)
_AGAINST = re.compile(r"\bagainst\b", re.I)
_RECIPROCAL = re.compile(r"clash|fight|fought|exchang|skirmish|gunfight|firefight|battle", re.I)


# Sources that only report (a named or official source may be a party: "QSD said it killed …").
_REPORTERS = frozenset({"activist_group", "monitor", "media", "anonymous_local"})


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    key: str


@dataclass
class ArticleContext:
    """What earlier sentences established, for the ones that refer back."""

    article: Article
    country: str | None = None
    last_group: _Mention | None = None
    last_town: places.PlaceMention | None = None
    headline_places: list[places.PlaceMention] = field(default_factory=list)
    anchor: tuple[float, float] | None = None  # where the article is (_anchor): homonyms are read nearest it
    lead_time: TimeSpan | None = None
    lead_attribution: Attribution | None = None
    group_counts: dict[str, int] = field(default_factory=dict)
    group_last: dict[str, _Mention] = field(default_factory=dict)
    monitors: list[tuple[int, int, str]] = field(default_factory=list)
    air_forces: list[_Mention] = field(default_factory=list)  # "Russian jets", "US-led air strikes", in text order
    hypothetical: list["_Draft"] = field(default_factory=list)  # for the mode head; apart, so no sentence reads them
    sentence_places: dict[tuple[int, int], list] = field(default_factory=dict)  # (start, end) -> its place mentions


@dataclass
class _Draft:
    """An event under construction, before typing is final."""

    sentence: tuple[int, int]
    trigger: Trigger
    sub_event_type: str
    confidence: float
    kind: str = "event"
    actors: list[Actor] = field(default_factory=list)
    location: Location | None = None
    time: TimeSpan | None = None
    time_stated: bool = False
    fatalities: object = None
    attribution: Attribution | None = None
    evidence: list[Span] = field(default_factory=list)
    frame: DefectionFrame | None = None
    fallback: Location | None = None
    actor_country: str | None = None  # the country generic and country-suffixed actors are named for
    candidate: bool = False  # no trigger, only a cue: the learned event head decides whether it is an event
    learned: bool = False  # a candidate the event head (or a hypothetical one the mode head) accepted
    hypothetical: bool = False  # its triggers are under a hypothetical cue: kept only if the mode head reads a report
    cued: bool = False  # a hypothetical draft the cue words would have made a candidate: where the mode head is
    # unsure, the event head judges it as it would that candidate
    history: bool = False  # the mode head says the sentence retells the past: background whatever its date
    changes_hands: bool = False  # a trigger of the sentence tells a change of hands ("captured", "took control")
    # every trigger of the sentence is a protest word, and the sentence tells what the protest is about ("against the
    # unjust arrest of"): no one intervened in words of its own
    aggrieved_protest: bool = False


EVENT_THRESHOLD = 0.6  # a candidate becomes an event at this probability: 0.97 of held-out notes' first sentences
# pass it, 0.07 of the no-cue sentences of the FA-KES half the head was not trained on
_TERRITORY_TYPES = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
# what a protest became in someone's words of its own: intervention, force or the protesters' violence
_NOT_PEACEFUL = frozenset({"Protest with intervention", "Excessive force against protesters", "Violent demonstration"})
CONSULT_BELOW = 0.8  # rules this sure (named weapons, captures) are not worth the encoder's time per sentence


Classify = Callable[[list[str], list[bool], list[bool], list[bool]], "list[Typing]"]
Tick = Callable[[str, float], None]  # (stage, perf_counter() at its start): accumulates seconds per stage


def _no_tick(stage: str, since: float) -> None:
    """Timing off."""


@dataclass
class Drafted:
    """One article's events after phase one (everything but the classifier and the finish), so that a caller can
    classify the drafts of many articles in one call: the model's fixed cost per call exceeds its cost per text."""

    article: Article
    ctx: ArticleContext
    drafts: list[_Draft]
    sentences: list[tuple[int, int]]


def extract_events(article: Article, resources, classify: Classify | None = None) -> list[Event]:
    """All events of one article. `resources` gives gazetteer, actor and time functions (see pipeline.Resources)."""
    drafted = draft_events(article, resources)
    if classify is not None:
        classify_drafts([drafted], classify)
    return finish_events(drafted, resources)


def draft_events(article: Article, resources, tick: Tick = _no_tick) -> Drafted:
    """Phase one: sentences, triggers, arguments, defection frames, merging within the article."""
    text = article.text
    ctx = ArticleContext(article=article)
    t0 = perf_counter()
    sentences = split_sentences(text)
    tick("sentences", t0)
    t0 = perf_counter()
    ctx.country, named = _article_country(article, sentences, resources)
    ctx.anchor = _anchor(named, ctx.country, resources.gazetteer)
    tick("country", t0)
    drafts: list[_Draft] = []
    frames: list[DefectionFrame] = []
    headings: list[tuple[int, int, int]] = []
    for index, (s, e) in enumerate(sentences):
        if _is_heading(text, s, e, article):
            headings.append((index, s, e))
            if len(headings) == 1:  # the headline's town is "the town" of the body ("… in Tell Abyad")
                ctx.headline_places = _heading_places(text, s, e, ctx, resources)
                _remember(ctx, [], ctx.headline_places)
            continue
        _read_sentence(index, s, e, drafts, frames, ctx, resources, tick)
    if not drafts and not frames:  # a headline or a snippet alone: its lines are read and the event head judges them
        for index, s, e in headings[:2]:
            _read_sentence(index, s, e, drafts, frames, ctx, resources, tick, judged=True)
    t0 = perf_counter()
    drafts += [f.to_draft(ctx, resources) for f in frames]
    drafts = _merge_within([d for d in drafts if not d.candidate]) + [d for d in drafts if d.candidate] + ctx.hypothetical
    tick("arguments", t0)
    return Drafted(article, ctx, drafts, sentences)


def _blocked_spans(actors: list[tuple[int, int]], organisations) -> list[tuple[int, int]]:
    """Actor and organisation names, where no place is read. An organisation-looking name that ends in an actor's
    name is only that actor: title case runs a place into it ("Killed in Idleb Syrian Army Regains ...")."""
    blocked = list(actors)
    for a, b, _ in organisations:
        inner = [(x, y) for x, y in actors if a < x and y == b]
        blocked.append(min(inner) if inner else (a, b))
    return blocked


def _heading_places(text: str, s: int, e: int, ctx: ArticleContext, resources) -> list[places.PlaceMention]:
    """The places a heading names, outside the actor and organisation names in it."""
    actors = [(a, b) for a, b, _ in resources.find_actors(text[s:e], s)]
    blocked = _blocked_spans(actors, resources.organisations(text, s, e))
    return places.find_place_mentions(text, s, e, resources.gazetteer, ctx.country, blocked, ctx.anchor)


def _read_sentence(index: int, s: int, e: int, drafts: list[_Draft], frames: list[DefectionFrame], ctx: ArticleContext,
                   resources, tick: Tick, judged: bool = False) -> None:
    """One sentence's triggers and arguments: new drafts, a defection frame filled, or evidence for the event before.
    `judged`: every draft of the sentence is a candidate, kept only if the event head accepts it (headlines)."""
    text, article = ctx.article.text, ctx.article
    t0 = perf_counter()
    times = resources.find_times(text[s:e], article.published, s)
    printed = article.published_span  # "Posted on April 2 2017 by …": when the article came out, which tells no
    # event of its own and gives way to any other time the sentence states ("… on March 25")
    stated = [t for t in times if not (t.start < printed.end and printed.start < t.end)] if printed else times
    times = stated or times
    tick("times", t0)
    t0 = perf_counter()
    mentions = [_Mention(a, b, text[a:b], key) for a, b, key in resources.find_actors(text[s:e], s)]
    organisations = resources.organisations(text, s, e)
    tick("actors", t0)
    t0 = perf_counter()
    blocked = _blocked_spans([(m.start, m.end) for m in mentions], organisations)
    place_mentions = places.find_place_mentions(text, s, e, resources.gazetteer, ctx.country, blocked, ctx.anchor)
    ctx.sentence_places[(s, e)] = place_mentions
    tick("places", t0)
    t0 = perf_counter()
    if ctx.lead_time is None and times and index < 6:
        ctx.lead_time = times[0].time
    attribution = args.find_attribution(text, s, e)
    if attribution and ctx.lead_attribution is None:
        ctx.lead_attribution = attribution
    if attribution and attribution.kind in _REPORTERS:  # "…, activists said": who tells is not who acts
        mentions = [m for m in mentions if not any(sp.start <= m.start < sp.end for sp in attribution.evidence)]
    found_triggers = [t for t in find_triggers(text, s, e) if not _descriptive(text, s, t)]
    grievance = grievances(text, found_triggers)  # "demonstrated against the arrests": the protest alone
    found_triggers = [t for t in found_triggers if t not in grievance]
    cues = [_hypothetical_cue(text, s, t) for t in found_triggers]
    triggers = [t for t, cue_word in zip(found_triggers, cues) if cue_word is None]
    hypothetical = [t for t, cue_word in zip(found_triggers, cues) if cue_word and cue_word.split()[0] not in _NEGATIONS]
    cue = defection_cue(text, s, e, triggers, frames)
    tick("triggers", t0)
    if cue:  # in a defection sentence other verbs mostly describe the people ("rebels fighting the regime")
        t0 = perf_counter()
        triggers = [t for t in triggers if t.sub_event_type == DEFECTION or (t.strength >= 0.5 and not _relative(text, s, t))]
        update_frame(frames, text, s, e, cue, times, mentions, place_mentions, ctx, resources)
        tick("defection+ner", t0)
    t0 = perf_counter()
    event_triggers = [t for t in triggers if t.sub_event_type != DEFECTION]
    drafted_before = len(drafts)
    held = [t for t in hypothetical if t.sub_event_type != DEFECTION] if resources.judges_mode() else []
    cued = False
    if not event_triggers and not cue and stated and _dated_report(text, s, e, stated):
        event_triggers = [_dated_trigger(text, s, e, stated)]
    if not cue and (told := _continued(drafts, text, s, e, times, place_mentions, mentions)) is not None:
        _attach_trailing(told, text, s, e)  # "Clashes were accompanied by shelling.": evidence, no new event
        _retype_by_reference(told, text, s, e)
        _doer_told_after(told, text, s, mentions, ctx, resources)
    elif event_triggers:
        drafts.extend(_drafts_for_sentence(text, s, e, event_triggers, times, mentions, place_mentions,
                                           attribution, ctx, resources))
        if grievance and all(t.sub_event_type == "Peaceful protest" for t in event_triggers):
            for d in drafts[drafted_before:]:
                d.aggrieved_protest = True
    elif drafts and drafts[-1].sentence[1] <= s and _same_paragraph(text, drafts[-1].sentence[1], s):
        _attach_trailing(drafts[-1], text, s, e)  # "1 fatality." after the event's sentence
        _doer_told_after(drafts[-1], text, s, mentions, ctx, resources)
    elif not cue and (found := find_cue(text, s, e)) is not None:
        cued = True  # a candidate: where the mode head is unsure of a held sentence, the event head judges it so
        if not held:
            drafts.extend(_candidates(text, s, e, found, times, mentions, place_mentions, attribution, ctx, resources))
    if held and not event_triggers and not cue and len(drafts) == drafted_before:  # the mode head, not the event head
        ctx.hypothetical += _held_drafts(text, s, e, held, cued, (times, mentions, place_mentions, attribution), ctx,
                                         resources)
    ctx.monitors += organisations
    _remember(ctx, mentions, place_mentions)
    tick("arguments", t0)
    if judged:
        for d in drafts:
            d.candidate = True


def finish_events(drafted: Drafted, resources) -> list[Event]:
    """Phase two, after `classify_drafts`: what needs the final sub-types (paragraph-level deaths, the roles ACLED
    fills by event type), then Events. Candidates the event head did not accept (or never saw) are dropped."""
    ctx = drafted.ctx
    drafts = _paragraph_fatalities(_with_learned(drafted.drafts), drafted.article.text, drafted.sentences)
    _protest_fatalities(drafts)
    for d in drafts:
        if d.kind == "event":
            _coded_names(d, ctx, resources)
            _side_leaders(d, resources)
            _armed_target(d, drafted.article.text)
            _crowd_fight(d, drafted.article.text, resources)
            _act_code(d, resources)  # by whom it was done to as the text names them ("abducted two soldiers")
            _generic_roles(d, drafted.article.text, ctx, resources)
            _act_code(d, resources)  # else by the victims ACLED names for the type ("abducted two traders")
            _air_force_named(d, drafted.article.text, ctx, resources)
            _unidentified_named(d, drafted.article.text, ctx, resources)
            _regional_crowds(d, ctx, resources)
    _retold_perpetrators(drafts, drafted.article.text)
    events = [_finish(d, drafted.article, ctx, resources) for d in drafts]
    located = places.one_reading_per_name([e.location for e in events], _named_regions(ctx))
    located = places.refine_places(located, resources.gazetteer, ctx.country, _named_places(located, drafted, resources))
    events = [e if loc is e.location else e.model_copy(update={"location": loc}) for e, loc in zip(events, located)]
    return _agree_with_headline(mark_main(events, drafted.article), ctx, resources)


def _named_regions(ctx: ArticleContext) -> set[str]:
    """The provinces the article's sentences name as regions ("in Quneitra province")."""
    return {m.place.admin1 for found in ctx.sentence_places.values() for m in found
            if m.place.feature == "admin1" and m.place.admin1}


def _named_places(located: list[Location | None], drafted: Drafted, resources) -> list[Location]:
    """Where no event is placed in a province of the article's country, the places its sentences name (outside
    actor names, datelines and speakers), for `refine_places`; else nothing (the events' own places decide)."""
    ctx, text = drafted.ctx, drafted.article.text
    if ctx.country is None or all(loc is not None and loc.admin1 for loc in located) \
            or any(loc is not None and loc.admin1 and loc.country == ctx.country for loc in located):
        return []
    named = []
    for s, e in drafted.sentences:  # read sentences keep their mentions; headings are read here
        found = ctx.sentence_places.get((s, e))
        named += places.located_in(text, found if found is not None else _heading_places(text, s, e, ctx, resources),
                                   ctx.country)
    return named


def _agree_with_headline(events: list[Event], ctx: ArticleContext, resources) -> list[Event]:
    """The main event happened where the headline says, when the headline names one province of the article's
    country ("Suicide bomber kills 16 in Syria's Hasakah"): a main event placed elsewhere is the headline's place
    misread, or a homonym of its town in another province. Its name is looked up again near the headline's place;
    failing that, the headline's place is the main event's."""
    if not events or not events[0].main or not ctx.headline_places:
        return events
    named = [m for m in ctx.headline_places if m.place.admin1 and m.place.country == ctx.country]
    regions = {(m.place.country, m.place.admin1) for m in named}
    main, loc = events[0], events[0].location
    if len(regions) != 1 or (loc is not None and (loc.country, loc.admin1) in regions):
        return events
    said = max(named, key=lambda m: m.score)
    again = resources.gazetteer.lookup(loc.name, said.place.country, near=(said.lat, said.lon)) if loc else []
    homonym = next((p for p in again if (p.country, p.admin1) in regions and p.feature in ("city", "alias")), None)
    if loc is not None and homonym is not None:
        where = loc.model_copy(update={"name": homonym.name, "admin1": homonym.admin1, "admin2": homonym.admin2,
                                       "country": homonym.country, "lat": homonym.lat, "lon": homonym.lon})
    else:
        where = places.location_from_mention(said)
    return [main.model_copy(update={"location": where}), *events[1:]]


def _dated_report(text: str, s: int, e: int, times) -> bool:
    """ "On 3 May 2022, farmers blocked the highway …": a sentence that opens with its date reports something,
    even when no trigger word says what; the classifier then names it."""
    label = _LABEL.match(text, s)  # "Movement of forces: On 26 February 2022, a U.S. military patrol took place …"
    start = label.end() if label else s
    return bool(times) and times[0].start - start <= 12 and not times[0].relative and len(text[s:e].split()) >= 8


def _dated_trigger(text: str, s: int, e: int, times) -> Trigger:
    start = times[0].end
    word = re.search(r"\b[a-z]+(?:ed|ing)\b", text[start:e])
    if word:
        return Trigger(start + word.start(), start + word.end(), word.group(), "Other", 0.3)
    return Trigger(start, min(e, start + 1), text[start:start + 1], "Other", 0.3)


def _is_heading(text: str, s: int, e: int, article: Article) -> bool:
    """Headlines, bylines and section titles restate or label; they are not reports of their own."""
    line = text[s:e].strip()
    if article.title and line == article.title.strip():
        return True
    if line.lower().startswith("by ") and len(line.split()) < 10:
        return True
    line = _TRAILING_TAG.sub("", line)  # "… in Chemnitz. [size=no report]" ends on its sentence, not the tag
    return not re.search(r"[.!?\"”’]$", line) and len(line.split()) <= _HEADLINE_MAX_WORDS


_NEGATIONS = {"not", "no", "denied", "prevent"}  # the mode head reads modes, not negation: these the rule decides


def _hypothetical_cue(text: str, s: int, trigger: Trigger) -> str | None:
    """The cue that makes a trigger report no event ("vowed that … will", "threatened to", "plans to", "denied"),
    or None. A negated trigger is dropped; any other is held for the mode head, and dropped where there is none."""
    clause_start = max(s, trigger.start - 60)
    window = text[clause_start:trigger.start]
    for sep in (";", " and ", " as "):  # the trigger's own clause (commas do not cut: "vowed in October that …")
        cut = window.rfind(sep)
        if cut >= 0:
            window = window[cut:]
    m = HYPOTHETICAL.search(window)
    if not m:
        return None
    word = m.group().lower()  # "no " keeps its space, so no distance spares it (as ever)
    if word in _NEGATIONS and len(window) - m.end() >= 25:
        return None
    return word.strip()


_PROGRESSIVE = re.compile(r"\b(?-i:is|are)\s+(?:\w+ly\s+)?(?:\w+ing\b[^,.;]{0,30})?$", re.I)
_SUPPORT = re.compile(r"\b(?:backed|supported|aided|covered|helped|assisted) by\b[^,;]*$|\bunder blows by\b[^,;]*$", re.I)
_RELATIVE = re.compile(r"\b(?:who|which|that|whom)\b[^,;]*$", re.I)
_MODIFIER_OK = {"the", "of", "in", "heavy", "fierce", "intense", "after", "amid", "renewed", "and", "violent", "fresh", "during"}


def _descriptive(text: str, s: int, trigger: Trigger) -> bool:
    """Verbs that describe actors rather than report an event: "rebels fighting the regime", "IS is fighting
    multiple battles", "which has been fighting since 2011"."""
    if trigger.sub_event_type == DEFECTION:
        return False
    before = text[max(s, trigger.start - 40):trigger.start]
    if _PROGRESSIVE.search(before):
        return True
    if _SUPPORT.search(text[max(s, trigger.start - 80):trigger.start]) and not is_main_verb(text, s, trigger):
        return True  # "backed by Russian air strikes": how they fought; "... allies captured the town" is the event
    if re.search(r"\b(?:which|who|that) (?:has|have|had) been\s+$", before, re.I):
        return True
    word = re.search(r"(\w+)\W*$", before)
    if trigger.text.lower().startswith("fighting") and word and word.group(1).lower() not in _MODIFIER_OK \
            and word.group(1).lower().endswith("s"):
        return True
    return False


def _relative(text: str, s: int, trigger: Trigger) -> bool:
    return bool(_RELATIVE.search(text[max(s, trigger.start - 80):trigger.start]))


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return "\n" not in text[a:b]


def _article_country(article: Article, sentences, resources) -> tuple[str | None, list[str]]:
    """The country most of the article's places, nationality words and actors point to, and the whole place names
    its lead names (read for it)."""
    votes: dict[str, float] = {}
    text = article.text
    head = " ".join(text[s:e] for s, e in sentences[:12])
    gazetteer = resources.gazetteer
    for c, weight in _country_words(head, gazetteer):
        votes[c] = votes.get(c, 0) + weight
    title = article.title if article.title and text.startswith(article.title) else ""
    title = title.split(" | ")[0]  # "... in Syria | Jordan Times": the outlet's name follows the bar
    for c, weight in _country_words(title, gazetteer):  # the headline says where the story is: it counts twice
        votes[c] = votes.get(c, 0) + weight
    if article.dateline_place:
        for part in article.dateline_place.split(","):
            c = gazetteer.country(part.strip())
            if c:
                votes[c] = votes.get(c, 0) + 3.0
    named = []
    for name, part in places.place_names(head, 0, len(head), gazetteer, _actor_spans(text, sentences[:12], resources)):
        named += [] if part else [name]
        if not gazetteer.country(name):  # "US" is also a French village
            weight = 2.0 if gazetteer.admin1_region(name) else 1.5  # region names are rarer than town names
            weight /= 2.0 if part else 1.0
            for c, w in gazetteer.country_weights(name).items():
                votes[c] = votes.get(c, 0) + weight * w
    for pair in _COMMA_REGION.finditer(head):
        # "in Nejapa, San Salvador,": a region after a town's comma says where the town is, as brackets do
        region = gazetteer.admin1_region(pair.group(1))  # a province, not a district: "San Rafael" is one in Mendoza
        if region is not None and not gazetteer.country(pair.group(1)):
            votes[region.country] = votes.get(region.country, 0) + 3.0
    for bracket in _BRACKETED.finditer(head):
        # "(Nassoumbou, Soum)": the region closing brackets is a region, and it says where the names inside are,
        # more than an unknown village's namesake town abroad does ("Kain-Ouro (Kain, Yatenga)", not Kain, Belgium)
        region = gazetteer.admin1_region(bracket.group(1).split(",")[-1].strip(), None, True)
        if region is not None:
            votes[region.country] = votes.get(region.country, 0) + 3.0
    for c, weight in _actor_countries(text, sentences[:12], resources):
        votes[c] = votes.get(c, 0) + weight
    return (max(votes, key=votes.get) if votes else None), named


def _actor_spans(text: str, sentences, resources) -> list[tuple[int, int]]:
    """Where the sentences, joined by one space as the lead is read for the country vote, name actors."""
    spans, offset = [], 0
    for s, e in sentences:
        spans += [(offset + a, offset + b) for a, b, _ in resources.find_actors(text[s:e], 0)]
        offset += e - s + 1
    return spans


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
_BRACKETED = re.compile(r"\(([^()]{2,80})\)")
_NAME_WORDS = r"[A-Z][\w'’-]+(?:\s+(?:de\s+|del\s+|la\s+)?[A-Z][\w'’-]+){0,2}"
# the last name of "in Nejapa, San Salvador, there …" / "in Barangay Tagapo, Santa Rosa, Laguna." is the region
_COMMA_REGION = re.compile(rf"\b(?:in|at|near|outside)\s+{_NAME_WORDS}(?:,\s+{_NAME_WORDS})*?,\s+({_NAME_WORDS})"
                           r"(?=\s*[.;(]|,\s+[a-z]|\s+(?:province|state|region|department|governorate|district|oblast)\b)")
_GROUP_NAME_BEFORE = re.compile(r"\b(?:State|Front|Army|Party|Movement|Council|Brigades?|Committee|Forces) (?:in|of|for) (?:the )?$")


_ANCHOR_TOWN = 10_000  # people: a reading this large (or ACLED's) places the article better than a hamlet
_DOMINANT = 10  # times the population of every other reading in the country: the name means that town


def _anchor(names: list[str], country: str | None, gazetteer) -> tuple[float, float] | None:
    """Where the article is: the median point of the towns its lead names that have one reading in its country,
    or one reading that dwarfs the others (Saltillo, Coahuila, not the Saltillo hamlet of Chiapas). Towns ACLED
    codes or of some size place it; hamlets only where the lead names nothing else ("Colonia Primero de Mayo"
    is a neighbourhood of many Mexican cities, the gazetteer knows one). A homonym is read as the one nearest it
    (Madaya near Damascus, not Madaya in Idlib)."""
    strong, weak = [], []
    for name in names:
        home = [p for p in gazetteer.lookup(name, country) if p.country == country and p.feature in ("city", "alias")]
        top = _dominant_reading(home)
        if top is not None:
            size_known = top.source == "acled" or top.population >= _ANCHOR_TOWN
            (strong if size_known else weak).append((top.lat, top.lon))
    points = strong or weak
    if not points:
        return None
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    return lats[len(lats) // 2], lons[len(lons) // 2]


def _dominant_reading(home: list):
    """The one reading of a name in the country, or the ACLED location or town that dwarfs its namesakes."""
    if not home:
        return None
    if len({p.admin1 for p in home}) == 1:
        return home[0]
    top = max(home, key=lambda p: (p.source == "acled", p.population))
    others = [p for p in home if p.admin1 != top.admin1]
    if any(p.source == "acled" for p in others) or top.population < _DOMINANT * max(p.population for p in others):
        return None
    return top


def _country_words(text: str, gazetteer) -> list[tuple[str, float]]:
    """Each country name (2.0) and nationality word (0.5) in `text`, with its vote for the article's country.  One
    that only says who acts ("Turkish troops", "Russia says", "pro-Iran militias", "Turkey backed rebels") says
    little of where (0.1): forces fight abroad; one that names a currency ("the US dollar") nothing."""
    votes: list[tuple[str, float]] = []
    skip_to = 0
    for m in _CAPITALISED.finditer(text):
        if m.start() < skip_to:
            continue
        pair = re.match(r"[A-Z][\w'’-]+ [A-Z][\w'’-]+", text[m.start():])
        name = pair.group() if pair and gazetteer.country(pair.group()) == pair.group() else m.group()
        c = gazetteer.country(name)
        if not c:
            continue
        skip_to = m.start() + len(name)
        after = re.match(r"[\s-]+([a-z]+)", text[skip_to:skip_to + 30].lower())
        acting = text[:m.start()].endswith("-") or (after is not None and after.group(1) in places.actor_words())
        if _CURRENCY.match(text, skip_to):
            continue  # "protests against the high US dollar exchange rate" in Lebanon
        if not _BACKED.match(text, skip_to) and not _GROUP_NAME_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            # "Turkey backed rebels" fight in Syria; "the Islamic State in Iraq and the Levant" names a group
            votes.append((c, 0.1 if acting else (2.0 if name == c else 0.5)))
    return votes


def _actor_countries(text: str, sentences, resources) -> list[tuple[str, float]]:
    """Countries the article's actors belong to without a nationality word of their own, with their votes:
    "regime forces" and "SAA" (state forces of the context country) and "QSD" ("QSD: Syrian Democratic Forces")
    1.0 each; a group whose name says no country, each country it acts in by its share of the group's ACLED rows
    (mined: JNIM mostly in Burkina Faso and Mali), a weak vote that any country or place word outweighs.  A
    nationality word already voted, and foreign forces ("Turkish forces") often fight abroad, so those are left out."""
    out: list[tuple[str, float]] = []
    found = [m for s, e in sentences for m in resources.find_actors(text[s:e], s)]
    for s, e, key in found:
        surface = text[s:e]
        if any(resources.gazetteer.country(w) for w in re.findall(r"[A-Z][\w'’-]+", surface)):
            continue
        if key.startswith("military:") and key.split(":", 1)[1]:
            out.append((key.split(":", 1)[1], 1.0))
        elif key.startswith("group:"):
            actor = resources.resolve_actor(key, surface, None, None)
            named = [c for w in re.findall(r"[A-Z][\w'’-]+", actor.name if actor else "")
                     if (c := resources.gazetteer.country(w))]
            if named:
                out.append((named[0], 1.0))
            elif actor is not None:
                out += [(c, _ACTOR_PRIOR * share) for c, share in resources.country_shares(actor.name).items()]
    return out


_ACTOR_PRIOR = 0.5  # a group's whole vote for the countries it acts in: less than one nationality word (0.5) plus a town


def _remember(ctx: ArticleContext, mentions: list[_Mention], place_mentions) -> None:
    ctx.air_forces += [m for m in mentions if roles.flies(m.key, ctx.article.text, m.start, m.end)]
    for m in mentions:
        if m.key.startswith("group:"):
            ctx.group_counts[m.key] = ctx.group_counts.get(m.key, 0) + 1
            ctx.group_last[m.key] = m
    if ctx.group_counts:  # "the group" means the group the article is about: the most named so far
        key = max(ctx.group_counts, key=lambda k: (ctx.group_counts[k], ctx.group_last[k].start))
        ctx.last_group = ctx.group_last[key]
    towns = [p for p in place_mentions if p.place.feature in ("city", "alias")]
    towns = [p for p in towns if p.place.country == ctx.country] or towns  # not "Kerry" in a Syrian article
    if towns:  # the last of the best: not a container named after its town ("Ein Issa in Ar-Raqqa")
        ctx.last_town = max(towns, key=lambda p: (p.score, p.start))


def _drafts_for_sentence(text, s, e, triggers, times, mentions, place_mentions, attribution, ctx, resources) -> list[_Draft]:
    """One event per sentence, or one per clause where clauses carry different times ("this week … in late August")."""
    groups: list[tuple[int, int, list[Trigger]]] = []
    clauses = split_clauses(text, s, e) if len(times) > 1 else [(s, e)]
    for cs, ce in clauses:
        ts = [t for t in triggers if cs <= t.start < ce]
        if not ts:
            continue
        clause_times = [t for t in times if cs <= t.start < ce]
        if groups and not clause_times:
            groups[-1] = (groups[-1][0], ce, groups[-1][2] + ts)
        else:
            groups.append((cs, ce, ts))
    drafts = []
    for cs, ce, ts in groups:
        leading = main_clause(text, cs, ce, ts)  # "supported by warplanes conducting airstrikes, clashed": the clash
        primary = (next((t for t in leading if t.strength >= 0.8), None)
                   or next((t for t in leading if t.strength >= 0.5), None) or max(leading, key=lambda t: (t.strength, -t.start)))
        d = _Draft(sentence=(s, e), trigger=primary, sub_event_type=primary.sub_event_type, confidence=primary.strength)
        d.evidence = [Span(start=t.start, end=t.end) for t in ts]
        d.changes_hands = any(t.sub_event_type == TERRITORY for t in ts)
        split = len(groups) > 1
        own_places = [p for p in place_mentions if cs <= p.start < ce] if split else place_mentions
        d.location = _assign_location(text, cs, ce, s, e, primary, own_places, ctx)
        d.fallback = _fallback_location(ctx, resources)
        where = d.location or d.fallback
        article_country = ctx.country
        ctx.country = d.actor_country = _actor_country(where, ctx, [m for m in mentions if cs <= m.start < ce], resources)
        # who acts is read around the clause's first event word ("gunmen attacked a QSD post, killing …")
        d.actors = _assign_actors(text, cs, ce, s, ts[0], mentions, ctx, resources)
        ctx.country = article_country
        d.time, d.time_stated = _assign_time(cs, ce, times, ctx, primary)
        d.fatalities = args.find_fatalities(text, cs, ce) or (None if split else args.find_fatalities(text, s, e))
        d.attribution = attribution
        if d.sub_event_type == TERRITORY:
            d.sub_event_type = _territory_subtype(d.actors, resources)
        drafts.append(d)
    return drafts


def _candidates(text, s, e, cue, times, mentions, place_mentions, attribution, ctx, resources) -> list[_Draft]:
    """Drafts for a sentence that only a cue word marks; the event head accepts or drops them after the batch."""
    trigger = Trigger(cue.start(), cue.end(), cue.group(), "Other", 0.0)
    drafts = _drafts_for_sentence(text, s, e, [trigger], times, mentions, place_mentions, attribution, ctx, resources)
    for d in drafts:
        d.candidate = True
    return drafts


def _held_drafts(text, s, e, triggers, cued, found, ctx, resources) -> list[_Draft]:
    """Drafts for a sentence whose triggers are all under a hypothetical cue; the mode head keeps them where it reads
    a report ("Gunmen who had vowed revenge shot dead …") and drops a threat or a plan, as the cue rule would.
    `found`: the sentence's (times, mentions, place mentions, attribution)."""
    drafts = _drafts_for_sentence(text, s, e, triggers, *found, ctx, resources)
    for d in drafts:
        d.hypothetical, d.cued = True, cued
    return drafts


def _with_learned(drafts: list[_Draft]) -> list[_Draft]:
    """The drafts without the candidates the event head dropped; those it accepted take their place in text order
    and may join an event they retell."""
    ruled = [d for d in drafts if not d.candidate and not d.hypothetical and not d.learned]
    learned = [d for d in drafts if d.learned]
    if not learned:
        return ruled
    for d in learned:
        at = next((i for i, r in enumerate(ruled) if r.sentence[0] > d.sentence[0]), len(ruled))
        ruled.insert(at, d)
    return _merge_within(ruled)


def _territory_subtype(actors: list[Actor], resources) -> str:
    a1 = next((a for a in actors if a.role == "actor1"), None)
    return "Government regains territory" if a1 is not None and a1.inter == 1 else "Non-state actor overtakes territory"


_BLASTS = {"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"}  # a bomber news often leaves unnamed


def _other_side(actor1: _Mention | None, candidates: list[_Mention], resources) -> _Mention | None:
    """The first candidate for actor2 that is not actor1's state forces again ("regime helicopters dropped barrel
    bombs …, while rebels destroyed a regime tank": the rebels, not the regime's tank); the same forces only where no
    other is named (state forces stand on both sides of 0.5% of ACLED's events, groups of 4%: QSD detains a member)."""
    first = candidates[0] if candidates else None
    if actor1 is None or actor1.key.startswith(("generic:", "ref:")):
        return first
    named = resources.resolve_actor(actor1.key, actor1.text, None, None)
    if named is None or named.kind != "state":
        return first
    return next((m for m in candidates if m.key != actor1.key), first)


def _assign_actors(text, cs, ce, s, trigger, mentions, ctx, resources) -> list[Actor]:
    """actor1 acts, actor2 is acted on; by position around the trigger, passive "by X" and "between A and B"."""
    inside = _umbrellas(text, [m for m in mentions if cs <= m.start < ce] or [m for m in mentions])
    claims = [_Mention(a, b, text[a:b], key) for a, b, key in roles.state_claims(text, cs, ce, resources.gazetteer.country)
              if not any(a < m.end and m.start < b for m in inside)]  # "Russia says kills …": Russia's forces
    inside = sorted(inside + claims, key=lambda m: m.start) if claims else inside
    holders = [m for m in inside if roles.holds_place(text, m.start, m.end, s)]  # "the IS-held city": not who acted
    inside = [m for m in inside if m not in holders]
    refs = [_Mention(m.start(), m.end(), m.group(), "ref:group") for m in _GROUP_REF.finditer(text, cs, ce)]
    if ctx.last_group:
        inside = sorted(inside + [r for r in refs if not any(r.start < m.end and m.start < r.end for m in inside)],
                        key=lambda m: m.start)
    before = [m for m in inside if m.start < trigger.start]  # "U.S. drone| strike": a mention may overlap the trigger
    after = [m for m in inside if m.start >= trigger.start]
    actor1 = actor2 = None
    by = next((m for m in after if (_PASSIVE_BY.search(text[max(s, m.start - 40):m.start]) or roles.agent_of_passive(text, m.start, s))
               and not _REPELLED.search(text, max(s, m.start - 40), m.start)), None)  # "an attack, which was repelled by X"
    between = next((m for m in after if _BETWEEN.search(text[max(s, m.start - 40):m.start])), None)
    if by:
        actor1 = by
        actor2 = before[-1] if before else next((m for m in after if m is not by), None)
    elif between:
        actor1 = between
        sides = [m for m in after if m.start > between.end and m.key != "generic:civilians"]
        against = next((m for m in sides if _AGAINST.search(text, between.end, m.start)), None)  # "between A and B against C"
        actor2 = against or next((m for m in sides if not _assoc_of(text, between, m, _ALLY)), None)
        if actor2 is None and not _OTHER_SIDE.match(text, between.end):
            actor2 = between  # "between two families", "among QSD members": one actor on both sides
    else:
        acting = [m for m in before if m.key != "generic:civilians"] or before  # "gunmen in a civilian car fired"
        actor1 = _head_of_chain(text, acting) if acting else None
        actor2 = _other_side(actor1, [m for m in after if actor1 is None or not _assoc_of(text, actor1, m)], resources)
        if len(acting) > 1 and roles.subject_acts(text, trigger.start, trigger.text, s):  # "A hit B, killing …"
            actor1 = acting[0]
            actor2 = _other_side(actor1, [m for m in acting[1:] + after if not _assoc_of(text, actor1, m)], resources)
        if actor2 is None and actor1 is not None and _RECIPROCAL.search(text, before[-1].end, trigger.end):  # "A and B clashed"
            actor2 = next((m for m in before if m.start > actor1.end and not _assoc_of(text, actor1, m, _ALLY)), None)
        if actor1 is not None and actor2 is not None and _REPELLED.search(text, trigger.start, actor2.start):
            actor1, actor2 = actor2, actor1  # "A repelled B's attack": B attacked
        if actor1 is None and after and trigger.sub_event_type in _BLASTS and roles.harmed(text, after[0].start):
            actor2 = after[0]  # "a blast struck al-Dumayr, killing 14 fighters from Jaysh al-Islam": no bomber named
        elif actor1 is None and after:
            actor1, actor2 = after[0], next((m for m in after[1:] if not _assoc_of(text, after[0], m)), None)
    if actor1 is not None and actor2 is None:  # "shelled buildings occupied by IS": the holder is the target
        actor2 = next((m for m in holders if m.start > trigger.start), None)
    result: list[Actor] = []
    for role, m in (("actor1", actor1), ("actor2", actor2)):
        if m is None:
            continue
        actor = _to_actor(m, role, ctx, resources)
        if actor:
            result.append(actor)
    for role, head in (("assoc_actor_1", actor1), ("assoc_actor_2", actor2)):
        if head is None:
            continue
        assoc = next((m for m in inside if m is not head and m is not actor1 and m is not actor2 and _assoc_of(text, head, m)), None)
        if assoc:
            a = _to_actor(assoc, role, ctx, resources)
            if a and all(a.name != r.name for r in result):
                result.append(a)
    return result


def _umbrellas(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """ "JWS, which operates under OPS" and "gunmen believed to be IS" name one actor, the umbrella or the one
    identified, and "the regime's 4th Armored Division" one unit of the state's forces; the pair becomes a single
    mention carrying the second one's key. "JNIM and/or ISGS militants" is one actor too, as ACLED names it: either
    group (`actors.either_key`)."""
    out: list[_Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        gap = text[prev.end:m.start] if prev is not None else ""
        if prev is not None and m.start - prev.end < 60 and (_UMBRELLA.match(gap) or _unit_of(prev, m, gap)):
            out[-1] = _Mention(prev.start, m.end, text[prev.start:m.end], m.key)
        elif prev is not None and _bracketed_umbrella(text, prev, m, gap):
            end = _CLOSE_BRACKET.match(text, m.end).end()
            out[-1] = _Mention(prev.start, end, text[prev.start:end], m.key)
        elif prev is not None and prev.key == "generic:unidentified" and m.key.startswith("group:") \
                and _MEMBERS_OF.match(gap):
            out[-1] = _Mention(prev.start, m.end, text[prev.start:m.end], m.key)  # "militants of the Islamic State"
        elif prev is not None and m.key.startswith("generic:") and _names_the_noun(text, prev, gap):
            out[-1] = _Mention(prev.start, m.end, text[prev.start:m.end], prev.key)  # "... (JNIM) militants"
        elif prev is not None and _EITHER.match(gap) and prev.key.startswith("group:") and m.key.startswith("group:") \
                and prev.key != m.key:
            out[-1] = _Mention(prev.start, m.end, text[prev.start:m.end], either_key(prev.key, m.key))
        else:
            out.append(m)
    return out


_OPEN_BRACKET = re.compile(r"^\s*\(\s*$")
_CLOSE_BRACKET = re.compile(r"\s*\)")
_CLOSED_GAP = re.compile(r"\s*\)\s*")


def _names_the_noun(text: str, group: _Mention, gap: str) -> bool:
    """A bracketed group right before a common noun says who the noun is: "Ansaroul Islam (JNIM) militants", also
    where no table has the name before the bracket ("Katiba Dakla (JNIM) militants")."""
    if text[group.end - 1:group.end] == ")" and not gap.strip():
        return True
    return bool(_CLOSED_GAP.fullmatch(gap)) and group.key.startswith("group:") and \
        text[:group.start].rstrip().endswith("(")


def _bracketed_umbrella(text: str, group: _Mention, umbrella: _Mention, gap: str) -> bool:
    """ "Ansaroul Islam (JNIM) militants", "Katiba Macina (JNIM)": the group in brackets after another is the
    coalition it belongs to, which ACLED codes; the same group's abbreviation ("Hayat Tahrir al-Sham (HTS)") is
    one mention either way."""
    return bool(_OPEN_BRACKET.match(gap) and _CLOSE_BRACKET.match(text, umbrella.end)) and \
        group.key.startswith("group:") and umbrella.key.startswith("group:") and group.key != umbrella.key


def _unit_of(state: _Mention, unit: _Mention, gap: str) -> bool:
    return state.key.partition(":")[0] in ("military", "police") and unit.key.startswith("group:") and bool(_UNIT_OF.match(gap))


def _head_of_chain(text: str, before: list[_Mention]) -> _Mention:
    """In "YPG and rebels of Burkan al-Furat regained…", the first of an assoc chain acts."""
    head = before[-1]
    for m in reversed(before[:-1]):
        if _assoc_of(text, m, head):
            head = m
    return head


def _assoc_of(text: str, head: _Mention, other: _Mention, joiner: re.Pattern[str] = _ASSOC) -> bool:
    if other.start < head.end:
        return False
    return bool(joiner.match(text[head.end:other.start])) and other.start - head.end < 40


def _to_actor(m: _Mention, role: str, ctx: ArticleContext, resources) -> Actor | None:
    source = m
    if m.key == "ref:group":
        if ctx.last_group is None:
            return None
        source = ctx.last_group
    name = resources.resolve_actor(source.key, source.text, ctx.country, ctx.article.published)
    if name is None:
        return None
    return Actor(text=m.text, name=name.name, role=role, inter=name.inter, evidence=[Span(start=m.start, end=m.end)])  # type: ignore[arg-type]


_VICTIM_BEFORE = re.compile(r"\b(?:bod(?:y|ies)|remains|corpses?)\s+of\s+(?:[\w'-]+\s+){0,4}$", re.I)
_VICTIM_AFTER = re.compile(r"\W*(?:[\w'-]+\s+){0,3}(?:was|were|had been|has been|have been)\s+(?:\w+\s+){0,2}?"
                           r"(?:found|killed|shot|assassinated|executed|wounded|injured|kidnapped|abducted|targeted)\b", re.I)
_CROWDS = {5, 6, 7}  # inter codes of rioters, protesters and civilians: ACLED names them by the event's type
_ARMED = {1, 2, 3, 4, 8}  # inter codes of state forces, rebels, political and identity militias, external forces


def _armed_target(d: _Draft, text: str) -> None:
    """An attack is on civilians: ACLED's "Attack" has civilians as actor2 in all 1,965 train rows, its armed
    clashes never (0 of 10,424).  An attack whose sentence has armed people as the object of its harm verb
    ("militants shot dead a policeman", "ISGS killed two JNIM fighters") or the subject of its passive ("a state
    police patrol was shot by armed individuals") is an armed clash; not an unidentified group, which is as often
    the perpetrator of a passive ("a man was shot by armed men")."""
    if d.sub_event_type != "Attack":
        return
    for a in d.actors:
        if a.role == "actor2" and a.inter in _ARMED and a.evidence and not a.name.startswith("Unidentified") \
                and (roles.harmed(text, a.evidence[0].start) or _VICTIM_AFTER.match(text, a.evidence[0].end)):
            d.sub_event_type = "Armed clash"
            return


def _crowd_fight(d: _Draft, text: str, resources) -> None:
    """Civilians are no side of a battle (no train row of ACLED's battles has one): a clash whose sentence names
    people before its word, not as its victims, and no armed group but state forces ("residents clashed with
    police", "citizens attacked police officers") is a crowd's violence, a riot (Mob violence, its crowd
    "Rioters")."""
    s, e = d.sentence
    if d.sub_event_type != "Armed clash" or not s <= d.trigger.start < e:
        return
    found = resources.find_actors(text[s:e], s)
    people = any(key == "generic:civilians" and b <= d.trigger.start and not _VICTIM_AFTER.match(text, b)
                 for _, b, key in found)  # not "a civilian was killed when soldiers clashed with …"
    if people and all(key == "generic:civilians" or key.startswith(("military:", "police:")) for _, _, key in found):
        d.sub_event_type = "Mob violence"


_ACTS = {"Arrests": "arrest", "Abduction/forced disappearance": "abduction"}  # coded by who does them to whom


def _act_code(d: _Draft, resources) -> None:
    """ACLED codes an arrest or an abduction by who did it to whom (mined, `actors.act_code`): its "Arrests" are made
    by state forces and kill no one (147 of 152 train rows by inter 1, none with a death), so "HTS arrested an IS
    cell" is an armed clash and "soldiers arrested and executed 31 villagers" an attack; an abduction of armed men
    is a clash ("two soldiers were kidnapped by an unknown armed group"), one that kills is the killing (of 162
    train notes that tell an abduction and a death, 94 are attacks, 62 armed clashes, none an abduction)."""
    act = _ACTS.get(d.sub_event_type)
    if act is None:
        return
    inter = {a.role: a.inter or 0 for a in d.actors}
    killed = d.fatalities is not None and bool(d.fatalities.best)
    code = resources.act_code(act, inter.get("actor1", 0), inter.get("actor2", 0), killed)
    if code is not None:
        d.sub_event_type = code


_VAC = "Violence against civilians"


def _generic_roles(d: _Draft, text: str, ctx: ArticleContext, resources) -> None:
    """ACLED fills some roles by event type, whoever the sentence names: a protest's actor1 is "Protesters
    (<country>)" (the named group goes to assoc_actor_1, police who intervened to actor2, a peaceful one has no
    actor2), a riot's is "Rioters (<country>)", violence against civilians has "Civilians (<country>)" as actor2
    and an unidentified group as actor1 when no perpetrator is named. Runs on the final (classified) sub-type."""
    country = _event_country(d, ctx)
    event_type = SUBTYPE_TO_TYPE[d.sub_event_type]
    d.actors = [_of_nationality(a, text, resources) for a in d.actors]
    named = [a for a in d.actors if a.inter not in _CROWDS]
    main = [a for a in named if a.role in ("actor1", "actor2")]
    victim = _VICTIMS.search(text, *d.sentence)
    if event_type in ("Protests", "Riots"):
        crowd = _generic(resources, "protesters" if event_type == "Protests" else "rioters", country, d.trigger)
        state = next((a for a in main if a.inter == 1), None)
        others = [a for a in main if a is not state]
        actor2 = None if d.sub_event_type == "Peaceful protest" else state
        if actor2 is None and event_type == "Riots" and (victim or d.sub_event_type == "Mob violence"):
            actor2 = _generic(resources, "civilians", country, d.trigger, victim)
        assoc = [a for a in named if a.role.startswith("assoc")] or others[:1]
        d.actors = _roles(crowd, actor2, assoc)
    elif event_type == _VAC:
        doers = [a for a in main if not _is_victim(text, a)]  # "50 IS Terrorists Killed" names no perpetrator
        actor1 = next((a for a in doers if a.role == "actor1"), None) or (doers[0] if doers else None)
        actor1 = actor1 or _generic(resources, "unidentified", country, d.trigger)
        civilians = _of_nationality(_generic(resources, "civilians", country, d.trigger, victim), text, resources)
        d.actors = _roles(actor1, civilians, [a for a in named if a.role == "assoc_actor_1"])
    elif event_type in ("Battles", "Explosions/Remote violence") and len(main) == 1 and _is_victim(text, main[0]):
        d.actors = _roles(_generic(resources, "unidentified", country, d.trigger), main[0], [])
    elif event_type == "Battles" and len(main) == 2 and [_is_victim(text, a) for a in main] == [True, False] \
            and main[0].role == "actor1":  # "a QDW member's body was found, killed by unknown gunmen"
        swap = {"actor1": "actor2", "actor2": "actor1", "assoc_actor_1": "assoc_actor_2", "assoc_actor_2": "assoc_actor_1"}
        d.actors = [a.model_copy(update={"role": swap.get(a.role, a.role)}) for a in d.actors]
    elif event_type == "Explosions/Remote violence" and d.sub_event_type != "Air/drone strike" \
            and {a.role for a in d.actors} & {"actor1", "actor2"} == {"actor2"}:
        # "an IED exploded targeting a QSD vehicle": ACLED names the bomber no source names an unidentified group
        d.actors = [_generic(resources, "unidentified", country, d.trigger), *d.actors]
    elif event_type != "Battles" and (victim or resources.targets_civilians(d.sub_event_type)) \
            and "actor2" not in {a.role for a in d.actors} and not _civilians_act(d):
        civilians = _generic(resources, "civilians", country, d.trigger, victim).model_copy(update={"role": "actor2"})
        d.actors.append(_of_nationality(civilians, text, resources))
    _civilians_are_victims(d, event_type, country, resources)


def _air_force_named(d: _Draft, text: str, ctx: ArticleContext, resources) -> None:
    """An air strike whose sentence names no perpetrator ("airstrikes on a rebel-held village killed 12"): ACLED
    names whose aircraft they were, which news says elsewhere in the article ("jets thought to belong to the Syrian
    government"); the nearest such mention before the sentence, else the first after it; else, as ACLED codes
    aircraft of unknown origin, "Unidentified Military Forces" rather than an armed group (data/actors/air_forces.json)."""
    if d.sub_event_type != "Air/drone strike":
        return
    s, e = d.sentence
    i = next((i for i, a in enumerate(d.actors) if a.role == "actor1"), None)
    country = _event_country(d, ctx)
    if i is not None and d.actors[i].name != resources.generic_actor("unidentified", country).name:
        return
    if i is None:  # "Airstrikes kill seven": nobody named at all
        d.actors.insert(0, _generic(resources, "unidentified", country, d.trigger))
        i = 0
    earlier = [m for m in ctx.air_forces if m.end <= s]
    flown = earlier[-1] if earlier else next((m for m in ctx.air_forces if m.start >= e), None)
    name = resources.resolve_actor(flown.key, flown.text, country, ctx.article.published) if flown else None
    if name is not None:
        name = resources.coded_name(name.name, d.sub_event_type) or name
        actor = Actor(text=flown.text, name=name.name, role="actor1", inter=name.inter, evidence=[Span(start=flown.start, end=flown.end)])  # type: ignore[arg-type]
    else:
        unknown, inter = roles.unknown_air_force()
        actor = d.actors[i].model_copy(update={"name": unknown, "inter": inter})
    d.actors[i] = actor


_RETOLD_WITHIN = 3  # drafts apart: a headline's event is retold in the lead's first sentences
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def _retold_perpetrators(drafts: list[_Draft], text: str) -> None:
    """News tells an event first without its perpetrator ("20 civilians killed in car bomb attack in Deir Ezzor")
    and names it when it retells it ("a car bomb attack carried out by IS"); the two sentences often differ in
    sub-type, so they stay two events. An unidentified actor1 takes the named actor1 of the nearest violent event
    a few drafts away whose death toll does not disagree; an unknown air force only a state's or the coalition's."""
    for i, d in enumerate(drafts):
        a1 = next((a for a in d.actors if a.role == "actor1"), None)
        if d.kind != "event" or a1 is None or not a1.name.startswith("Unidentified") or SUBTYPE_TO_TYPE[d.sub_event_type] not in _VIOLENT:
            continue
        near = sorted((j for j in range(len(drafts)) if j != i and abs(j - i) <= _RETOLD_WITHIN), key=lambda j: (abs(j - i), j < i))
        donor = next((a for j in near if (a := _perpetrator_of(drafts[j], d, a1, text)) is not None), None)
        if donor is not None:
            d.actors[d.actors.index(a1)] = donor.model_copy(update={"role": "actor1"})


def _perpetrator_of(other: _Draft, d: _Draft, unknown: Actor, text: str) -> Actor | None:
    """`other`'s actor1 where it can be the one `d` leaves unidentified: named, not a crowd, not `d`'s victim nor
    named in `d`'s sentence (there it is no doer), in a violent event whose toll agrees; for aircraft, a state's."""
    donor = next((a for a in other.actors if a.role == "actor1"), None)
    if donor is None or donor.name.startswith("Unidentified") or donor.inter in _CROWDS:
        return None
    if donor.name in {a.name for a in d.actors if a.role == "actor2"} or donor.text.lower() in text[d.sentence[0]:d.sentence[1]].lower():
        return None
    if other.kind != "event" or SUBTYPE_TO_TYPE[other.sub_event_type] not in _VIOLENT or not _tolls_agree(d, other):
        return None
    return None if unknown.inter == 8 and donor.inter not in (1, 8) else donor  # "Unidentified Military Forces"


def _tolls_agree(a: _Draft, b: _Draft) -> bool:
    fa, fb = getattr(a.fatalities, "best", None), getattr(b.fatalities, "best", None)
    return not fa or not fb or abs(fa - fb) <= max(2, 0.5 * max(fa, fb))


def _civilians_are_victims(d: _Draft, event_type: str, country: str | None, resources) -> None:
    """In battles and explosions ACLED never makes civilians actor1 (0 of 10,556 train rows): civilians named
    first ("2 children were injured in a blast") are the victims of an unidentified or the other actor."""
    first = next((a for a in d.actors if a.role == "actor1"), None)
    if event_type not in ("Battles", "Explosions/Remote violence") or first is None or first.inter != 7:
        return
    other = next((a for a in d.actors if a.role == "actor2" and a.inter != 7), None)  # not "children … people"
    attacker = other or _generic(resources, "unidentified", country, d.trigger)
    d.actors = _roles(attacker, first, [])


def _coded_names(d: _Draft, ctx: ArticleContext, resources) -> None:
    """Names that depend on the event's place and, for actor1/actor2, on its sub-type (the unit ACLED codes state
    forces under, or the actor an associate stands beside)."""
    where = d.location or d.fallback
    country = _event_country(d, ctx)
    named = {a.name for a in d.actors}
    for i, a in enumerate(d.actors):
        for renamed in (_local_actor(a, where, country, ctx, resources),
                        resources.coded_name(a.name, d.sub_event_type) if a.role in ("actor1", "actor2") else None):
            if renamed is not None and not _alone(a, renamed, named):
                a = a.model_copy(update={"name": renamed.name, "inter": renamed.inter})
        d.actors[i] = a


def _alone(a: Actor, stand_in: ActorName, named: set[str]) -> bool:
    """A non-state actor ACLED lists as a state's associate keeps its own name when the sentence names no such
    state force: "loyalist militias engaged in a firefight" is "Militia (Pro-Government)" (52 of 66 train rows
    that name pro-regime militias but no regime forces), "regime forces and pro-regime militias" the regime's."""
    return a.inter != 1 and stand_in.inter == 1 and stand_in.name not in named


def _side_leaders(d: _Draft, resources) -> None:
    """Of two actors on one side, ACLED makes one the actor and the other its associate by habit, not by who the
    sentence names first ("Turkish forces supported by JWS operating under OPS" -> Operation Peace Spring)."""
    for main_role, assoc_role in (("actor1", "assoc_actor_1"), ("actor2", "assoc_actor_2")):
        main = next((i for i, a in enumerate(d.actors) if a.role == main_role), None)
        assoc = next((i for i, a in enumerate(d.actors) if a.role == assoc_role), None)
        if main is not None and assoc is not None and resources.leads(d.actors[assoc].name, d.actors[main].name):
            d.actors[main] = d.actors[main].model_copy(update={"role": assoc_role})
            d.actors[assoc] = d.actors[assoc].model_copy(update={"role": main_role})


def _unidentified_named(d: _Draft, text: str, ctx: ArticleContext, resources) -> None:
    """Where a country has more than one name for unknown perpetrators, the sentence's words choose it ("a
    drive-by shooting" in Mexico: "Unidentified Gang (Mexico)")."""
    country = _event_country(d, ctx)
    default = resources.generic_actor("unidentified", country).name
    chosen = None
    for i, a in enumerate(d.actors):
        if a.name == default:
            chosen = chosen or resources.unidentified_for(country, text[d.sentence[0]:d.sentence[1]])
            if chosen is None:
                return
            d.actors[i] = a.model_copy(update={"name": chosen.name, "inter": chosen.inter})


def _regional_crowds(d: _Draft, ctx: ArticleContext, resources) -> None:
    """Protesters, rioters and civilians of a province ACLED names apart ("Protesters (Northern Ireland)")."""
    where = d.location or d.fallback
    if where is None:
        return
    for i, a in enumerate(d.actors):
        renamed = resources.regional_name(a.name, _event_country(d, ctx), where.admin1) if a.inter in _CROWDS else None
        if renamed:
            d.actors[i] = a.model_copy(update={"name": renamed})


def _local_actor(a: Actor, where: Location | None, country: str | None, ctx: ArticleContext, resources):
    """The name an actor takes at the event's place: a communal militia named after it ("Tafas Communal Militia
    (Syria)"), Turkish-backed factions in the Peace Spring provinces ("Operation Peace Spring"); else None."""
    if where is None:
        return None
    if a.name == resources.generic_actor("communal", country).name and where.country == country:
        return resources.communal_actor(country, {"location": where.name, "admin1": where.admin1, "admin2": where.admin2})
    if where.admin1:
        return resources.area_actor(a.name, where.country, where.admin1, ctx.article.published)
    return None


def _is_victim(text: str, actor: Actor) -> bool:
    """ "the bodies of 2 QSD members were found", "a commander in the Hamza Division was assassinated", "50 IS
    Terrorists Killed in Kobani": the only group named is the one attacked; ACLED codes the unknown attackers as
    actor1."""
    if not actor.evidence:
        return False
    span = actor.evidence[0]
    return bool(_VICTIM_BEFORE.search(text[max(0, span.start - 60):span.start]) or _VICTIM_AFTER.match(text, span.end)
                or roles.killed_unnamed(text, span.end))


_FROM_COUNTRY = re.compile(r"\s+from\s+((?:the\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)")
_NATIONALITY = re.compile(r"([A-Z][\w'-]+)\s+$")


def _of_nationality(a: Actor, text: str, resources) -> Actor:
    """Civilians are named for their own country where the sentence gives it ("refugees from Ukraine arrived in
    Slovakia", "Afghan migrants were detained"): "Civilians (Ukraine)"."""
    if a.inter != 7 or not a.evidence:
        return a
    span = a.evidence[0]
    said = _FROM_COUNTRY.match(text, span.end) or _NATIONALITY.search(text, max(0, span.start - 25), span.start)
    country = resources.gazetteer.country(said.group(1)) if said else None
    if not country:
        return a
    name = resources.generic_actor("civilians", country)
    return a.model_copy(update={"name": name.name, "inter": name.inter})


def _civilians_act(d: _Draft) -> bool:
    """ "refugees from Ukraine arrived": the civilians are the actor, not also its victims."""
    return any(a.role == "actor1" and a.inter == 7 for a in d.actors)


def _event_country(d: _Draft, ctx: ArticleContext) -> str | None:
    """Generic actors carry the country the named ones were resolved for (`_actor_country`)."""
    return d.actor_country or ctx.country


def _actor_country(where: Location | None, ctx: ArticleContext, mentions: list[_Mention], resources) -> str | None:
    """Actors are named for the country the event happened in. Groups that fight in one country only (QSD, the
    Syrian regime; mined, homes.json) say which country that is more surely than a place name, which may be a
    namesake town abroad ("Nawa" read as Naha, Japan); without them, the event's place, else the article's."""
    homes = {resources.home_country(m.key, m.text, ctx.article.published) for m in mentions if not m.key.startswith("ref:")}
    homes.discard(None)
    if len(homes) == 1:
        return homes.pop()
    return where.country if where is not None and where.country else ctx.country


def _generic(resources, kind: str, country: str | None, trigger: Trigger, seen: re.Match[str] | None = None) -> Actor:
    """A generic actor; its evidence is the phrase that names it, else the event's trigger."""
    name = resources.generic_actor(kind, country)
    span = Span(start=seen.start(), end=seen.end()) if seen else Span(start=trigger.start, end=trigger.end)
    return Actor(text=seen.group() if seen else trigger.text, name=name.name, role="actor1", inter=name.inter, evidence=[span])


def _roles(actor1: Actor, actor2: Actor | None, assoc: list[Actor]) -> list[Actor]:
    """actor1, actor2 and actor1's first associate, in that order and with those roles."""
    out = [actor1.model_copy(update={"role": "actor1"})]
    if actor2 is not None:
        out.append(actor2.model_copy(update={"role": "actor2"}))
    out += [a.model_copy(update={"role": "assoc_actor_1"}) for a in assoc if a.name not in {o.name for o in out}][:1]
    return out


def _assign_location(text, cs, ce, s, e, trigger, place_mentions, ctx) -> Location | None:
    """The clause's best place, else the sentence's, else "the city" or the last town named before."""
    inside = [p for p in place_mentions if cs <= p.start < ce] or place_mentions
    chosen = places.choose_location(inside, trigger.start)
    if chosen is not None:
        return places.location_from_mention(chosen)
    ref = places.city_reference(text, cs, ce) or places.city_reference(text, s, e)
    if ref and ctx.last_town is not None:
        loc = places.location_from_mention(ctx.last_town)
        near = re.search(r"(?:outskirts|near|outside|around|vicinity)\W+(?:\w+\W+){0,3}$", text[max(s, ref.start() - 30):ref.start()], re.I)
        return loc.model_copy(update={"evidence": loc.evidence + [Span(start=ref.start(), end=ref.end())],
                                      "geo_precision": GeoPrecision.NEAR if near else loc.geo_precision})
    return None


def _assign_time(cs, ce, times, ctx, trigger) -> tuple[TimeSpan | None, bool]:
    """The time stated nearest the trigger in its clause, else in its sentence; else none yet (inherited later)."""
    if not times:
        return None, False
    in_clause = [t for t in times if cs <= t.start < ce]
    pool = in_clause or times
    nearest = min(pool, key=lambda t: abs(t.start - trigger.start))
    return nearest.time, True


def _continued(drafts: list[_Draft], text: str, s: int, e: int, times, place_mentions, mentions) -> _Draft | None:
    """The event of the sentence's paragraph that the sentence only elaborates (see continuation.py), nearest first:
    "Two days of clashes ... resulted in ..." refers back to the clashes past a capture told in between."""
    agents = [(m.start, m.end) for m in mentions]
    for d in reversed(drafts):
        if d.sentence[1] > s or not _same_paragraph(text, d.sentence[1], s):
            return None
        if d.candidate or d.kind != "event":
            continue
        if place_mentions and (d.location is None or not d.location.admin1):
            continue  # it tells where an event placed no finer than its country was: read it (it may join the event)
        if continues_event(text, s, e, (d.sentence[0], s), d.time if d.time_stated else None, times,
                           place_mentions, agents):
            return d
    return None


def _retype_by_reference(d: _Draft, text: str, s: int, e: int) -> None:
    """A continuation that names the event's kind ("During the clashes, ...") says which of its sentence's event
    words is the event ("clashes took place ... amid airstrikes" is the clashes): that trigger leads the draft. But
    a change of hands outranks the fighting that led to it ("captured X following clashes ... Clashes were
    accompanied by shelling" is the capture, as ACLED codes it)."""
    stems = named_kind(text, s, e)
    if not stems or any(st in d.trigger.text.lower() for st in stems) or d.trigger.sub_event_type == TERRITORY:
        return
    own = [t for t in find_triggers(text, *d.sentence) if t.sub_event_type not in (DEFECTION, TERRITORY)]
    named = [t for t in own if any(st in t.text.lower() for st in stems) and t.strength >= 0.5]
    if named:
        d.trigger, d.sub_event_type = named[0], named[0].sub_event_type
        d.confidence = max(d.confidence, named[0].strength)


def _attach_trailing(draft: _Draft, text: str, s: int, e: int) -> None:
    draft.evidence.append(Span(start=s, end=e))
    if draft.fatalities is None:
        draft.fatalities = args.find_fatalities(text, s, e)
    if draft.attribution is None:
        draft.attribution = args.find_attribution(text, s, e)


_UNIDENTIFIED = "Unidentified "
_EXPLOSIVE = "Remote explosive/landmine/IED"


def _doer_told_after(draft: _Draft, text: str, s: int, mentions: list[_Mention], ctx: ArticleContext,
                     resources) -> None:
    """ "… killed by the explosion of an IED. The device was likely planted by JNIM militants.": a sentence after the
    event that names the doer of a passive gives the event its actor1 where it had none or only an unidentified
    one; an explosive's doer is who planted it, so an actor1 it had (the army whose vehicle struck the IED) is the
    one acted on."""
    doer = next((m for m in mentions if _PASSIVE_BY.search(text, max(s, m.start - 40), m.start)
                 or roles.agent_of_passive(text, m.start, s)), None)
    if doer is None or draft.kind != "event" or (actor := _to_actor(doer, "actor1", ctx, resources)) is None:
        return
    first = next((a for a in draft.actors if a.role == "actor1"), None)
    if first is not None and first.name == actor.name:
        return
    if first is None or first.name.startswith(_UNIDENTIFIED):
        draft.actors = [actor] + [a for a in draft.actors if a is not first]
    elif draft.sub_event_type == _EXPLOSIVE and not any(a.role == "actor2" for a in draft.actors):
        draft.actors = [actor] + [a.model_copy(update={"role": "actor2"}) if a is first else a for a in draft.actors]


def _merge_within(drafts: list[_Draft]) -> list[_Draft]:
    """Sentences that retell an event already found (same sub-type, no conflicting time or place) join it."""
    merged: list[_Draft] = []
    for d in drafts:
        twin = next((m for m in merged if _same_event(m, d)), None)
        if twin is None:
            merged.append(d)
            continue
        twin.evidence += d.evidence
        if twin.location is None and d.location is not None:
            twin.location = d.location
        if twin.fatalities is None and d.fatalities is not None:
            twin.fatalities = d.fatalities
        if not twin.time_stated and d.time_stated:
            twin.time, twin.time_stated = d.time, True
        names = {a.name for a in twin.actors}
        twin.actors += [a for a in d.actors if a.name not in names and a.role not in {x.role for x in twin.actors}]
    return merged


def _same_event(a: _Draft, b: _Draft) -> bool:
    if a.kind != b.kind or a.kind == "defection" or a.sub_event_type != b.sub_event_type:
        return False
    if a.time_stated and b.time_stated and a.time and b.time and (a.time.start, a.time.end) != (b.time.start, b.time.end):
        return False
    if a.location and b.location and a.location.name != b.location.name:
        return False
    a1 = {x.name for x in a.actors if x.role == "actor1"}
    b1 = {x.name for x in b.actors if x.role == "actor1"}
    return not (a1 and b1 and not a1 & b1)


def _paragraph_fatalities(drafts: list[_Draft], text: str, sentences: list[tuple[int, int]]) -> list[_Draft]:
    """Deaths told for a paragraph as a whole: a sentence that only gives the toll joins the event before it, and
    the coder's total ("Total fatalities coded to 23", with its per-place split) speaks for the paragraph's event."""
    paragraphs: dict[int, list[_Draft]] = {}
    for d in drafts:
        if d.kind == "event":
            paragraphs.setdefault(text.rfind("\n", 0, d.sentence[0]) + 1, []).append(d)
    folded: set[int] = set()
    for p_start, group in paragraphs.items():
        p_end = text.find("\n", group[-1].sentence[1])
        folded |= _fold_tolls(group, text, sentences)
        _coder_total(group, text, p_start, len(text) if p_end < 0 else p_end)
    return [d for d in drafts if id(d) not in folded]


def _fold_tolls(group: list[_Draft], text: str, sentences: list[tuple[int, int]]) -> set[int]:
    """ "Clashes took place … . 3 QSD fighters were killed in the clash.": the toll is the first event's. The toll's
    own draft is dropped when it is the same type of event (a retelling); another type keeps its count."""
    main, folded = group[0], set()
    for d in group[1:]:
        if main.fatalities is None and d.fatalities is not None and d.fatalities.evidence and \
                args.casualty_report(text, *_sentence_at(sentences, d.fatalities.evidence[0].start, d.sentence)):
            main.fatalities = d.fatalities
            if SUBTYPE_TO_TYPE.get(d.sub_event_type) == SUBTYPE_TO_TYPE.get(main.sub_event_type):
                main.evidence = main.evidence + d.evidence
                folded.add(id(d))
    return folded


def _sentence_at(sentences: list[tuple[int, int]], pos: int, default: tuple[int, int]) -> tuple[int, int]:
    """The sentence holding `pos` (a draft's deaths may come from a sentence merged into it)."""
    return next(((s, e) for s, e in sentences if s <= pos < e), default)


def _coder_total(group: list[_Draft], text: str, p_start: int, p_end: int) -> None:
    """The paragraph's total goes to its first event; a split note gives each event the share of its place, or
    the share of the place the note leads with (the note is written for that place's event)."""
    main = group[0]
    explicit = args.explicit_fatalities(text, p_start, p_end)
    total = explicit or main.fatalities
    if total is None:
        return
    split = args.find_split(text, p_start, p_end, total.best)
    for d in group:
        share = split.share_for(_place_names(d)) if split is not None else None
        if share is not None:
            d.fatalities = total.model_copy(update={"best": share, "low": share, "high": share})
        elif d is main and explicit is not None:
            d.fatalities = explicit


_DEATHLESS = ("Peaceful protest", "Protest with intervention")


def _protest_fatalities(drafts: list[_Draft]) -> None:
    """A protest kills no one by ACLED's definition (deaths at the hands of the police make it "Excessive force
    against protesters"; none of 4,056 train rows of these two sub-types has one): deaths its note tells are what
    people protest about ("demanded justice for a man who was killed last month"), so the event codes none."""
    for d in drafts:
        if d.kind == "event" and d.sub_event_type in _DEATHLESS and d.fatalities is not None and d.fatalities.best:
            d.fatalities = None


def _place_names(d: _Draft) -> list[str]:
    return [x for x in (d.location.name, d.location.text) if x] if d.location else []


def _classifier_text(text: str, d: _Draft, drafts: list[_Draft]) -> str:
    """The paragraph when this is its only event (the model was trained on whole ACLED notes), else the sentence;
    a candidate is judged on its own sentence."""
    s, e = d.sentence
    if d.candidate or e - s > 2 * _WINDOW:
        return _window(text, s, e, d.trigger)
    p_start = text.rfind("\n", 0, s) + 1
    p_end = text.find("\n", e)
    p_end = len(text) if p_end < 0 else p_end
    alone = all(o is d or not (p_start <= o.sentence[0] < p_end) for o in drafts)
    return text[p_start:p_end] if alone else text[s:e]


_WINDOW = 160  # characters each side of the trigger: ~64 tokens, what the event is told in


def _window(text: str, s: int, e: int, trigger: Trigger) -> str:
    """The words around the trigger in a long sentence (flattened news runs on for hundreds of words)."""
    a, b = max(s, trigger.start - _WINDOW), min(e, trigger.end + _WINDOW)
    if a > s:
        a = text.find(" ", a, trigger.start) + 1 or a
    if b < e:
        cut = text.rfind(" ", trigger.end, b)
        b = cut if cut > 0 else b
    return text[a:b]


def classify_drafts(batch: list[Drafted], classify: Classify) -> None:
    """The learned models decide the sub-type where the rule is not sure of it, whether a candidate sentence
    reports an event at all, and (the mode head, where a cue asks) whether a hypothetical trigger is a report after
    all and whether an event is history retold; one call for all of `batch`, each text encoded once."""
    jobs = [job for item in batch for d in item.drafts for job in _jobs(d, item)]
    if not jobs:
        return
    typings = classify([j.text for j in jobs], [j.draft.candidate or j.draft.hypothetical for j in jobs],
                       [j.typed and j.draft.confidence < CONSULT_BELOW for j in jobs], [j.mode for j in jobs])
    for job, typing in zip(jobs, typings):
        if job.mode:
            _apply_mode(job.draft, typing.modes or {}, typing.event)
        if job.typed:
            _apply_typing(job.draft, typing)


@dataclass
class _Job:
    draft: _Draft
    text: str
    typed: bool  # the sub-type (and, for a candidate, the event probability) is asked
    mode: bool  # the mode head is asked


def _jobs(d: _Draft, item: Drafted) -> list[_Job]:
    if d.kind != "event":
        return []
    text = item.article.text
    typed = d.confidence < 0.9 or d.candidate
    window = _window(text, *d.sentence, d.trigger)
    if d.hypothetical:
        return [_Job(d, window, typed, True)]
    asks_history = history_cue(window, item.article.published) and not _is_background(d.time, item.article.published)
    jobs = [_Job(d, _classifier_text(text, d, item.drafts), typed, False)] if typed else []
    if asks_history and jobs and jobs[0].text == window:
        jobs[0].mode = True
    elif asks_history:
        jobs.append(_Job(d, window, False, True))
    return jobs


def _apply_mode(d: _Draft, modes: dict[str, float], event: float | None) -> None:
    if d.hypothetical and keeps_held(modes, event, EVENT_THRESHOLD, d.cued):  # "Gunmen who had vowed revenge shot …"
        d.hypothetical, d.learned = False, True
    if not d.hypothetical and is_history(modes):
        d.history = True


# A model's sub-type of the rule's event type replaces the rule's whatever its probability ("clashes" read as the
# capture they were), but not within strategic developments: a ceasefire, an arrest, a seized cache and a merger
# share the type and nothing else, so there the model must be surer than a firm rule word
_UNRELATED_KIN = "Strategic developments"
_FIRM_WORD = 0.6  # a rule word weaker than this ("displaced", "curfew": Other at 0.5) defers to the model even there


def _apply_typing(d: _Draft, typing: "Typing") -> None:
    p = typing.subtypes
    if d.candidate:
        if typing.event is None or typing.event < EVENT_THRESHOLD or not p:
            return
        d.candidate, d.learned = False, True  # a cue's draft has confidence 0: the model names it
    if not d.changes_hands:  # "fought rebels near Khan Sheikhoun": no word of the sentence says anyone took it
        p = {k: v for k, v in p.items() if k not in _TERRITORY_TYPES}
    if d.aggrieved_protest:  # "protested against the unjust arrest of": what they protest about did not happen to
        # them; dispersal, arrests, shots or stones would be triggers of their own
        p = {k: v for k, v in p.items() if k not in _NOT_PEACEFUL}
    if not p:
        return
    best = max(p, key=p.get)
    kin = SUBTYPE_TO_TYPE.get(best) == SUBTYPE_TO_TYPE.get(d.sub_event_type) and (
        SUBTYPE_TO_TYPE.get(best) != _UNRELATED_KIN or d.confidence < _FIRM_WORD)
    if p[best] >= d.confidence or kin:
        d.sub_event_type, d.confidence = best, p[best]


def _finish(d: _Draft, article: Article, ctx: ArticleContext, resources) -> Event:
    text = article.text
    s, e = d.sentence
    time = d.time if d.time is not None else _inherited_time(article, ctx)
    background = d.history or _is_background(time, article.published)
    location = d.location or d.fallback  # else none yet: placed by the article's other events (refine_places)
    attribution = d.attribution or ctx.lead_attribution
    hedge = args.find_hedge(text, s, e)
    if attribution is not None or hedge is not None:
        attribution = (attribution or Attribution()).model_copy()
        if hedge is not None:
            attribution.hedged = True
            attribution.evidence = attribution.evidence + [hedge]
    if d.frame is not None and d.frame.verified_by:
        attribution = (attribution or Attribution()).model_copy(update={"verified_by": d.frame.verified_by[0]})
        attribution.evidence = attribution.evidence + [d.frame.verified_by[1]]
    sub = d.sub_event_type if d.kind == "event" else "Change to group/activity"
    evidence = sorted({(x.start, x.end) for x in d.evidence})
    ident = hashlib.sha256(f"{article.id}:{s}:{d.trigger.start}:{sub}".encode()).hexdigest()[:16]
    return Event(
        id=ident, article_id=article.input_id or article.id, kind=d.kind, event_type=SUBTYPE_TO_TYPE[sub],  # type: ignore[arg-type]
        sub_event_type=sub, background=background, trigger=d.trigger.text, sentence=Span(start=s, end=e),
        evidence=[Span(start=a, end=b) for a, b in evidence], actors=d.actors, location=location, time=time,
        fatalities=d.fatalities, attribution=attribution, defection=d.frame.to_model() if d.frame else None,
        notes=" ".join(text[s:e].split()), sources=[article.source] if article.source else [],
        confidence=round(d.confidence, 3),
    )


def _inherited_time(article: Article, ctx: ArticleContext) -> TimeSpan | None:
    """An undated event: the article's lead date when it is recent news, else the publication date (week precision)."""
    pub = article.published
    if pub is None:
        return TimeSpan(resolved=False)
    lead = ctx.lead_time
    if lead is not None and lead.end is not None and 0 <= (pub - lead.end).days <= 7:
        return lead
    return TimeSpan(start=pub - timedelta(days=6), end=pub, time_precision=TimePrecision.WEEK)


def _is_background(time: TimeSpan | None, published: date | None) -> bool:
    if time is None or time.end is None or published is None:
        return False
    return (published - time.end).days > BACKGROUND_DAYS


def _fallback_location(ctx: ArticleContext, resources) -> Location | None:
    """No place in the event's sentence: the dateline's place or the last town named, as "near" (precision 2)."""
    article = ctx.article
    if ctx.last_town is not None:
        loc = places.location_from_mention(ctx.last_town)
        return loc.model_copy(update={"geo_precision": max(loc.geo_precision, GeoPrecision.NEAR)})
    if article.dateline_place and article.dateline_span is not None:
        name = article.dateline_place.split(",")[0].strip()
        found = resources.gazetteer.lookup(name, ctx.country) if resources.gazetteer.is_place(name) else []
        if found:
            p = found[0]
            return Location(text=name, name=p.name, admin1=p.admin1, admin2=p.admin2, country=p.country, lat=p.lat,
                            lon=p.lon, geo_precision=GeoPrecision.NEAR, evidence=[article.dateline_span])
    return None
