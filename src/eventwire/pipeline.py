"""The ordered stages of extraction; the one place that wires them.

    intake (Article) → sentences → triggers → [only trigger sentences] actors, places, times, fatalities,
    attribution → typing (rules + learned classifier) → defection frames → merging within the article → Events

`Pipeline.timings` accumulates seconds per stage for benchmarks (sentences, country, times, actors, places,
triggers, defection+ner, arguments, classifier, finish; "load" for resources).
"""
from __future__ import annotations

import functools
import gc
import itertools
import logging
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Iterable, Iterator

from eventwire import actors
from eventwire.guard import Budget, ErrorFn, attempt
from eventwire.models import Article, Event

__all__ = ["Pipeline", "Resources", "extract"]

log = logging.getLogger(__name__)

_ORG_APPOSITION = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+){0,7}[A-Z][\w'’.-]*),\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}"
    r"(?:activist|monitoring|rights|human rights|media|news|watchdog|research)\s+(?:group|organi[sz]ation|network|agency|outlet|centre|center)"
)
_ORG_AFTER_ROLE = re.compile(r"\b(?:spokes(?:man|woman|person)|director|head|founder|member|researcher|analyst) (?:for|of|at) (?:the )?((?:[A-Z][\w'’.-]*\s+){0,7}[A-Z][\w'’.-]*)")


_ORG_NAME = re.compile(  # names that end like an organisation or a building are not places
    r"((?:[A-Z][\w'’.-]*\s+(?:(?:of|for|and|the|de|del)\s+)?){1,6}(?:Party|Movement|Front|Union|Council|Committee|Brigades?|"
    r"Army|Organi[sz]ation|Association|Coalition|Alliance|Battalion|Division|Corps|Company|University|College|School|"
    r"Hospital|Church|Mosque|Cent(?:er|re)|Building|Ministry|Court|Parliament|Assembly|Federation|Institute|Agency|"
    r"Office|Bank|Stadium|Airport|Prison|Camp|Base|Room))\b"
)


@functools.lru_cache(maxsize=256)
def _sentence_mentions(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """Actor mentions of one sentence; memoised because the article-country vote reads the lead sentences first."""
    return tuple(actors.find_mentions(sentence))


@dataclass
class Resources:
    """The knowledge the extraction stage consults; loaded once per process."""

    gazetteer: object
    classifier: object | None = None  # an events.typer.EventTyper (TF-IDF + sentence model)
    use_ner: bool = True

    def find_actors(self, sentence: str, base: int) -> list[tuple[int, int, str]]:
        return [(base + s, base + e, key) for s, e, key in _sentence_mentions(sentence)]

    def resolve_actor(self, key: str, mention: str, country, when):
        if key.startswith("ref:"):
            return actors.normalise(mention, country, when)
        return actors.resolve_key(key, country, when, mention) or actors.normalise(mention, country, when)

    def area_actor(self, name: str, country, admin1, when):
        return actors.area_actor(name, country, admin1, when)

    def coded_name(self, name: str, sub_event_type: str):
        return actors.coded_name(name, sub_event_type)

    def home_country(self, key: str, mention: str, when):
        return actors.home_country(key, when, mention)

    def country_shares(self, name: str) -> dict[str, float]:
        return actors.country_shares(name)

    def communal_actor(self, country, places):
        return actors.communal_actor(country, places)

    def leads(self, leader: str, follower: str) -> bool:
        return actors.leads(leader, follower)

    def act_code(self, act: str, inter1: int, inter2: int, killed: bool) -> str | None:
        return actors.act_code(act, inter1, inter2, killed)

    def unidentified_for(self, country, text: str):
        return actors.unidentified_for(country, text)

    def regional_name(self, name: str, country, admin1):
        return actors.regional_name(name, country, admin1)

    def targets_civilians(self, sub_event_type: str) -> bool:
        return actors.targets_civilians(sub_event_type)

    def generic_actor(self, kind: str, country):
        return actors.generic_actor(kind, country)

    def find_times(self, sentence: str, published, base: int):
        from eventwire.temporal import find_times

        return find_times(sentence, published, base)

    def org_spans(self, text: str, s: int, e: int) -> list[tuple[int, int]]:
        spans = []
        for rx in (_ORG_APPOSITION, _ORG_AFTER_ROLE, _ORG_NAME):
            for m in rx.finditer(text, s, e):
                spans.append((m.start(1), m.end(1)))
        return spans

    def organisations(self, text: str, s: int, e: int) -> list[tuple[int, int, str]]:
        return [(a, b, text[a:b]) for a, b in self.org_spans(text, s, e)]

    def persons(self, text: str, s: int, e: int):
        from eventwire.models import Span
        from eventwire.nlp import persons

        if not self.use_ner:
            return []
        return [(name, Span(start=a, end=b)) for name, a, b in persons(text, s, e)]

    def classify(self, texts: list[str], candidate: list[bool], consult: list[bool],
                 mode: list[bool] | None = None) -> list:
        from eventwire.events.typer import Typing

        if self.classifier is None:
            return [Typing({}) for _ in texts]
        return self.classifier.predict(texts, candidate, consult, mode)

    def judges_mode(self) -> bool:
        """Whether a mode head is there to judge hypothetical triggers (else the cue rules drop them)."""
        return getattr(getattr(self.classifier, "sentence", None), "mode_head", None) is not None


@functools.lru_cache(maxsize=1)
def default_resources() -> Resources:
    from eventwire.geo import get_gazetteer

    from eventwire.events.typer import EventTyper

    tfidf = sentence = None
    try:
        from eventwire.events.classifier import SubtypeClassifier

        tfidf = SubtypeClassifier.load()
    except Exception as exc:  # the rules still work without the learned model; say so once
        log.warning("sub-type classifier unavailable: %s", exc)
    try:
        from eventwire.events.sentence_model import SentenceModel

        sentence = SentenceModel.load()
    except Exception as exc:
        log.warning("sentence model unavailable, trigger rules only decide what is an event: %s", exc)
    typer = EventTyper(tfidf, sentence) if tfidf is not None or sentence is not None else None
    resources = Resources(gazetteer=get_gazetteer(), classifier=typer)
    # What was just loaded (~250k objects: tables, gazetteer, model) lives as long as the process: keep the cyclic
    # GC from walking it at every full collection (14% of extraction time on the benchmark, 4% after). Once per
    # process, here, so that nothing transient gets frozen.
    gc.freeze()
    return resources


class Pipeline:
    """Extraction over a stream of articles. Resources load lazily, once per process.

    Articles go through in groups of `batch_size`: each is drafted on its own, then the learned classifier runs
    once over the whole group (its cost is mostly per call, not per text; in a second thread while the next group
    is drafted), then each is finished and yielded in input order. Results do not depend on the grouping.
    """

    batch_size = 64

    def __init__(self, resources: Resources | None = None, use_classifier: bool = True):
        self._resources = resources
        self.use_classifier = use_classifier
        self.timings: dict[str, float] = {}
        self._classifier_seconds: list[float] = []  # written by the classifier thread, summed into timings

    @property
    def resources(self) -> Resources:
        if self._resources is None:
            t = time.perf_counter()
            self._resources = default_resources()
            self._tick("load", t)
        return self._resources

    def warm(self) -> None:
        """Load everything now (tables, gazetteer, classifier and the spaCy model the defection stage may need),
        so that the first article that needs it does not pay for it; benchmarks time this apart."""
        resources = self.resources
        if resources.use_ner:
            from eventwire.nlp import get_nlp

            t = time.perf_counter()
            get_nlp()
            self._tick("load", t)

    def _tick(self, stage: str, since: float) -> None:
        self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - since

    def process(self, articles: Iterable[Article],
                on_error: ErrorFn | None = None) -> Iterator[tuple[Article, list[Event]]]:
        """(article, events) in input order. With `on_error`, an article whose extraction fails or runs past its
        time budget is reported there as a coded reject (E040/E041) and the others go on; without it, it raises.

        The learned classifier of one group runs in a second thread while the next group is drafted: the encoder
        spends its time in ONNX Runtime, which lets go of the interpreter, so on two cores most of its cost hides
        behind the drafting. Each group is classified on its own, so results do not change."""
        from eventwire.events.extract import draft_events, finish_events

        resources = self.resources
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="eventwire-classify") as pool:
            pending = None  # the group being classified: its future, done when its drafts are typed
            for group in self._groups(articles):
                drafted = [d for a in group
                           if (d := attempt(lambda: draft_events(a, resources, Budget(self._tick).tick), a, on_error))]
                previous, pending = pending, pool.submit(self._classified, drafted, on_error)
                if previous is not None:
                    yield from self._finished(previous.result(), finish_events, resources, on_error)
            if pending is not None:
                yield from self._finished(pending.result(), finish_events, resources, on_error)

    def _groups(self, articles: Iterable[Article]) -> Iterator[list[Article]]:
        it = iter(articles)
        while group := list(itertools.islice(it, self.batch_size)):
            yield group

    def _classified(self, drafted: list, on_error: ErrorFn | None) -> list:
        """One group's drafts typed by the learned classifier (where it is there and wanted); run in the worker
        thread. Its seconds are added to `timings` by the caller's thread."""
        from eventwire.events.extract import classify_drafts

        resources = self.resources
        if not (self.use_classifier and resources.classifier is not None):
            return drafted
        t = time.perf_counter()
        drafted = self._classify(drafted, resources.classify, classify_drafts, on_error)
        self._classifier_seconds.append(time.perf_counter() - t)
        return drafted

    def _finished(self, drafted: list, finish_events, resources: Resources,
                  on_error: ErrorFn | None) -> Iterator[tuple[Article, list[Event]]]:
        while self._classifier_seconds:
            self.timings["classifier"] = self.timings.get("classifier", 0.0) + self._classifier_seconds.pop()
        for item in drafted:
            t = time.perf_counter()
            events = attempt(lambda: finish_events(item, resources), item.article, on_error)
            self._tick("finish", t)
            if events is not None:
                yield item.article, events

    @staticmethod
    def _classify(drafted: list, classify, classify_drafts, on_error: ErrorFn | None) -> list:
        """One classifier call for the group; should it fail, one call per article, to find the one at fault."""
        if on_error is None:
            classify_drafts(drafted, classify)
            return drafted
        try:
            classify_drafts(drafted, classify)
            return drafted
        except Exception:  # noqa: BLE001 - isolate the article that makes the batched call fail
            return [d for d in drafted if attempt(lambda: classify_drafts([d], classify) or True, d.article, on_error)]


def extract(article: Article) -> list[Event]:
    """All events of one article (library convenience over `Pipeline`)."""
    return next(Pipeline().process([article]))[1]
