"""`eventwire eval`: scores computed by hand on a tiny row list with an injected fake pipeline; the CI gate."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator

import pytest
from click.testing import CliRunner

from eventwire.evaluation import (
    check_baseline,
    evaluate,
    evaluate_locations,
    haversine_km,
    match,
    write_baseline,
)
from eventwire.models import Actor, Article, Event, Fatalities, GeoPrecision, Location, Span, TimeSpan

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="../shared/eval (dev data) is absent")


def _row(notes: str, sub: str, typ: str, actor1: str, actor2: str, admin1: str, lat: float, lon: float,
         geo: int, fatalities: int, day: str) -> dict[str, str]:
    return {"event_id_cnty": notes[:6], "notes": notes, "event_type": typ, "sub_event_type": sub,
            "actor1": actor1, "actor2": actor2, "admin1": admin1, "location": "x", "latitude": str(lat),
            "longitude": str(lon), "geo_precision": str(geo), "fatalities": str(fatalities), "event_date": day}


ROWS = [
    _row("Clashes took place between regime forces and HTS near Saraqab.", "Armed clash", "Battles",
         "Military Forces of Syria (2000-)", "HTS: Hayat Tahrir al Sham", "Idleb", 35.86, 36.80, 1, 3, "2022-01-05"),
    _row("Hundreds of people demonstrated in Paris against pension reform.", "Peaceful protest", "Protests",
         "Protesters (France)", "", "Ile-de-France", 48.8566, 2.3522, 1, 0, "2022-03-01"),
    _row("Russian warplanes carried out airstrikes on rebel positions.", "Air/drone strike",
         "Explosions/Remote violence", "Military Forces of Russia (2000-)", "", "Idleb", 35.9, 36.6, 2, 2, "2022-02-02"),
    _row("Gunmen killed a farmer in his field in Zamfara.", "Attack", "Violence against civilians",
         "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)", "Zamfara", 12.17, 6.25, 2, 1, "2022-04-04"),
]


def _event(article: Article, sub: str, typ: str, actors: list[tuple[str, str]], admin1: str | None,
           lat: float, lon: float, geo: int, fatalities: int | None, day: str | None,
           background: bool = False) -> Event:
    return Event(
        article_id=article.id, event_type=typ, sub_event_type=sub, background=background,
        sentence=Span(start=0, end=len(article.text)),
        actors=[Actor(text=n, name=n, role=role) for role, n in actors],  # type: ignore[arg-type]
        location=Location(text="x", name="x", admin1=admin1, lat=lat, lon=lon, geo_precision=GeoPrecision(geo)),
        fatalities=Fatalities(best=fatalities) if fatalities is not None else None,
        time=TimeSpan(start=day) if day else None,
    )


class FakePipeline:
    """Hand-written output per row; row 2 (air strike) produces nothing."""

    def process(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            yield article, self._events(article)

    def _events(self, a: Article) -> list[Event]:
        if a.text.startswith("Clashes"):
            perfect_but_background = _event(
                a, "Armed clash", "Battles", [("actor1", "Military Forces of Syria (2000-)"),
                                              ("actor2", "HTS: Hayat Tahrir al Sham")],
                "Idleb", 35.86, 36.80, 1, 3, "2022-01-05", background=True)
            # ~10 km off, admin1 spelled differently, wrong actor2 and geo precision.
            chosen = _event(a, "Armed clash", "Battles", [("actor1", "Military Forces of Syria (2000-)"),
                                                          ("actor2", "Rebels")],
                            "Idlib", 35.95, 36.80, 2, 3, "2022-01-05")
            return [perfect_but_background, chosen]
        if a.text.startswith("Hundreds"):  # case/accents differ but normalise equal; no fatalities, no time
            return [_event(a, "Peaceful protest", "Protests", [("actor1", "protesters  (France)")],
                           "Île-de-France", 48.8566, 2.3522, 1, None, None)]
        if a.text.startswith("Gunmen"):  # wrong type, ~50 km off, 5 killed instead of 1
            return [_event(a, "Armed clash", "Battles", [("actor1", "Unidentified Armed Group (Nigeria)")],
                           "Zamfara", 12.17 + 50 / 111.2, 6.25, 2, 5, "2022-04-04")]
        return []


def test_scores_over_all_rows_match_hand_computation() -> None:
    result = evaluate(ROWS, FakePipeline(), sample="hand")
    s = result["acled"]["scores"]
    assert result["acled"]["n"] == 4
    assert s["event_recall"] == 0.75
    assert s["event_type_accuracy"] == 0.5
    assert s["actor1_accuracy"] == 0.75
    assert s["actor2_accuracy"] == 0.25  # only the protest (gold and predicted both empty)
    assert s["admin1_accuracy"] == 0.5  # "Idlib" is not ACLED's "Idleb"; accents do not count
    assert (s["location_within_1km"], s["location_within_25km"], s["location_within_100km"]) == (0.25, 0.5, 0.75)
    assert s["geo_precision_accuracy"] == 0.5
    assert s["fatalities_exact"] == 0.5
    assert s["fatalities_mae"] == pytest.approx(4 / 3, abs=1e-3)  # over rows with an event: 0, 0, 4
    assert s["event_date_exact"] == 0.5
    # gold AC, PP, Air, Attack; predicted AC, PP, none, AC: F1 per class 2/3, 1, 0, 0
    assert s["sub_event_type_macro_f1"] == pytest.approx(5 / 12, abs=1e-3)
    assert s["sub_event_type_weighted_f1"] == pytest.approx(5 / 12, abs=1e-3)
    assert result["acled"]["confusion"]["Attack"] == {"Armed clash": 1}
    assert result["acled"]["confusion"]["Air/drone strike"] == {"(no event)": 1}
    assert result["acled"]["events_per_row"] == 1.0


def test_matching_prefers_non_background_events() -> None:
    article = Article(id="a", text=ROWS[0]["notes"])
    events = FakePipeline()._events(article)
    assert match(events, ROWS[0]) is events[1]
    assert match([], ROWS[0]) is None


def test_error_samples_name_field_gold_and_prediction() -> None:
    result = evaluate(ROWS, FakePipeline(), error_samples=5)
    errors = result["acled"]["errors"]
    recall_errors = [e for e in errors if e["field"] == "event_recall"]
    assert [e["gold"]["sub_event_type"] for e in recall_errors] == ["Air/drone strike"]
    fat = next(e for e in errors if e["field"] == "fatalities" and e["predicted"].get("fatalities") == 5)
    assert fat["gold"]["fatalities"] == "1"


def test_haversine() -> None:
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=2)  # Paris-London


class LocationPipeline:
    """Places the event at 'Donetsk' evidence for the first sentence and at the wrong place for the second."""

    def process(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for a in articles:
            place = "Donetsk" if "Donetsk" in a.text else "Syria"
            start = a.text.index(place)
            loc = Location(text=place, name=place, evidence=[Span(start=start, end=start + len(place))])
            yield a, [Event(article_id=a.id, event_type="Battles", sub_event_type="Armed clash",
                            sentence=Span(start=0, end=len(a.text)), location=loc)]


def test_event_location_overlap() -> None:
    items = [
        {"id": "1", "text": "Shelling hit a trolleybus in Donetsk on Thursday killing 8 people.",
         "spans": [{"start": 29, "end": 36, "label": "LOCATION", "text": "Donetsk"}]},
        {"id": "2", "text": "Rebel factions in Syria clashed in Raqqa on Monday.",
         "spans": [{"start": 35, "end": 40, "label": "LOCATION", "text": "Raqqa"}]},
    ]
    result = evaluate_locations(items, LocationPipeline())
    assert result["scores"] == {"location_span_overlap": 0.5, "location_produced": 1.0, "event_produced": 1.0}


class SilentPipeline:
    """Gives an event only for sentences that name Donetsk."""

    def process(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        located = LocationPipeline()
        for a in articles:
            yield a, next(located.process([a]))[1] if "Donetsk" in a.text else []


def test_event_location_counts_sentences_with_no_event() -> None:
    items = [
        {"id": "1", "text": "Shelling hit a trolleybus in Donetsk on Thursday killing 8 people.", "spans": []},
        {"id": "2", "text": "Rebel factions in Syria clashed in Raqqa on Monday.", "spans": []},
    ]
    assert evaluate_locations(items, SilentPipeline())["scores"]["event_produced"] == 0.5


def test_check_fails_on_a_lowered_score(tmp_path: Path) -> None:
    result = evaluate(ROWS, FakePipeline(), sample="hand")
    path = tmp_path / "baseline.json"
    write_baseline(result, path)
    baseline = json.loads(path.read_text())
    assert check_baseline(result, baseline) == []
    baseline["scores"]["acled.actor1_accuracy"] = 0.9  # the run (0.75) is now 0.15 below
    baseline["scores"]["acled.event_recall"] = 0.755  # within the 0.01 tolerance: not a failure
    baseline["scores"]["acled.fatalities_mae"] = 1.0  # lower is better: 1.333 is worse by more than 0.1
    problems = check_baseline(result, baseline)
    assert len(problems) == 2
    assert problems[0].startswith("acled.actor1_accuracy: 0.7500 dropped below baseline 0.9000")
    assert "acled.fatalities_mae" in problems[1]
    assert check_baseline({**result, "sample": "other"}, baseline)[0].startswith("sample differs")


@needs_shared
def test_cli_check_exits_1_with_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import eventwire.evaluation._run as run
    from eventwire.cli_eval import eval_cmd

    monkeypatch.setattr(run, "default_pipeline", FakePipeline)
    runner = CliRunner()
    args = ["--limit", "5", "--locations", "0"]
    baseline = tmp_path / "baseline.json"
    ok = runner.invoke(eval_cmd, [*args, "--write-baseline", str(baseline), "--json"])
    assert ok.exit_code == 0, ok.output
    data = json.loads(baseline.read_text())
    assert data["sample"] == "eval_sample(2000), limit 5 seed 0; event_location 0"
    data["scores"]["acled.event_recall"] = 1.0  # the fake pipeline finds none of these rows
    baseline.write_text(json.dumps(data))
    failed = runner.invoke(eval_cmd, [*args, "--check", str(baseline)])
    assert failed.exit_code == 1
    assert "acled.event_recall: 0.0000 dropped below baseline 1.0000" in failed.output


def test_location_items_skip_empty_gold_spans(tmp_path: Path) -> None:
    from eventwire.evaluation import load_location_items

    path = tmp_path / "loc.jsonl"
    lines = [
        {"id": "1", "text": "Police arrested him in Kirkuk.", "spans": [
            {"start": 23, "end": 29, "label": "LOCATION", "text": "Kirkuk"}]},
        {"id": "2", "text": "Neo-Nazis clashed with anti-fascists.", "spans": [
            {"start": 0, "end": 0, "label": "LOCATION", "text": ""}]},
        {"id": "3", "text": "Nothing here.", "spans": []},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    assert [it["id"] for it in load_location_items(path, None)] == ["1"]


@needs_shared
def test_unseen_rows_are_the_held_out_rows_outside_the_ci_sample() -> None:
    from eventwire.evaluation import select_rows

    ids = {s: {r["event_id_cnty"] for r in select_rows(s)[0]} for s in ("eval", "unseen", "all-test")}
    assert ids["eval"] and ids["unseen"] and not ids["eval"] & ids["unseen"]
    assert ids["eval"] | ids["unseen"] == ids["all-test"]
