"""HTML in, Article out: trafilatura's main text (comments dropped), page metadata, then the plain-text cleaning.

Everything here works on an already-parsed tree, so neither trafilatura nor htmldate can mistake the input for a
URL and fetch it: intake never touches the network.
"""
from __future__ import annotations

import copy
import logging
from datetime import date, datetime

from lxml.html import HtmlElement

from eventwire.errors import InputError
from eventwire.intake._boilerplate import clean_text
from eventwire.intake._byline import read_head
from eventwire.intake._text import build_article, limit_length
from eventwire.models import Article

__all__ = ["article_from_html", "looks_like_html"]

log = logging.getLogger(__name__)


def looks_like_html(text: str) -> bool:
    start = text.lstrip()[:200].lower()
    return start.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:2000].lower()


def _parse(html: str) -> HtmlElement | None:
    from trafilatura.utils import load_html

    if "<html" not in html[:2000].lower():  # a bare fragment ("<p>x</p>") needs a document around it
        html = f"<html><body><div>{html}</div></body></html>"
    return load_html(html)


def _main_text(tree: HtmlElement) -> str:
    import trafilatura

    text = trafilatura.extract(copy.deepcopy(tree), include_comments=False, include_links=False, include_images=False,
                               output_format="txt", deduplicate=False)
    # trafilatura puts one block element per line; blank lines make them paragraphs like in scraped text
    return (text or "").replace("\n", "\n\n")


def _page_meta(tree: HtmlElement) -> tuple[str | None, str | None]:
    """The page's headline and site name from its markup."""
    from trafilatura import extract_metadata

    meta = extract_metadata(copy.deepcopy(tree), extensive=False)
    if meta is None:
        return None, None
    return meta.title or None, meta.sitename or None


def _page_date(tree: HtmlElement, *, extensive: bool) -> date | None:
    """The page's original publication date from its markup (meta tags, time elements, URL-like links)."""
    from htmldate import find_date

    found = find_date(copy.deepcopy(tree), original_date=True, extensive_search=extensive, outputformat="%Y-%m-%d",
                      max_date=datetime.now().strftime("%Y-%m-%d"))
    return date.fromisoformat(found) if found else None


def _with_title(title: str | None, body: str) -> str:
    """Keep the headline in the text (it is evidence) when the main-text extractor left it out."""
    if not title or body.lstrip().startswith(title):
        return body
    return f"{title}\n\n{body}"


def article_from_html(
    html: str,
    *,
    input_id: str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: date | None = None,
) -> Article:
    """An Article from an HTML page. Raises InputError E009 when the page has no extractable main text."""
    tree = _parse(html)
    body = _main_text(tree) if tree is not None else ""
    if not body.strip():
        raise InputError("E009", "no main text found in the page", path=input_id)
    meta_title, site_name = _page_meta(tree)
    page_title = title or meta_title
    clean = limit_length(clean_text(_with_title(page_title, body)))
    if not clean:
        raise InputError("E009", "only boilerplate in the page's main text", path=input_id)
    head = read_head(clean)
    # Markup dates (meta tags) beat a date seen in the text; a loose whole-page search comes last.
    page_date = published or _page_date(tree, extensive=False) or head.published or _page_date(tree, extensive=True)
    return build_article(clean, head, raw=html, input_id=input_id, source=source or head.source or site_name, url=url,
                         title=page_title or head.title, published=page_date)
