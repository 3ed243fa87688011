"""How ACLED's geo_precision follows the words around a place, counted on the dev TRAIN split only: the evidence
behind the precision cues in src/eventwire/events/places.py (_BEFORE_NEAR, _BEFORE_EXACT, _AFTER_NEAR). It writes
no table (the cues are few and stated in the code); it prints the counts so they can be checked again on new data.
Deterministic: `python scripts/location_precision_cues.py`."""
from __future__ import annotations

import collections
import re

from eventwire.devdata import acled_rows

CUES = {
    "near X": r"\bnear\b",
    "on the outskirts of X": r"outskirts of",
    "in the vicinity of X": r"vicinity of",
    "in the area of X": r"area of",
    "X front / frontline": r"front(?:line)?s?\b",
    "countryside of X": r"countryside of",
    "X village in the countryside of Y": r"[A-Z]\w+ (?:village|town) in the (?:\w+ )?countryside of",
    "X township / municipality / district": r"[A-Z]\w+ (?:township|municipality|district)\b",
    "X road / highway": r"[A-Z]\w+ (?:road|highway)\b",
}


def main() -> None:
    rows = list(acled_rows("train"))
    print(f"{len(rows)} train rows; geo_precision counts of the rows whose note has the cue")
    for name, pattern in CUES.items():
        rx = re.compile(pattern)
        counts = collections.Counter(r["geo_precision"] for r in rows if rx.search(r["notes"]))
        print(f"{name:40s} {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    main()
