"""Geo stage: gazetteer lookup with ACLED naming conventions, relative positions and distances."""
from __future__ import annotations

from eventwire.geo._math import haversine_km, offset, parse_relation
from eventwire.geo.gazetteer import Gazetteer, Place, get_gazetteer

__all__ = ["Gazetteer", "Place", "get_gazetteer", "haversine_km", "offset", "parse_relation"]
