"""Migrations 0004 to 0006 on a store made before them: the links, actors and events are kept (no table copy, which on
SQLite would cascade-delete them), and the search text, main flags and actor names are back-filled. SQLite and
PostgreSQL."""
from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from api_corpus import SHARED, ingest, needs_corpus
from conftest_store import store_url  # noqa: F401  (fixture)

pytestmark = needs_corpus


def _snapshot(conn: sa.Connection) -> dict[str, object]:
    return {name: conn.scalar(sa.text(f"SELECT count(*) FROM {name}"))
            for name in ("events", "event_articles", "event_actors", "mentions", "evidence")}


@pytest.mark.parametrize("older", ["0003", "0004", "0005"])
def test_upgrade_keeps_links_and_fills_search(store_url: str, tmp_path: Path, older: str) -> None:  # noqa: F811
    import alembic.command

    from eventwire.api import queries
    from eventwire.store import Store
    from eventwire.store.migrate import _config, head_revision, upgrade
    from eventwire.store.query import EventFilter

    ingest(store_url, str(SHARED / "seeds" / "004_6fd67dc46b290c98.txt"))
    with Store.open(store_url) as store:
        with store.engine.connect() as conn:
            before = _snapshot(conn)
            mains = set(conn.scalars(sa.text("SELECT id FROM events WHERE main")))
        found = {e["id"] for e in queries.list_events(store, EventFilter(q="Jabhat Fateh", limit=100))["events"]}
        by_actor = {e["id"] for e in queries.list_events(store, EventFilter(actor="Islamic", limit=100))["events"]}
        cfg = _config()
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            alembic.command.downgrade(cfg, older)
        assert upgrade(store.engine) == head_revision()
        with store.engine.connect() as conn:
            assert _snapshot(conn) == before
            assert set(conn.scalars(sa.text("SELECT id FROM events WHERE main"))) == mains != set()
            assert conn.scalar(sa.text("SELECT count(*) FROM event_text")) == before["events"]
        again = {e["id"] for e in queries.list_events(store, EventFilter(q="Jabhat Fateh", limit=100))["events"]}
        actor_again = {e["id"] for e in queries.list_events(store, EventFilter(actor="Islamic", limit=100))["events"]}
    assert again == found != set()
    assert actor_again == by_actor != set()
