"""The temporal stage on real text: seed articles, ACLED notes, and every expression the stage promises."""
from __future__ import annotations

import csv
import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from eventwire import temporal
from eventwire.models import TimeSpan
from eventwire.temporal import TimeMention, find_times, resolve

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason=f"shared data not found at {SHARED}")

TUE = date(2015, 6, 2)  # seed 000's publication date, a Tuesday
WED = date(2016, 12, 7)  # seed 004's publication date, a Wednesday
D = date.fromisoformat


def window(expression: str, published: date | None = TUE) -> tuple[date | None, date | None, int]:
    span = resolve(expression, published)
    assert span is not None, expression
    return span.start, span.end, int(span.time_precision)


def test_public_api_is_pinned() -> None:
    assert temporal.__all__ == ["TimeMention", "find_times", "resolve"]


@pytest.mark.parametrize(
    "expression, expected",
    [
        ("On 2 June 2023", (D("2023-06-02"), D("2023-06-02"), 1)),
        ("2 June 2023", (D("2023-06-02"), D("2023-06-02"), 1)),
        ("June 2, 2023", (D("2023-06-02"), D("2023-06-02"), 1)),
        ("December 07, 2016", (D("2016-12-07"), D("2016-12-07"), 1)),
        ("On 6 of March 2019", (D("2019-03-06"), D("2019-03-06"), 1)),
        ("on 23 February, 2020", (D("2020-02-23"), D("2020-02-23"), 1)),
        ("Monday, June 1, 2015", (D("2015-06-01"), D("2015-06-01"), 1)),
        ("2023-06-02", (D("2023-06-02"), D("2023-06-02"), 1)),
        ("02.05.2015", (D("2015-05-02"), D("2015-05-02"), 1)),  # dots are written day first
        ("05/02/2015", (D("2015-05-02"), D("2015-05-02"), 1)),  # slashes month first in English news
        ("02.06.2015", (D("2015-06-02"), D("2015-06-02"), 1)),  # the publication day itself
        ("06/02/2015", (D("2015-06-02"), D("2015-06-02"), 1)),
        ("30.05.2015", (D("2015-05-30"), D("2015-05-30"), 1)),  # only one reading is a date
        ("on 23 February", (D("2015-02-23"), D("2015-02-23"), 1)),
        ("on 23 August", (D("2014-08-23"), D("2014-08-23"), 1)),  # never after publication
        ("in June 2022", (D("2022-06-01"), D("2022-06-30"), 3)),
        ("in late June 2022", (D("2022-06-21"), D("2022-06-30"), 2)),
        ("between 1 and 3 March 2022", (D("2022-03-01"), D("2022-03-03"), 2)),
        ("between 1 and 20 March 2022", (D("2022-03-01"), D("2022-03-20"), 3)),
        ("1-3 March 2022", (D("2022-03-01"), D("2022-03-03"), 2)),
        ("March 1-3, 2022", (D("2022-03-01"), D("2022-03-03"), 2)),
        ("from 28 December to 3 January 2023", (D("2022-12-28"), D("2023-01-03"), 2)),
        ("Around 2 June 2023 (week of)", (D("2023-05-27"), D("2023-06-02"), 2)),
        ("Around 25 June 2022 (weekend of)", (D("2022-06-24"), D("2022-06-25"), 2)),
        ("Around 15 October 2019 (month of)", (D("2019-10-01"), D("2019-10-15"), 3)),
        ("On or about 11 April 2019", (D("2019-04-05"), D("2019-04-11"), 2)),
        ("in 2015", (D("2015-01-01"), D("2015-12-31"), 3)),
        ("in 2011", (D("2011-01-01"), D("2011-12-31"), 3)),
        ("in early 2014", (D("2014-01-01"), D("2014-04-30"), 3)),
    ],
)
def test_absolute_dates(expression: str, expected: tuple[date, date, int]) -> None:
    assert window(expression) == expected


@pytest.mark.parametrize(
    "expression, expected",
    [
        ("on Monday", (D("2015-06-01"), D("2015-06-01"), 1)),
        ("Monday evening", (D("2015-06-01"), D("2015-06-01"), 1)),
        ("on Monday night", (D("2015-06-01"), D("2015-06-01"), 1)),
        ("on Tuesday", (TUE, TUE, 1)),  # same weekday as publication: same-day wire copy
        ("last Tuesday", (D("2015-05-26"), D("2015-05-26"), 1)),
        ("last Friday", (D("2015-05-29"), D("2015-05-29"), 1)),
        ("yesterday", (D("2015-06-01"), D("2015-06-01"), 1)),
        ("today", (TUE, TUE, 1)),
        ("this morning", (TUE, TUE, 1)),
        ("tonight", (TUE, TUE, 1)),
        ("last night", (D("2015-06-01"), D("2015-06-01"), 1)),
        ("two days ago", (D("2015-05-31"), D("2015-05-31"), 1)),
        ("three days earlier", (D("2015-05-30"), D("2015-05-30"), 1)),
        ("earlier this week", (D("2015-06-01"), TUE, 2)),
        ("this week", (D("2015-06-01"), TUE, 2)),
        ("last week", (D("2015-05-25"), D("2015-05-31"), 2)),
        ("in recent days", (D("2015-05-26"), TUE, 2)),
        ("over the past few days", (D("2015-05-26"), TUE, 2)),
        ("in the past week", (D("2015-05-26"), TUE, 2)),
        ("recently", (D("2015-05-19"), TUE, 2)),
        ("last month", (D("2015-05-01"), D("2015-05-31"), 3)),
        ("this month", (D("2015-06-01"), TUE, 3)),
        ("earlier this month", (D("2015-06-01"), TUE, 3)),
        ("In March", (D("2015-03-01"), D("2015-03-31"), 3)),
        ("in June", (D("2015-06-01"), TUE, 3)),  # the current month, cut at publication
        ("in July", (D("2014-07-01"), D("2014-07-31"), 3)),
        ("in late August", (D("2014-08-21"), D("2014-08-31"), 2)),
        ("in early August", (D("2014-08-01"), D("2014-08-10"), 2)),
        ("in mid-August", (D("2014-08-11"), D("2014-08-20"), 2)),
        ("last March", (D("2015-03-01"), D("2015-03-31"), 3)),
        ("last year", (D("2014-01-01"), D("2014-12-31"), 3)),
        ("over the past three weeks", (D("2015-05-12"), TUE, 3)),
    ],
)
def test_relative_expressions(expression: str, expected: tuple[date, date, int]) -> None:
    assert window(expression) == expected


def test_last_weekday_on_that_weekday_is_a_week_back() -> None:
    assert window("last Tuesday", TUE)[0] == D("2015-05-26")
    assert window("last March", D("2015-03-10"))[:2] == (D("2014-03-01"), D("2014-03-31"))


@pytest.mark.parametrize(
    "text",
    ["13 + 12 =", "2 km west of Tel Abyad", "the regime 5th Assault Corps-backed 8th Brigade", "IS may attack",
     "May God protect them", "they had planned their escape since weeks", "under attack for weeks",
     "clashes in the Mondayville district", "a meeting next Monday", "killed 2015 people", "Route 2022"],
)
def test_non_times(text: str) -> None:
    assert find_times(text, TUE) == []


def test_may_is_a_month_only_with_a_day_year_or_preposition() -> None:
    assert [m.text for m in find_times("IS may attack in May, and may strike on 3 May.", TUE)] == ["in May", "on 3 May"]


def test_a_number_after_a_month_can_be_a_count() -> None:
    text = "In March 15 people were killed, and on March 15 the army left; since December 24 it rained."
    assert [(m.text, m.time.start) for m in find_times(text, TUE)] == [
        ("In March", D("2015-03-01")), ("on March 15", D("2015-03-15")), ("since December 24", D("2014-12-24"))
    ]


def test_without_publication_date_relative_times_stay_unresolved() -> None:
    mentions = find_times("On Monday and on 2 June 2023 and in March", None)
    assert [(m.text, m.relative, m.time.resolved) for m in mentions] == [
        ("On Monday", True, False), ("on 2 June 2023", False, True), ("in March", True, False)
    ]
    assert mentions[0].time.start is None and mentions[0].time.end is None
    assert mentions[1].time.start == D("2023-06-02")


def test_offsets_and_evidence() -> None:
    text = "Clashes erupted on Monday evening near Raqqa."
    (mention,) = find_times(text, TUE, base_offset=100)
    assert isinstance(mention, TimeMention) and isinstance(mention.time, TimeSpan)
    assert (mention.start, mention.end) == (text.index("on Monday") + 100, text.index(" near") + 100)
    assert text[mention.start - 100 : mention.end - 100] == mention.text == mention.time.text == "on Monday evening"
    assert [(s.start, s.end) for s in mention.time.evidence] == [(mention.start, mention.end)]


def _seed(prefix: str) -> str:
    path = next((SHARED / "seeds").glob(prefix + "_*.txt"), None)
    if path is None:
        pytest.skip(f"seed {prefix} not found in {SHARED / 'seeds'}")
    return path.read_text(encoding="utf-8")


def _windows(text: str, published: date) -> dict[str, tuple[date | None, date | None, int]]:
    mentions = find_times(text, published)
    for m in mentions:  # the evidence span is the expression, always, and windows are ordered
        assert text[m.start : m.end] == m.text
        assert m.time.start is not None and m.time.end is not None and m.time.start <= m.time.end
    return {m.text: (m.time.start, m.time.end, int(m.time.time_precision)) for m in mentions}


@needs_shared
def test_seed_000() -> None:
    found = _windows(_seed("000"), TUE)
    assert found["on Monday"] == (D("2015-06-01"), D("2015-06-01"), 1)  # "a local source reported on Monday"
    assert found["On Monday evening"] == (D("2015-06-01"), D("2015-06-01"), 1)
    assert found["Last month"] == (D("2015-05-01"), D("2015-05-31"), 3)
    assert found["In March"] == (D("2015-03-01"), D("2015-03-31"), 3)
    assert not any("weeks" in t for t in found)  # "since weeks", "for weeks" are durations, not dates


@needs_shared
def test_seed_004() -> None:
    found = _windows(_seed("004"), WED)
    assert found["December 07, 2016"] == (WED, WED, 1)
    assert found["in recent days"][1:] == (WED, 2)
    assert found["this week"] == (D("2016-12-05"), WED, 2)
    assert found["in late August"] == (D("2016-08-21"), D("2016-08-31"), 2)
    assert found["in October"] == (D("2016-10-01"), D("2016-10-31"), 3)
    assert found["in July"] == (D("2016-07-01"), D("2016-07-31"), 3)


def _acled_sample(n: int = 500) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for name in ("acled_syria_2019_2023.csv", "acled_2022_all_types.csv"):
        with open(SHARED / "eval" / name, newline="", encoding="utf-8") as fh:
            rows += list(csv.DictReader(fh))
    return random.Random(7).sample(rows, n)


_SUBTYPE_PREFIX = re.compile(r"^[A-Z][a-z]+(?: [a-z]+)*: ")


@needs_shared
def test_acled_notes_starting_with_on_a_date() -> None:
    """Notes "On 2 June 2023, ..." with published = event_date: the first mention is that day."""
    rows = [r for r in _acled_sample() if re.match(r"On \d", _SUBTYPE_PREFIX.sub("", r["notes"]))]
    hits = 0
    for row in rows:
        day = D(row["event_date"])
        mentions = find_times(row["notes"], day)
        hits += bool(mentions) and (mentions[0].time.start, mentions[0].time.end) == (day, day)
    assert len(rows) > 300
    assert hits / len(rows) >= 0.995


@needs_shared
def test_acled_notes_around_a_date_are_week_precision() -> None:
    rows = [r for r in _acled_sample(4000) if "(week of)" in r["notes"][:60] or "(weekend of)" in r["notes"][:60]]
    assert rows, "no 'Around <date> (week of)' notes in the sample"
    for row in rows:
        first = find_times(row["notes"], D(row["event_date"]))[0]
        assert first.text.startswith("Around") and int(first.time.time_precision) == 2
        assert first.time.end == D(row["event_date"])


@pytest.mark.parametrize("published", [date(2015, 6, 1) + timedelta(days=i) for i in range(7)])
def test_agrees_with_dateparser_on_day_names_and_yearless_dates(published: date) -> None:
    """Our rules and dateparser (RELATIVE_BASE=published, PREFER_DATES_FROM=past) read these alike; the one
    deliberate difference is a weekday named on that same weekday, which we read as the publication day."""
    from eventwire.temporal._numeric import parse_with_dateparser

    for name in ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]:
        ours = window("on " + name, published)[0]
        theirs = parse_with_dateparser(name, published, complete=False)
        assert ours == (published if published.strftime("%A") == name else theirs)
    for expression in ["23 February", "5 December", "1 June", "2 June", "3 June"]:
        assert window("on " + expression, published)[0] == parse_with_dateparser(expression, published, complete=False)


@needs_shared
def test_news_sentences_never_get_a_future_inferred_date() -> None:
    """On real news sentences (event_location): every mention's span is its text, every window is ordered, and
    no date inferred from the publication date lies after it."""
    published = date(2015, 6, 2)
    lines = (SHARED / "eval" / "event_location_labeled.jsonl").read_text(encoding="utf-8").splitlines()
    mentions = 0
    for line in random.Random(3).sample(lines, 800):
        text = json.loads(line)["text"]
        for m in find_times(text, published):
            mentions += 1
            assert text[m.start : m.end] == m.text
            assert m.time.start is not None and m.time.end is not None and m.time.start <= m.time.end
            assert not m.relative or m.time.end <= published, m.text
    assert mentions > 100
