"""Ingest runs left `running` by a process that was killed: recognised by host, pid and process start time."""
from __future__ import annotations

import json
import socket
from datetime import datetime, timezone
from typing import Any

import psutil
import sqlalchemy as sa

from eventwire.store import schema

__all__ = ["mark_stale_runs", "this_process"]


def this_process() -> dict[str, Any]:
    """What identifies the running process: host, pid and its start time (a pid alone is reused)."""
    return {"host": socket.gethostname(), "pid": psutil.Process().pid, "started": psutil.Process().create_time()}


def _gone(process: Any) -> bool:
    """True when `process` ran on this host and is no longer alive; a run of another host is never judged."""
    if not isinstance(process, dict) or process.get("host") != socket.gethostname():
        return False
    try:
        return abs(psutil.Process(int(process["pid"])).create_time() - float(process["started"])) > 1.0
    except psutil.NoSuchProcess:
        return True
    except (psutil.AccessDenied, KeyError, TypeError, ValueError):  # alive, or cannot tell
        return False


def mark_stale_runs(conn: sa.Connection) -> int:
    """Mark `interrupted` every run still `running` whose process is gone; returns how many."""
    r = schema.ingest_runs
    stale = []
    for run_id, args in conn.execute(sa.select(r.c.id, r.c.args).where(r.c.status == "running")):
        try:
            process = json.loads(args or "{}").get("process")
        except (ValueError, AttributeError):
            process = None
        if _gone(process):
            stale.append(run_id)
    if stale:
        conn.execute(sa.update(r).where(r.c.id.in_(stale)).values(status="interrupted",
                                                                   finished_at=datetime.now(timezone.utc)))
    return len(stale)
