"""`eventwire eval --set fakes`: the FA-KES mappings, the head-date detector, verdicts by hand, a few real rows."""
from __future__ import annotations

import json
from datetime import date
from typing import Iterable, Iterator

import pytest
from click.testing import CliRunner

from eventwire.devdata import shared_dir
from eventwire.evaluation import check_baseline, evaluate_fakes, fakes_result, select_fakes
from eventwire.evaluation._fakes import (
    actor_class,
    cause_types,
    gold_date,
    governorate,
    main_event,
    printed_date,
    row_verdicts,
)
from eventwire.models import Actor, Article, Event, Fatalities, Location, Span, TimeSpan

SHARED = shared_dir()
needs_fakes = pytest.mark.skipif(SHARED is None or not (SHARED / "eval" / "news" / "fakes_dev.csv").is_file(),
                                 reason="shared/eval/news/fakes_dev.csv (dev data) is absent")


@pytest.mark.parametrize("admin1, label", [
    ("Rural Damascus", "damascus"), ("Damascus", "damascus"), ("Deir ez Zor", "deir ezzor"),
    ("Deir-ez-Zor", "deir ezzor"), ("Al Hasakeh", "hasakeh"), ("Al-Hasakah", "hasakeh"), ("Lattakia", "lattakia"),
    ("Latakia", "lattakia"), ("Tartus", "tartous"), ("Dar'a", "daraa"), ("Dara", "daraa"), ("Idleb", "idlib"),
    ("Ar Raqqa", "raqqa"), ("As Sweida", None), ("Bekaa", None), (None, None),
])
def test_governorates(admin1: str | None, label: str | None) -> None:
    assert governorate(admin1) == label


@pytest.mark.parametrize("name, label", [
    ("Military Forces of Syria (2000-)", "syrian government or russian troops"),
    ("Military Forces of Russia (2000-)", "syrian government or russian troops"),
    ("Islamic State (Syria)", "the organization of the islamic state in iraq and the levant - isis"),
    ("Military Forces of the United States (2017-2021)", "international coalition forces"),
    ("Opposition Rebels (Syria)", "armed opposition groups"),
    ("HTS: Hayat Tahrir al Sham", "al-nusra front"),
    ("QSD: Syrian Democratic Forces", "self administration forces"),
    ("Unidentified Armed Group (Syria)", None), ("Civilians (Syria)", None), (None, None),
])
def test_actor_classes(name: str | None, label: str | None) -> None:
    assert actor_class(name) == label


def test_causes_of_death() -> None:
    assert cause_types("shelling") == ["Explosions/Remote violence"]
    assert cause_types("chemical and toxic gases") == ["Explosions/Remote violence"]
    assert set(cause_types("shooting") or []) == {"Battles", "Violence against civilians"}
    assert cause_types("execution") == ["Violence against civilians"]
    assert cause_types("unknown") is None


@pytest.mark.parametrize("head, expected", [
    ("Fri Sep 27 2013 Bomb blast kills 60 in Damascus suburb .", date(2013, 9, 27)),
    ("Last updated at Apr 232017 An Israeli attack", date(2017, 4, 23)),
    ("05-09-2013 Damascus Car bomb Kills Four .", date(2013, 9, 5)),
    ("24.08.2013 Syrian state media accused rebels", date(2013, 8, 24)),
    ("Date of publication 10 July 2016 A suicide bomb blast", date(2016, 7, 10)),
    ("Rebels shelled the town " + "x" * 200 + " 12 May 2016", None),  # not at the head
])
def test_printed_date_detector(head: str, expected: date | None) -> None:
    assert printed_date(head) == expected


def test_gold_dates_are_month_first() -> None:
    assert gold_date("2/12/15") == date(2015, 2, 12) and gold_date("x") is None


ROW = {"unit_id": "1", "article_title": "Barrel bombs kill 11 in IS town in Syria",
       "article_content": "16 July 2015 At least 11 civilians were killed in regime barrel bomb attacks on al-Bab.",
       "source": "alaraby", "date": "7/15/15", "location": "aleppo", "actor": "syrian government or russian troops",
       "cause_of_death": "shelling", "nb_civilians": "11", "nb_noncivilians": "0", "label": "1"}


def _event(article: Article, *, main: bool = False, background: bool = False, deaths: int = 11,
           admin1: str = "Aleppo", day: date = date(2015, 7, 16)) -> Event:
    return Event(article_id=article.id, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                 main=main, background=background, sentence=Span(start=0, end=10),
                 actors=[Actor(text="regime", name="Military Forces of Syria (2000-)", role="actor1")],
                 location=Location(text="al-Bab", name="Al Bab", admin1=admin1), fatalities=Fatalities(best=deaths),
                 time=TimeSpan(start=day, end=day))


def test_verdicts_of_one_row() -> None:
    article = Article(id="a", text="x" * 20, published=date(2015, 7, 16))
    v = row_verdicts(ROW, article, [_event(article)])
    assert v == {"articles_with_event": True, "pubdate_found": True, "pubdate_equal": True, "governorate": True,
                 "date_within_1day": True, "casualties_close": True, "event_type": True,
                 "event_type_chemical_subtype": None, "actor_class": True}
    wrong = row_verdicts(ROW, Article(id="a", text="x"), [_event(article, deaths=5, admin1="Idleb",
                                                                 day=date(2015, 7, 20))])
    assert [wrong[k] for k in ("pubdate_found", "governorate", "date_within_1day", "casualties_close")] == [False] * 4
    assert row_verdicts(ROW, None, [])["event_type"] is False  # no event: wrong, not skipped


def test_main_event_is_the_flagged_one() -> None:
    article = Article(id="a", text="x" * 20)
    first, flagged = _event(article, background=True), _event(article, main=True, deaths=3)
    assert main_event([first, flagged]) is flagged
    assert main_event([first, _event(article, deaths=4)]).fatalities.best == 4  # type: ignore[union-attr]


class _Pipeline:
    def process(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for a in articles:
            yield a.model_copy(update={"published": date(2015, 7, 16)}), [_event(a)]


def test_scores_and_gate_with_an_injected_pipeline() -> None:
    other = {**ROW, "unit_id": "2", "source": "trt", "label": "0", "location": "idlib", "actor": "unknown"}
    result = fakes_result([ROW, other], "two rows", _Pipeline())
    fakes = result["fakes"]
    assert fakes["scores"]["governorate"] == 0.5 and fakes["counts"]["actor_class"] == 1
    assert result["fakes_credible"]["scores"]["governorate"] == 1.0
    assert set(fakes["by_source"]) == {"alaraby", "trt"}
    baseline = {"sample": "two rows", "tolerance": 0.01, "scores": {"fakes.governorate": 0.6}}
    assert check_baseline(result, baseline) == [
        "fakes.governorate: 0.5000 dropped below baseline 0.6000 (tolerance 0.01)"]


@needs_fakes
def test_real_rows_read_their_printed_dates() -> None:
    rows, description = select_fakes(limit=6)
    result = evaluate_fakes(rows, error_samples=2)
    assert description.endswith("first 6") and result["n"] == 6
    assert result["counts"]["pubdate_found"] == 6 and result["scores"]["pubdate_equal"] == 1.0
    assert result["scores"]["articles_with_event"] == 1.0
    assert all(0.0 <= v <= 1.0 for v in result["scores"].values() if v == v)


@needs_fakes
def test_cli_writes_error_samples(tmp_path) -> None:
    from eventwire.cli import main

    errors = tmp_path / "errors.jsonl"
    out = CliRunner().invoke(main, ["eval", "--set", "fakes", "--limit", "4", "--json", "--errors", str(errors)])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["fakes"]["n"] == 4
    for line in errors.read_text().splitlines():
        record = json.loads(line)
        assert record["field"].startswith("fakes.") and "gold" in record and "predicted" in record
