"""The main event of an article (events/main.py): the headline's and lead's event, flagged and listed first."""
from __future__ import annotations

import csv
import io
from datetime import date

from eventwire.events.main import main_score, mark_main, title_words
from eventwire.export import acled_row, write_acled_csv
from eventwire.intake import article_from_text
from eventwire.models import Article, Event, Fatalities, Span, TimeSpan
from eventwire.pipeline import extract

TEXT = ("Suicide bomber kills 16 in Syrias Hasakah\n\n"
        "Date of publication 5 July 2016 Talks on a ceasefire in Aleppo failed last month after fighting in the "
        "old city. A suicide bomber on a motorcycle killed 16 people outside a bakery in Hasakah city on Tuesday "
        "the Syrian Observatory for Human Rights said.")


def _event(article: Article, sentence: str, **kw) -> Event:
    start = article.text.index(sentence)
    return Event(article_id=article.id, event_type="Explosions/Remote violence", sub_event_type="Suicide bomb",
                 sentence=Span(start=start, end=start + len(sentence)), **kw)


def test_title_words_drop_stop_words_and_compare_stems() -> None:
    assert title_words("Suicide bomber kills 16 in Syrias Hasakah") == {"suic", "bomb", "kill", "syri", "hasa"}


def test_the_headlines_deadly_event_is_main_and_first() -> None:
    article = article_from_text(TEXT)
    background = _event(article, "Talks on a ceasefire in Aleppo failed last month after fighting in the old city.")
    lead = _event(article, "A suicide bomber on a motorcycle killed 16 people outside a bakery in Hasakah city on "
                           "Tuesday the Syrian Observatory for Human Rights said.",
                  fatalities=Fatalities(best=16), time=TimeSpan(start=date(2016, 7, 5), end=date(2016, 7, 5)))
    marked = mark_main([background, lead], article)
    assert [e.main for e in marked] == [True, False]
    assert marked[0].sentence == lead.sentence and marked[1].sentence == background.sentence


def test_background_loses_to_a_current_event() -> None:
    article = article_from_text(TEXT)
    old = _event(article, "Talks on a ceasefire in Aleppo failed last month after fighting in the old city.",
                 background=True, fatalities=Fatalities(best=3))
    assert main_score(old, article.text, title_words(article.title), 0) < 0


def test_exactly_one_main_event_from_the_pipeline_and_in_the_exports() -> None:
    events = extract(article_from_text(TEXT))
    assert events and sum(e.main for e in events) == 1 and events[0].main
    assert events[0].fatalities is not None and events[0].fatalities.best == 16
    out = io.StringIO()
    write_acled_csv((acled_row(e) for e in events), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["eventwire_main"] for r in rows] == ["true"] + ["false"] * (len(rows) - 1)
    assert events[0].model_dump(mode="json")["main"] is True


def test_no_events_no_main() -> None:
    assert mark_main([], article_from_text(TEXT)) == []


def test_the_headlines_toll_is_the_main_events() -> None:
    text = ("Air strikes kill at least 18 in northwestern Syria\n\n9 Apr 2017 Air strikes hit the town of Urum al-Joz "
            "in rebel-held Idlib province on Saturday, a war monitor said, and rescuers pulled bodies from the rubble.")
    article = article_from_text(text)
    main = extract(article)[0]
    assert main.main and main.fatalities is not None and main.fatalities.best == 18
    assert all(s.end <= len(article.title or "") for s in main.fatalities.evidence)


def test_a_headline_that_counts_part_of_the_dead_yields_to_the_leads_toll() -> None:
    text = ("Seven children killed in Syrias rebel-held Aleppo\n\nDate of publication 5 August 2016 Air raids on "
            "Aleppos Marjeh district killed at least 10 people including seven children on Friday, the Syrian "
            "Observatory for Human Rights reports.")
    main = extract(article_from_text(text))[0]
    assert main.fatalities is not None and main.fatalities.best == 10


def test_the_toll_that_includes_the_headlines_count_may_be_told_in_a_later_sentence() -> None:
    text = ("Four soldiers killed in Homs bombing\n\n03.03.2018 Twelve people died in a car bomb blast in Homs on "
            "Saturday, state media said. A military source told reporters that 12 people were killed, including four "
            "soldiers guarding the checkpoint.")
    main = extract(article_from_text(text))[0]
    assert main.fatalities is not None and main.fatalities.best == 12
    alone = extract(article_from_text(text.replace(", including four soldiers guarding the checkpoint", "")))[0]
    assert alone.fatalities is not None and alone.fatalities.best == 4  # no sentence says the four are among them


def test_a_headline_without_deaths_leaves_the_count_alone() -> None:
    events = extract(article_from_text(TEXT.replace("Suicide bomber kills 16 in Syrias Hasakah",
                                                    "Suicide bomber strikes Syrias Hasakah")))
    assert events[0].fatalities is not None and events[0].fatalities.best == 16


def test_a_vague_headline_toll_yields_to_the_bodys_count() -> None:
    text = ("Dozens killed in bombardment on rebel-held Aleppo\n\n25 Apr 2017 At least 16 people were killed in air "
            "strikes and barrel bomb attacks on rebel-held districts of Aleppo on Monday, a monitor said.")
    main = extract(article_from_text(text))[0]
    assert main.fatalities is not None and main.fatalities.best == 16
    alone = extract(article_from_text("Dozens killed in bombardment on rebel-held Aleppo\n\n25 Apr 2017 Air "
                                      "strikes hit rebel-held districts of Aleppo on Monday, a monitor said."))[0]
    assert alone.fatalities is not None and alone.fatalities.low == 24 and alone.fatalities.high is not None


def test_a_vague_lead_takes_the_count_the_body_gives_later() -> None:
    text = ("US-led strikes kill civilians near Manbij\n\n21 Jul 2016 Dozens of civilians have reportedly been killed "
            "by US-led air strikes near the city of Manbij in Aleppo province. The US military is investigating "
            "reports that air strikes on the village of Tokhar killed at least 73 civilians. Earlier, strikes on a "
            "nearby farm killed 6 people.")
    main = extract(article_from_text(text))[0]
    assert main.main and main.fatalities is not None and main.fatalities.best == 73


def test_the_headlines_weapon_types_a_lead_that_names_none() -> None:
    text = ("Shelling of rebel bastion near Syrian capital kills 19\n\n4 Apr 2017 At least 19 people were killed near "
            "the Syrian capital on Tuesday, including six children, a monitor said.")
    main = extract(article_from_text(text))[0]
    assert main.main and (main.event_type, main.sub_event_type) == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert "Shelling" in [s.text_in(text) for s in main.evidence]  # the sub-type shows its evidence
    both = ("Air strikes and shelling kill 19 near Syrian capital\n\n4 Apr 2017 At least 19 people were killed "
            "near the Syrian capital on Tuesday, a monitor said.")
    assert extract(article_from_text(both))[0].sub_event_type in ("Attack", "Armed clash")


def test_a_lead_that_says_only_who_died_takes_the_weapon_the_next_sentences_tell() -> None:
    text = ("Civilians die in northern Syria\n\n18 Jul 2016 At least 21 civilians were killed in northern Syria on "
            "Monday, a monitor said. US-led coalition warplanes struck the village of Tokhar near Manbij overnight.")
    main = extract(article_from_text(text))[0]
    assert main.main and main.sub_event_type == "Air/drone strike"
    assert any("warplanes struck" in s.text_in(text) for s in main.evidence)
    executed = ("IS executes villagers in northern Syria\n\n18 Jul 2016 IS militants executed 21 villagers in "
                "northern Syria on Monday, a monitor said. Regime artillery shelled the nearby town of Tabqa overnight.")
    assert extract(article_from_text(executed))[0].sub_event_type == "Attack"


def test_a_lead_without_a_toll_takes_the_count_the_next_sentences_give() -> None:
    # the lead repeats the headline, as some outlets print it; the count comes a sentence later
    text = ("Bus bombing marks end to evacuation deal in Syria\n\nApril 18 2017 Bus bombing marks end to evacuation "
            "deal in Syria. A car bomb killed 126 people near the buses west of Aleppo on Saturday.")
    article = article_from_text(text)
    lead = _event(article, "April 18 2017 Bus bombing marks end to evacuation deal in Syria.")
    toll = _event(article, "A car bomb killed 126 people near the buses west of Aleppo on Saturday.",
                  fatalities=Fatalities(best=126, low=126, high=126))
    main = mark_main([lead, toll], article)[0]
    assert main.sentence == lead.sentence and main.fatalities is not None and main.fatalities.best == 126


def test_a_place_abroad_is_no_cue() -> None:
    from eventwire.models import Location

    text = ("Weekly report from the region\n\nBEIRUT officials met on Monday. Rebels shelled a market in Aleppo on Monday. "
            "Rebels also shelled Azaz.")
    article = article_from_text(text)

    def at(sentence: str, name: str, admin1: str, country: str) -> Event:
        return _event(article, sentence, location=Location(text=name, name=name, admin1=admin1, country=country))

    beirut = at("BEIRUT officials met on Monday.", "Beirut", "Beirut", "Lebanon")
    aleppo = at("Rebels shelled a market in Aleppo on Monday.", "Aleppo", "Aleppo", "Syria")
    azaz = at("Rebels also shelled Azaz.", "Azaz", "Aleppo", "Syria")
    assert mark_main([beirut, aleppo, azaz], article)[0].location.name == "Aleppo"  # type: ignore[union-attr]


def test_the_printed_publication_date_is_no_event_time() -> None:
    """The byline's date tells when the article came out: the event is dated by the other time its sentence
    states, and a headline that only the byline dates reports no event of its own."""
    text = ("Posted on April 2 2017 by Youssef Diab MSF says regime used chemical weapons in Hama Beirut Doctors "
            "Without Borders accused the Syrian regime of using chemical weapons in its bombardment of the Hama "
            "governorate on March 25.\nA bomb dropped by a helicopter killed two people at Latamneh hospital.")
    article = article_from_text(text, input_id="t")
    assert article.published == date(2017, 4, 2)
    main = next(e for e in extract(article) if e.main)
    assert main.sub_event_type == "Chemical weapon"
    assert (main.time.start, main.time.end) == (date(2017, 3, 25), date(2017, 3, 25))


def test_a_headline_dated_only_by_its_byline_is_no_event() -> None:
    text = "Mon Jul 11 2016 Daesh Terrorist Group Execute 70 Members in Raqqa.\nThe group shot them in a square."
    events = extract(article_from_text(text, input_id="t"))
    assert "Other" not in [e.sub_event_type for e in events]
