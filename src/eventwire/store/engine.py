"""Database URLs and engines: SQLite (WAL, foreign keys on) and PostgreSQL (psycopg 3)."""
from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from eventwire import settings
from eventwire.errors import StoreError

__all__ = ["normalise_url", "make_engine"]

BUSY_MS = 30_000  # how long a SQLite connection waits for another writer before giving up


def normalise_url(url: str | None = None) -> str:
    """A SQLAlchemy URL for `url` (default: setting db_url); a bare path means a SQLite file."""
    url = url or str(settings.get("db_url"))
    if re.match(r"^postgres(ql)?://", url):
        return re.sub(r"^postgres(ql)?://", "postgresql+psycopg://", url)
    if url.startswith(("postgresql+psycopg://", "sqlite://")):
        return url
    if "://" in url:
        raise StoreError("E020", f"{url.split('://')[0]}:// (use sqlite:///path or postgresql://...)")
    return "sqlite:///" + str(Path(url))


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # pysqlite's own transaction handling would defer BEGIN; we issue it ourselves (see make_engine).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_MS}")  # first: the pragmas below may wait for another process
    _retry_locked(lambda: cur.execute("PRAGMA journal_mode=WAL"))
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a crash loses no committed batch, only speed
    cur.close()


def _retry_locked(fn: Any, attempts: int = 50, pause: float = 0.1) -> Any:
    """`fn()`, retried while SQLite says the database is locked: switching a new file to WAL needs a lock that
    the busy timeout does not always wait for (two processes creating one database at once)."""
    for n in range(attempts):
        try:
            return fn()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or n == attempts - 1:
                raise
            time.sleep(pause)
    return None


def _sqlite_begin(conn: Any) -> None:
    # A writer takes the lock up front (no lock-upgrade failure mid-batch); readers never block the writer.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("writer") else "BEGIN")


def make_engine(url: str | None = None) -> sa.Engine:
    """An engine for `url`, with the SQLite pragmas set on every connection."""
    full = normalise_url(url)
    try:
        engine = sa.create_engine(full, future=True)
    except (sa.exc.ArgumentError, ModuleNotFoundError) as exc:
        raise StoreError("E020", str(exc)) from exc
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        sa.event.listen(engine, "begin", _sqlite_begin)
    return engine
