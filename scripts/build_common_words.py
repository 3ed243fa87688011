"""Build src/eventwire/data/common_words.txt: words that news writes in lower case, so that a capitalised
"Metro", "Parks" or "Federal" at a sentence start is not taken for a town of that name. Mined from the dev
train split's notes and the event_location sentences. Deterministic: `python scripts/build_common_words.py`."""
from __future__ import annotations

import collections
import re
from pathlib import Path

import json

from eventwire.devdata import acled_rows, shared_dir

MIN_COUNT = 2


def main() -> None:
    counts: collections.Counter[str] = collections.Counter()
    for row in acled_rows("train"):
        counts.update(re.findall(r"(?<![\w'-])[a-z][a-z'-]{2,}(?![\w'-])", row["notes"]))
    with open((shared_dir() or Path("shared")) / "eval" / "event_location_labeled.jsonl", encoding="utf-8") as fh:
        for line in fh:  # news sentences: the words reporters write in lower case
            counts.update(re.findall(r"(?<![\w'-])[a-z][a-z'-]{2,}(?![\w'-])", json.loads(line)["text"]))
    words = sorted(w for w, n in counts.items() if n >= MIN_COUNT)
    out = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "common_words.txt"
    out.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {out}")


if __name__ == "__main__":
    main()
