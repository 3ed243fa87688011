"""Events as JSON Lines: the full merged Event (evidence, attribution, sources) plus n_sources and n_mentions."""
from __future__ import annotations

import json
from typing import IO, Iterable

from eventwire.store.query import StoredEvent

__all__ = ["write_jsonl"]


def write_jsonl(events: Iterable[StoredEvent], out: IO[str]) -> int:
    """One JSON object per line; drop `n_sources`/`n_mentions` to load a line back as an `Event`."""
    n = 0
    for se in events:
        record = se.event.model_dump(mode="json")
        record.update(n_sources=se.n_sources, n_mentions=se.n_mentions)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n
