"""REST API load benchmark: p50/p99 latency of filtered `GET /api/events?limit=100` and `GET /api/events/{id}`
over a store of N synthetic events, against a real `eventwire serve` (uvicorn) in a subprocess, over loopback.

    python benchmarks/bench_api.py [--n 1000000] [--requests 200] [--db /tmp/eventwire-bench-api/events-N.db]

The store is made once (and reused while its file exists: --rebuild to remake it) by bulk inserts, not the
extractor: each event is a real ACLED note of the dev data (../shared/eval/*.csv) with its type, actors,
country and province, under a fresh id, a date drawn from 2012-2025 and its coordinates moved by up to ~20 km.
The store goes through the real migrations first, so it has the indexes and the full-text table the app has.
Requests are sent one at a time (latency, not throughput), after a warm-up pass; bounded to ~10 minutes at
N = 1,000,000 on 2 cores (building the store is most of it).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Iterator

import httpx

from eventwire.devdata import acled_rows, shared_dir
from eventwire.store import Store

MIXES: dict[str, dict[str, Any]] = {  # name -> query parameters (limit=100 is added)
    "no filter": {},
    "country": {"country": "Syria"},
    "country+type": {"country": "Yemen", "type": "Battles"},
    "sub-type": {"type": "Air/drone strike"},
    "admin1": {"country": "Syria", "admin1": "Idleb"},
    "month window": {"since": "2020-03-01", "until": "2020-03-31"},
    "bbox": {"bbox": "36.0,35.5,37.5,36.8"},
    "q (full text)": {"q": "drone"},
    "q + country": {"q": "shelling", "country": "Syria"},
    "actor": {"actor": "hayat tahrir"},
    "actor (rare)": {"actor": "national salvation"},  # ~300 of a million: gathered off the name index
    "confidence+flags": {"min_confidence": 0.9, "background": "false", "main": "true"},
    "deep page": {"country": "Syria", "offset": 5000},
}
_START = date(2012, 1, 1)
_DAYS = (date(2025, 12, 31) - _START).days


def _templates() -> list[dict[str, Any]]:
    rows = [r for r in acled_rows("all") if r.get("notes") and r.get("latitude")]
    if not rows:
        raise SystemExit("no ACLED dev notes found (../shared/eval): the benchmark needs them")
    return rows


def _payload(i: int, row: dict[str, Any], day: date, lat: float, lon: float, rng: random.Random) -> dict[str, Any]:
    notes = row["notes"]
    actors = [{"text": row[k], "name": row[k], "role": k, "inter": None, "evidence": []}
              for k in ("actor1", "actor2") if row.get(k)]
    return {
        "id": f"BX{i}", "article_id": f"bench{i:07d}", "kind": "event", "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"], "background": rng.random() < 0.05, "main": rng.random() < 0.3,
        "trigger": "", "sentence": {"start": 0, "end": len(notes)}, "evidence": [{"start": 0, "end": len(notes)}],
        "actors": actors,
        "location": {"text": row["location"], "name": row["location"], "admin1": row["admin1"] or None,
                     "admin2": row.get("admin2") or None, "country": row["country"], "lat": lat, "lon": lon,
                     "geo_precision": int(row.get("geo_precision") or 1), "relation": None, "evidence": []},
        "time": {"text": None, "start": day.isoformat(), "end": day.isoformat(), "time_precision": 1,
                 "resolved": True, "evidence": []},
        "fatalities": {"best": int(row.get("fatalities") or 0), "low": None, "high": None, "evidence": []},
        "attribution": None, "defection": None, "notes": notes, "sources": [row.get("source") or "bench"],
        "article_ids": [f"bench{i:07d}"], "confidence": round(0.3 + 0.7 * rng.random(), 3),
    }


def _rows(n: int, templates: list[dict[str, Any]]) -> Iterator[tuple[tuple[Any, ...], list[tuple[Any, ...]], str]]:
    rng = random.Random(20261202)
    now = "2026-01-01 00:00:00"
    for i in range(n):
        row = templates[i % len(templates)]
        day = _START + timedelta(days=rng.randrange(_DAYS))
        lat = round(float(row["latitude"]) + rng.uniform(-0.2, 0.2), 5)
        lon = round(float(row["longitude"]) + rng.uniform(-0.2, 0.2), 5)
        p = _payload(i, row, day, lat, lon, rng)
        event = (p["id"], "event", p["event_type"], p["sub_event_type"], p["background"], day.isoformat(),
                 day.isoformat(), 1, p["location"]["country"], p["location"]["admin1"], p["location"]["admin2"],
                 p["location"]["name"], lat, lon, p["location"]["geo_precision"], p["fatalities"]["best"],
                 None, None, row.get("actor1") or None, row.get("actor2") or None, None, None, p["notes"], 1, 1,
                 p["confidence"], p["main"], i + 1, json.dumps(p), now)
        actors = [(p["id"], a["role"], a["name"], a["text"], None) for a in p["actors"]]
        yield event, actors, p["notes"]


_EVENT_SQL = ("INSERT INTO events (id, kind, event_type, sub_event_type, background, date_start, date_end, "
              "time_precision, country, admin1, admin2, location, lat, lon, geo_precision, fatalities_best, "
              "fatalities_low, fatalities_high, actor1, actor2, assoc_actor_1, assoc_actor_2, notes, n_sources, "
              "n_mentions, confidence, main, search_id, payload, updated_at) VALUES (" + ", ".join("?" * 30) + ")")


def _new_names(names: dict[str, int], actors: list[tuple[Any, ...]]) -> list[tuple[int, str]]:
    """(id, name) of the actor names not in `names` yet, which gets them."""
    new = []
    for name in dict.fromkeys(a[2] for a in actors):
        if name not in names:
            names[name] = len(names) + 1
            new.append((names[name], name))
    return new


def build_store(path: Path, n: int) -> None:
    """Make the store at `path`: migrated by the app's own code, then filled in batches of 20,000."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    Store.open(f"sqlite:///{path}").close()
    templates = _templates()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-400000")
    started = time.perf_counter()
    batch: list[Any] = []
    names: dict[str, int] = {}  # actor name -> its id in actor_names
    for k, item in enumerate(_rows(n, templates), 1):
        batch.append(item)
        if len(batch) == 20_000 or k == n:
            conn.execute("BEGIN")
            conn.executemany(_EVENT_SQL, [e for e, _, _ in batch])
            actors = [a for _, acts, _ in batch for a in acts]
            conn.executemany("INSERT INTO actor_names (id, name) VALUES (?, ?)", _new_names(names, actors))
            conn.executemany("INSERT INTO event_actors (event_id, role, name, text, inter, name_id) "
                             "VALUES (?, ?, ?, ?, ?, ?)", [(*a, names[a[2]]) for a in actors])
            conn.executemany("INSERT INTO event_text (id, event_id, body) VALUES (?, ?, ?)",
                             [(e[-3], e[0], t) for e, _, t in batch])
            conn.execute("COMMIT")
            batch = []
            print(f"\r  {k:,} events ({time.perf_counter() - started:.0f} s)", end="", file=sys.stderr, flush=True)
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    print(f"\n  store built in {time.perf_counter() - started:.0f} s: {path} "
          f"({path.stat().st_size / 2**30:.2f} GiB)", file=sys.stderr)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", f"sqlite:///{db}",
                             "--port", str(port)], stdout=subprocess.DEVNULL, env={**os.environ})
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


def _time(client: httpx.Client, path: str, params: dict[str, Any], n: int) -> tuple[list[float], dict[str, Any]]:
    client.get(path, params=params)  # warm-up: first touch of the pages of this index
    out, last = [], {}
    for _ in range(n):
        t0 = time.perf_counter()
        r = client.get(path, params=params)
        out.append((time.perf_counter() - t0) * 1000)
        r.raise_for_status()
        last = r.json()
    return out, last


def _pct(ms: list[float], p: float) -> float:
    return statistics.quantiles(ms, n=100, method="inclusive")[int(p) - 1] if len(ms) > 1 else ms[0]


def run(db: Path, n_requests: int) -> list[dict[str, Any]]:
    proc, base = _serve(db)
    results = []
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            for name, params in MIXES.items():
                ms, body = _time(client, "/api/events", {"limit": 100, **params}, n_requests)
                results.append({"mix": name, "params": params, "p50_ms": round(_pct(ms, 50), 1),
                                "p99_ms": round(_pct(ms, 99), 1), "page": len(body["events"]),
                                "total": body["total"], "total_exact": body["total_exact"]})
            rng = random.Random(7)
            n_events = _count(db)
            ms = []
            for _ in range(n_requests):
                event_id = f"BX{rng.randrange(n_events)}"
                t0 = time.perf_counter()
                r = client.get(f"/api/events/{event_id}")
                ms.append((time.perf_counter() - t0) * 1000)
                r.raise_for_status()
            results.append({"mix": "GET /api/events/{id}", "params": {}, "p50_ms": round(_pct(ms, 50), 1),
                            "p99_ms": round(_pct(ms, 99), 1), "page": 1, "total": 1, "total_exact": True})
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return results


def _count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="events in the store")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per filter mix")
    parser.add_argument("--db", type=Path, default=None, help="store file (default under /tmp, reused)")
    parser.add_argument("--rebuild", action="store_true", help="remake the store even if the file exists")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    if shared_dir() is None:
        raise SystemExit("../shared (the dev ACLED notes) is absent: the benchmark needs it")
    db = args.db or Path(f"/tmp/eventwire-bench-api/events-{args.n}.db")
    if args.rebuild or not db.is_file() or _count(db) != args.n:
        print(f"building a store of {args.n:,} synthetic events", file=sys.stderr)
        build_store(db, args.n)
    results = run(db, args.requests)
    print(f"{'mix':<22} {'p50 ms':>8} {'p99 ms':>8} {'page':>5} {'total':>9}")
    for r in results:
        total = f"{r['total']:,}" + ("" if r["total_exact"] else "+")
        print(f"{r['mix']:<22} {r['p50_ms']:>8.1f} {r['p99_ms']:>8.1f} {r['page']:>5} {total:>9}")
    worst = max(r["p99_ms"] for r in results)
    print(f"{args.n:,} events, {args.requests} requests per mix; worst p99 {worst:.1f} ms (goal < 100 ms)")
    if args.json:
        args.json.write_text(json.dumps({"n": args.n, "requests": args.requests, "results": results}, indent=1))


if __name__ == "__main__":
    main()
