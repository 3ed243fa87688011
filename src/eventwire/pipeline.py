"""The ordered stages of extraction; the one place that wires them. (Being built: see issue 3.)"""
from __future__ import annotations

from typing import Iterable, Iterator

from eventwire.models import Article, Event

__all__ = ["Pipeline", "extract"]


class Pipeline:
    def process(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            yield article, []


def extract(article: Article) -> list[Event]:
    return next(Pipeline().process([article]))[1]
