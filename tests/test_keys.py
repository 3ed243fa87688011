"""The user's ids survive: input ids are the article's key everywhere the user looks, two ids with one text are
two articles, and an event's public id does not change as more articles merge into it."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from conftest_store import event, sql_rows, store, store_url  # noqa: F401 - fixtures
from eventwire.intake import iter_articles
from eventwire.models import Article, article_key, content_hash
from eventwire.store import Store
from eventwire.store.export import export_events

# A real ACLED note (SYR113663) and a second outlet's wording of the same event, written for this test.
NOTE = ("On 22 May 2023, JWS members infiltrated into regime forces positions in Al-Bughaz town in Aleppo "
        "countryside, killing 2 regime forces.")
OTHER_OUTLET = ("Two regime soldiers were killed on 22 May 2023 when JWS fighters infiltrated army positions in "
                "Al-Bughaz in the Aleppo countryside.")
THIRD_OUTLET = ("Fighters of JWS attacked regime positions in Al-Bughaz, Aleppo countryside, on 22 May 2023; "
                "two soldiers died.")
DAY = date(2023, 5, 22)
PLACE = ("Al-Bughaz", 36.4695, 37.6564)
ACTORS = ("JWS: Syrian National Army", "Military Forces of Syria (2000-)")


def _keyed(text: str, input_id: str, source: str) -> Article:
    return Article(id=article_key(text, input_id), input_id=input_id, text=text, source=source, published=DAY)


def _bughaz(a: Article, phrase: str) -> tuple[Article, list]:  # type: ignore[type-arg]
    return a, [event(a, phrase, day=DAY, place=PLACE, admin1="Aleppo", actors=ACTORS, fatalities=2)]


def _read_jsonl(path: Path, records: list[dict[str, str]]) -> list[Article]:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return [a for a in iter_articles([path]) if isinstance(a, Article)]


def test_two_ids_with_identical_text_are_two_articles(tmp_path: Path) -> None:
    a, b = _read_jsonl(tmp_path / "in.jsonl", [{"id": "SYR113663", "text": NOTE}, {"id": "SYR113664", "text": NOTE}])
    assert a.id != b.id and (a.input_id, b.input_id) == ("SYR113663", "SYR113664")


def test_the_same_id_and_text_read_again_is_the_same_article(tmp_path: Path) -> None:
    (a,) = _read_jsonl(tmp_path / "one.jsonl", [{"id": "SYR113663", "text": NOTE}])
    (b,) = _read_jsonl(tmp_path / "two.jsonl", [{"id": "SYR113663", "text": NOTE}])
    assert a.id == b.id


def test_without_ids_the_text_is_the_key(tmp_path: Path) -> None:
    a, b = _read_jsonl(tmp_path / "in.jsonl", [{"text": NOTE}, {"text": NOTE}])
    assert a.id == b.id == content_hash(a.text)


def test_identical_texts_under_two_ids_are_both_stored(store: Store) -> None:  # noqa: F811
    first, second = _keyed(NOTE, "SYR113663", "SOHR"), _keyed(NOTE, "SYR900001", "SOHR")
    result = store.write_batch([_bughaz(first, "JWS members infiltrated"), _bughaz(second, "JWS members infiltrated")])
    assert (result.new_articles, result.skipped_articles) == (2, 0)
    again = store.write_batch([_bughaz(_keyed(NOTE, "SYR113663", "SOHR"), "JWS members infiltrated")])
    assert (again.new_articles, again.skipped_articles) == (0, 1)


def test_an_events_public_id_stays_as_articles_merge_into_it(store: Store) -> None:  # noqa: F811
    store.write_batch([_bughaz(_keyed(NOTE, "SYR113663", "SOHR"), "JWS members infiltrated")])
    (first,) = list(store.events())
    assert first.event.id.startswith("SYR") and first.event.article_ids == ["SYR113663"]
    store.write_batch([_bughaz(_keyed(OTHER_OUTLET, "reuters-0522", "Reuters"), "JWS fighters infiltrated")])
    store.write_batch([_bughaz(_keyed(THIRD_OUTLET, "afp-0522", "AFP"), "Fighters of JWS attacked")])
    (merged,) = list(store.events())
    assert merged.n_sources == 3
    assert merged.event.id == first.event.id
    assert merged.event.article_ids == ["SYR113663", "afp-0522", "reuters-0522"]
    assert sql_rows(store, "SELECT DISTINCT event_id FROM mentions") == [(first.event.id,)]


def test_public_ids_are_never_reused(store: Store) -> None:  # noqa: F811
    a = _keyed(NOTE, "SYR113663", "SOHR")
    store.write_batch([_bughaz(a, "JWS members infiltrated")])
    (only,) = list(store.events())
    with store.engine.begin() as conn:  # the event goes (as a split or a delete would take it)
        conn.execute(sa.text("DELETE FROM articles"))
        conn.execute(sa.text("DELETE FROM events"))
    store.write_batch([_bughaz(_keyed(OTHER_OUTLET, "reuters-0522", "Reuters"), "JWS fighters infiltrated")])
    (new,) = list(store.events())
    assert new.event.id.startswith("SYR") and new.event.id != only.event.id


def test_exports_carry_the_input_ids(store: Store, tmp_path: Path) -> None:  # noqa: F811
    import pandas as pd

    store.write_batch([_bughaz(_keyed(NOTE, "SYR113663", "SOHR"), "JWS members infiltrated"),
                       _bughaz(_keyed(OTHER_OUTLET, "reuters-0522", "Reuters"), "JWS fighters infiltrated")])
    ids = ["SYR113663", "reuters-0522"]
    export_events(store, "jsonl", tmp_path / "e.jsonl")
    (line,) = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["article_ids"]) == sorted(ids)
    export_events(store, "geojson", tmp_path / "e.geojson")
    feature = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))["features"][0]
    assert sorted(feature["properties"]["article_ids"]) == sorted(ids)
    export_events(store, "parquet", tmp_path / "e.parquet")
    assert sorted(pd.read_parquet(tmp_path / "e.parquet")["article_ids"][0]) == sorted(ids)
    export_events(store, "acled", tmp_path / "e.csv")
    row = pd.read_csv(tmp_path / "e.csv").iloc[0]
    assert sorted(row["article_id"].split("; ")) == sorted(ids)
    assert row["event_id_cnty"] == feature["id"] and row["source_scale"] == "Other-International"


def test_migration_0002_fills_article_ids_of_events_stored_before(tmp_path: Path) -> None:
    import alembic.command

    from eventwire.store.engine import make_engine
    from eventwire.store.migrate import _config, head_revision, upgrade

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        alembic.command.upgrade(cfg, "0001")
        a = _keyed(NOTE, "SYR113663", "SOHR")
        payload = event(a, "JWS members infiltrated", day=DAY, place=PLACE).model_copy(update={"id": "e0123"})
        conn.execute(sa.text("INSERT INTO articles (id, input_id, text, ingested_at) VALUES (:id, :i, :t, :at)"),
                     {"id": a.id, "i": "SYR113663", "t": NOTE, "at": "2023-05-23 00:00:00"})
        conn.execute(sa.text("INSERT INTO events (id, kind, event_type, sub_event_type, background, notes, n_sources, "
                             "n_mentions, confidence, payload, updated_at) VALUES ('e0123', 'event', 'Battles', "
                             "'Armed clash', 0, '', 1, 1, 1.0, :p, '2023-05-23 00:00:00')"),
                     {"p": payload.model_dump_json()})
        conn.execute(sa.text("INSERT INTO event_articles VALUES ('e0123', :a)"), {"a": a.id})
    assert upgrade(engine) == head_revision()  # 0002 fills them; later revisions keep them
    with Store(engine) as s:
        (kept,) = list(s.events())
    assert kept.event.id == "e0123" and kept.event.article_ids == ["SYR113663"]
