"""A benchmark corpus of real text: dev ACLED notes joined into article-length texts (~8 notes, 300–600 words)
plus the seed articles. Deterministic: notes are taken in the dev split's hash order."""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from eventwire.devdata import acled_rows, shared_dir
from eventwire.models import Article

NOTES_PER_ARTICLE = 8


def _order(row: dict[str, str]) -> str:
    return hashlib.sha256(("bench:" + row["event_id_cnty"]).encode("utf-8")).hexdigest()


def _published(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _article(text: str, input_id: str, published: date | None) -> Article:
    from eventwire.evaluation._acled import make_article

    article = make_article(text, published, input_id)
    if article is None:
        raise ValueError(f"intake rejected benchmark text {input_id}")
    return article


def seed_articles() -> list[Article]:
    base = shared_dir()
    paths = sorted((base / "seeds").glob("*.txt")) if base else []
    return [_article(p.read_text(encoding="utf-8"), p.name, None) for p in paths]


def note_articles(n: int) -> list[Article]:
    """`n` articles of NOTES_PER_ARTICLE consecutive notes each (wraps around when n is large)."""
    rows = sorted(acled_rows("all"), key=_order)
    out = []
    for i in range(n):
        chunk = [rows[(i * NOTES_PER_ARTICLE + j) % len(rows)] for j in range(NOTES_PER_ARTICLE)]
        text = "\n\n".join(r["notes"] for r in chunk)
        out.append(_article(text, f"bench-{i}", _published(chunk[0]["event_date"])))
    return out


def corpus(n: int) -> list[Article]:
    """`n` note articles plus the seeds."""
    return note_articles(n) + seed_articles()


def words(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


if __name__ == "__main__":
    arts = corpus(200)
    per = [len(a.text.split()) for a in arts]
    print(f"{len(arts)} articles, {sum(per)} words, {min(per)}-{max(per)} words each; base {Path.cwd()}")
