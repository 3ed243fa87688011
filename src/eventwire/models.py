"""The one data model of eventwire: articles in, evidenced events out.

Every filled field of an event carries evidence: a list of `Span` (character offsets into `Article.text`,
the cleaned article text). Offsets are half-open, `text[start:end]`.
"""
from __future__ import annotations

import hashlib
from datetime import date
from enum import IntEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Actor",
    "Article",
    "Attribution",
    "Defection",
    "Event",
    "EventKind",
    "Fatalities",
    "GeoPrecision",
    "Location",
    "Span",
    "TimePrecision",
    "TimeSpan",
    "article_key",
    "content_hash",
]


def content_hash(text: str) -> str:
    """The identity of an article: sha256 of its cleaned text, first 16 hex digits."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_key(text: str, input_id: str | None = None) -> str:
    """An article's key in the store. Without a user-given id, the content hash (the same text read twice is one
    article); with one, the hash of id and text, so two ids with identical text are two articles while a
    re-ingest of the same id and text is still recognised."""
    if input_id is None:
        return content_hash(text)
    return hashlib.sha256(f"{input_id}\x1f{text}".encode("utf-8")).hexdigest()[:16]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    """Half-open character offsets into the cleaned article text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


class TimePrecision(IntEnum):
    """ACLED's time_precision: 1 day, 2 week (or a few days), 3 month or longer."""

    DAY = 1
    WEEK = 2
    MONTH = 3


class GeoPrecision(IntEnum):
    """ACLED's geo_precision: 1 exact town, 2 near a town / part of a region, 3 province or larger."""

    EXACT = 1
    NEAR = 2
    REGION = 3


class Article(_Model):
    id: str  # the key in the store: `article_key` of the text and the user's id (JSONL "id"), if one was given
    input_id: str | None = None  # the id the user gave (JSONL "id") or the file name; exported as article_id
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    text: str
    raw: str | None = None
    dateline_place: str | None = None
    dateline_span: Span | None = None
    published_span: Span | None = None
    source_span: Span | None = None


class Actor(_Model):
    text: str
    name: str
    role: Literal["actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "source", "target"] = "actor1"
    inter: int | None = None
    evidence: list[Span] = Field(default_factory=list)


class Location(_Model):
    text: str
    name: str
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: GeoPrecision = GeoPrecision.EXACT
    relation: str | None = None
    evidence: list[Span] = Field(default_factory=list)


class TimeSpan(_Model):
    text: str | None = None
    start: date | None = None
    end: date | None = None
    time_precision: TimePrecision = TimePrecision.DAY
    resolved: bool = True
    evidence: list[Span] = Field(default_factory=list)


class Fatalities(_Model):
    best: int
    low: int | None = None
    high: int | None = None
    evidence: list[Span] = Field(default_factory=list)


class Attribution(_Model):
    kind: Literal["named", "anonymous_local", "activist_group", "monitor", "official", "media", "unknown"] = "unknown"
    source: str | None = None
    hedged: bool = False
    verified_by: str | None = None
    evidence: list[Span] = Field(default_factory=list)


class Defection(_Model):
    count_best: int | None = None
    count_low: int | None = None
    count_high: int | None = None
    rank: str | None = None
    names: list[str] = Field(default_factory=list)
    nationality: list[str] = Field(default_factory=list)
    from_group: str | None = None
    from_group_text: str | None = None
    to_group: str | None = None
    to_group_text: str | None = None
    to_territory: str | None = None
    from_place: str | None = None
    reason: str | None = None
    group_response: str | None = None
    evidence: dict[str, list[Span]] = Field(default_factory=dict)


EventKind = Literal["event", "defection"]


class Event(_Model):
    """One real-world event found in one article (or merged from several)."""

    id: str = ""
    article_id: str
    kind: EventKind = "event"
    event_type: str
    sub_event_type: str
    background: bool = False
    main: bool = False  # the article's main event (the one its headline and lead tell); listed first
    trigger: str = ""
    sentence: Span
    evidence: list[Span] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    location: Location | None = None
    time: TimeSpan | None = None
    fatalities: Fatalities | None = None
    attribution: Attribution | None = None
    defection: Defection | None = None
    notes: str = ""
    sources: list[str] = Field(default_factory=list)
    article_ids: list[str] = Field(default_factory=list)  # the input ids of the articles that report it
    confidence: float = 1.0

    def actor(self, role: str) -> Actor | None:
        return next((a for a in self.actors if a.role == role), None)
