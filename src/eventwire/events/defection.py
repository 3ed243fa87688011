"""Defections as a first-class kind: a frame filled across the sentences of an article that speak of it.

A defection story spreads its facts: who left (S1), how many and where to (S2), the group's response (S4), who
verified it (S6), the defectors' names (S9). A frame opens on a strong cue ("defected", "dissented from the ranks",
"left the group") and later sentences with weaker cues ("the leaders who fled", "the dissidents") fill its empty
fields. A cue with its own, different time opens a new frame (the March surge retold is a different defection).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventwire.events.lexicon import DEFECTION, Trigger
from eventwire.events.numbers import NUMBER, parse_number
from eventwire.models import Actor, Attribution, Defection, GeoPrecision, Span, TimeSpan

__all__ = ["DefectionFrame", "defection_cue", "update_frame"]

_PEOPLE = r"(?:militants|members|commanders|fighters|leaders|officers|soldiers|emirs?|princes?|sheikhs|jihadists|dissidents|defectors|deserters|operatives|followers|elements)"
_WEAK = re.compile(
    r"\b" + _PEOPLE + r"\b(?:[^.]{0,60}?)\b(?:fled|flee|fleeing|left|crossed into|escaped|joined|dissent(?:ed)?)\b"
    r"|\b(?:dissidents?|defectors?|deserters?)\b",
    re.I,
)
_COUNT = re.compile(r"\b(at least |about |some |more than |around |nearly |up to )?(" + NUMBER + r")\s+(?:[\w'-]+\s+){0,3}?" + _PEOPLE + r"\b", re.I)
_RANK = re.compile(r"\b((?:senior|high-ranking|top|prominent|local|foreign|mid-level|leading|field|military|security)\s+)?" + _PEOPLE + r"\b", re.I)
_NATIONALITY = re.compile(r"\bof ([A-Z][a-z]+) (?:origin|nationality|descent)|\bwith ([A-Z][a-z]+) backgrounds?|\b([A-Z][a-z]+(?:ian|ish|ese|i|an))(?= (?:" + _PEOPLE[3:-1] + r"|nationals?|sheikhs?))")
_TO_PLACE = re.compile(
    r"\b(?:crossed|fled|headed|escaped|went|moved|defected|made their way)\s+(?:\w+\s+){0,3}?(?:into|to|towards?)\s+"
    r"(?:the\s+)?((?:territory|areas?|regions?) (?:held|controlled) by [\w\s-]+?|[\w-]+-(?:held|controlled) (?:city|town|area|territory|areas|province) of [A-Z][\w-]+|[A-Z][\w-]+(?: [A-Z][\w-]+)?)"
    r"(?=[,.;]| in | fighting| where| and|$)"
)
_FROM_PLACE = re.compile(r"\b(?:left|fled|escaped from|deserted)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:(?:city|town|village|province|stronghold) of\s+)?([A-Z][\w-]+(?: [A-Z][\w-]+)?)")
_TO_GROUP = re.compile(r"\b(?:joined|defected to|switched (?:sides|allegiance) to|pledged allegiance to)\s+(?:the\s+)?", re.I)
_REASON = re.compile(r"\b(?:following|due to|because of|over|amid|citing|in protest (?:at|against))\s+([^,.;\"”]+)", re.I)
_RESPONSE = re.compile(r"in search of (?:its|their|the) (?:dissident|defect|desert|fugitive|escap)\w*(?: \w+)?|"
                       r"(?:executed|arrested|detained|hunt(?:ed|ing)(?: for| down)?|pursued|beheaded)\s+(?:\w+\s+){0,3}(?:defectors|deserters|dissidents)", re.I)
_VERIFY = re.compile(r"\b(?:verified|confirmed|corroborated)\b", re.I)


@dataclass
class DefectionFrame:
    trigger: Trigger
    sentences: list[tuple[int, int]] = field(default_factory=list)
    time: TimeSpan | None = None
    time_stated: bool = False
    count: tuple[int, int | None, int | None, Span] | None = None
    rank: tuple[str, Span] | None = None
    names: list[tuple[str, Span]] = field(default_factory=list)
    nationality: list[tuple[str, Span]] = field(default_factory=list)
    from_group: Actor | None = None
    to_group: Actor | None = None
    to_territory: tuple[str, Span, bool] | None = None  # (text, span, is a named place)
    from_place: tuple[str, Span] | None = None
    reason: tuple[str, Span] | None = None
    group_response: tuple[str, Span] | None = None
    verified_by: tuple[str, Span] | None = None
    attribution: Attribution | None = None
    place_mentions: list = field(default_factory=list)

    def to_model(self) -> Defection:
        ev: dict[str, list[Span]] = {}

        def put(name: str, value: tuple | None) -> str | None:
            if value is None:
                return None
            ev[name] = [value[1]]
            return value[0]

        d = Defection(
            rank=put("rank", self.rank), from_place=put("from_place", self.from_place), reason=put("reason", self.reason),
            group_response=put("group_response", self.group_response),
            to_territory=put("to_territory", self.to_territory[:2] if self.to_territory else None),
            names=[n for n, _ in self.names], nationality=[n for n, _ in self.nationality],
            from_group=self.from_group.name if self.from_group else None, to_group=self.to_group.name if self.to_group else None,
            from_group_text=self.from_group.text if self.from_group else None,
            to_group_text=self.to_group.text if self.to_group else None,
        )
        if self.count:
            d.count_best, d.count_low, d.count_high = self.count[0], self.count[1], self.count[2]
            ev["count"] = [self.count[3]]
        if self.names:
            ev["names"] = [s for _, s in self.names]
        if self.nationality:
            ev["nationality"] = [s for _, s in self.nationality]
        if self.from_group:
            ev["from_group"] = list(self.from_group.evidence)
        if self.to_group:
            ev["to_group"] = list(self.to_group.evidence)
        d.evidence = ev
        return d

    def to_draft(self, ctx, resources):
        from eventwire.events import places
        from eventwire.events.extract import _Draft

        d = _Draft(sentence=self.sentences[0], trigger=self.trigger, sub_event_type="Change to group/activity",
                   confidence=1.0, kind="defection", frame=self)
        d.evidence = [Span(start=s, end=e) for s, e in self.sentences]
        d.actors = [a for a in (self.from_group, self.to_group) if a is not None]  # roles actor1, actor2 (_fill_groups)
        d.time, d.time_stated = self.time, self.time_stated
        d.attribution = self.attribution
        cands = [p for p in self.place_mentions if not (self.to_territory and p.text in self.to_territory[0])]
        if self.from_place:
            for p in cands:
                if p.text == self.from_place[0]:
                    p.score += 1.0
        chosen = places.choose_location(cands, self.trigger.start)
        if chosen is not None:
            d.location = places.location_from_mention(chosen)
            if chosen.place.feature == "country":
                d.location = d.location.model_copy(update={"geo_precision": GeoPrecision.REGION})
        return d


def defection_cue(text: str, s: int, e: int, triggers: list[Trigger], frames: list[DefectionFrame]) -> Trigger | None:
    strong = next((t for t in triggers if t.sub_event_type == DEFECTION), None)
    if strong is not None:
        return strong
    if frames:
        m = _WEAK.search(text, s, e)
        if m:
            return Trigger(m.start(), m.end(), m.group(), DEFECTION, 0.5)
    return None


def _choose_frame(frames: list[DefectionFrame], cue: Trigger, times) -> DefectionFrame | None:
    """The frame this sentence speaks of: same time if it states one, else the latest news (non-past) frame."""
    if not frames:
        return None
    stated = times[0].time if times else None
    if stated is not None and stated.end is not None:
        for f in frames:
            if f.time_stated and f.time and f.time.start and f.time.end and stated.start and \
                    f.time.start <= stated.end and stated.start <= f.time.end:
                return f
        if cue.strength >= 1.0 and any(f.time_stated for f in frames):
            return None
        return next((f for f in frames if not f.time_stated), None) if cue.strength >= 1.0 else frames[0]
    return frames[0]


def update_frame(frames, text, s, e, cue, times, mentions, place_mentions, ctx, resources) -> DefectionFrame:
    frame = _choose_frame(frames, cue, times)
    if frame is None:
        frame = DefectionFrame(trigger=cue)
        frames.append(frame)
    frame.sentences.append((s, e))
    if times and not frame.time_stated and cue.strength >= 1.0:
        frame.time, frame.time_stated = times[0].time, True
    if frame.attribution is None:
        from eventwire.events.args import find_attribution
        frame.attribution = find_attribution(text, s, e)
    frame.place_mentions += place_mentions
    _fill_people(frame, text, s, e, resources)
    _fill_groups(frame, text, s, e, cue, mentions, ctx, resources)
    _fill_places_and_why(frame, text, s, e, ctx, cue.strength)
    return frame


def _fill_people(frame: DefectionFrame, text: str, s: int, e: int, resources) -> None:
    if frame.count is None:
        m = _COUNT.search(text, s, e)
        if m and parse_number(m.group(2)) and m.group(2).lower() not in ("a", "an"):
            n = parse_number(m.group(2)) or 0
            qual = (m.group(1) or "").strip().lower()
            low = n if qual in ("", "at least", "more than") else None
            high = n if qual in ("", "up to", "nearly") else None
            frame.count = (n, low, high, Span(start=m.start(), end=m.end()))
    rank = [m for m in _RANK.finditer(text, s, e)]
    rank.sort(key=lambda m: m.group(1) is None)
    if rank and (frame.rank is None or (rank[0].group(1) and frame.rank[0].split()[0].lower() in _PLAIN)):
        frame.rank = (rank[0].group().strip(), Span(start=rank[0].start(), end=rank[0].end()))
    for m in _NATIONALITY.finditer(text, s, e):
        word = next(g for g in m.groups() if g)
        country = resources.gazetteer.country(word)
        if country and all(country != n for n, _ in frame.nationality) and not re.match(r"\s*(?:city|town|village|regime|government|army)", text[m.end():m.end() + 12]):
            frame.nationality.append((country, Span(start=m.start(), end=m.end())))
    for name, span in resources.persons(text, s, e):
        if resources.gazetteer.is_place(name) or resources.find_actors(name, 0):
            continue
        if not _speaker(text, span) and all(name != n for n, _ in frame.names):
            frame.names.append((name, span))


_PLAIN = {"militants", "members", "fighters", "elements", "dissidents", "defectors", "followers"}


def _speaker(text: str, span: Span) -> bool:
    """Names of people quoted ("said Hussam Eesa", "Eesa said") are sources, not defectors."""
    before = text[max(0, span.start - 60):span.start]
    after = text[span.end:span.end + 40]
    return bool(re.search(r"\b(?:said|says|told|according to|spokesman|analyst|researcher|reporter|activist)\b[^.]*$", before, re.I)
                or re.match(r"\s*(?:,[^,]{0,60},\s*)?(?:said|says|told)\b", after))


def _fill_groups(frame, text, s, e, cue, mentions, ctx, resources) -> None:
    from eventwire.events.extract import _to_actor

    if frame.from_group is None:
        before = [m for m in mentions if m.end <= cue.end + 40 and m.key.startswith("group:")
                  and not _TO_GROUP.search(text[max(s, m.start - 25):m.start])]
        m = (before[0] if before else None) or ctx.last_group
        if m is not None:
            frame.from_group = _to_actor(m, "actor1", ctx, resources)
    for m in mentions:
        if frame.to_group is None and _TO_GROUP.search(text[max(s, m.start - 25):m.start]):
            actor = _to_actor(m, "actor2", ctx, resources)
            if actor and (frame.from_group is None or actor.name != frame.from_group.name):
                frame.to_group = actor


def _fill_places_and_why(frame, text, s, e, ctx, cue_strength: float) -> None:
    for m in _TO_PLACE.finditer(text, s, e):
        value = m.group(1).strip()
        named = bool(re.search(r"[A-Z]", value.split()[-1][:1])) and "held by" not in value
        place = re.search(r"of ([A-Z][\w-]+)$", value)
        if place:
            value, named = place.group(1), True
        span = Span(start=m.start(1), end=m.end(1))
        if frame.to_territory is None or (named and not frame.to_territory[2]):
            frame.to_territory = (value, span, named)
    if frame.from_place is None:
        m = _FROM_PLACE.search(text, s, e)
        if m and m.group(1) not in ("The", "Syrian") and not re.match(r"(?:the )?(?:group|ranks)", m.group(1), re.I):
            frame.from_place = (m.group(1), Span(start=m.start(1), end=m.end(1)))
    if frame.reason is None and cue_strength >= 1.0:
        m = _REASON.search(text, s, e)
        if m:
            frame.reason = (m.group(0).strip(), Span(start=m.start(), end=m.start() + len(m.group(0).rstrip())))
    if frame.group_response is None:
        m = _RESPONSE.search(text, s, e)
        if m:
            frame.group_response = (" ".join(text[s:e].split()), Span(start=s, end=e))
    if frame.verified_by is None and _VERIFY.search(text, s, e) and ctx.monitors:
        name, ms, me = ctx.monitors[-1][2], ctx.monitors[-1][0], ctx.monitors[-1][1]
        frame.verified_by = (name, Span(start=ms, end=me))
