"""The publication date as news pages print it at their head (intake/_pubdate.py, data/intake/pubdate.json)."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.intake import article_from_text

BODY = "At least 16 civilians were killed in bombing raids by the US-led coalition near the city, a monitor said."


@pytest.mark.parametrize("head, expected", [
    ("Published April 2 2017", date(2017, 4, 2)),
    ("Wed 05 Apr 2017 at 1459", date(2017, 4, 5)),
    ("15 July 2015", date(2015, 7, 15)),
    ("Posted on April 4 2017 by Asharq Al-Awsat English", date(2017, 4, 4)),
    ("Date of publication 7 July 2016", date(2016, 7, 7)),
    ("Last updated at Apr 232017 BEIRUT", date(2017, 4, 23)),
    ("Monday 3 April 2017 10:15 GMT", date(2017, 4, 3)),
    ("Fri Sep 27 2013", date(2013, 9, 27)),
    ("24.08.2013Get short URL 0 13", date(2013, 8, 24)),
    ("05-09-2013", date(2013, 9, 5)),  # dashes: day first
    ("Aug. 1 2016", date(2016, 8, 1)),
])
def test_head_date_forms_in_a_flattened_page(head: str, expected: date) -> None:
    article = article_from_text(f"Coalition strikes kill civilians near Raqqa\n\n{head} {BODY}")
    assert article.published == expected
    assert article.published_span is not None
    assert article.text[article.published_span.start:article.published_span.end][-4:] == str(expected.year)


def test_date_after_a_repeated_headline_and_section_words() -> None:
    title = "Daesh Attacks Syrian Deir ez-Zor With Rockets Kill 3 Civilians"
    text = f"{title}\n\n{title} - Reports Sputnik Middle East 2159 18.05.2017(updated 2204 18.05.2017) Get short URL {BODY}"
    assert article_from_text(text).published == date(2017, 5, 18)


def test_a_cued_publication_date_beats_an_updated_one() -> None:
    text = f"Headline here\n\nUpdated 6 May 2017 Published 5 May 2017 {BODY}"
    assert article_from_text(text).published == date(2017, 5, 5)


@pytest.mark.parametrize("text", [
    "On 2 June 2023, clashes took place between regime forces and HTS near Saraqab. 3 fatalities.",
    "Around 14 May 2022 (as reported), unidentified gunmen shot dead a farmer in his field in Zamfara state.",
    "Three people were killed when a car bomb exploded in a Baghdad square Tuesday [02/07/2006], killing shoppers.",
    "The two soldiers were captured Dec. 26, 1944 in a Slovak village and held for months by the occupiers there.",
])
def test_event_dates_in_running_text_are_not_publication_dates(text: str) -> None:
    assert article_from_text(text).published is None


def test_the_callers_date_wins() -> None:
    article = article_from_text(f"Headline\n\n15 July 2015 {BODY}", published=date(2015, 7, 16))
    assert article.published == date(2015, 7, 16) and article.published_span is None


def test_html_without_date_markup_takes_the_printed_date() -> None:
    """htmldate's whole-page search misses "Apr 232017" (day and year run together); the head reader reads it."""
    from eventwire.intake import article_from_html

    html = ("<html><head><title>Six Killed in Aleppo Bombing</title></head><body><article><h1>Six Killed in Aleppo "
            "Bombing</h1><p>Last updated at Apr 192017 BEIRUT Six people were killed and "
            f"dozens others wounded in a blast that rocked the northern Syrian city of Aleppo. {BODY}</p>"
            "</article></body></html>")
    assert article_from_html(html).published == date(2017, 4, 19)


def test_extract_says_how_many_articles_stay_undated(tmp_path) -> None:
    from click.testing import CliRunner

    from eventwire.cli import main

    (tmp_path / "a.txt").write_text(f"Headline of a report\n\n{BODY}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Headline of a report\n\n15 July 2015 {BODY}\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["extract", str(tmp_path), "--format", "jsonl"])
    assert out.exit_code == 0
    assert "warning: 1 of 2 article(s) have no publication date" in out.output


@pytest.mark.parametrize("head, expected", [
    ("Ahram Online , Sunday 2 Apr 2017", date(2017, 4, 2)),
    ("Reuters Staff | March 4, 2017 / 10:41 AM", date(2017, 3, 4)),
    ("Daily Sabah with Wires ISTANBUL Published 25.04.2017 00:00 Updated 25.04.2017 10:43", date(2017, 4, 25)),
])
def test_dates_set_off_in_a_byline(head: str, expected: date | None) -> None:
    assert article_from_text(f"Coalition strikes kill civilians near Raqqa\n\n{head} {BODY}").published == expected


@pytest.mark.parametrize("head, expected", [
    ("05.04.2017", date(2017, 4, 5)),  # dots: the day first, on a date line of its own as in a byline
    ("2017/04/05", date(2017, 4, 5)),  # a leading year: year, month, day
    ("Published 2017/04/05 14:59", date(2017, 4, 5)),
    ("04/05/2017", date(2017, 4, 5)),  # slashes: the month first (the US order) ...
    ("25/04/2017", date(2017, 4, 25)),  # ... unless the first number cannot be a month
])
def test_numeric_dates_in_the_order_their_separators_tell(head: str, expected: date) -> None:
    assert article_from_text(f"Airstrikes kill 20 in Idlib\n\n{head}\n\n{BODY}").published == expected
