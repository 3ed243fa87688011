"""Loading of the actor tables shipped in eventwire/data/actors (hand-written and mined)."""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from eventwire.settings import data_path

KIND_OF_INTER = {1: "state", 2: "rebel", 3: "militia", 4: "identity", 5: "rioters", 6: "protesters", 7: "civilians", 8: "other"}
_DATA = data_path("actors")


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, Any]:
    """One JSON table from the package data, without its `_doc` entry."""
    text = (_DATA / name).read_text(encoding="utf-8")
    data = json.loads(text)
    if isinstance(data, dict):
        data.pop("_doc", None)
    return data  # type: ignore[no-any-return]


def hand_groups() -> dict[str, dict[str, Any]]:
    return table("groups.json")


@lru_cache(maxsize=1)
def mined_groups() -> dict[str, dict[str, Any]]:
    """Groups named in the train notes that the hand table lacks (mined_groups.json: ACLED name -> aliases), as
    group entries keyed "acled/<name>", with ACLED's majority inter code for the name."""
    inter = mined_inter()
    return {f"acled/{name}": {"name": name, "inter": inter.get(name, 8), "kind": KIND_OF_INTER[inter.get(name, 8)], "aliases": aliases}
            for name, aliases in table("mined_groups.json").items()}


@lru_cache(maxsize=1)
def groups() -> dict[str, dict[str, Any]]:
    """Hand and mined groups: every key a "group:<id>" mention may carry."""
    return {**hand_groups(), **mined_groups()}


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


def actor_countries() -> dict[str, dict[str, float]]:
    return table("actor_countries.json")


def communal() -> dict[str, str]:
    return table("communal.json")


def leaders() -> dict[str, list[str]]:
    return table("leaders.json")


def code_key(inter1: int | str, inter2: int | str, killed: bool) -> str:
    """The key of a mined act-code table: "<inter1>-<inter2>-<killed>" (0: no actor named; "*": any actor1)."""
    return f"{inter1 or 0}-{inter2 or 0}-{int(killed)}"


def act_codes(act: str) -> dict[str, str]:
    """The mined codes of an act that ACLED codes by who does it to whom ("arrest", "abduction")."""
    return table(f"{act}_codes.json")


def civilian_targets() -> list[str]:
    return table("civilian_targets.json")  # type: ignore[return-value]


def unidentified_cues() -> dict[str, dict[str, str]]:
    return table("unidentified_cues.json")


def regions() -> dict[str, list[str]]:
    return table("regions.json")
