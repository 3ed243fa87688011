"""The store on SQLite and PostgreSQL: migrations, the one write path, atomic batches, rejects, queries."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner

from conftest_store import article, event, store, store_url  # noqa: F401 - fixtures
from eventwire.cli import main
from eventwire.errors import InputError, StoreError
from eventwire.store import EventFilter, Store, normalise_url, schema
from eventwire.store.migrate import current_revision, head_revision

# A real ACLED note (SYR113663) and a second real one (SYR112997), as two one-sentence articles.
BUGHAZ = article("On 22 May 2023, JWS members infiltrated into regime forces positions in Al-Bughaz town in Aleppo "
                 "countryside, killing 2 regime forces, in conjunction with regime forces shelling the same location "
                 "with artillery.", source="SOHR", published=date(2023, 5, 23))
MAHJEH = article("On 25 April 2023, unknown gunmen shot and killed a regime Military Intelligence member and his son "
                 "in Mahjeh town in Dara countryside.", source="Horan Free League", published=date(2023, 4, 26))


def _events() -> list[tuple]:  # type: ignore[type-arg]
    return [
        (BUGHAZ, [event(BUGHAZ, "JWS members infiltrated", day=date(2023, 5, 22), admin1="Aleppo",
                        place=("Al-Bughaz", 36.4695, 37.6564), fatalities=2,
                        actors=("JWS: Syrian National Army", "Military Forces of Syria (2000-)"))]),
        (MAHJEH, [event(MAHJEH, "unknown gunmen shot and killed", event_type="Violence against civilians",
                        sub_event_type="Attack", day=date(2023, 4, 25), place=("Mahjeh", 32.9583, 36.2222),
                        admin1="Dara", fatalities=2, actors=("Unidentified Armed Group (Syria)",))]),
    ]


def test_url_forms() -> None:
    assert normalise_url("postgresql://u:p@h:5433/d") == "postgresql+psycopg://u:p@h:5433/d"
    assert normalise_url("postgres://h/d") == "postgresql+psycopg://h/d"
    assert normalise_url("events.db") == "sqlite:///events.db"
    with pytest.raises(StoreError, match="E020"):
        normalise_url("mysql://h/d")


@pytest.mark.filterwarnings("ignore:.*expression-based index")  # SQLite cannot reflect them; PostgreSQL compares them
def test_migrations_create_the_declared_schema(store: Store) -> None:  # noqa: F811
    assert current_revision(store.engine) == head_revision() == "0006"
    # The full-text search index is dialect-specific (FTS5 table and its shadow tables; a GIN index): migration only.
    def declared(_obj: object, name: str | None, *_args: object) -> bool:
        return not (name or "").startswith(schema.SEARCH_OBJECTS)

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"include_object": declared}), schema.metadata)
    assert diff == []


def test_db_upgrade_command(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    result = CliRunner().invoke(main, ["db", "upgrade", "--db", url])
    assert result.exit_code == 0, result.output
    assert head_revision() in result.output
    with Store.open(url) as s:
        assert current_revision(s.engine) == head_revision()


def test_sqlite_is_wal_with_foreign_keys(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'w.db'}") as s, s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_writing_a_batch_twice_stores_it_once(store: Store) -> None:  # noqa: F811
    first = store.write_batch(_events())
    once = store.counts()
    second = store.write_batch(_events())
    assert (first.new_articles, second.new_articles, second.skipped_articles) == (2, 0, 2)
    assert store.counts() == once
    assert (once["articles"], once["events"], once["mentions"], once["event_articles"]) == (2, 2, 2, 2)
    assert once["evidence"] >= 4 and once["event_actors"] == 3


def test_an_article_the_database_refuses_is_rolled_back_alone(store: Store) -> None:  # noqa: F811
    bad = event(MAHJEH, "unknown gunmen shot and killed", day=date(2023, 4, 25))
    bad = bad.model_copy(update={"event_type": None})  # violates NOT NULL in the middle of the batch
    result = store.write_batch([_events()[0], (MAHJEH, [bad])])
    counts = store.counts()
    assert (result.new_articles, counts["articles"], counts["events"], counts["mentions"]) == (1, 1, 1, 1)
    assert store.article(BUGHAZ.id) == BUGHAZ and store.article(MAHJEH.id) is None
    [reject] = store.rejects()
    assert reject["code"] == "E022" and MAHJEH.id in reject["reason"] and [r.code for r in result.failed] == ["E022"]
    assert len(reject["reason"].splitlines()) == 1 and "gunmen" not in reject["reason"]  # no article text


def test_a_failing_merge_leaves_nothing_of_the_batch(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    from eventwire.store import write

    def broken(*args: object) -> int:
        raise sa.exc.IntegrityError("INSERT", {}, Exception("constraint"))

    monkeypatch.setattr(write, "_replace_events", broken)
    with pytest.raises(StoreError):
        store.write_batch(_events())
    assert store.counts()["articles"] == 0 and store.counts()["events"] == 0


def test_article_round_trip(store: Store) -> None:  # noqa: F811
    store.write_batch(_events())
    back = store.article(BUGHAZ.id)
    assert back == BUGHAZ


def test_rejects_are_kept_once_with_reason(store: Store) -> None:  # noqa: F811
    reject = InputError("E006", "Expecting value", path="feed.jsonl", line=7)
    store.write_batch([], [reject])
    store.write_batch([], [reject])
    rows = store.rejects()
    assert len(rows) == 1
    assert (rows[0]["path"], rows[0]["line"], rows[0]["code"]) == ("feed.jsonl", 7, "E006")
    assert "not valid JSON" in rows[0]["reason"]


@pytest.mark.parametrize("f,expected", [
    (EventFilter(), {"Al-Bughaz", "Mahjeh"}),
    (EventFilter(type="attack"), {"Mahjeh"}),
    (EventFilter(type="Battles"), {"Al-Bughaz"}),
    (EventFilter(actor="syrian national"), {"Al-Bughaz"}),
    (EventFilter(country="SYRIA", since=date(2023, 5, 1)), {"Al-Bughaz"}),
    (EventFilter(until=date(2023, 5, 1)), {"Mahjeh"}),
    (EventFilter(bbox=(35.0, 31.0, 37.0, 34.0)), {"Mahjeh"}),
    (EventFilter(limit=1), {"Mahjeh"}),
])
def test_filters(store: Store, f: EventFilter, expected: set[str]) -> None:  # noqa: F811
    store.write_batch(_events())
    assert {se.event.location.name for se in store.events(f) if se.event.location} == expected


@pytest.mark.parametrize("actor", ["REGIME", "military forces of syria", "JWS: Syrian", "Unidentified", "%", "_"])
def test_actor_filter_reads_the_same_page_by_either_plan(store: Store, actor: str) -> None:  # noqa: F811
    """Few matches are gathered off the name index and sorted, many are probed event by event in page order:
    both give every event with an actor holding the text (in any case), in page order, and LIKE's wildcards
    are plain characters."""
    from eventwire.store.query import select_events

    store.write_batch(_events())
    store.write_batch(_events())  # written again: each actor name is still stored once
    with store.engine.connect() as conn:
        pages = {rare: [r.payload for r in conn.execute(select_events(EventFilter(actor=actor), rare_actor=rare))]
                 for rare in (True, False, None)}
        names = conn.scalar(sa.select(sa.func.count()).select_from(schema.actor_names))
    expected = [se.event.model_dump_json() for se in store.events()
                if any(actor.lower() in a.name.lower() for a in se.event.actors)]
    assert pages[True] == pages[False] == pages[None] == expected
    assert names == 3
    if actor in ("REGIME", "%", "_"):
        assert expected == []
    else:
        assert expected


def test_events_command_prints_a_table(store_url: str) -> None:  # noqa: F811
    with Store.open(store_url) as s:
        s.write_batch(_events())
    result = CliRunner().invoke(main, ["events", "--db", store_url, "--type", "Battles"])
    assert result.exit_code == 0, result.output
    assert "Al-Bughaz" in result.output and "Mahjeh" not in result.output


def test_unreachable_database_is_one_coded_line() -> None:
    result = CliRunner().invoke(main, ["events", "--db", "postgresql://nobody:x@127.0.0.1:1/none"])
    assert result.exit_code == 1
    assert result.output.startswith("E021: ") and len(result.output.strip().splitlines()) == 1
