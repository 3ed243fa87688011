"""Numbers in the shapes news writes them, end to end: tolls in words and mixed forms, distances of relative
places ("1,500 metres north of Idlib" is 1.5 km, not 0.0015)."""
from __future__ import annotations

import math
from datetime import date

import pytest

from eventwire.events.fatalities import find_fatalities
from eventwire.geo import get_gazetteer, haversine_km, parse_relation


@pytest.mark.parametrize("sentence, best", [
    ("ISIS militants executed two hundred people in the town of Al-Mayadin on Sunday.", 200),
    ("Islamic State executed some 30 men in Palmyra, the monitor said.", 30),
    ("The group beheaded a dozen soldiers it had captured near Raqqa.", 12),
    ("Militants executed 1,500 prisoners at the camp, a rights group said.", 1500),
    ("IS has executed more than two hundred and fifty people in the province since June.", 250),
])
def test_execution_tolls_in_words_and_digits(sentence: str, best: int) -> None:
    found = find_fatalities(sentence, 0, len(sentence))
    assert found is not None and found.best == best


@pytest.mark.parametrize("text, km, bearing", [
    ("1,500 metres north of", 1.5, 0.0),
    ("two hundred metres south of", 0.2, 180.0),
    ("2.5 km east of", 2.5, 90.0),
    ("1500 m west of", 1.5, 270.0),
    ("a few kilometres north-west of", 3.0, 315.0),
    ("about one kilometre from", 1.0, None),
])
def test_distances_in_words_digits_and_metres(text: str, km: float, bearing: float | None) -> None:
    got = parse_relation(text)
    assert got is not None and got[1] == bearing and got[0] is not None and math.isclose(got[0], km)


@pytest.mark.parametrize("sentence, town, km", [
    ("Regime forces shelled a village 1,500 metres north of Idlib city on Monday, killing three civilians.",
     "Idlib", 1.5),
    ("An IED exploded 500 metres south of Saraqib on Monday, killing two soldiers.", "Saraqib", 0.5),
])
def test_a_place_in_metres_from_a_town_is_offset_by_that_distance(sentence: str, town: str, km: float) -> None:
    import eventwire
    from eventwire.intake import article_from_text

    article = article_from_text(sentence, published=date(2016, 2, 8))
    (event,) = [e for e in eventwire.extract(article) if e.location is not None]
    loc = event.location
    assert loc is not None and loc.lat is not None and loc.lon is not None and loc.relation
    base = get_gazetteer().lookup(town, "Syria")[0]
    assert math.isclose(haversine_km(base.lat, base.lon, loc.lat, loc.lon), km, rel_tol=0.01)
