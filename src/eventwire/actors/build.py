"""Mine the actor tables in src/eventwire/data/actors/ from the TRAIN split of the dev ACLED data (or, for the
generalisation splits, from any rows into any folder: `build(rows, out_dir)`).

Writes:
  actor_inter.json    ACLED actor name -> majority inter code (actor1/inter1 and actor2/inter2 pairs)
  periods.json        country -> government period ("2016-") -> first/last event date and count, from
                      "Military/Police Forces of <country> (<period>)" and "Government of <country> (<period>)"
  unidentified.json   country -> the name ACLED most often gives unidentified perpetrators there, where it is not
                      "Unidentified Armed Group (<country>)" (e.g. "Unidentified Gang (El Salvador)")
  unidentified_cues.json  country -> word -> the unidentified perpetrator ACLED names when a note says it, where
                      the country has more than one ("drive" (-by), "tied" -> "Unidentified Gang (Mexico)" over its
                      "Unidentified Armed Group"): words of >= 10 rows with >= 90% one name, other than the default
  regions.json        country -> the provinces whose protesters, rioters and civilians ACLED names after the
                      province, not the country (>= 60% of >= 3 rows: "Protesters (Northern Ireland)" in the UK)
  homes.json          ACLED actor name -> the one country it acts in (>= 95% of its >= 10 rows), so that a sentence
                      naming QSD or the Syrian regime is placed in Syria when the place found says otherwise
  actor_countries.json  ACLED actor name -> the countries it acts in, each with its share of the actor's >= 10 rows
                      (shares >= 0.25): a weak vote for where an article is that names JNIM and no country or
                      known place ("JNIM militants attacked the gendarmerie in Tougouri")
  leaders.json        follower -> leader: pairs of actors that stand on one side of an event, where ACLED makes the
                      leader actor1/actor2 and the follower its associate (>= 80% of >= 10 rows: "Operation Peace
                      Spring" leads Turkey's forces, QSD leads the Global Coalition)
  arrest_codes.json   "<inter1>-<inter2>-<killed>" -> the sub-event type ACLED gives a note that tells an arrest, where
                      it is not "Arrests" (>= 80% of >= 10 rows): ACLED's arrests are made by state forces and kill
                      no one, so a rebel group arresting rival fighters is an armed clash ("2-2-0"), one seizing
                      civilians an abduction ("2-7-0"), and soldiers who "arrested and executed" villagers attack
                      civilians ("1-7-1"); "*-<inter2>-<killed>" for any actor1 where the pair is rare
  abduction_codes.json  the same for notes that tell an abduction: of armed men it is an armed clash ("*-1-0"), one
                      that kills is the killing ("*-7-1": an attack)
  civilian_targets.json  sub-event types whose actor2 is "Civilians (<country>)" in >= 80% of rows (attacks,
                      abductions, looting, arrests): the victims ACLED names when no one else is
  communal.json       country -> the place field ACLED names its communal militias after ("location": "Tafas
                      Communal Militia (Syria)"; "admin1": "Kaduna Communal Militia (Nigeria)")
  mined_groups.json   ACLED actor name -> the surface forms its train notes write it with ("Abu Amara Brigade",
                      "Naxal-Maoist rebels", "LaQ", "Quds Brigade"): the name itself, its abbreviation and long form,
                      and runs of its words, each kept where the rows whose notes write it list that actor (>= 80%)
                      and no hand alias already reads it. State forces and generic actors are left to their tables.
  units.json          names ACLED gives by role: `stand_in`, actors that stand almost only in assoc_actor columns
                      -> the actor1/actor2 they stand beside (the regime's air defence force beside its ground
                      forces; "Former Opposition Rebels (Syria)" beside "Unidentified Armed Group (Syria)"), and
                      `default`, the unit a state's forces are coded under in one sub-event type ("Military Forces
                      of Russia (2000-) Air Force" for Russian air strikes)

Run: python scripts/build_actors.py or python -m eventwire.actors.build (about 10 s). The hand tables
(groups.json, state.json, generic.json, ...: HAND_TABLES) are not touched.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable

from eventwire.actors._aliases import hand_surfaces, norm_surface
from eventwire.actors._tables import code_key, generic, hand_groups
from eventwire.devdata import acled_rows
from eventwire.temporal._lexicon import NUMBER_WORDS

__all__ = ["MINED_TABLES", "OUT", "build"]

OUT = Path(__file__).resolve().parents[1] / "data" / "actors"
# The tables build() writes; every other json in data/actors is written by hand.
MINED_TABLES = ("actor_inter.json", "periods.json", "unidentified.json", "unidentified_cues.json", "units.json",
                "homes.json", "regions.json", "communal.json", "leaders.json", "civilian_targets.json",
                "mined_groups.json", "actor_countries.json", "arrest_codes.json", "abduction_codes.json")
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


CUE_SHARE, MIN_CUE_ROWS = 0.9, 10
WORD = re.compile(r"[a-z]{3,}")


def mine_unidentified_cues(rows: list[dict[str, str]], defaults: dict[str, str]) -> dict[str, dict[str, str]]:
    votes: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for row in rows:
        if row["actor1"].startswith(UNIDENTIFIED):
            for word in set(WORD.findall(row["notes"].lower())):
                votes[row["country"]][word][row["actor1"]] += 1
    cues: dict[str, dict[str, str]] = {}
    for country, by_word in sorted(votes.items()):
        default = defaults.get(country, f"Unidentified Armed Group ({country})")
        found = {}
        for word, names in sorted(by_word.items()):
            name, n = names.most_common(1)[0]
            if name != default and n >= MIN_CUE_ROWS and n / sum(names.values()) >= CUE_SHARE:
                found[word] = name
        if found:
            cues[country] = found
    return cues


CROWD = re.compile(r"^(?:Protesters|Rioters|Civilians) \((.+)\)$")
REGION_SHARE, MIN_REGION_ROWS = 0.6, 3


def mine_regions(rows: list[dict[str, str]]) -> dict[str, list[str]]:
    votes: dict[tuple[str, str], Counter[bool]] = defaultdict(Counter)
    for row in rows:
        for name in (row["actor1"], row["actor2"]):
            m = CROWD.match(name)
            if m and m.group(1) in (row["country"], row["admin1"]) and row["admin1"] != row["country"]:
                votes[(row["country"], row["admin1"])][m.group(1) == row["admin1"]] += 1
    regions: dict[str, list[str]] = defaultdict(list)
    for (country, admin1), v in sorted(votes.items()):
        if v[True] >= MIN_REGION_ROWS and v[True] / sum(v.values()) >= REGION_SHARE:
            regions[country].append(admin1)
    return dict(regions)


HOME_SHARE, MIN_HOME_ROWS, COUNTRY_SHARE = 0.95, 10, 0.25
LEAD_SHARE = 0.8


ACTS = {  # acts ACLED codes by who does them to whom: the act's words in a note, the sub-type it has of its own
    "arrest": (re.compile(r"\b(?:arrest|detain)", re.IGNORECASE), "Arrests"),
    "abduction": (re.compile(r"\b(?:kidnap|abduct)", re.IGNORECASE), "Abduction/forced disappearance"),
}


def mine_act_codes(rows: list[dict[str, str]], act: str) -> dict[str, str]:
    """`code_key` -> the sub-type ACLED gives notes that tell the act by actors of these inter codes (>= 80% of >= 10
    rows), with "*" for any actor1 as the fallback where the pair is rare (not where no actor2 is named); only keys
    that depart from the act's own sub-type, or that keep it where the fallback would depart."""
    words, own = ACTS[act]
    by_key: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        if words.search(row["notes"]):
            killed = int(row["fatalities"] or 0) > 0
            by_key[code_key(row["inter1"], row["inter2"], killed)][row["sub_event_type"]] += 1
            if row["inter2"] not in ("", "0"):  # no actor2: a protest about the act, whoever protests
                by_key[code_key("*", row["inter2"], killed)][row["sub_event_type"]] += 1
    codes = {}
    for key, by_type in sorted(by_key.items()):
        sub, n = by_type.most_common(1)[0]
        if sum(by_type.values()) >= MIN_HOME_ROWS and n / sum(by_type.values()) >= LEAD_SHARE:
            codes[key] = sub
    wild = {k.split("-", 1)[1]: sub for k, sub in codes.items() if k.startswith("*-")}
    return {k: sub for k, sub in codes.items()
            if sub != own or (not k.startswith("*-") and wild.get(k.split("-", 1)[1], own) != own)}


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


def _country_counts(rows: list[dict[str, str]]) -> dict[str, Counter[str]]:
    """ACLED actor name -> how many of its rows (as actor1 or actor2) each country has."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        for name in (row["actor1"], row["actor2"]):
            if name:
                votes[name][row["country"]] += 1
    return votes


def mine_homes(rows: list[dict[str, str]]) -> dict[str, str]:
    """ACLED name -> the one country the actor's rows are in. A state's forces are at home in their own state only
    (where ACLED has that country): that the dev rows show Israel's mostly in Syria is what the Syria file makes of
    them, not where they act."""
    homes = {}
    countries = {r["country"] for r in rows}
    for name, by_country in sorted(_country_counts(rows).items()):
        country, n = by_country.most_common(1)[0]
        state = STATE_NAME.match(name)
        if state and state.group(1) != country and state.group(1) in countries:  # (Artsakh's are at home in
            continue  # Azerbaijan: ACLED has no country Artsakh)
        if sum(by_country.values()) >= MIN_HOME_ROWS and n / sum(by_country.values()) >= HOME_SHARE:
            homes[name] = country
    return homes


def mine_actor_countries(rows: list[dict[str, str]]) -> dict[str, dict[str, float]]:
    shares = {}
    for name, by_country in sorted(_country_counts(rows).items()):
        total = sum(by_country.values())
        kept = {c: round(n / total, 2) for c, n in by_country.most_common() if n / total >= COUNTRY_SHARE}
        if total >= MIN_HOME_ROWS and kept:
            shares[name] = kept
    return shares


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


GENERIC_NAME = re.compile(r"^(?:Protesters|Rioters|Civilians|Unidentified|Sole Perpetrator|Former )|"
                          r"(?:Communal|Tribal|Clan) Militia|\(\d{4}-(?:\d{4})?\)|^Government of |^Militia \(")
COUNTRY_SUFFIX = re.compile(r"^(.+?) \(([^()]+)\)$")
ALIAS_SHARE, MIN_ALIAS_ROWS, MAX_ALIAS_TOKENS = 0.8, 3, 6


def _hand_names(countries: set[str]) -> set[str]:
    """Every ACLED name a hand group or generic kind produces in some country: those actors are already read."""
    names = set()
    for g in list(hand_groups().values()) + list(generic()["kinds"].values()):
        for template in [g["name"], *g.get("by_country", {}).values(), *(alt.get("name", g["name"]) for alt in g.get("renamed", []))]:
            names.update(template.format(country=c, period="") for c in countries)
    return names


def _surface_candidates(name: str, common: set[str]) -> set[tuple[str, ...]]:
    """Token runs a note may write an actor's name with: the whole name (its country suffix dropped), the parts
    of "ABBR: Long Name", and runs of two or more of the long name's words that start and end on an uncommon
    word ("Quds Brigade"), with a plural variant of the last word ("Naxal-Maoist rebels")."""
    base = COUNTRY_SUFFIX.sub(r"\1", name)
    parts = [p.strip() for p in base.split(":")] if ": " in base else [base]
    found = {tuple(norm_surface(base).split())}
    for part in parts:
        toks = norm_surface(part).split()
        found.add(tuple(toks))
        for i in range(len(toks)):
            for j in range(i + 2, min(len(toks), i + MAX_ALIAS_TOKENS) + 1):
                run = toks[i:j]
                if all(t.lower() not in common and len(t) > 2 and not t.isdigit() for t in (run[0], run[-1])):
                    found.add(tuple(run))
        if toks and not toks[-1].endswith("s"):
            found.add((*toks[:-1], toks[-1] + "s"))
        head = _named_head(toks, common)
        if head:
            found.add(head)
    return {f for f in found if f}


_KIND_WORDS = frozenset({"militia", "ethnic", "communal", "clan", "tribal"})


def _named_head(toks: list[str], common: set[str]) -> tuple[str, ...]:
    """The name a militia goes by without ACLED's kind words: "Koglweogo" of "Koglweogo Militia" ("the
    Koglweogo", "Koglweogo militiamen"). A head that is also a people's name ("Fulani" of "Fulani Ethnic Militia")
    names the people more often than the militia: the miner's share test keeps it out."""
    end = len(toks)
    while end > 0 and toks[end - 1].lower() in _KIND_WORDS:
        end -= 1
    head = tuple(toks[:end])
    if end == len(toks) or not head or any(t.lower() in common or len(t) <= 3 for t in (head[0], head[-1])):
        return ()
    return head


def _fold(run: tuple[str, ...]) -> tuple[str, ...]:
    """Runs written in capitals only (LaQ, SDF) are matched as written, the rest in lower case (as the matcher does)."""
    return run if not any(ch.islower() for ch in "".join(run)) else tuple(t.lower() for t in run)


_BRACKETED_SHORT = re.compile(r"([\w'’-]+(?:\s+[\w'’-]+){1,3})\s*\(([^()]{2,40})\)")
_NOT_IN_NAME = frozenset({"a", "an", "the", "of", "in", "on", "at", "by", "to", "and", "or", "with", "from", "for",
                          "as", "its", "their", "his", "her", "several", "some", "many", "dozens", "scores", *NUMBER_WORDS})


def _bracket_introduced(rows: list[dict[str, str]], cands: dict[tuple[str, ...], set[str]]) -> set[tuple[tuple[str, ...], str]]:
    """ "killed two volunteer fighters (VDP)": the words a note writes right before a name's bracketed short form
    (back to a number, article or preposition) are a surface of that name too; like every candidate, kept only
    where the share test keeps it."""
    found = set()
    for row in rows:
        for m in _BRACKETED_SHORT.finditer(row["notes"]):
            names = cands.get(_fold(tuple(norm_surface(m.group(2)).split())))
            if not names:
                continue
            run: list[str] = []
            for word in reversed(norm_surface(m.group(1)).split()):
                if word.lower() in _NOT_IN_NAME or word.isdigit():
                    break
                run.insert(0, word)
            if len(run) >= 2:
                found.update((tuple(run), name) for name in names)
    return found


def mine_group_aliases(rows: list[dict[str, str]], common: set[str]) -> dict[str, list[str]]:
    countries = {r["country"] for r in rows}
    skip = _hand_names(countries)
    main = Counter(n for r in rows for n in {r["actor1"], r["actor2"]} if n)  # associates stay out of actor1/actor2
    names = sorted(set(main) - skip)
    cands: dict[tuple[str, ...], set[str]] = defaultdict(set)  # folded run -> names it may stand for
    written: dict[tuple[str, ...], Counter[tuple[str, ...]]] = defaultdict(Counter)
    for name in names:
        if not GENERIC_NAME.search(name):
            for run in _surface_candidates(name, common):
                cands[_fold(run)].add(name)
    for run, name in _bracket_introduced(rows, cands):
        cands[_fold(run)].add(name)
    known = {tuple(s.split()) for s in hand_surfaces()}
    seen: Counter[tuple[str, ...]] = Counter()
    with_actor: Counter[tuple[tuple[str, ...], str]] = Counter()
    for row in rows:
        toks = norm_surface(" ".join(re.findall(r"[\w'’]+", row["notes"]))).split()
        runs = set()
        for i in range(len(toks)):
            for j in range(i + 1, min(len(toks), i + MAX_ALIAS_TOKENS) + 1):
                for run in {tuple(toks[i:j]), tuple(t.lower() for t in toks[i:j])}:
                    if run in cands and _fold(run) == run:
                        runs.add(run)
                        written[run][tuple(toks[i:j])] += 1
        # a run that names an associate names that actor too ("volunteer fighters (VDP)" beside the army they
        # are coded with): it counts towards the run's share for the name
        actors = _actors(row)
        for run in runs:
            seen[run] += 1
            with_actor.update((run, n) for n in cands[run] & actors)
    aliases: dict[str, list[str]] = defaultdict(list)
    for run in sorted(seen):
        best, n = max(((name, with_actor[(run, name)]) for name in sorted(cands[run])), key=lambda x: x[1])
        whole = run == _fold(tuple(norm_surface(COUNTRY_SUFFIX.sub(r"\1", best)).split()))
        if n and (whole or n >= MIN_ALIAS_ROWS) and n / seen[run] >= ALIAS_SHARE and tuple(w.lower() for w in run) not in known:
            aliases[best].append(" ".join(written[run].most_common(1)[0][0]))
    return {name: sorted(set(a)) for name, a in sorted(aliases.items())}


def _write(out_dir: Path, name: str, obj: object) -> None:
    (out_dir / name).write_text(json.dumps(obj, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def build(rows: Iterable[dict[str, str]], out_dir: Path = OUT, common_words: Path | None = None) -> list[str]:
    """Mine every table of MINED_TABLES from `rows` into `out_dir`; `common_words` (default: the common_words.txt
    beside out_dir) keeps common words from starting or ending a mined alias. Returns the names written."""
    rows = list(rows)
    out_dir.mkdir(parents=True, exist_ok=True)
    unidentified = mine_unidentified(rows)
    common = set((common_words or out_dir.parent / "common_words.txt").read_text(encoding="utf-8").split())
    tables = {
        "actor_inter.json": mine_inter(rows),
        "periods.json": mine_periods(rows),
        "unidentified.json": unidentified,
        "unidentified_cues.json": mine_unidentified_cues(rows, unidentified),
        "units.json": mine_units(rows),
        "homes.json": mine_homes(rows),
        "regions.json": mine_regions(rows),
        "communal.json": mine_communal(rows),
        "leaders.json": mine_leaders(rows),
        "civilian_targets.json": mine_civilian_targets(rows),
        "mined_groups.json": mine_group_aliases(rows, common),
        "actor_countries.json": mine_actor_countries(rows),
        "arrest_codes.json": mine_act_codes(rows, "arrest"),
        "abduction_codes.json": mine_act_codes(rows, "abduction"),
    }
    for name in MINED_TABLES:
        _write(out_dir, name, tables[name])
    return list(MINED_TABLES)


def main() -> None:
    build(acled_rows("train"))


if __name__ == "__main__":
    main()
