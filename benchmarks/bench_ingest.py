"""Ingest benchmark: articles/s and peak memory, 1x vs 10x corpus, in-process vs 1 and 2 Dask workers.

    python benchmarks/bench_ingest.py [--n 1000] [--scale 10] [--out /tmp/bench] [--skip-big] [--in-process-only]

The corpus joins consecutive real ACLED notes (dev data) two by two into articles, with overlap (article k holds
notes k and k+1), so most events are reported by two articles and merging does real work. Each configuration runs
`eventwire ingest` in a fresh process on a fresh SQLite store; peak RSS is sampled over the whole process tree
(client + Dask workers). The big corpus is then ingested a second time to check that the counts do not change.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil

from eventwire.devdata import acled_rows, shared_dir
from eventwire.store import Store


def write_corpus(path: Path, n: int) -> Path:
    notes = [(r["event_date"], r["notes"], r["source"]) for r in acled_rows("all")]
    if n > len(notes) - 1:
        raise SystemExit(f"dev data has {len(notes)} notes: at most {len(notes) - 1} articles")
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(n):
            (day, first, source), (_, second, _) = notes[k], notes[k + 1]
            fh.write(json.dumps({"id": f"bench-{k:06d}", "text": first + "\n\n" + second, "published": day,
                                 "source": source}) + "\n")
    return path


def _tree_rss(proc: psutil.Process) -> tuple[int, int]:
    """(RSS of the process, RSS of it and all its descendants), in bytes."""
    try:
        own = proc.memory_info().rss
        kids = sum(c.memory_info().rss for c in proc.children(recursive=True))
    except psutil.Error:
        return 0, 0
    return own, own + kids


def run_ingest(corpus: Path, db: Path, extra: list[str]) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "eventwire.cli", "ingest", str(corpus), "--db", f"sqlite:///{db}", "--quiet",
           *extra]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    peak_own = peak_tree = 0
    while proc.poll() is None:
        own, tree = _tree_rss(ps)
        peak_own, peak_tree = max(peak_own, own), max(peak_tree, tree)
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    stderr = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed ({proc.returncode}): {stderr[-2000:]}")
    with Store.open(f"sqlite:///{db}") as store:
        counts = store.counts()
    summary = stderr.strip().splitlines()[-1] if stderr.strip() else ""
    return {"seconds": round(seconds, 1), "peak_rss_mb": round(peak_own / 2**20),
            "peak_tree_rss_mb": round(peak_tree / 2**20), "summary": summary,
            "articles": counts["articles"], "mentions": counts["mentions"], "events": counts["events"],
            "rejects": counts["rejects"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="articles in the 1x corpus")
    ap.add_argument("--scale", type=int, default=10, help="the big corpus is scale x n articles")
    ap.add_argument("--out", type=Path, default=Path("/tmp/eventwire-bench"))
    ap.add_argument("--skip-big", action="store_true", help="only the 1x runs")
    ap.add_argument("--in-process-only", action="store_true", help="skip the Dask runs (memory at 1x vs 10x only)")
    args = ap.parse_args()
    if shared_dir() is None:
        raise SystemExit("shared dev data not found (set EVENTWIRE_SHARED)")
    args.out.mkdir(parents=True, exist_ok=True)
    small = write_corpus(args.out / f"corpus_{args.n}.jsonl", args.n)
    runs: list[tuple[str, Path, list[str]]] = [("in-process 1x", small, [])]
    if not args.in_process_only:
        runs += [("dask 1 worker 1x", small, ["--workers", "1"]), ("dask 2 workers 1x", small, ["--workers", "2"])]
    if not args.skip_big:
        big = write_corpus(args.out / f"corpus_{args.n * args.scale}.jsonl", args.n * args.scale)
        runs.append((f"in-process {args.scale}x", big, []))
    results: dict[str, dict[str, Any]] = {}
    for name, corpus, extra in runs:
        db = args.out / (name.replace(" ", "_") + ".db")
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        n = sum(1 for _ in open(corpus, encoding="utf-8"))
        result = run_ingest(corpus, db, extra)
        result["articles_per_s"] = round(n / result["seconds"], 1)
        if name.startswith("in-process") and corpus != small:
            again = run_ingest(corpus, db, extra)
            result["second_run_same_counts"] = all(again[k] == result[k] for k in ("articles", "mentions",
                                                                                  "events", "rejects"))
            result["second_run_seconds"] = again["seconds"]
        results[name] = result
        print(f"{name:22} {json.dumps(result)}", flush=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"cpus: {os.cpu_count()}; results in {args.out / 'results.json'}")


if __name__ == "__main__":
    main()
