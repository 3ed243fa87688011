"""The ACLED export tables are what scripts/build_acled_tables.py learns from the dev rows (no hand edits)."""
from __future__ import annotations

import csv
import json
import runpy
from pathlib import Path

from conftest_store import needs_shared

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "eventwire" / "data" / "export"


@needs_shared
def test_committed_tables_are_the_learned_ones() -> None:
    from eventwire.devdata import acled_rows

    script = runpy.run_path(str(ROOT / "scripts" / "build_acled_tables.py"))
    prefixes, outlets = script["learn"](list(acled_rows("all")))
    assert json.loads((DATA / "country_prefixes.json").read_text(encoding="utf-8")) == prefixes
    with open(DATA / "outlet_scales.tsv", encoding="utf-8", newline="") as fh:
        committed = [(r["outlet"], r["source_scale"], int(r["rows"])) for r in csv.DictReader(fh, delimiter="\t")]
    assert committed == outlets


def test_outlet_scales_are_acleds_scales() -> None:
    scales = {"Local partner", "Other", "New media", "Subnational", "National", "Regional", "International"}
    with open(DATA / "outlet_scales.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert len(rows) > 500 and {r["source_scale"] for r in rows} <= scales
