"""Mine the actor tables in src/eventwire/data/actors/ from the TRAIN split of the dev ACLED data.

Writes:
  actor_inter.json    ACLED actor name -> majority inter code (actor1/inter1 and actor2/inter2 pairs)
  periods.json        country -> government period ("2016-") -> first/last event date and count, from
                      "Military/Police Forces of <country> (<period>)" and "Government of <country> (<period>)"
  unidentified.json   country -> the name ACLED most often gives unidentified perpetrators there, where it is not
                      "Unidentified Armed Group (<country>)" (e.g. "Unidentified Gang (El Salvador)")
  homes.json          ACLED actor name -> the one country it acts in (>= 95% of its >= 10 rows), so that a sentence
                      naming QSD or the Syrian regime is placed in Syria when the place found says otherwise
  leaders.json        follower -> leader: pairs of actors that stand on one side of an event, where ACLED makes the
                      leader actor1/actor2 and the follower its associate (>= 80% of >= 10 rows: "Operation Peace
                      Spring" leads Turkey's forces, QSD leads the Global Coalition)
  civilian_targets.json  sub-event types whose actor2 is "Civilians (<country>)" in >= 80% of rows (attacks,
                      abductions, looting, arrests): the victims ACLED names when no one else is
  communal.json       country -> the place field ACLED names its communal militias after ("location": "Tafas
                      Communal Militia (Syria)"; "admin1": "Kaduna Communal Militia (Nigeria)")
  units.json          names ACLED gives by role: `stand_in`, actors that stand almost only in assoc_actor columns
                      -> the actor1/actor2 they stand beside (the regime's air defence force beside its ground
                      forces; "Former Opposition Rebels (Syria)" beside "Unidentified Armed Group (Syria)"), and
                      `default`, the unit a state's forces are coded under in one sub-event type ("Military Forces
                      of Russia (2000-) Air Force" for Russian air strikes)

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


HOME_SHARE, MIN_HOME_ROWS = 0.95, 10
LEAD_SHARE = 0.8


def mine_civilian_targets(rows: list[dict[str, str]]) -> list[str]:
    by_type: dict[str, Counter[bool]] = defaultdict(Counter)
    for row in rows:
        by_type[row["sub_event_type"]][row["actor2"].startswith("Civilians (")] += 1
    return sorted(sub for sub, c in by_type.items() if sum(c.values()) >= MIN_HOME_ROWS and c[True] / sum(c.values()) >= LEAD_SHARE)


def mine_leaders(rows: list[dict[str, str]]) -> dict[str, list[str]]:
    sides: Counter[tuple[str, str]] = Counter()
    for row in rows:
        for k in ("1", "2"):
            sides.update((row[f"actor{k}"], a.strip()) for a in row[f"assoc_actor_{k}"].split(";") if a.strip())
    leaders: dict[str, list[str]] = defaultdict(list)
    for (main, follower), n in sorted(sides.items()):
        if main and n >= MIN_HOME_ROWS and n / (n + sides[(follower, main)]) >= LEAD_SHARE:
            leaders[follower].append(main)
    return dict(leaders)


COMMUNAL = re.compile(r"^(.+) Communal Militia \((.+)\)$")
PLACE_FIELDS = ("location", "admin3", "admin2", "admin1")


def mine_communal(rows: list[dict[str, str]]) -> dict[str, str]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        for name in (row["actor1"], row["actor2"]):
            m = COMMUNAL.match(name)
            if m and m.group(1) != "Unidentified" and m.group(2) == row["country"]:
                votes[row["country"]][next((f for f in PLACE_FIELDS if row[f] == m.group(1)), "")] += 1
    found = {}
    for country, by_field in sorted(votes.items()):
        field, n = by_field.most_common(1)[0]
        if field and sum(by_field.values()) >= MIN_HOME_ROWS and n / sum(by_field.values()) >= 0.6:
            found[country] = field
    return found


def mine_homes(rows: list[dict[str, str]]) -> dict[str, str]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        for name in (row["actor1"], row["actor2"]):
            if name:
                votes[name][row["country"]] += 1
    homes = {}
    for name, by_country in sorted(votes.items()):
        country, n = by_country.most_common(1)[0]
        if sum(by_country.values()) >= MIN_HOME_ROWS and n / sum(by_country.values()) >= HOME_SHARE:
            homes[name] = country
    return homes


UNIT = re.compile(r"^((?:Military|Police) Forces of (?:the )?.+? \(\d{4}-(?:\d{4})?\)) (.+)$")
BASE = re.compile(r"^(?:Military|Police) Forces of (?:the )?.+? \(\d{4}-(?:\d{4})?\)$")
ASSOC_ONLY_SHARE, STAND_IN_SHARE, DEFAULT_UNIT_SHARE, MIN_UNIT_ROWS = 0.1, 0.5, 0.6, 10


def mine_units(rows: list[dict[str, str]]) -> dict[str, object]:
    main: Counter[str] = Counter()
    assoc: Counter[str] = Counter()
    side: dict[str, Counter[str]] = defaultdict(Counter)  # assoc name -> main actor of its side
    by_type: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in rows:
        for k, name in (("1", row["actor1"]), ("2", row["actor2"])):
            main[name] += 1
            for a in (x.strip() for x in row[f"assoc_actor_{k}"].split(";") if x.strip()):
                assoc[a] += 1
                side[a][name] += 1
            m = UNIT.match(name)
            if m or BASE.match(name):
                by_type[(m.group(1) if m else name, row["sub_event_type"])][m.group(2) if m else ""] += 1
    stand_in = {}
    for name in sorted(assoc):
        seen = main[name] + assoc[name]
        other, n = side[name].most_common(1)[0]
        if seen >= MIN_UNIT_ROWS and main[name] / seen < ASSOC_ONLY_SHARE and other and n / assoc[name] >= STAND_IN_SHARE:
            stand_in[name] = other
    default: dict[str, dict[str, str]] = defaultdict(dict)
    for (base, sub), votes in sorted(by_type.items()):
        unit, n = votes.most_common(1)[0]
        if unit and sum(votes.values()) >= MIN_UNIT_ROWS and n / sum(votes.values()) >= DEFAULT_UNIT_SHARE:
            default[base][sub] = unit
    return {"stand_in": stand_in, "default": dict(default)}


def _write(name: str, obj: object) -> None:
    (OUT / name).write_text(json.dumps(obj, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    rows = list(acled_rows("train"))
    _write("actor_inter.json", mine_inter(rows))
    _write("periods.json", mine_periods(rows))
    _write("unidentified.json", mine_unidentified(rows))
    _write("units.json", mine_units(rows))
    _write("homes.json", mine_homes(rows))
    _write("communal.json", mine_communal(rows))
    _write("leaders.json", mine_leaders(rows))
    _write("civilian_targets.json", mine_civilian_targets(rows))


if __name__ == "__main__":
    main()
