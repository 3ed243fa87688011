"""Numbered Alembic migrations shipped in the package, run programmatically."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

__all__ = ["upgrade", "current_revision", "head_revision"]

_MIGRATIONS = Path(__file__).with_name("migrations")
MIGRATION_LOCK = 0x65770000  # PostgreSQL advisory lock key of migrations ("ew" + 0)


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@contextmanager
def _migration_lock(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A transaction that only one process at a time holds: two processes starting on a new database would
    otherwise both create the tables. PostgreSQL: a transaction-scoped advisory lock; SQLite: BEGIN IMMEDIATE
    (the write lock, waited for up to the busy timeout). Alembic reads the revision inside, so the second
    process finds the tables made and does nothing."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            yield conn
    else:
        with engine.execution_options(writer=True).begin() as conn:
            yield conn


def upgrade(engine: sa.Engine, revision: str = "head") -> str | None:
    """Bring the database to `revision`; returns the revision it is at afterwards. Safe to run from several
    processes at once."""
    cfg = _config()
    with _migration_lock(engine) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return current_revision(engine)
