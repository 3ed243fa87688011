"""eventwire: conflict news in, evidenced ACLED-style events out.

    from eventwire import extract, article_from_text
    events = extract(article_from_text(text, published=date(2015, 6, 2)))
"""
from __future__ import annotations

from eventwire.models import Actor, Article, Attribution, Defection, Event, Fatalities, Location, Span, TimeSpan
from eventwire.pipeline import Pipeline, extract

__all__ = [
    "Actor",
    "Article",
    "Attribution",
    "Defection",
    "Event",
    "Fatalities",
    "Location",
    "Pipeline",
    "Span",
    "TimeSpan",
    "article_from_html",
    "article_from_text",
    "extract",
    "iter_articles",
]


def __getattr__(name: str):  # intake pulls in trafilatura: import it only when asked for
    if name in ("article_from_text", "article_from_html", "iter_articles"):
        from eventwire import intake

        return getattr(intake, name)
    raise AttributeError(name)
