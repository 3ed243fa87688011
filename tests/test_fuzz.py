"""Fuzz: mutated real documents, as files and as JSONL, through extract and ingest (SQLite and PostgreSQL).

Assertion: nothing raises (no traceback), and every record in comes out as an article or as a coded reject
(records in = records out + rejects). Bounded for CI (a few minutes); the longer run the README reports is

    EVENTWIRE_FUZZ_EXAMPLES=2500 EVENTWIRE_FUZZ_REPORT=fuzz.json pytest tests/test_fuzz.py -k extract

Documents: the bundled examples, the seed articles and real ACLED notes where ../shared is present.
"""
from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from conftest_store import PG_URL, reset_postgres  # noqa: E402
from eventwire.errors import InputError  # noqa: E402
from eventwire.ingest import ingest  # noqa: E402
from eventwire.intake import iter_articles  # noqa: E402
from eventwire.models import Article  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
N_EXAMPLES = int(os.environ.get("EVENTWIRE_FUZZ_EXAMPLES", "40"))
REPORT = os.environ.get("EVENTWIRE_FUZZ_REPORT")
FUZZ = settings(max_examples=N_EXAMPLES, deadline=None, derandomize=not REPORT, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@lru_cache(maxsize=1)
def documents() -> tuple[str, ...]:
    docs = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    from eventwire.devdata import acled_rows, shared_dir

    shared = shared_dir()
    if shared is not None:
        docs += [p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))]
        for n, row in enumerate(acled_rows("all")):
            if n % 97 == 0:
                docs.append(row["notes"])
            if len(docs) >= 200:
                break
    return tuple(docs)


HOSTILE = ["\x00", "\udcfa", "\ud800", "\ufffd", "\u200f", "\u202e", "\x07", "\x1b[31m", "\u2028", "\ufeff",
           "\U0001F4A5", "e\u0301", "<script>", "</p><p>", "&amp;", "\r\n", "\n\n", "\t", "  ", ".", "...", "?!",
           "Published: 0001-01-01", "January 1, 1", "31/02/2015", "on 9999-12-31", "99999999999999999999 killed",
           "-1 people", "U.S.", "Gen.", "  —  ", ";", ",", "\\", '"', "{", "[" * 50, "*", "_", "**", "[a](", "![",
           "# ", "- ", "<!--", "]]>", "<html><body>"]

_edit = st.one_of(
    st.tuples(st.just("insert"), st.floats(0, 1), st.sampled_from(HOSTILE) | st.text(max_size=20)),
    st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 400)),
    st.tuples(st.just("repeat"), st.floats(0, 1), st.integers(1, 300)),
    st.tuples(st.just("flatten"), st.floats(0, 1), st.integers(0, 0)),
    st.tuples(st.just("truncate"), st.floats(0, 1), st.integers(0, 0)),
)


@st.composite
def mutated(draw: Any) -> str:
    text = draw(st.sampled_from(documents()))
    for kind, where, arg in draw(st.lists(_edit, max_size=6)):
        at = int(where * len(text))
        if kind == "insert":
            text = text[:at] + arg + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + arg:]
        elif kind == "repeat":
            text = text[:at] + text[at:at + arg] * draw(st.integers(2, 30)) + text[at:]
        elif kind == "flatten":
            text = text.replace(". ", " ").replace("\n", " ")
        else:
            text = text[:at]
    return text


def _encode(text: str, damage: list[tuple[float, int]]) -> bytes:
    data = bytearray(text.encode("utf-8", "surrogatepass"))
    for where, byte in damage:
        if data:
            data[int(where * (len(data) - 1))] = byte
    return bytes(data)


_byte_damage = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=2)
_file = st.tuples(st.sampled_from([".txt", ".md", ".html", ".text"]), mutated(), _byte_damage)
_odd = st.one_of(st.none(), st.integers(), st.booleans(), st.lists(st.integers(), max_size=3))
_value = st.one_of(st.text(max_size=30), st.text(max_size=30), st.text(max_size=30), _odd)  # mostly well typed
_record = st.fixed_dictionaries(
    {"text": mutated()},
    optional={"id": st.one_of(st.text(max_size=20), st.integers(), _odd), "html": st.one_of(mutated(), _odd),
              "published": st.one_of(st.sampled_from(["2016-03-01", "0001-01-01", "9999-12-31", "2016-02-30",
                                                      "yesterday", "2016-03-01T10:00:00Z", "", "\x00"]), _odd),
              "title": _value, "source": _value, "url": _value})


def _line(record: dict[str, Any], garbage: str | None) -> str:
    if garbage is not None:  # not JSON at all, or JSON of the wrong shape; never blank
        return "x" + garbage.replace("\n", " ")
    return json.dumps(record)


_garbage = st.one_of(st.none(), st.none(), st.none(), st.text(max_size=40))  # a quarter of the lines are not JSON
_jsonl = st.lists(st.tuples(_record, _garbage), min_size=1, max_size=6)


def _write_inputs(root: Path, files: list[Any], lines: list[Any]) -> tuple[list[Path], int]:
    """Write the fuzzed files and one JSONL file; returns the paths and the number of records in them."""
    paths = []
    for n, (suffix, text, damage) in enumerate(files):
        path = root / f"doc{n:03d}{suffix}"
        path.write_bytes(_encode(text, damage))
        paths.append(path)
    feed = root / "feed.jsonl"
    feed.write_text("\n".join(_line(r, g) for r, g in lines) + "\n", encoding="utf-8", errors="surrogatepass")
    return paths + [feed], len(files) + len(lines)


class Totals:
    """What the fuzz run saw, written to EVENTWIRE_FUZZ_REPORT after every example (the README's figures)."""

    counts: dict[str, int] = {"documents": 0, "records_in": 0, "records_out": 0, "rejects": 0, "events": 0}
    codes: dict[str, int] = {}

    @classmethod
    def add(cls, documents: int, records: int, out: list[Any], rejects: list[InputError]) -> None:
        for key, n in (("documents", documents), ("records_in", records), ("records_out", len(out)),
                       ("rejects", len(rejects)), ("events", sum(len(events) for _, events in out))):
            cls.counts[key] += n
        for r in rejects:
            cls.codes[r.code] = cls.codes.get(r.code, 0) + 1
        if REPORT:
            Path(REPORT).write_text(json.dumps({**cls.counts, "reject_codes": dict(sorted(cls.codes.items()))}) + "\n")


@lru_cache(maxsize=1)
def _pipeline() -> Any:
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.warm()
    return pipeline


@FUZZ
@given(files=st.lists(_file, max_size=5), lines=_jsonl)
def test_fuzz_extract_every_record_is_an_article_or_a_reject(files: list[Any], lines: list[Any]) -> None:
    if REPORT:  # a long run: keep the example at hand and dump the stack should one hang
        import faulthandler
        import pickle

        Path(REPORT + ".example").write_bytes(pickle.dumps((files, lines)))
        faulthandler.dump_traceback_later(120, exit=True, file=open(REPORT + ".stack", "w"))  # noqa: SIM115
    with tempfile.TemporaryDirectory() as tmp:
        paths, records = _write_inputs(Path(tmp), files, lines)
        rejects: list[InputError] = []
        articles = []
        for item in iter_articles(paths):
            (rejects if isinstance(item, InputError) else articles).append(item)
        assert all(isinstance(a, Article) for a in articles)
        out = list(_pipeline().process(articles, on_error=rejects.append))
        for article, events in out:
            for e in events:
                assert 0 <= e.sentence.start <= e.sentence.end <= len(article.text)
        assert all(str(r).startswith("E0") and "\n" not in str(r) for r in rejects)
        assert records == len(out) + len(rejects), [str(r) for r in rejects]
        Totals.add(len(files) + len(lines), records, out, rejects)


def _store_urls() -> list[Any]:
    return ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.mark.parametrize("backend", _store_urls())
def test_fuzz_ingest_stores_or_rejects_every_record(backend: str) -> None:
    if backend == "postgres" and not PG_URL:
        pytest.skip("EVENTWIRE_TEST_PG_URL unset: run `eval \"$(scripts/postgres.sh)\"` to test on PostgreSQL")

    @settings(FUZZ, max_examples=max(5, N_EXAMPLES // 4))
    @given(files=st.lists(_file, max_size=4), lines=_jsonl)
    def run(files: list[Any], lines: list[Any]) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            paths, records = _write_inputs(root, files, lines)
            url = PG_URL if backend == "postgres" else f"sqlite:///{root / 'fuzz.db'}"
            if backend == "postgres":
                reset_postgres(url)
            seen: list[InputError] = []
            stats = ingest(paths, url, batch_size=3, on_reject=seen.append)
            late = [r for r in seen if r.code in ("E022", "E040", "E041")]  # articles read, then refused
            assert records == stats.read + len(seen) - len(late)
            assert stats.read == stats.new + stats.skipped + len(late)
            from eventwire.store import Store

            with Store.open(url) as s:
                counts = s.counts()
            assert counts["articles"] == stats.new and counts["rejects"] <= len(seen)

    run()
