"""Who acted in news sentences: holders of places, passive and nominal doers, the air force of an unnamed strike
(events/roles.py, data/events/role_frames.json, data/actors/air_forces.json). Sentences written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire import article_from_text
from eventwire.events import roles
from eventwire.pipeline import extract


def _event(text: str, words: str):
    """The event whose sentence holds `words`."""
    article = article_from_text(text, input_id="t", published=date(2016, 9, 20))
    events = [e for e in extract(article) if words in text[e.sentence.start:e.sentence.end]]
    assert events, f"no event in the sentence with {words!r}"
    return events[0]


def _actor(event, role: str) -> str | None:
    return next((a.name for a in event.actors if a.role == role), None)


@pytest.mark.parametrize("text, start, end, holds", [
    ("the Islamic State-held town of Manbij", 4, 17, True),
    ("a district controlled by rebels", 25, 31, True),
    ("the IS group's de facto capital Raqqa", 4, 6, True),
    ("IS fighters attacked the town", 0, 2, False),
    ("rebels controlled the hill", 0, 6, False),
])
def test_a_holder_of_a_place_is_told_from_a_doer(text: str, start: int, end: int, holds: bool) -> None:
    assert text[start:end] in ("Islamic State", "rebels", "IS")
    assert roles.holds_place(text, start, end) is holds


def test_the_holder_of_the_struck_town_is_not_actor1() -> None:
    text = "Syrian warplanes struck the Nusra Front-held town of Ariha in Idlib province on Monday, killing nine people."
    event = _event(text, "Ariha")
    assert (_actor(event, "actor1") or "").startswith("Military Forces of Syria")


def test_a_holder_after_the_event_word_is_the_target() -> None:
    text = "Regime forces shelled positions held by Hayat Tahrir al-Sham near Kafr Nabl in Idlib, killing two fighters."
    event = _event(text, "Kafr Nabl")
    assert (_actor(event, "actor1") or "").startswith("Military Forces of Syria")
    assert _actor(event, "actor2") == "HTS: Hayat Tahrir al Sham"


@pytest.mark.parametrize("text, doer", [
    ("Eleven farmers were killed by US-led air strikes near Hajin in Deir ez-Zor on Friday.", "Global Coalition Against Daesh"),
    ("Twenty Islamic State fighters were killed in Russian air raids near Palmyra on Sunday.", "Military Forces of Russia"),
    ("Fifteen Nusra Front militants died in fierce clashes with the Syrian army near Morek in Hama.", "Military Forces of Syria"),
])
def test_the_doer_named_after_a_passive_is_actor1(text: str, doer: str) -> None:
    assert (_actor(_event(text, "near"), "actor1") or "").startswith(doer)


def test_nationality_words_name_the_attacking_state() -> None:
    event = _event("Turkish strikes hit a YPG base near Afrin on Tuesday, killing four fighters.", "Afrin")
    assert (_actor(event, "actor1") or "").startswith("Military Forces of Turkey")


def test_an_unnamed_air_strike_takes_the_air_force_the_article_names() -> None:
    text = ("Russian jets pounded the countryside of Idlib overnight, activists said.\n\n"
            "Airstrikes on the village of Maarrat Misrin killed six civilians on Tuesday.")
    assert (_actor(_event(text, "Maarrat Misrin"), "actor1") or "").startswith("Military Forces of Russia")


def test_an_air_strike_nobody_claims_is_an_unknown_military_force() -> None:
    event = _event("Airstrikes on the village of Sarmin in Idlib killed six civilians on Tuesday.", "Sarmin")
    assert event.sub_event_type == "Air/drone strike"
    assert _actor(event, "actor1") == "Unidentified Military Forces"


def test_an_air_force_intelligence_office_is_no_aircraft() -> None:
    event = _event("Unidentified gunmen shot dead a member of the Air Force Intelligence in Tafas in Daraa.", "Tafas")
    assert _actor(event, "actor1") == "Unidentified Armed Group (Syria)"


def test_civilians_are_never_both_sides_of_an_air_strike() -> None:
    event = _event("Air raids on the Bustan al-Qasr district of Aleppo killed at least 12 people including five "
                   "children on Friday.", "Bustan")
    assert _actor(event, "actor1") == "Unidentified Military Forces"
    assert _actor(event, "actor2") == "Civilians (Syria)"


def test_an_air_strike_with_nobody_named_still_has_a_perpetrator() -> None:
    event = _event("Airstrikes kill nine and wound dozens more in the Waer district of Homs.", "Waer")
    assert _actor(event, "actor1") == "Unidentified Military Forces"


@pytest.mark.parametrize("text", [
    "Forty ISIL Militants Killed in Kobani on Saturday.",
    "An Islamic State commander killed near Tabqa, two others wounded.",
])
def test_a_group_killed_in_a_headline_passive_is_not_the_perpetrator(text: str) -> None:
    assert _actor(_event(text, "i"), "actor1") != "Islamic State (Syria)"


def test_an_active_kill_keeps_its_subject() -> None:
    event = _event("Islamic State fighters killed three soldiers near Palmyra on Monday.", "Palmyra")
    assert _actor(event, "actor1") == "Islamic State (Syria)"


def test_an_event_told_without_perpetrator_takes_the_one_its_retelling_names() -> None:
    text = ("Twelve civilians were shot dead in an attack on a market in Mayadin in Deir ez-Zor on Friday, local "
            "sources said.\n\nThe Islamic State group claimed the bombing of the market in Mayadin, which killed "
            "twelve people.")
    article = article_from_text(text, input_id="t", published=date(2017, 11, 18))
    first = next(e for e in extract(article) if e.sentence.start == 0)
    assert _actor(first, "actor1") == "Islamic State (Syria)"


def test_a_perpetrator_is_not_borrowed_from_a_different_death_toll() -> None:
    text = ("Unidentified gunmen killed two farmers near Tafas in Daraa on Monday.\n\n"
            "Separately, regime forces shelled the town of Busra al-Harir, killing forty fighters.")
    article = article_from_text(text, input_id="t", published=date(2019, 5, 14))
    first = next(e for e in extract(article) if e.sentence.start == 0)
    assert (_actor(first, "actor1") or "").startswith("Unidentified")


def test_a_headline_passive_after_the_first_clause_leaves_the_subject_acting() -> None:
    headline = _event("Syrian Air Force Targets ISIS in Maadan 30 Terrorists Killed.", "Maadan")
    assert (_actor(headline, "actor1") or "").startswith("Military Forces of Syria")
    assert _actor(headline, "actor2") == "Islamic State (Syria)"


def test_in_prose_a_participle_passive_leaves_the_victim_a_victim() -> None:
    event = _event("The body of a Hamza Division fighter was found near Afrin on Monday, killed by unknown gunmen.", "Afrin")
    assert (_actor(event, "actor1") or "").startswith("Unidentified")


def test_a_country_claiming_an_act_names_its_forces() -> None:
    event = _event("Russia says kills 9 Nusra Front commanders in air strike near Jisr al-Shughur.", "Nusra")
    assert (_actor(event, "actor1") or "").startswith("Military Forces of Russia")
    assert _actor(event, "actor2") == "JFS: Al Nusra Front"


def test_a_country_named_as_a_place_is_no_actor() -> None:
    event = _event("IS fighters killed four soldiers near Tal Abyad in Raqqa, on the border with Turkey, on Monday.", "Tal Abyad")
    assert _actor(event, "actor1") == "Islamic State (Syria)"


def test_a_group_or_another_acts_as_one_actor() -> None:
    from eventwire.intake import article_from_text
    from eventwire.pipeline import Pipeline

    text = "On 23 April 2019, presumed JNIM and/or ISGS militants assassinated a priest in Djibo, Burkina Faso."
    (event,) = next(Pipeline(use_classifier=False).process([article_from_text(text, input_id="t")]))[1]
    actor1 = next(a for a in event.actors if a.role == "actor1")
    assert actor1.name == "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
    assert actor1.text == "JNIM and/or ISGS"
