"""Mine the actor tables in src/eventwire/data/actors/ from the TRAIN split of the dev ACLED data.

Writes:
  actor_inter.json    ACLED actor name -> majority inter code (actor1/inter1 and actor2/inter2 pairs)
  periods.json        country -> government period ("2016-") -> first/last event date and count, from
                      "Military/Police Forces of <country> (<period>)" and "Government of <country> (<period>)"
  unidentified.json   country -> the name ACLED most often gives unidentified perpetrators there, where it is not
                      "Unidentified Armed Group (<country>)" (e.g. "Unidentified Gang (El Salvador)")
  mined_phrases.json  phrase in `notes` -> ACLED actor it stands for (count, precision), kept only when the
                      phrase looks like an actor reference (ends in an actor head noun, is an acronym, or shares
                      a word with the actor's name), precision >= 0.9 and count >= 10

Run: python scripts/build_actors.py  (about 10 s). The hand tables (groups.json, state.json, generic.json) are
not touched.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from eventwire.devdata import acled_rows

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "actors"
STATE_NAME = re.compile(r"^(?:Military|Police) Forces of (?:the )?(.+?) \((\d{4}-(?:\d{4})?)\)|^Government of (?:the )?(.+?) \((\d{4}-(?:\d{4})?)\)")
TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-\.]*[A-Za-z]|[A-Za-z]")
HEAD_NOUNS = {
    "forces", "fighters", "militants", "militia", "militias", "gunmen", "rebels", "members", "warplanes", "troops",
    "soldiers", "factions", "army", "police", "brigade", "division", "corps", "front", "council", "cells", "jets",
    "helicopters", "drones", "militiamen", "units", "group", "groups", "army", "intelligence", "security",
}
MIN_COUNT, MIN_PRECISION = 10, 0.9


def _actors(row: dict[str, str]) -> set[str]:
    names = {row["actor1"], row["actor2"]}
    for key in ("assoc_actor_1", "assoc_actor_2"):
        names.update(a.strip() for a in row[key].split(";"))
    return {n for n in names if n}


def mine_inter(rows: list[dict[str, str]]) -> dict[str, int]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        for name, inter in ((row["actor1"], row["inter1"]), (row["actor2"], row["inter2"])):
            if name and inter.strip():
                votes[name][inter.strip()] += 1
    return {name: int(c.most_common(1)[0][0]) for name, c in sorted(votes.items())}


def mine_periods(rows: list[dict[str, str]]) -> dict[str, dict[str, dict[str, object]]]:
    seen: dict[str, dict[str, dict[str, object]]] = defaultdict(dict)
    for row in rows:
        for name in _actors(row):
            m = STATE_NAME.match(name.removeprefix("Former "))
            if not m:
                continue
            country, period = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            rec = seen[country].setdefault(period, {"first": row["event_date"], "last": row["event_date"], "count": 0})
            rec["first"] = min(str(rec["first"]), row["event_date"])
            rec["last"] = max(str(rec["last"]), row["event_date"])
            rec["count"] = int(rec["count"]) + 1  # type: ignore[call-overload]
    return {c: dict(sorted(p.items())) for c, p in sorted(seen.items())}


UNIDENTIFIED = ("Unidentified Armed Group (", "Unidentified Gang (", "Unidentified Gang and/or Police Militia")


def mine_unidentified(rows: list[dict[str, str]]) -> dict[str, str]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        for name in (row["actor1"], row["actor2"]):
            if name.startswith(UNIDENTIFIED):
                votes[row["country"]][name] += 1
    best = {c: v.most_common(1)[0] for c, v in sorted(votes.items())}
    return {c: name for c, (name, n) in best.items() if n >= 5 and name != f"Unidentified Armed Group ({c})"}


def _grams(text: str) -> set[str]:
    words = TOKEN.findall(text)
    return {" ".join(words[i : i + n]) for n in range(1, 4) for i in range(len(words) - n + 1)}


def _looks_like_actor(phrase: str, actor: str) -> bool:
    words = phrase.split()
    if words[-1].lower() in HEAD_NOUNS and len(words) > 1:
        return True
    if len(words) == 1 and phrase.isupper() and len(phrase) >= 2:
        return True
    name_words = {w.lower() for w in TOKEN.findall(actor) if len(w) > 3}
    return bool(name_words & {w.lower() for w in words}) and not phrase[0].islower()


def mine_phrases(rows: list[dict[str, str]]) -> list[dict[str, object]]:
    grams = [_grams(r["notes"]) for r in rows]
    actors = [_actors(r) for r in rows]
    count = Counter(g for gs in grams for g in gs)
    keep = {g for g, n in count.items() if n >= MIN_COUNT}
    pair: dict[str, Counter[str]] = defaultdict(Counter)
    for gs, acts in zip(grams, actors):
        for g in gs & keep:
            pair[g].update(acts)
    found = []
    for g in sorted(keep):
        if not pair[g]:
            continue
        actor, n = pair[g].most_common(1)[0]
        precision = n / count[g]
        if precision >= MIN_PRECISION and _looks_like_actor(g, actor):
            found.append({"phrase": g, "actor": actor, "count": count[g], "precision": round(precision, 3)})
    return _drop_redundant(found)


def _drop_redundant(found: list[dict[str, object]]) -> list[dict[str, object]]:
    """Keep a phrase only if no shorter phrase inside it already points at the same actor."""
    by_phrase = {str(f["phrase"]): f for f in found}
    kept = []
    for f in found:
        words = str(f["phrase"]).split()
        subs = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)} - {f["phrase"]}
        if not any(s in by_phrase and by_phrase[s]["actor"] == f["actor"] for s in subs):
            kept.append(f)
    return sorted(kept, key=lambda f: (-int(f["count"]), str(f["phrase"])))  # type: ignore[call-overload]


def _write(name: str, obj: object) -> None:
    (OUT / name).write_text(json.dumps(obj, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    rows = list(acled_rows("train"))
    _write("actor_inter.json", mine_inter(rows))
    _write("periods.json", mine_periods(rows))
    _write("unidentified.json", mine_unidentified(rows))
    _write("mined_phrases.json", mine_phrases(rows))


if __name__ == "__main__":
    main()
