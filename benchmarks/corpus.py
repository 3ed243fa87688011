"""A benchmark corpus of real text: dev ACLED notes joined into article-length texts (~8 notes, 300–600 words)
plus the seed articles, as raw items (text, id, date) so that the benchmark times intake too. Deterministic: notes are taken in the dev split's hash order."""
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


Item = tuple[str, str, "date | None"]  # (text, input id, publication date): what intake receives


def article(item: Item) -> Article:
    """One item through the real intake (timed by the benchmark as the "intake" stage)."""
    from eventwire.evaluation._acled import make_article

    text, input_id, published = item
    made = make_article(text, published, input_id)
    if made is None:
        raise ValueError(f"intake rejected benchmark text {input_id}")
    return made


def seed_items() -> list[Item]:
    base = shared_dir()
    paths = sorted((base / "seeds").glob("*.txt")) if base else []
    return [(p.read_text(encoding="utf-8"), p.name, None) for p in paths]


def note_items(n: int) -> list[Item]:
    """`n` texts of NOTES_PER_ARTICLE consecutive notes each (wraps around when n is large)."""
    rows = sorted(acled_rows("all"), key=_order)
    out = []
    for i in range(n):
        chunk = [rows[(i * NOTES_PER_ARTICLE + j) % len(rows)] for j in range(NOTES_PER_ARTICLE)]
        out.append(("\n\n".join(r["notes"] for r in chunk), f"bench-{i}", _published(chunk[0]["event_date"])))
    return out


def news_items(n: int) -> list[Item]:
    """Real news: the first `n` FA-KES dev articles (title and flattened text, no publication date given)."""
    import csv

    base = shared_dir()
    if base is None:
        raise SystemExit("../shared/eval/news/fakes_dev.csv is absent: the news corpus needs it")
    with open(base / "eval" / "news" / "fakes_dev.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [(f"{r['article_title']}\n\n{r['article_content']}", f"fakes-{r['unit_id']}", None) for r in rows[:n]]


def corpus_items(n: int, kind: str = "notes") -> list[Item]:
    """`n` note texts plus the seeds (or `n` news articles), before intake."""
    return news_items(n) if kind == "news" else note_items(n) + seed_items()


def corpus(n: int) -> list[Article]:
    """`n` note articles plus the seeds."""
    return [article(item) for item in corpus_items(n)]


def words(items: list[Article] | list[Item]) -> int:
    return sum(len((x.text if isinstance(x, Article) else x[0]).split()) for x in items)


if __name__ == "__main__":
    arts = corpus(200)
    per = [len(a.text.split()) for a in arts]
    print(f"{len(arts)} articles, {sum(per)} words, {min(per)}-{max(per)} words each; base {Path.cwd()}")
