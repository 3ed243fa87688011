"""The alias table (surface form -> canonical key) and dictionary matching of actor mentions in text.

Canonical keys: "group:<id>" (groups.json), "military:<Country>" / "police:<Country>" (a named state),
"military:" / "police:" (the state of the event's country), "generic:<kind>" (generic.json), and
"tribe:<Name>|Tribal" / "tribe:<Name>|Clan" for a tribe or clan named in the text ("the Shaitat tribe") and
"local:<ACLED name>" for a township's branch of a group ("the Myinmu PDF").
Matching is on word tokens, so "al-Sham" = "al Sham", "People’s" = "Peoples"; aliases written in capitals
(IS, SDF, U.S.) and the `exact_case` ones match case-sensitively, the rest ignore case.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ._tables import generic, groups, hand_groups, mined_groups, mined_periods, state

__all__ = ["alias_patterns", "find_mentions", "hand_surfaces", "lookup", "norm_surface"]

_TOKEN = re.compile(r"\w+")
_JOINER = re.compile(r"^[\s\-'’.]*$")
_DROP = re.compile(r"['’.]")
_SPACE = re.compile(r"[\s\-]+")
MAX_TOKENS = 9
# After a bare state word these nouns make it an adjective: "a military vehicle", "the military coup", "police
# station" names a thing, not who acted.
_THINGS = re.compile(
    r"\s+(?:vehicles?|points?|councils?|coup|courts?|reinforcements?|equipment|operations?|aspirants|recruitment|"
    r"officials?|employees|spokesm[ae]n|size|brutality|departments?|buildings?|hospitals?|academy|college|service|"
    r"uniforms?|ranks|rule|regime|junta|leaders?|leadership|budget|spending|decree)\b", re.I)


def norm_surface(surface: str) -> str:
    """The form aliases are compared in: apostrophes and dots dropped, hyphens and spaces one space."""
    return _SPACE.sub(" ", _DROP.sub("", surface)).strip()


def _is_exact_case(alias: str) -> bool:
    return not any(ch.islower() for ch in alias)


def _group_patterns(table: dict[str, dict[str, Any]], short: bool = True) -> list[tuple[str, str]]:
    """(alias, key) of a group table; `short` adds each name's own abbreviation (the hand table's names; the miner
    keeps a mined name's abbreviation only where the notes bear it out)."""
    out = []
    for gid, g in table.items():
        out += [(a, f"group:{gid}") for a in g["aliases"] + g.get("exact_case", []) + (_abbreviation(g["name"]) if short else [])]
    return out


def _abbreviation(name: str) -> list[str]:
    """ACLED's own short form before the colon of a name ("AAS: Ahrar al Sham" -> "AAS"), which notes write."""
    short = name.partition(": ")[0] if ": " in name else ""
    return [short] if len(short) >= 2 and " " not in short and not short.islower() else []


_OF_MILITARY = ("forces", "troops", "soldiers", "army", "military", "military forces", "armed forces", "security forces")
_OF_POLICE = ("police", "police forces", "gendarmerie")


def _state_patterns() -> list[tuple[str, str]]:
    st = state()
    out = []
    for demonym, country in st["demonyms"].items():
        out += [(f"{demonym} {noun}", f"military:{country}") for noun in st["military_nouns"]]
        out += [(f"{demonym} {noun}", f"police:{country}") for noun in st["police_nouns"]]
    # "the armed forces of Azerbaijan", "police of the Philippines"; also of the states ACLED names forces of that
    # have no demonym here (mined periods: "military forces of Artsakh", "forces of Somaliland")
    for country in sorted(set(st["demonyms"].values()) | set(mined_periods())):
        named = [country, f"the {country}"] if country in st["the_countries"] else [country]
        out += [(f"{noun} of {name}", f"military:{country}") for noun in _OF_MILITARY for name in named]
        out += [(f"{noun} of {name}", f"police:{country}") for noun in _OF_POLICE for name in named]
    out += [(p, f"military:{c or ''}") for p, c in st["context_military"].items()]
    out += [(p, f"police:{c or ''}") for p, c in st["context_police"].items()]
    return out


def _generic_patterns() -> list[tuple[str, str]]:
    return [(p, f"generic:{kind}") for kind, phrases in generic()["phrases"].items() for p in phrases]


def _hand_patterns() -> list[tuple[str, str]]:
    return _group_patterns(hand_groups()) + _state_patterns() + _generic_patterns()


def hand_surfaces() -> set[str]:
    """The normalised lower-case surface forms the hand tables read (the miner adds no alias they already have)."""
    return {norm_surface(surface).lower() for surface, _ in _hand_patterns()}


@lru_cache(maxsize=1)
def alias_patterns() -> list[tuple[str, str]]:
    """(surface form, canonical key), highest priority first: hand groups, state forces, generic actors, then the
    ACLED names and aliases mined from the train notes (mined_groups.json), which never override a hand alias."""
    seen: set[str] = set()
    out = []
    for surface, key in _hand_patterns() + _group_patterns(mined_groups(), short=False):
        if surface not in seen:
            seen.add(surface)
            out.append((surface, key))
    return out


@lru_cache(maxsize=1)
def _dictionaries() -> tuple[dict[str, str], dict[str, str]]:
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    exact_case = {a for g in groups().values() for a in g.get("exact_case", [])}
    exact_case |= {a for g in hand_groups().values() for a in _abbreviation(g["name"])}
    for surface, key in alias_patterns():
        if _is_exact_case(surface) or surface in exact_case:
            exact.setdefault(norm_surface(surface), key)
        else:
            folded.setdefault(norm_surface(surface).lower(), key)
    return exact, folded


def lookup(surface: str) -> str | None:
    """The canonical key of a whole surface form, or None."""
    exact, folded = _dictionaries()
    n = norm_surface(surface)
    return exact.get(n) or folded.get(n.lower())


@lru_cache(maxsize=1)
def _prefixes() -> tuple[frozenset[str], frozenset[str]]:
    """Every prefix of every normalised alias (exact, folded): a span whose normalised form is none of them
    cannot grow into an alias, since adding a token only appends to the normalised form."""
    exact, folded = _dictionaries()
    return tuple(frozenset(k[:m] for k in table for m in range(1, len(k) + 1)) for table in (exact, folded))  # type: ignore[return-value]


def _longest_at(text: str, tokens: list[re.Match[str]], i: int) -> tuple[int, int, str] | None:
    best = None
    exact, folded = _prefixes()
    for j in range(i, min(i + MAX_TOKENS, len(tokens))):
        if j > i and not _JOINER.match(text[tokens[j - 1].end() : tokens[j].start()]):
            break
        # a lone \w+ token has nothing norm_surface changes (no apostrophe, dot, hyphen or space): most tokens
        # stop here, so their first test skips it
        span = text[tokens[i].start() : tokens[j].end()]
        n = span if j == i else norm_surface(span)
        if n not in exact and n.lower() not in folded:
            break
        key = lookup(n)
        if key:
            best = (tokens[i].start(), tokens[j].end(), key)
    return best


_TRIBE = re.compile(r"\b(?:the\s+)?((?:Albu|Abu|Bani|Beni|Al)[- ][A-Z][\w'-]+|(?!The\b|Al\b)[A-Z][\w'-]+)\s+"
                    r"(tribe|tribes|tribal|tribesmen|clan|clans)"
                    r"(?:\s+(?:militia|militias|militiamen|members|fighters|gunmen))?\b")


def _named_tribes(text: str) -> list[tuple[int, int, str]]:
    """ "the Shaitat tribe", "al Boumaish clan": "tribe:<Name>|Tribal" / "|Clan" (ACLED's "Shaitat Tribal Militia")."""
    found = []
    for m in _TRIBE.finditer(text):
        kind = "Clan" if m.group(2).startswith("clan") else "Tribal"
        found.append((m.start(), m.end(), f"tribe:{m.group(1).replace('-', ' ')}|{kind}"))
    return found


_LOCAL_PDF = re.compile(r"\b(?!(?:The|A|An|Local|Township|Its|Their|Allied|Combined)\b)([A-Z][a-z]+)\s+"
                        r"(?:PDF|People['’]s Defen[cs]e Force)\b(?!\s*-)")


def _local_branches(text: str) -> list[tuple[int, int, str]]:
    """ "the Myinmu PDF": a township's People's Defense Force, which ACLED names "People's Defense Force - Myinmu"
    ("local:<ACLED name>")."""
    return [(m.start(), m.end(), f"local:People's Defense Force - {m.group(1)}") for m in _LOCAL_PDF.finditer(text)]


def find_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical key) of actor mentions, longest first, non-overlapping, in text order."""
    tokens = list(_TOKEN.finditer(text))
    found = _named_tribes(text) + _local_branches(text)
    for i, tok in enumerate(tokens):
        if tok.start() > 0 and text[tok.start() - 1] == "-":
            continue  # "anti-IS", "pro-regime": a prefix changes who is meant
        hit = _longest_at(text, tokens, i)
        if hit:
            found.append(hit)
    chosen: list[tuple[int, int, str]] = []
    for hit in sorted(found, key=lambda h: (h[0] - h[1], h[0])):
        if all(hit[1] <= c[0] or hit[0] >= c[1] for c in chosen):
            chosen.append(hit)
    chosen.sort()
    return [h for i, h in enumerate(chosen) if not _modifier(text, h, chosen[i - 1] if i else None)]


def _modifier(text: str, hit: tuple[int, int, str], prev: tuple[int, int, str] | None) -> bool:
    """A bare state word ("military", "police") that qualifies a thing ("military vehicle"), and a common noun
    that follows another actor's name ("a QSD military point", "IS gunmen", "NAF rebel forces"), is not an actor
    of its own."""
    if not _common_noun(hit[2]):
        return False
    after_actor = prev is not None and _JOINER.match(text[prev[1] : hit[0]]) is not None
    return after_actor or (hit[2] in ("military:", "police:") and _THINGS.match(text, hit[1]) is not None)


def _common_noun(key: str) -> bool:
    """Keys of actors named by a common noun ("military", "gunmen", "rebel forces": the country's state forces,
    unidentified men, "Opposition Rebels (<country>)"), which after a group's name are that group's noun."""
    if key in ("military:", "police:", "generic:unidentified"):
        return True
    prefix, _, gid = key.partition(":")
    return prefix == "group" and "{country}" in groups()[gid]["name"]
