"""Store fixtures and builders shared by the store, ingest, merge and export tests (import what you use).

`store` is parametrized over SQLite and PostgreSQL; the PostgreSQL case runs when EVENTWIRE_TEST_PG_URL is set
(scripts/postgres.sh starts a server and prints it) and skips with that reason otherwise.
"""
from __future__ import annotations

import json
import os
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any, Iterator

import pytest
import sqlalchemy as sa

from eventwire.models import Actor, Article, Event, Fatalities, GeoPrecision, Location, Span, TimeSpan, content_hash
from eventwire.store import Store
from eventwire.store.engine import make_engine

SHARED = Path(__file__).resolve().parents[2] / "shared"
PG_URL = os.environ.get("EVENTWIRE_TEST_PG_URL")
needs_shared = pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason=f"shared dev data absent ({SHARED})")


def reset_postgres(url: str) -> None:
    """Drop every table of the test database, so each test starts from an empty, unmigrated store."""
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


def db_url(backend: str, tmp_path: Path, name: str = "eventwire.db") -> str:
    if backend == "postgres":
        if not PG_URL:
            pytest.skip("EVENTWIRE_TEST_PG_URL unset: run `eval \"$(scripts/postgres.sh)\"` to test on PostgreSQL")
        reset_postgres(PG_URL)
        return PG_URL
    return f"sqlite:///{tmp_path / name}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return db_url(request.param, tmp_path)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as s:
        yield s


def article(text: str, *, source: str = "test", published: date | None = None, input_id: str | None = None) -> Article:
    return Article(id=content_hash(text), text=text, source=source, published=published, input_id=input_id)


def span_of(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start=start, end=start + len(phrase))


def event(a: Article, sentence: str, *, event_type: str = "Battles", sub_event_type: str = "Armed clash",
          day: date | None = None, place: tuple[str, float | None, float | None] | None = None,
          admin1: str | None = None, country: str | None = "Syria", actors: tuple[str, ...] = (),
          fatalities: int | None = None, geo_precision: GeoPrecision = GeoPrecision.EXACT) -> Event:
    """A hand-built event of article `a`, with evidence spans found in its text; its sentence is the whole sentence
    of `a` that holds the phrase `sentence` (as the pipeline's events are)."""
    from eventwire.nlp.sentences import split_sentences

    phrase = span_of(a.text, sentence)
    sent = next((Span(start=s, end=e) for s, e in split_sentences(a.text) if s <= phrase.start and phrase.end <= e),
                phrase)
    loc = None
    if place:
        name, lat, lon = place
        loc = Location(text=name, name=name, admin1=admin1, country=country, lat=lat, lon=lon,
                       geo_precision=geo_precision, evidence=[span_of(a.text, name)] if name in a.text else [])
    roles = ("actor1", "actor2")
    return Event(
        article_id=a.id, event_type=event_type, sub_event_type=sub_event_type, sentence=sent, evidence=[sent],
        actors=[Actor(text=n, name=n, role=r) for n, r in zip(actors, roles)],  # type: ignore[arg-type]
        location=loc, time=TimeSpan(start=day, end=day) if day else None,
        fatalities=Fatalities(best=fatalities) if fatalities is not None else None,
        notes=a.text[sent.start:sent.end],
    )


def dev_articles(n: int, per_article: int = 2) -> Iterator[dict[str, Any]]:
    """`n` JSONL records, each joining ACLED notes of one country and day into an article (real sentences)."""
    from eventwire.devdata import acled_rows

    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    made = 0
    for row in acled_rows("all"):
        key = (row["country"], row["event_date"])
        groups[key].append(row["notes"])
        if len(groups[key]) == per_article:
            notes = groups.pop(key)
            yield {"id": f"dev-{made:06d}", "title": f"{key[0]}: reports of {key[1]}", "text": "\n\n".join(notes),
                   "published": key[1], "source": "dev ACLED notes"}
            made += 1
            if made == n:
                return


def write_dev_corpus(path: Path, n: int, per_article: int = 2) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for record in dev_articles(n, per_article):
            fh.write(json.dumps(record) + "\n")
    return path


def table_counts(url: str) -> dict[str, int]:
    with Store.open(url) as s:
        counts = s.counts()
    counts.pop("ingest_runs")
    return counts


def sql_rows(store: Store, query: str) -> list[Any]:
    with store.engine.connect() as conn:
        return list(conn.execute(sa.text(query)))


def throttled_cli(seconds_per_batch: float = 0.1) -> None:
    """`eventwire` with each extraction batch slowed down, so a test's SIGKILL surely lands mid-run.

    Run as `python -c "import conftest_store as c; c.throttled_cli()" ingest ...` with tests/ on PYTHONPATH.
    Only the timing changes: reading, extraction and writing are the real ones.
    """
    import sys
    import time

    import eventwire.ingest as ingest_module
    from eventwire.cli import main

    real = ingest_module.extract_chunk

    def slow(articles: Any) -> Any:
        time.sleep(seconds_per_batch)
        return real(articles)

    ingest_module.extract_chunk = slow  # type: ignore[assignment]
    sys.argv[0] = "eventwire"
    main()
