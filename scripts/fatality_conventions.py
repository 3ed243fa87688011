"""What ACLED codes as fatalities where a note is vague, counted on the dev TRAIN split only: the evidence behind
the conventions in src/eventwire/events/fatalities.py and extract._protest_fatalities. It writes no table (the rules
are few and stated in the code); it prints the counts so they can be checked again on new data.
Deterministic: `python scripts/fatality_conventions.py`."""
from __future__ import annotations

import collections
import re

from eventwire.devdata import acled_rows

# A coder's own total or split note settles the count; the vague wording alone is what is asked about here.
_CODED = re.compile(r"fatalit\w+ (?:were |was |are )?(?:coded|split|spread|divided)|total fatalities|\d+ fatalit", re.I)
VAGUE = {
    "an unknown number killed": r"unknown number of [\w -]{0,40}(?:killed|dead)|(?:killing|death) of an? (?:unknown|undetermined) number",
    "killing and wounding (no count)": r"(?:killing|killed) and (?:injuring|wounding|injured|wounded) (?:an? )?(?:unknown|undetermined|number|several|dozens|tens)",
    "several killed": r"several [\w -]{0,30}(?:were |was )?killed|killing several|killed several",
    "dozens / tens killed": r"(?:dozens|tens) [\w -]{0,30}(?:were )?killed|killing (?:dozens|tens)|killed (?:dozens|tens)",
    "fatalities reported (no count)": r"(?:fatalities|casualties) (?:were )?reported",
    "casualties unknown": r"casualties unknown|fatalities unknown",
}


def main() -> None:
    rows = list(acled_rows("train"))
    print(f"{len(rows)} train rows")
    for name, pattern in VAGUE.items():
        rx = re.compile(pattern, re.I)
        coded = collections.Counter(r["fatalities"] for r in rows if rx.search(r["notes"]) and not _CODED.search(r["notes"]))
        print(f"{name:34s} {sum(coded.values()):5d} rows, fatalities coded: {coded.most_common(5)}")
    # When the deaths are unknown the coder says so and codes a convention: which number?
    unknown = re.compile(r"\b(?:unknown|unclear|unidentified|undetermined) (?:number of )?fatalities[^.]{0,40}?coded (?:as|to) (\d+)", re.I)
    conventions = collections.Counter(m.group(1) for r in rows for m in unknown.finditer(r["notes"]))
    print(f"{'unknown fatalities coded as N':34s} {sum(conventions.values()):5d} notes, N: {conventions.most_common(5)}")
    by_subtype: dict[str, collections.Counter[bool]] = collections.defaultdict(collections.Counter)
    for r in rows:
        by_subtype[r["sub_event_type"]][float(r["fatalities"] or 0) > 0] += 1
    for sub in ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"):
        c = by_subtype[sub]
        print(f"{sub:34s} {sum(c.values()):5d} rows, with deaths: {c[True]}")


if __name__ == "__main__":
    main()
