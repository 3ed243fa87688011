"""Build `data/common_words.txt`: words that news writes in lower case, so that a capitalised "Metro", "Parks" or
"Federal" at a sentence start is not taken for a town of that name. Mined from the dev train split's notes (or,
for the generalisation splits, any rows) and the event_location sentences. Deterministic:
`python scripts/build_common_words.py`."""
from __future__ import annotations

import collections
import json
import re
from pathlib import Path
from typing import Iterable

__all__ = ["MIN_COUNT", "OUT", "build"]

MIN_COUNT = 2
OUT = Path(__file__).resolve().parents[1] / "data" / "common_words.txt"
_LOWER_WORD = re.compile(r"(?<![\w'-])[a-z][a-z'-]{2,}(?![\w'-])")


def build(rows: Iterable[dict[str, str]], out_path: Path = OUT, sentences: Path | None = None) -> int:
    """Write the words seen at least MIN_COUNT times in lower case in the rows' notes and the news sentences of
    `sentences` (default: the shared event_location_labeled.jsonl); returns how many."""
    from eventwire.devdata import shared_dir

    counts: collections.Counter[str] = collections.Counter()
    for row in rows:
        counts.update(_LOWER_WORD.findall(row["notes"]))
    sentences = sentences or (shared_dir() or Path("shared")) / "eval" / "event_location_labeled.jsonl"
    with open(sentences, encoding="utf-8") as fh:
        for line in fh:  # news sentences: the words reporters write in lower case
            counts.update(_LOWER_WORD.findall(json.loads(line)["text"]))
    words = sorted(w for w, n in counts.items() if n >= MIN_COUNT)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text("\n".join(words) + "\n", encoding="utf-8")
    return len(words)
