"""Word-order frames that say whether an actor mention acted (`data/events/role_frames.json`).

News names groups in roles other than the doer's: the holder of a place ("the Islamic State-held city of Raqqa"),
the doer of a passive or of an attack noun ("were killed in Russian raids", "died in clashes with the army"). The extractor's
position rules read the first mention before the event word as actor1; these frames correct that reading where
the words around a mention say otherwise. The frames are data so that they can grow without new code.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from eventwire.settings import data_path

__all__ = ["about_aircraft", "agent_of_passive", "flies", "holds_place", "killed_unnamed", "state_claims",
           "subject_acts", "unknown_air_force"]

_WINDOW = 60  # characters read before a mention: the frames are a few words long


@lru_cache(maxsize=1)
def _frames() -> dict[str, re.Pattern[str]]:
    table = json.loads(data_path("events", "role_frames.json").read_text(encoding="utf-8"))
    return {kind: re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
            for kind, patterns in table.items() if not kind.startswith("_")}


def holds_place(text: str, start: int, end: int, floor: int = 0) -> bool:
    """Whether the mention text[start:end] names who holds a place, not who acted ("IS-held", "held by rebels")."""
    frames = _frames()
    return bool(frames["holder_after"].match(text, end) or frames["holder_before"].search(text[max(floor, start - _WINDOW):start]))


def agent_of_passive(text: str, start: int, floor: int = 0) -> bool:
    """Whether the mention starting at `start` is the doer named after the event ("killed in US-led strikes")."""
    return bool(_frames()["agent_before"].search(text[max(floor, start - _WINDOW):start]))


def state_claims(text: str, start: int, end: int, country_of) -> list[tuple[int, int, str]]:
    """(start, end, "military:<Country>") where a country claims an act ("Russia says kills 7 Nusra commanders"):
    a country's name is otherwise a place. `country_of` maps a name to its ACLED country, or None."""
    found = []
    for m in _frames()["state_claim"].finditer(text, start, end):
        country = country_of(m.group("country"))
        if country:
            found.append((m.start("country"), m.end("country"), f"military:{country}"))
    return found


def harmed(text: str, start: int, window: int = _WINDOW) -> bool:
    """Whether the mention starting at `start` is the object of a harm verb ("shot dead a policeman")."""
    return _frames()["object_before"].search(text, max(0, start - window), start) is not None


def killed_unnamed(text: str, end: int) -> bool:
    """Whether the mention ending at `end` is the victim of a passive written without its auxiliary, as headlines
    write them ("50 IS Terrorists Killed in Kobani")."""
    return _frames()["victim_after"].match(text, end) is not None


def subject_acts(text: str, start: int, word: str, floor: int = 0) -> bool:
    """Whether the event word at `start` follows the main clause as a participle ("A hit B, killing four"; in a
    headline's capitals, "Syrian Jets Pound IS Positions Killing 50") or as a passive without its auxiliary ("A
    Targets B in Hama 25 Terrorists Killed"): the clause's subject, its first mention, is the doer."""
    before = text[max(floor, start - _WINDOW):start]
    if _frames()["headline_passive"].match(word):  # "… Targets IS in Hama 25 Terrorists Killed"; in prose
        # ("a body was found, killed by unknown gunmen") the doer follows
        return word[:1].isupper() and not _frames()["auxiliary_before"].search(before)
    if not word.lower().endswith("ing"):
        return False
    headline = word[:1].isupper() and start > floor and text[start - 1] == " "
    return headline or bool(_frames()["participle_before"].search(before))


@lru_cache(maxsize=1)
def _air() -> dict:
    table = json.loads(data_path("actors", "air_forces.json").read_text(encoding="utf-8"))
    return {"words": re.compile(table["air_words"], re.I), "groups": frozenset(table["air_groups"]), "unknown": table["unknown"]}


def about_aircraft(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] speaks of aircraft ("warplanes", "air raids", "barrel bombs")."""
    return _air()["words"].search(text, start, end) is not None


def flies(key: str, text: str, start: int, end: int) -> bool:
    """Whether a mention names an air force: a state's or the coalition's, with an air word in it or close by in
    its sentence ("Russian jets", "the Syrian regime's warplanes", "jets thought to belong to the government")."""
    if not (key.startswith("military:") or key in _air()["groups"]):
        return False
    before = text.rfind(".", max(0, start - 40), start) + 1 or max(0, start - 40)
    after = text.find(".", end, end + 20)
    return about_aircraft(text, before, after if after >= 0 else min(len(text), end + 20))


def unknown_air_force() -> tuple[str, int]:
    """(name, inter) ACLED gives aircraft the source calls unidentified."""
    unknown = _air()["unknown"]
    return str(unknown["name"]), int(unknown["inter"])
