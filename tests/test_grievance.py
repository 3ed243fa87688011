"""A protest's grievance is no event of its own: "demonstrated against the arbitrary arrests" is a protest."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.events.grievance import grievances
from eventwire.events.lexicon import find_triggers
from eventwire.intake import article_from_text
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(use_classifier=False)


def _types(pipeline: Pipeline, text: str) -> list[str]:
    article = article_from_text(text, input_id="t", published=date(2020, 6, 20))
    return [e.sub_event_type for e in next(pipeline.process([article]))[1]]


@pytest.mark.parametrize("text", [
    "On 19 June 2020, hundreds of residents demonstrated in Kandi against the arbitrary arrests of young men.",
    "On 19 June 2020, residents staged a sit-in in Boulsa in reaction to the arrest of the village chief.",
    "On 19 June 2020, students rallied in Lahore over the killing of a classmate by unknown gunmen.",
])
def test_the_grievance_of_a_protest_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert _types(pipeline, text) == ["Peaceful protest"]


@pytest.mark.parametrize("text, kept", [
    # the arrests come first: the police acted on the protesters
    ("Police arrested 12 men who were protesting against the new tax in Kandi.", "arrested"),
    # no grievance phrase between the protest and the shooting
    ("Protesters gathered in Khartoum and soldiers shot dead two of them.", "shot dead"),
])
def test_events_beside_a_protest_stay(text: str, kept: str) -> None:
    triggers = find_triggers(text)
    assert kept in [t.text for t in triggers]
    assert kept not in [t.text for t in grievances(text, triggers)]
