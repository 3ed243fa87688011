"""Actor normalisation: news mentions of armed groups, state forces and generic actors -> ACLED actor names.

    find_mentions("IS militants left the group")      -> [(0, 12, "group:islamic_state")]
    normalise("IS", "Syria")                           -> ActorName("Islamic State (Syria)", 2, "rebel")
    normalise("U.S. jets", "Syria", date(2016, 12, 7)) -> ActorName("Military Forces of the United States (2009-2017)", 8, "state")

Tables live in eventwire/data/actors: groups.json, state.json, generic.json and air_forces.json are hand-written; actor_inter.json,
periods.json, unidentified.json, units.json, homes.json, actor_countries.json, communal.json, leaders.json, arrest_codes.json, abduction_codes.json,
civilian_targets.json,
unidentified_cues.json,
regions.json and mined_groups.json are mined from the dev train split by scripts/build_actors.py.
"""
from __future__ import annotations

from ._aliases import alias_patterns, find_mentions, lookup
from ._periods import period_for, state_name
from ._resolve import (
    KIND_OF_INTER,
    ActorName,
    area_actor,
    act_code,
    coded_name,
    communal_actor,
    either_key,
    generic_actor,
    country_shares,
    home_country,
    leads,
    normalise,
    regional_name,
    resolve_key,
    targets_civilians,
    unidentified_for,
)

__all__ = [
    "KIND_OF_INTER",
    "ActorName",
    "alias_patterns",
    "area_actor",
    "act_code",
    "coded_name",
    "communal_actor",
    "either_key",
    "find_mentions",
    "generic_actor",
    "country_shares",
    "home_country",
    "leads",
    "lookup",
    "normalise",
    "regional_name",
    "period_for",
    "resolve_key",
    "state_name",
    "targets_civilians",
    "unidentified_for",
]
