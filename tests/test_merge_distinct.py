"""1,000 real ACLED notes from consecutive days (500 Syria, 500 all countries), each note its own article and each
a distinct event by ACLED's own coding, ingested into SQLite: how many articles end up sharing an event?

Before the entity-resolution merge this was 130 of 999 articles (13.0 %), 25 after it, 16 once repeated note
sentences stopped being events of their own, 6 (0.6 %) now; the issue's target is at most 1 %.
"""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from eventwire.devdata import shared_dir
from eventwire.evaluation._merge import distinct_notes, shared_event_rate
from eventwire.ingest import ingest_items
from eventwire.store import Store

pytestmark = pytest.mark.skipif(shared_dir() is None or not (shared_dir() / "eval").is_dir(),  # type: ignore[operator]
                                reason="shared dev data absent (EVENTWIRE_SHARED)")

TARGET = 0.01  # the target (see eval/README.md, "merge"); measured 6 / 999


@pytest.fixture(scope="module")
def rate(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, int]:
    articles = distinct_notes(500, 500)
    assert len(articles) == 1000
    url = f"sqlite:///{tmp_path_factory.mktemp('distinct') / 'notes.db'}"
    with Store.open(url) as store:
        ingest_items(articles, store)
        with store.engine.connect() as conn:
            links = conn.execute(sa.text("SELECT article_id, event_id FROM event_articles")).all()
            ids = list(conn.scalars(sa.text("SELECT id FROM articles")))
    by_article: dict[str, set[str]] = {a: set() for a in ids}
    for article_id, event_id in links:
        by_article[article_id].add(event_id)
    return shared_event_rate(by_article)


def test_distinct_notes_share_an_event_at_most_one_percent(rate: tuple[int, int]) -> None:
    shared, total = rate
    assert total >= 990
    assert shared / total <= TARGET, f"{shared} of {total} articles share an event"
