"""Writers at once: two processes on a new store (SQLite and PostgreSQL) end as one clean run would.

Before the fix: two `db upgrade` on a new SQLite file failed 4 times in 5 ("database is locked"), on PostgreSQL 3
in 3 (UniqueViolation); two concurrent ingests into PostgreSQL stored 5-7 events twice over 10,514.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from conftest_store import db_url, write_dev_corpus
from eventwire.devdata import shared_dir
from eventwire.store import Store, schema

TESTS = Path(__file__).resolve().parent
# Columns that say when or by which run a row was written, not what it holds.
VOLATILE = {"ingested_at", "run_id", "updated_at", "at"}
ENV = {**os.environ, "PYTHONPATH": str(TESTS) + os.pathsep + os.environ.get("PYTHONPATH", ""), "PYTHONHASHSEED": "0"}


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def table_hashes(url: str) -> dict[str, tuple[int, str]]:
    """Per table: (rows, sha256 of its rows in a fixed order), without the volatile columns and serial ids."""
    out = {}
    with Store.open(url) as s, s.engine.connect() as conn:
        for table in schema.metadata.sorted_tables:
            if table.name == "ingest_runs":
                continue
            cols = [c for c in table.columns if c.name not in VOLATILE and not (c.name == "id" and c.autoincrement is True
                                                                                 and isinstance(c.type, sa.Integer))]
            rows = sorted(repr(tuple(r)) for r in conn.execute(sa.select(*cols)))
            out[table.name] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16])
    return out


def _start(args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "eventwire.cli", *args], env=ENV, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen[str]) -> str:
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err[-2000:]
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_db_upgrades_at_once_on_a_new_store(tmp_path: Path, backend: str) -> None:
    for round_ in range(3):
        url = db_url(backend, tmp_path, f"new{round_}.db")
        procs = [_start(["db", "upgrade", "--db", url]) for _ in range(2)]
        for proc in procs:
            _finish(proc)


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_two_ingests_at_once_on_a_new_store_equal_one_run(tmp_path: Path, backend: str) -> None:
    if shared_dir() is None:
        pytest.skip("shared dev data absent (set EVENTWIRE_SHARED)")
    corpus = write_dev_corpus(tmp_path / "dev.jsonl", 120)
    args = ["ingest", str(corpus), "--batch-size", "5", "--quiet", "--db"]
    reference = db_url(backend, tmp_path, "one.db")
    _finish(_start(args + [reference]))
    once = table_hashes(reference)
    both = db_url(backend, tmp_path, "two.db")
    procs = [_start(args + [both]) for _ in range(2)]
    for proc in procs:
        _finish(proc)
    assert table_hashes(both) == once
    assert once["articles"][0] == 120
    with Store.open(both) as s, s.engine.connect() as conn:
        statuses = sorted(conn.scalars(sa.text("SELECT status FROM ingest_runs")))
        mismatched = conn.scalar(sa.text(
            "SELECT count(*) FROM events e WHERE e.n_mentions != (SELECT count(*) FROM mentions m "
            "WHERE m.event_id = e.id)"))
    assert statuses == ["done", "done"] and mismatched == 0
