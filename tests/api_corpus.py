"""The real articles the API and review tests serve: the two seeds, FA-KES dev news articles, one ACLED note
reported by two outlets (a merged event, for split), and a real note carrying script payloads (untrusted text).
All read from ../shared and ingested with `eventwire ingest`, as a user would."""
from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
FAKES = SHARED / "eval" / "news" / "fakes_dev.csv"
needs_corpus = pytest.mark.skipif(not (SEEDS.is_dir() and FAKES.is_file()),
                                  reason=f"shared dev data absent ({SEEDS} or {FAKES})")
XSS = ' <script>document.title="pwned"</script> <img src=x onerror="alert(1)">'
TWICE_ID = "outlet-a"  # input id of one of the two reports of the twice-reported note


def _fakes(n: int) -> list[dict[str, str]]:
    with open(FAKES, encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["label"] == "1"][:n]
    return [{"id": f"fakes-{r['unit_id']}", "title": r["article_title"], "text": r["article_content"],
             "source": r["source"], "published": datetime.strptime(r["date"], "%m/%d/%y").date().isoformat()}
            for r in rows]


def _note(contains: str, country: str = "Syria") -> dict[str, str]:
    from eventwire.devdata import acled_rows

    return next(r for r in acled_rows("all") if contains in r["notes"] and r["country"] == country)


def write_corpus(folder: Path, n_fakes: int = 3) -> Path:
    note = _note("shelled")
    other = _note("clashes")
    abroad = _note("clashes", "Yemen")
    records = _fakes(n_fakes) + [
        {"id": TWICE_ID, "text": note["notes"], "source": "SOHR", "published": note["event_date"]},
        {"id": "outlet-b", "text": note["notes"], "source": "Enab Baladi", "published": note["event_date"]},
        {"id": "yemen-1", "text": abroad["notes"], "source": "ACLED note", "published": abroad["event_date"]},
        {"id": "xss-1", "title": "<img src=x onerror=alert(1)>", "text": other["notes"] + XSS,
         "source": "<script>alert(2)</script>", "published": other["event_date"]},
    ]
    path = folder / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def ingest(url: str, *args: str) -> None:
    from eventwire.cli import main

    result = CliRunner().invoke(main, ["ingest", *args, "--db", url, "--quiet"])
    assert result.exit_code == 0, result.output


def ingest_corpus(url: str, folder: Path) -> None:
    ingest(url, str(SEEDS / "000_ceb1a624b519d35d.txt"), "--published", "2015-06-02")
    ingest(url, str(SEEDS / "004_6fd67dc46b290c98.txt"))
    ingest(url, str(write_corpus(folder)))
