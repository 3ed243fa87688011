"""Loading of the actor tables shipped in eventwire/data/actors (hand-written and mined)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

_DATA = Path(__file__).resolve().parents[1] / "data" / "actors"


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, Any]:
    """One JSON table from the package data, without its `_doc` entry."""
    text = (_DATA / name).read_text(encoding="utf-8")
    data = json.loads(text)
    if isinstance(data, dict):
        data.pop("_doc", None)
    return data  # type: ignore[no-any-return]


def groups() -> dict[str, dict[str, Any]]:
    return table("groups.json")


def state() -> dict[str, Any]:
    return table("state.json")


def generic() -> dict[str, Any]:
    return table("generic.json")


def mined_inter() -> dict[str, int]:
    return table("actor_inter.json")


def mined_periods() -> dict[str, dict[str, dict[str, Any]]]:
    return table("periods.json")


def unidentified_by_country() -> dict[str, str]:
    return table("unidentified.json")


def units() -> dict[str, Any]:
    return table("units.json")


def homes() -> dict[str, str]:
    return table("homes.json")


def communal() -> dict[str, str]:
    return table("communal.json")


def leaders() -> dict[str, list[str]]:
    return table("leaders.json")


def civilian_targets() -> list[str]:
    return table("civilian_targets.json")  # type: ignore[return-value]
