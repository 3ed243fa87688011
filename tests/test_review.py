"""Review through the API (`eventwire serve --review`), on SQLite and PostgreSQL: the token, each change a
revision that keeps the machine's value, the reviewed view and exports, splitting a merged event."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, Iterator

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from fastapi.testclient import TestClient

from api_corpus import TWICE_ID, ingest, needs_corpus, write_corpus
from conftest_store import SHARED, store_url  # noqa: F401  (fixture)

pytestmark = needs_corpus
TOKEN = "test-token-3f9a"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def client(store_url: str, tmp_path: Path) -> Iterator[TestClient]:  # noqa: F811
    from eventwire.api import create_app

    ingest(store_url, str(SHARED / "seeds" / "004_6fd67dc46b290c98.txt"))
    ingest(store_url, str(write_corpus(tmp_path, n_fakes=1)))
    with TestClient(create_app(store_url, review_token=TOKEN)) as c:
        c.url = store_url  # type: ignore[attr-defined]
        yield c


def _events(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    return client.get("/api/events", params={"limit": 1000, **params}).json()["events"]


def _review(client: TestClient, event_id: str, **body: Any) -> Any:
    return client.post(f"/api/events/{event_id}/review", json={"reviewer": "ana", **body}, headers=AUTH)


def _db_rows(url: str, sql: str, **params: Any) -> list[Any]:
    from eventwire.store.engine import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(sa.text(sql), params))
    finally:
        engine.dispose()


def test_review_needs_the_token(client: TestClient) -> None:
    event_id = _events(client)[0]["id"]
    body = {"field": "fatalities", "action": "edit", "value": 4, "reviewer": "ana"}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN + "x"}):
        r = client.post(f"/api/events/{event_id}/review", json=body, headers=headers)
        assert r.status_code == 401 and r.json()["error"]["code"] == "E063"
    assert client.post(f"/api/events/{event_id}/split", json={"article_id": "x"}).status_code == 401
    assert _db_rows(client.url, "SELECT * FROM revisions") == []  # type: ignore[attr-defined]
    assert client.get("/api/review").json()["enabled"] is True


def test_an_edit_is_a_revision_and_the_machine_value_stays(client: TestClient) -> None:
    event = next(e for e in _events(client) if e["fatalities"] is None)
    r = _review(client, event["id"], field="fatalities", action="edit", value="7")
    assert r.status_code == 200, r.text
    revision = r.json()["revision"]
    assert (revision["field"], revision["action"], revision["old"], revision["new"], revision["reviewer"]) == \
        ("fatalities", "edit", None, 7, "ana")
    url = client.url  # type: ignore[attr-defined]
    (row,) = _db_rows(url, "SELECT event_id, field, action, old, new, reviewer, at FROM revisions")
    assert (row.event_id, json.loads(row.new), row.reviewer) == (event["id"], 7, "ana") and row.at is not None
    (payload,) = _db_rows(url, "SELECT payload FROM events WHERE id = :id", id=event["id"])
    assert json.loads(payload[0])["fatalities"] is None  # the machine's value is kept
    view = client.get(f"/api/events/{event['id']}").json()
    assert view["fatalities"] is None and view["reviewed"] == {"fatalities": 7}
    assert [r["new"] for r in client.get(f"/api/events/{event['id']}/revisions").json()["revisions"]] == [7]


def test_accept_reject_and_the_latest_wins(client: TestClient) -> None:
    event = next(e for e in _events(client) if e["admin1"])
    assert _review(client, event["id"], field="admin1", action="accept").json()["revision"]["new"] == event["admin1"]
    assert _review(client, event["id"], field="admin1", action="reject").json()["reviewed"] == {"admin1": None}
    edited = _review(client, event["id"], field="admin1", action="edit", value=" Idleb ").json()
    assert edited["revision"]["old"] is None and edited["reviewed"] == {"admin1": "Idleb"}
    history = client.get(f"/api/events/{event['id']}/revisions").json()["revisions"]
    assert [h["action"] for h in history] == ["accept", "reject", "edit"]
    assert client.get(f"/api/events/{event['id']}").json()["admin1"] == event["admin1"]


@pytest.mark.parametrize("body,status,code", [
    ({"field": "fatalities", "action": "edit", "value": "many"}, 422, "E026"),
    ({"field": "date_start", "action": "edit", "value": "June 2015"}, 422, "E026"),
    ({"field": "colour", "action": "edit", "value": "red"}, 422, "E026"),
    ({"field": "fatalities", "action": "delete"}, 422, "E061"),
    ({"field": "fatalities", "action": "edit", "value": 3, "reviewer": " "}, 422, "E026"),
])
def test_invalid_changes_are_refused_with_the_reason(client: TestClient, body: dict[str, Any], status: int,
                                                     code: str) -> None:
    event_id = _events(client)[0]["id"]
    r = client.post(f"/api/events/{event_id}/review", json={"reviewer": "ana", **body}, headers=AUTH)
    assert r.status_code == status and r.json()["error"]["code"] == code
    assert _review(client, "NOPE9", field="fatalities", action="edit", value=1).json()["error"]["code"] == "E025"


def test_reviewed_exports_show_the_edit(client: TestClient, tmp_path: Path) -> None:
    from eventwire.cli import main

    event = next(e for e in _events(client) if e["actor1"] and e["country"] and e["date_start"] and not e["background"])
    _review(client, event["id"], field="fatalities", action="edit", value=12)
    _review(client, event["id"], field="date_start", action="edit", value="2016-12-01")
    _review(client, event["id"], field="actor1", action="edit", value="Reviewed Actor")

    def row_of(args: list[str]) -> dict[str, str]:
        out = tmp_path / f"e{len(list(tmp_path.iterdir()))}.csv"
        url = client.url  # type: ignore[attr-defined]
        result = CliRunner().invoke(main, ["export", "--db", url, "--format", "acled", "--out", str(out), *args])
        assert result.exit_code == 0, result.output
        return next(r for r in csv.DictReader(open(out, encoding="utf-8")) if r["eventwire_id"] == event["id"])

    machine, reviewed = row_of([]), row_of(["--reviewed"])
    assert (reviewed["fatalities"], reviewed["actor1"]) == ("12", "Reviewed Actor")
    assert machine["actor1"] == event["actor1"] and machine["fatalities"] != "12"
    assert reviewed["notes"] == machine["notes"]
    api = client.get("/api/events.csv", params={"reviewed": "true"}).text
    (api_row,) = [r for r in csv.DictReader(io.StringIO(api)) if r["eventwire_id"] == event["id"]]
    assert api_row["fatalities"] == "12"
    feature = next(f for f in client.get("/api/events.geojson", params={"reviewed": "true"}).json()["features"]
                   if f["id"] == event["id"])
    assert (feature["properties"]["fatalities"], feature["properties"]["date_start"]) == (12, "2016-12-01")
    listed = next(e for e in _events(client, reviewed="true") if e["id"] == event["id"])
    assert listed["actor1"] == "Reviewed Actor" and listed["date_start"] == "2016-12-01"


def test_split_a_merged_event(client: TestClient) -> None:
    merged = next(e for e in _events(client) if e["n_sources"] == 2)
    r = client.post(f"/api/events/{merged['id']}/split", json={"article_id": TWICE_ID, "reviewer": "ana"},
                    headers=AUTH)
    assert r.status_code == 200, r.text
    ids = r.json()["events"]
    assert len(ids) == 2 and merged["id"] in ids
    for event_id in ids:
        view = client.get(f"/api/events/{event_id}").json()
        assert view["n_sources"] == 1 and len(view["articles"]) == 1
    (revision,) = client.get(f"/api/events/{merged['id']}/revisions").json()["revisions"]
    assert (revision["action"], revision["old"], sorted(revision["new"])) == ("split", TWICE_ID, sorted(ids))
    again = client.post(f"/api/events/{merged['id']}/split", json={"article_id": "no-such-article"}, headers=AUTH)
    assert again.status_code == 404 and again.json()["error"]["code"] == "E025"


def test_search_text_follows_splits(client: TestClient) -> None:
    merged = next(e for e in _events(client) if e["n_sources"] == 2)
    word = max(merged["notes"].split(), key=len).strip(".,;:")
    assert merged["id"] in {e["id"] for e in _events(client, q=word)}
    ids = client.post(f"/api/events/{merged['id']}/split", json={"article_id": TWICE_ID}, headers=AUTH).json()["events"]
    assert set(ids) <= {e["id"] for e in _events(client, q=word)}
    (n_text,) = _db_rows(client.url, "SELECT count(*) FROM event_text")[0]  # type: ignore[attr-defined]
    assert n_text == len(_events(client))  # one search row per event, none left behind
