"""Plain text in, Article out: clean the text, read its head, let explicit metadata win."""
from __future__ import annotations

import re
from datetime import date

from eventwire import settings
from eventwire.errors import InputError
from eventwire.intake._boilerplate import clean_text
from eventwire.intake._byline import HeadFacts, read_head
from eventwire.models import Article, Span, content_hash

__all__ = ["article_from_text", "build_article", "limit_length", "markdown_to_text"]


# Bounded spans (a link's words, an emphasis): unbounded ones made a long line of '*' or '[' quadratic (fuzz).
_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\]\n]{1,500})\]\([^)\n]{0,2000}\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(?<!\w)(\*\*|__|\*|_)(?=\S)(.{1,300}?)(?<=\S)\1(?!\w)")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+(?=\S)", re.MULTILINE)


def markdown_to_text(text: str) -> str:
    """Markdown marks that are not words: headings, emphasis, link targets and images go; their words stay."""
    text = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", text))
    return _MD_BULLET.sub("", _MD_EMPHASIS.sub(r"\2", _MD_HEADING.sub("", text)))


def limit_length(text: str, limit: int | None = None) -> str:
    """Cut text longer than `max_article_chars`, at a paragraph (else sentence, else word) boundary if one is near."""
    limit = settings.get("max_article_chars") if limit is None else limit
    if len(text) <= limit:
        return text
    window = text[:limit]
    for boundary in ("\n\n", "\n", ". ", " "):
        cut = window.rfind(boundary)
        if cut >= limit // 2:
            return window[: cut + (1 if boundary == ". " else 0)].rstrip()
    return window


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and re.sub(r"\W+", "", a).lower() == re.sub(r"\W+", "", b).lower()


def build_article(
    clean: str,
    head: HeadFacts,
    *,
    raw: str,
    input_id: str | None,
    source: str | None,
    url: str | None,
    title: str | None,
    published: date | None,
) -> Article:
    """Combine what the text says about itself with what the caller knows; the caller's metadata wins.

    A span is kept only when it is evidence for the value actually stored.
    """
    final_source = source or head.source
    final_published = published or head.published
    return Article(
        id=content_hash(clean),
        input_id=input_id,
        source=final_source,
        url=url,
        title=title or head.title,
        published=final_published,
        text=clean,
        raw=raw,
        dateline_place=head.dateline_place,
        dateline_span=head.dateline_span,
        published_span=head.published_span if final_published == head.published else None,
        source_span=_span_if(head.source_span, final_source == head.source or _same(final_source, head.source)),
    )


def _span_if(span: Span | None, keep: bool) -> Span | None:
    return span if keep else None


def article_from_text(
    text: str,
    *,
    input_id: str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: date | None = None,
) -> Article:
    """An Article from scraped plain text. Raises InputError E002 when no article text is left after cleaning."""
    clean = limit_length(clean_text(text))
    if not clean:
        raise InputError("E002", "no article text left after removing boilerplate", path=input_id)
    return build_article(
        clean, read_head(clean), raw=text, input_id=input_id, source=source, url=url, title=title, published=published
    )
