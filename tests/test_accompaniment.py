"""What goes with an event is not the event: "forces, supported by warplanes conducting airstrikes, clashed" is a
clash; "clashed amid shelling" too. Event words in a phrase of support or backdrop do not lead the sentence."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.events.accompaniment import accompanying, main_clause
from eventwire.events.lexicon import find_triggers
from eventwire.intake import article_from_text
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(use_classifier=False)


def _types(pipeline: Pipeline, text: str) -> list[str]:
    article = article_from_text(text, input_id="t", published=date(2020, 10, 22))
    return [e.sub_event_type for e in next(pipeline.process([article]))[1]]


@pytest.mark.parametrize("text", [
    "On 21 October 2020, regime forces, supported by Russian warplanes conducting airstrikes and regime helicopters "
    "dropping barrel bombs, clashed with IS in the Ithariyah area in Hama countryside.",
    "On 21 October 2020, rebels clashed with regime forces near Kabani amid airstrikes by Russian warplanes.",
])
def test_a_clash_with_air_support_is_the_clash(pipeline: Pipeline, text: str) -> None:
    assert _types(pipeline, text) == ["Armed clash"]


@pytest.mark.parametrize("text, expected", [
    # the airstrike is the main clause; the clashes are its backdrop
    ("On 21 October 2020, Russian warplanes carried out airstrikes on Tall Al Nar amid clashes between regime forces "
     "and rebels.", "Air/drone strike"),
    # no event word outside the phrase: the sentence keeps the event it tells
    ("On 21 October 2020, residents fled Kafr Nabl amid heavy shelling by regime forces.",
     "Shelling/artillery/missile attack"),
])
def test_the_main_clause_still_leads(pipeline: Pipeline, text: str, expected: str) -> None:
    assert _types(pipeline, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # what the victims had done, or were trying to do, is no event of the sentence
    ("Al Nusra Front fighters executed 40 gunmen and members of their families for an attempt to surrender arms.",
     "Attack"),
    ("Islamic State fighters beheaded eight men who had surrendered in a town near Al Bukamal.", "Attack"),
    ("Police arrested two men accused of killing a farmer in Kaduna.", "Arrests"),
])
def test_what_the_victims_had_done_does_not_lead(pipeline: Pipeline, text: str, expected: str) -> None:
    assert _types(pipeline, text)[:1] == [expected]


def test_a_phrase_ends_at_its_comma() -> None:
    text = "Regime forces, backed by Russian airstrikes, clashed with rebels."
    triggers = find_triggers(text)
    aside = accompanying(text, 0, len(text), triggers)
    assert [t.text for t in aside] == ["airstrikes"]
    assert [t.text for t in main_clause(text, 0, len(text), triggers)] == ["clashed"]


def test_a_main_verb_after_the_support_phrase_is_the_event(pipeline: Pipeline) -> None:
    text = ("On 21 October 2020, Turkish forces supported by their Syrian National Army allies captured the town of "
            "Al-Malikeyyeh from YPG fighters.")
    assert _types(pipeline, text) == ["Non-state actor overtakes territory"]
    airstrikes = "On 21 October 2020, Syrian troops backed by Russian air strikes battled rebels near Kafr Nabl."
    triggers = find_triggers(airstrikes)
    assert [t.text for t in accompanying(airstrikes, 0, len(airstrikes), triggers)] == ["air strikes"]


def test_the_learned_models_do_not_make_a_fight_a_change_of_hands() -> None:
    """No word of the sentence says anyone took the town: the classifier's territory sub-types are not asked."""
    article = article_from_text("Syrian troops fought rebels near Khan Sheikhoun on Tuesday.", input_id="t",
                                published=date(2019, 8, 21))
    (event,) = next(Pipeline().process([article]))[1]
    assert event.sub_event_type == "Armed clash"
