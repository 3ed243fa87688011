"""Intake: text, HTML and JSONL readers that turn user input into clean, evidenced `Article`s.

The first stage of the pipeline. Requires: files or strings. Assigns: Article.text (boilerplate removed), id,
input_id, title, published (+ span), dateline_place (+ span), source (+ span), raw.
"""
from __future__ import annotations

from eventwire.intake._boilerplate import clean_text
from eventwire.intake._files import iter_articles
from eventwire.intake._html import article_from_html
from eventwire.intake._text import article_from_text

__all__ = ["article_from_html", "article_from_text", "clean_text", "iter_articles"]
