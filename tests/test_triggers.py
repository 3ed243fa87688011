"""The trigger prefilter (word beginnings vs each rule's possible first letters) skips only rules that cannot match:
on real news the triggers found are exactly those of running every rule."""
from __future__ import annotations

import csv

import pytest

from eventwire.devdata import shared_dir
from eventwire.events import lexicon
from eventwire.events.lexicon import Trigger, find_triggers

SHARED = shared_dir()
FAKES = SHARED / "eval" / "news" / "fakes_dev.csv" if SHARED is not None else None


def _every_rule(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """find_triggers without the prefilter: all rules over the text, then the same leftmost-longest choice."""
    end = len(text) if end is None else end
    found = [Trigger(m.start(), m.end(), m.group(), sub, strength)
             for rx, sub, strength in lexicon._COMPILED for m in rx.finditer(text, start, end)]
    found.sort(key=lambda t: (t.start, -(t.end - t.start), -t.strength))
    kept: list[Trigger] = []
    for t in found:
        if not kept or t.start >= kept[-1].end:
            kept.append(t)
    return kept


def test_rule_prefixes_are_the_first_letters_of_their_alternatives():
    assert lexicon._rule_prefixes(r"grenades?\b") == {"gre"}
    assert lexicon._rule_prefixes(r"(?:re)?captur(?:ed|es)") == {"rec", "cap"}
    assert lexicon._rule_prefixes(r"\bieds?\b|mob\b") == {"ied", "mob"}
    assert lexicon._rule_prefixes(r"re-?took") == {"re-", "ret"}
    assert lexicon._rule_prefixes(r"\w+ed") is None  # could start with anything: always run


@pytest.mark.parametrize("text", [
    "Warplanes bombed Kafr Nabl; IEDs exploded near the base and 3 were killed.",
    "A re-took control, then RECAPTURED the town", "air strikes", "mob", "Türkiye's jets struck",
    "Kelvin \u212aILLED", "the rebels' clashes\nwith troops", "", "no event here at all",
])
def test_same_triggers_as_every_rule_on_edge_cases(text):
    assert find_triggers(text) == _every_rule(text)
    if len(text) > 6:
        assert find_triggers(text, 2, len(text) - 3) == _every_rule(text, 2, len(text) - 3)


@pytest.mark.skipif(FAKES is None or not FAKES.is_file(), reason="shared/eval/news/fakes_dev.csv (dev data) is absent")
def test_same_triggers_as_every_rule_on_real_news():
    with open(FAKES, newline="", encoding="utf-8") as fh:
        texts = [f"{r['article_title']}\n\n{r['article_content']}" for r in csv.DictReader(fh)][:150]
    skipped = 0
    for text in texts:
        for s in range(0, len(text), 400):  # windows of a text, as the pipeline passes sentence bounds
            e = min(len(text), s + 400)
            assert find_triggers(text, s, e) == _every_rule(text, s, e), text[s:e]
            starts = lexicon._starts(text, s, e)
            skipped += starts is not None and sum(p is not None and starts.isdisjoint(p) for p in lexicon._PREFIXES)
    assert skipped > 0  # the prefilter does skip rules on real text


@pytest.mark.parametrize("text, expected", [
    ("Ukrainian forces fired small arms at the positions of the militia near Zolote.", ["Armed clash"]),
    ("Pro-Houthi forces fired caliber 14.5mm and PK machine guns at the factory.", ["Armed clash"]),
    # a heavy weapon in the list makes it shelling, whatever else was fired
    ("The army fired artillery shells and machine guns at the village.",
     ["Shelling/artillery/missile attack", "Shelling/artillery/missile attack"]),
])
def test_small_arms_fired_are_a_firefight_not_shelling(text: str, expected: list[str]) -> None:
    assert [t.sub_event_type for t in find_triggers(text)] == expected


@pytest.mark.parametrize("text, word", [
    ("Migrant laborers blocked roads and engaged in stone pelting in Nagaur.", "stone pelting"),
    ("They threw rocks at buses transporting health workers.", "threw rocks"),
    ("Nearly 200 migrant workers burned tyres and demonstrated in Perumanallur.", "burned tyres"),
    ("The group set barricades on fire and demanded the newcomers leave.", "set barricades on fire"),
])
def test_what_rioters_do_is_a_violent_demonstration(text: str, word: str) -> None:
    assert ("Violent demonstration", word) in [(t.sub_event_type, t.text) for t in find_triggers(text)]


@pytest.mark.parametrize("text, word, kind", [
    ("NLF forces restored control of the town of Ftireh.", "restored control", "territory"),
    ("Rebels re-captured Telamnas after a counter-attack.", "re-captured", "territory"),
    ("Syrian troops battled rebels near Kafr Nabl.", "battled", "Armed clash"),
])
def test_more_words_of_battle_and_change_of_hands(text: str, word: str, kind: str) -> None:
    assert (word, kind) in [(t.text, t.sub_event_type) for t in find_triggers(text)]


@pytest.mark.parametrize("text, kind", [
    ("Russian and Syrian jets continued their wide-scale aerial assault against IS forces in eastern Syria.",
     "Air/drone strike"),
    ("The Syrian and Russian air forces began the day by striking IS positions near Deir Hafer.", "Air/drone strike"),
    ("IS launched a massive offensive in the east Damascus countryside.", "Armed clash"),
])
def test_news_words_for_air_strikes_and_offensives(text: str, kind: str) -> None:
    assert kind in [t.sub_event_type for t in find_triggers(text)]


def test_an_aircraft_that_hits_a_building_is_no_air_strike() -> None:
    assert find_triggers("The plane crashed on landing; the aircraft hit a building.") == []


@pytest.mark.parametrize("text, word, kind", [
    ("Earlier, the pro-government forces liberated the cities of Palmyra and Quaryatayn.", "liberated", "territory"),
    ("The SAA resumed their large-scale offensive in the West Ghouta region.", "resumed their large-scale offensive",
     "Armed clash"),
    ("The rebels are storming the northern perimeter of Saraf.", "storming", "Armed clash"),
])
def test_news_words_for_advances(text: str, word: str, kind: str) -> None:
    assert (word, kind) in [(t.text, t.sub_event_type) for t in find_triggers(text)]


@pytest.mark.parametrize("text", [
    "Activists link the liberated areas west of Aleppo.",  # an adjective
    "Civil defence workers of the Liberated Province of Aleppo helped the injured.",  # part of a name
    "The army vowed to liberate the country.",
])
def test_liberated_as_a_name_or_an_adjective_is_no_capture(text: str) -> None:
    assert "territory" not in [t.sub_event_type for t in find_triggers(text)]


@pytest.mark.parametrize("text, kind", [
    ("Turkish Bombardment Kills 20 Civilians in Syria.", "Shelling/artillery/missile attack"),
    ("The Russian Aerospace Forces have destroyed a Daesh command center near Mayadin.", "Air/drone strike"),
    ("Russian Jets Destroy Daesh Training Center.", "Air/drone strike"),
])
def test_bombardment_and_aircraft_that_destroy(text: str, kind: str) -> None:
    assert find_triggers(text)[0].sub_event_type == kind


@pytest.mark.parametrize("text, kind", [
    ("Sevre was hit by a vacuum bomb attack aerially dropped by the regime on Monday.", "Air/drone strike"),
    ("A mother and her child died after an aerial bomb targeted their home.", "Air/drone strike"),
    ("Twin Bomb Attacks Kill 50 in Homs Province.", "Remote explosive/landmine/IED"),
    ("Terrorist Bomb Targets Bus in Damascus.", "Remote explosive/landmine/IED"),
])
def test_bombs_dropped_from_the_air_and_bombs_planted(text: str, kind: str) -> None:
    assert find_triggers(text)[0].sub_event_type == kind


@pytest.mark.parametrize("text, kind", [
    # property ruined as news leads tell it: the event head alone scored such leads 0.37-0.45, no event
    ("Militants burned down a school and a health clinic in the village overnight.", "Looting/property destruction"),
    ("Looters ransacked warehouses of the World Food Programme in Mekelle.", "Looting/property destruction"),
    ("Gunmen set fire to several houses and granaries before leaving the village.", "Looting/property destruction"),
    ("Rebels set up checkpoints on the main road leading to the capital.", "Headquarters or base established"),
    ("The jihadists announced the creation of a new emirate in the region.", "Change to group/activity"),
    ("The armed group pledged allegiance to the Islamic State in a video released on Friday.",
     "Change to group/activity"),
])
def test_news_words_for_strategic_developments(text: str, kind: str) -> None:
    assert kind in [t.sub_event_type for t in find_triggers(text)]


def test_an_attack_on_a_station_outranks_what_was_burned_there() -> None:
    found = find_triggers("Militants attacked the police station in Mansila, and the station and a vehicle were "
                          "ransacked and burned.")
    primary = max(found, key=lambda t: t.strength)
    assert primary.sub_event_type == "Armed clash" and primary.start < min(
        t.start for t in found if t.sub_event_type == "Looting/property destruction")


def test_a_grenade_launcher_fires_shells_not_a_thrown_grenade() -> None:
    kinds = [t.sub_event_type for t in find_triggers("The rebel forces fired grenade launchers at the governmental "
                                                     "positions near Opytne.")]
    assert kinds == ["Shelling/artillery/missile attack"]
    assert "Grenade" in [t.sub_event_type for t in find_triggers("Attackers threw a grenade into a crowded market.")]


@pytest.mark.parametrize("text, word", [
    ("Health workers marched on the second day of their 72-hour strike to demand better security.", "strike to demand"),
    ("Teachers went on a strike for better pay in Ouagadougou.", "went on a strike for"),
    ("The unions called a general strike against the pension reform.", "general strike against"),
])
def test_a_labour_strike_is_a_protest(text: str, word: str) -> None:
    assert ("Peaceful protest", word) in [(t.sub_event_type, t.text) for t in find_triggers(text)]


def test_strikes_against_an_armed_group_are_no_labour_strike() -> None:
    text = "US-led coalition strikes against Daesh terrorists in Abu Kamal left at least 31 civilians dead."
    assert "Peaceful protest" not in [t.sub_event_type for t in find_triggers(text)]


@pytest.mark.parametrize("text", [
    "A Daesh counterattack on Syrian regime forces left 28 militants dead.",
    "Rebels counterattacked in southern Aleppo on Monday.",
])
def test_a_counterattack_is_a_clash(text: str) -> None:
    assert "Armed clash" in [t.sub_event_type for t in find_triggers(text)]
