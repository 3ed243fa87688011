"""Time per character on flattened text: scraped news with its sentence ends lost, one "sentence" per article.

    python benchmarks/bench_long.py --sizes 1000,12500,50000,100000,200000

The text joins real ACLED notes (dev data, all splits: only timing is measured) with their full stops and line
breaks removed, cut to each size. Prints seconds and microseconds per character for each size, and the ratio of
the largest to the smallest per-character time (flat: close to 1).
"""
from __future__ import annotations

import argparse
import json
import re
import time

from eventwire.devdata import acled_rows
from eventwire.intake import article_from_text
from eventwire.pipeline import Pipeline


def flattened(chars: int) -> str:
    parts: list[str] = []
    total = 0
    for row in acled_rows("all"):
        note = re.sub(r"[.!?]+(\s|$)", r"\1", row["notes"]).replace("\n", " ")
        parts.append(note)
        total += len(note) + 1
        if total >= chars:
            break
    return " ".join(parts)[:chars]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,12500,50000,100000,200000")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    pipeline = Pipeline()
    pipeline.warm()
    list(pipeline.process([article_from_text(flattened(2000))]))
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        text = flattened(size)
        best = float("inf")
        for _ in range(args.repeat):
            article = article_from_text(text)
            t = time.perf_counter()
            [(_, events)] = list(pipeline.process([article]))
            best = min(best, time.perf_counter() - t)
        rows.append({"chars": len(text), "seconds": round(best, 3), "us_per_char": round(1e6 * best / len(text), 2),
                     "events": len(events)})
        print(json.dumps(rows[-1]), flush=True)
    per = [r["us_per_char"] for r in rows]
    print(json.dumps({"max_over_min_us_per_char": round(max(per) / min(per), 2)}))


if __name__ == "__main__":
    main()
