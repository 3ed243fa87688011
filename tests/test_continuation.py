"""Continuation sentences (events/continuation.py) on sentences of real ACLED notes: what refers back to the event
before it, and what tells an occurrence of its own."""
from __future__ import annotations

import pytest

from eventwire.events.continuation import named_kind, refers_back

CLASH = "On 4 December 2020, clashes took place between regime forces and IS in the Al-Rasafah desert."


@pytest.mark.parametrize("sentence", [
    "Clashes were accompanied by an exchange of shelling.",
    "During which, Turkish forces shelled the village using heavy weapons.",
    "Two days of clashes in the areas of Al-Jakusiyah and Rahjan resulted in the death of 19 regime fighters.",
    "Several others were wounded.",
    "The motive for the attack was unclear.",
])
def test_elaborations_refer_back(sentence: str) -> None:
    assert refers_back(sentence, 0, len(sentence), CLASH) is not None


@pytest.mark.parametrize("sentence", [
    "Five civilians were killed in an airstrike on Saraqeb.",  # an event of its own (indefinite)
    "Similar protests were held by health workers in Tegucigalpa.",  # another occurrence
    "Protesters gathered near the La Alpujarra.",  # an agent noun, not an event noun
    "In response, Turkish forces shelled QSD positions in the same area.",  # a reaction by another party
])
def test_new_occurrences_do_not(sentence: str) -> None:
    assert refers_back(sentence, 0, len(sentence), CLASH) is None


def test_a_specific_noun_needs_its_kind_before() -> None:
    s = "Clashes erupted in Daraa."
    assert refers_back(s, 0, len(s), "Regime warplanes struck Idlib city.") is None
    assert "clash" in named_kind("During the clashes, 3 were killed.", 0, 33)


@pytest.mark.parametrize("use_classifier", [False, True])
def test_a_capture_after_clashes_stays_the_capture(use_classifier: bool) -> None:
    """A continuation naming the clashes does not make the capture they led to a clash (ACLED codes the change of
    hands), with the rules alone or with the learned models in the loop."""
    from datetime import date

    from eventwire.intake import article_from_text
    from eventwire.pipeline import Pipeline

    text = ("On 23 December 2019, regime forces captured Jarjnaz in Idleb following clashes between regime forces, "
            "supported by pro-regime militias, and HTS and Islamist factions. Clashes were accompanied by exchange of "
            "shelling and airstrikes by regime and Russian warplanes.")
    article = article_from_text(text, input_id="t", published=date(2019, 12, 24))
    events = next(Pipeline(use_classifier=use_classifier).process([article]))[1]
    assert [e.sub_event_type for e in events] == ["Government regains territory"]
    assert events[0].location.name == "Jarjnaz"
