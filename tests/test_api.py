"""The REST API's contract on real text (seeds, FA-KES news, ACLED notes), on SQLite and PostgreSQL: every
filter against the events it should keep, full text, pagination totals, the event view's evidence offsets, the
defection flows of the seeds, streamed exports, one error shape, security headers."""
from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any, Iterator

import pytest
from fastapi.testclient import TestClient

from api_corpus import TWICE_ID, XSS, ingest_corpus, needs_corpus
from conftest_store import db_url

pytestmark = needs_corpus
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from eventwire.api import create_app

    folder = tmp_path_factory.mktemp(request.param)
    url = db_url(request.param, folder)
    ingest_corpus(url, folder)
    with TestClient(create_app(url)) as c:
        yield c


@pytest.fixture(scope="module")
def everything(client: TestClient) -> list[dict[str, Any]]:
    body = client.get("/api/events", params={"limit": 1000}).json()
    assert body["total"] == len(body["events"]) and body["total_exact"]
    return body["events"]


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def test_health_and_security_headers(client: TestClient) -> None:
    for path in ("/api/health", "/api/events", "/api/nope", "/", "/docs"):
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP, path
        assert r.headers["x-content-type-options"] == "nosniff", path
    assert client.get("/api/health").json()["status"] == "ok"
    page = client.get("/flows")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<script>" not in client.get("/docs").text  # the docs page runs no script (CSP forbids inline)


def test_events_are_the_stored_json_with_flat_fields(client: TestClient, everything: list[dict[str, Any]]) -> None:
    assert len(everything) > 20  # the seeds alone give 14
    for e in everything:
        loc = e["location"] or {}
        assert e["lat"] == loc.get("lat") and e["lon"] == loc.get("lon")
        assert e["geo_precision"] == loc.get("geo_precision") and e["country"] == loc.get("country")
        assert e["n_sources"] >= 1 and e["kind"] in ("event", "defection") and 0 <= e["confidence"] <= 1
        if e["time"] and e["time"]["start"]:
            assert e["date_start"] == e["time"]["start"]
    days = [(e["date_start"] or "", e["id"]) for e in everything if e["date_start"]]
    assert days == sorted(days)  # date order
    assert {e["id"] for e in everything if e["n_sources"] == 2}  # the twice-reported note is one event


def test_pages_add_up_to_the_whole_list(client: TestClient, everything: list[dict[str, Any]]) -> None:
    pages = []
    for offset in range(0, len(everything), 7):
        body = client.get("/api/events", params={"limit": 7, "offset": offset}).json()
        assert body["total"] == len(everything)
        pages += body["events"]
    assert [e["id"] for e in pages] == [e["id"] for e in everything]
    past = client.get("/api/events", params={"offset": len(everything) + 5}).json()
    assert past["events"] == [] and past["total"] == len(everything)


def _keeps(name: str, value: Any, e: dict[str, Any]) -> bool:
    start, end = _day(e["date_start"]), _day(e["date_end"]) or _day(e["date_start"])
    if name == "country":
        return (e["country"] or "").lower() == value.lower()
    if name == "admin1":
        return (e["admin1"] or "").lower() == value.lower()
    if name == "type":
        return value.lower() in (e["event_type"].lower(), e["sub_event_type"].lower())
    if name == "actor":
        return any(value.lower() in a["name"].lower() for a in e["actors"])
    if name == "since":
        return end is not None and end >= date.fromisoformat(value)
    if name == "until":
        return start is not None and start <= date.fromisoformat(value)
    if name == "bbox":
        a, b, c, d = (float(x) for x in value.split(","))
        return e["lon"] is not None and a <= e["lon"] <= c and b <= e["lat"] <= d
    if name == "min_confidence":
        return e["confidence"] >= float(value)
    if name in ("background", "main"):
        return e[name] is (value == "true")
    raise AssertionError(name)


@pytest.mark.parametrize("name,value", [
    ("country", "SYRIA"), ("admin1", "ar raqqa"), ("type", "strategic developments"), ("type", "Air/drone strike"),
    ("actor", "islamic state"), ("since", "2016-01-01"), ("until", "2015-06-30"), ("bbox", "38.0,35.5,39.5,37.0"),
    ("min_confidence", "0.8"), ("background", "true"), ("background", "false"), ("main", "true"),
])
def test_each_filter_keeps_exactly_its_events(client: TestClient, everything: list[dict[str, Any]], name: str,
                                              value: str) -> None:
    body = client.get("/api/events", params={name: value, "limit": 1000}).json()
    expected = [e["id"] for e in everything if _keeps(name, value, e)]
    assert [e["id"] for e in body["events"]] == expected and body["total"] == len(expected)
    assert 0 < len(expected) < len(everything), "the filter should keep some events and drop others"


def test_filters_combine(client: TestClient, everything: list[dict[str, Any]]) -> None:
    params = {"country": "Syria", "type": "Strategic developments", "since": "2015-06-01", "main": "false"}
    body = client.get("/api/events", params=params).json()
    assert [e["id"] for e in body["events"]] == [e["id"] for e in everything
                                                 if all(_keeps(k, v, e) for k, v in params.items())]


def _text_of(client: TestClient, event_id: str) -> str:
    e = client.get(f"/api/events/{event_id}").json()
    return (e["notes"] + " " + " ".join(a["text"] for a in e["articles"])).lower()


def test_full_text_over_notes_and_article_text(client: TestClient, everything: list[dict[str, Any]]) -> None:
    body = client.get("/api/events", params={"q": "Jabhat Fateh"}).json()
    assert body["total"] >= 1
    for e in body["events"]:
        assert "jabhat fateh" in _text_of(client, e["id"])
    # The article text is searched, not only the notes: some match only through their article.
    assert any("jabhat" not in e["notes"].lower() for e in body["events"])
    stemmed = client.get("/api/events", params={"q": "defected"}).json()
    assert {e["id"] for e in client.get("/api/events", params={"q": "defect"}).json()["events"]} == \
        {e["id"] for e in stemmed["events"]} != set()
    for q in ("zzxqv", '"', "zzxqv OR defected", "*", "NEAR(zzxqv", "-", "zzxq*"):  # user text is never an FTS operator
        r = client.get("/api/events", params={"q": q})
        assert r.status_code == 200 and r.json()["total"] == 0, q
    narrowed = client.get("/api/events", params={"q": "Islamic State", "type": "Strategic developments"}).json()
    wide = client.get("/api/events", params={"q": "Islamic State"}).json()
    assert 0 < narrowed["total"] < wide["total"]
    assert all(e["event_type"] == "Strategic developments" for e in narrowed["events"])


def test_event_view_evidence_points_into_the_article_text(client: TestClient,
                                                          everything: list[dict[str, Any]]) -> None:
    merged = next(e for e in everything if e["n_sources"] == 2)
    for event_id in [e["id"] for e in everything[:10]] + [merged["id"]]:
        e = client.get(f"/api/events/{event_id}").json()
        texts = {a["id"]: a["text"] for a in e["articles"]}
        assert e["evidence"] and e["reviewed"] == {}
        for span in e["evidence"]:
            assert set(span) == {"field", "start", "end", "text", "article_id"}
            assert texts[span["article_id"]][span["start"]:span["end"]] == span["text"] != ""
        assert {m["article_id"] for m in e["mentions"]} == set(texts)
    e = client.get(f"/api/events/{merged['id']}").json()
    assert len(e["articles"]) == 2 and TWICE_ID in {a["input_id"] for a in e["articles"]}
    assert all(m["score"] is not None and m["parts"] for m in e["mentions"])  # why they were merged
    assert {"field", "article_id"} <= set(e["evidence"][0])


def test_missing_event_and_bad_parameters_share_one_error_shape(client: TestClient) -> None:
    cases = [("/api/events/NOPE1", {}, 404, "E025"), ("/api/nothing", {}, 404, "E060"),
             ("/api/events", {"limit": 5000}, 422, "E061"), ("/api/events", {"since": "June"}, 422, "E061"),
             ("/api/events", {"bbox": "1,2,3"}, 422, "E061"), ("/api/events", {"min_confidence": 2}, 422, "E061"),
             ("/api/defections/trend", {"interval": "decade"}, 422, "E061")]
    for path, params, status, code in cases:
        r = client.get(path, params=params)
        assert r.status_code == status, (path, params)
        assert set(r.json()) == {"error"} and r.json()["error"]["code"] == code
        assert r.json()["error"]["message"]


def test_untrusted_text_comes_back_as_data(client: TestClient) -> None:
    (hit,) = client.get("/api/events", params={"q": "onerror pwned"}).json()["events"]
    r = client.get(f"/api/events/{hit['id']}")
    assert r.headers["content-type"] == "application/json"
    (article,) = r.json()["articles"]
    assert article["text"].endswith(XSS.strip()) and article["source"] == "<script>alert(2)</script>"


def test_defection_flows_of_the_seeds(client: TestClient, everything: list[dict[str, Any]]) -> None:
    flows = client.get("/api/defections/flows").json()
    kinds = {e["id"]: e["kind"] for e in everything}
    assert all(kinds[i] == "defection" for fl in flows for i in fl["events"])
    to_jfs = [fl for fl in flows if fl["from_group"].startswith("Islamic State")
              and fl["to_group_text"] == "Jabhat Fateh al-Sham"]
    to_turkey = [fl for fl in flows if fl["from_group"].startswith("Islamic State") and fl["to_territory"] == "Turkey"]
    assert to_jfs and to_turkey
    assert to_jfs[0]["people_low"] == to_jfs[0]["people_high"] == 2  # "two senior commanders"
    assert sum(fl["count"] for fl in to_turkey) == len({i for fl in to_turkey for i in fl["events"]})
    later = client.get("/api/defections/flows", params={"since": "2016-01-01"}).json()
    assert any(fl["to_group_text"] == "Jabhat Fateh al-Sham" for fl in later)
    assert not any(fl["to_territory"] == "Turkey" for fl in later)  # the Tel Abyad defections were in 2015


def test_defection_trend_by_month(client: TestClient, everything: list[dict[str, Any]]) -> None:
    trend = client.get("/api/defections/trend", params={"group": "islamic state"}).json()
    periods = [t["period"] for t in trend]
    assert periods == sorted(periods) and all(len(p) == 7 for p in periods)
    flows = client.get("/api/defections/flows").json()
    assert sum(t["events"] for t in trend) == sum(fl["count"] for fl in flows if "Islamic State" in fl["from_group"])
    yearly = client.get("/api/defections/trend", params={"interval": "year"}).json()
    assert {t["period"] for t in yearly} == {p[:4] for p in periods}
    assert client.get("/api/defections/trend", params={"group": "no such group"}).json() == []


def test_stats_count_what_the_list_holds(client: TestClient, everything: list[dict[str, Any]]) -> None:
    stats = client.get("/api/stats").json()
    assert stats["total"] == len(everything)
    by_type = {r["key"]: r["n"] for r in stats["by_type"]}
    assert by_type == {t: sum(e["event_type"] == t for e in everything) for t in {e["event_type"] for e in everything}}
    months = {r["key"]: r["n"] for r in stats["by_month"]}
    assert sum(months.values()) + sum(e["date_start"] is None for e in everything) == len(everything)
    assert months.get("2016-11", 0) == sum((e["date_start"] or "").startswith("2016-11") for e in everything)
    syria = client.get("/api/stats", params={"country": "Syria"}).json()
    assert syria["total"] == sum(_keeps("country", "Syria", e) for e in everything)


def test_streamed_exports_take_the_same_filters(client: TestClient, everything: list[dict[str, Any]]) -> None:
    geo = client.get("/api/events.geojson", params={"country": "Syria"})
    assert geo.headers["content-type"].startswith("application/geo+json")
    features = geo.json()["features"]
    assert [f["id"] for f in features] == [e["id"] for e in everything if _keeps("country", "Syria", e)]
    r = client.get("/api/events.csv", params={"type": "Strategic developments"})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert r.headers["content-type"].startswith("text/csv") and rows
    assert {row["event_type"] for row in rows} == {"Strategic developments"}
    assert {row["eventwire_id"] for row in rows} <= {e["id"] for e in everything}


def test_review_is_refused_when_not_enabled(client: TestClient, everything: list[dict[str, Any]]) -> None:
    r = client.post(f"/api/events/{everything[0]['id']}/review",
                    json={"field": "fatalities", "action": "edit", "value": 1, "reviewer": "x"},
                    headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "E062"
    assert client.get("/api/review").json()["enabled"] is False


def test_library_functions_answer_as_the_endpoints(client: TestClient, tmp_path: Path) -> None:
    from eventwire.api import queries
    from eventwire.store.query import EventFilter

    store = client.app.state.store  # type: ignore[attr-defined]
    direct = queries.list_events(store, EventFilter(country="Syria", limit=5))
    assert direct == client.get("/api/events", params={"country": "Syria", "limit": 5}).json()
    assert queries.defection_flows(store, EventFilter()) == client.get("/api/defections/flows").json()
    from eventwire.store.query import select_events

    with store.engine.connect() as conn:  # both plans of a full-text page (few matches, many) give one answer
        f = EventFilter(q="Islamic State", limit=5, offset=1)
        gathered, read = (conn.execute(select_events(f, rare_text=rare)).all() for rare in (True, False))
    assert [r.payload for r in gathered] == [r.payload for r in read] != []
    capped = queries.list_events(store, EventFilter(limit=2), cap=5)
    assert (capped["total"], capped["total_exact"]) == (5, False)  # a lower bound, and said to be one
    deep = queries.list_events(store, EventFilter(limit=2, offset=8), cap=5)
    assert deep["total"] >= 10 and not deep["total_exact"] and len(deep["events"]) == 2
