"""Numbers and deaths as news writes them (events/numbers.py, events/fatalities.py), on sentences of real reports."""
from __future__ import annotations

import re

import pytest

from eventwire.events.fatalities import death_toll, find_fatalities
from eventwire.events.numbers import NUMBER, number_range, parse_number


@pytest.mark.parametrize("text, value, rng", [
    ("1,500", 1500, (1500, 1500)),
    ("1500", 1500, (1500, 1500)),
    ("thirteen", 13, (13, 13)),
    ("twenty-one", 21, (21, 21)),
    ("two hundred", 200, (200, 200)),
    ("One hundred and fifty", 150, (150, 150)),
    ("three hundred and twenty-five", 325, (325, 325)),
    ("a dozen", 12, (12, 12)),
    ("dozens", 24, (24, 99)),
    ("hundreds", 200, (200, 999)),
])
def test_number_values(text: str, value: int, rng: tuple[int, int]) -> None:
    assert re.fullmatch(NUMBER, text, re.I)
    assert parse_number(text) == value and number_range(text) == rng


def test_scores_is_a_count_only_before_of_or_a_verb() -> None:
    assert number_range("scores") == (40, 99)
    assert re.match(NUMBER, "scores were killed", re.I).group() == "scores"  # type: ignore[union-attr]
    assert re.match(NUMBER, "scores a goal", re.I) is None


def test_number_words_take_the_whole_compound() -> None:
    assert re.match(NUMBER, "two hundred militants", re.I).group() == "two hundred"  # type: ignore[union-attr]
    assert re.match(NUMBER, "one hundred and fifty fighters", re.I).group() == "one hundred and fifty"  # type: ignore[union-attr]


@pytest.mark.parametrize("sentence, best", [
    ("A US-led coalition air strike killed at least 18 civilians on Monday, a monitor said.", 18),
    ("More than 120 people have been killed as troops allied to the Syrian regime stepped up attacks on Douma.", 120),
    ("At least 48 people dead over 100 injured after truck bomb exploded near security headquarters.", 48),
    ("The blast left 28 dead and dozens wounded.", 28),
    ("Two hundred militants were killed in the offensive, the army said.", 200),
    ("A dozen soldiers were killed in the ambush.", 12),
    ("Hundreds of Alawite civilians have brutally been killed.", 200),
    ("A total of 1500 people have fallen victims of the chemical attack.", 1500),
    ("16 July 2015 At least 11 civilians including three children were killed in regime barrel bomb attacks.", 11),
    ("Three civilians were martyred and 25 others were injured in a terrorist rocket attack.", 3),
    ("The death toll rose to 112 on Sunday, the monitor said.", 112),
    ("The death toll from the chemical attack has risen to 86 including 30 children.", 86),
    ("At least 400 people have been injured during this bombing campaign.", None),
    ("11.10.2017(updated 1838 11.10.2017) Get short URL 113 At least nine people were killed and more than 10 "
     "people were injured.", 9),
    ("US-led Coalition Strikes on Syrian Abu Kamal Leave 31 Civilians Dead", 31),
    ("6 Lebanese martyrs and 22 injured were claimed in a terrorist bombing.", 6),
    ("Kurdish-led Syrian Democratic Forces (SDF) eliminated 12 Islamic State jihadists near the town.", 12),
    ("The death toll from the shelling attacks launched by al-Nusra terrorists on neighborhoods in areas in Aleppo "
     "province in the past 24 hours has reached 20 people.", 20),
])
def test_news_tolls(sentence: str, best: int | None) -> None:
    found = find_fatalities(sentence, 0, len(sentence))
    assert (found.best if found else None) == best


def test_dozens_is_a_range() -> None:
    s = "Dozens of people have been killed in Syrias northern Idlib province on Tuesday."
    found = find_fatalities(s, 0, len(s))
    assert found is not None and (found.best, found.low, found.high) == (24, 24, 99)


def test_a_toll_of_wounded_is_no_death_toll() -> None:
    s = "The casualty toll reached 40 wounded after the shelling."
    assert death_toll(s, 0, len(s)) is None
