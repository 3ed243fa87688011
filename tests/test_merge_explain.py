"""`eventwire show` explains a merge and `eventwire split` undoes it, for good, on SQLite and PostgreSQL.

The articles are those of test_merge: A is ACLED's note for SYR113492, B and C hand-written rewordings.
"""
from __future__ import annotations

from click.testing import CliRunner

from conftest_store import article, event, store_url  # noqa: F401 - fixtures
from eventwire.cli import main
from eventwire.store import Store
from test_merge import DAY, HAZIMA_NEARBY, A, B, C, ev_a, ev_b, ev_c_region


def _one_event(url: str) -> str:
    with Store.open(url) as s:
        s.write_batch([(A, [ev_a()]), (B, [ev_b()]), (C, [ev_c_region()])])
        (only,) = list(s.events())
    return only.event.id


def test_show_prints_members_with_their_scores(store_url: str) -> None:  # noqa: F811
    event_id = _one_event(store_url)
    result = CliRunner().invoke(main, ["show", event_id, "--db", store_url])
    assert result.exit_code == 0, result.output
    assert "members (3 reports" in result.output
    for source in ("ACLED note", "Monitor Wire", "Regional Daily"):
        assert f"[{source}] score 0." in result.output
    assert "place   0.60  contained: Ar Raqqa" in result.output  # C only names the province
    assert "Hazimeh" in result.output and "'Hazimeh'" in result.output  # the evidence span's text


def test_split_takes_an_article_out_for_good(store_url: str) -> None:  # noqa: F811
    event_id = _one_event(store_url)
    result = CliRunner().invoke(main, ["split", event_id, B.id, "--db", store_url])
    assert result.exit_code == 0, result.output
    with Store.open(store_url) as s:
        groups = sorted(sorted(s.event_article_ids(se.event.id)) for se in s.events())
        assert sorted([B.id]) in groups and sorted([A.id, C.id]) in groups
        # A later report that fits both sides does not bring B back
        d = article("Suspected Islamic State gunmen killed two SDF fighters near Hazima in Raqqa on Thursday.",
                    source="Third Outlet")
        s.write_batch([(d, [event(d, d.text, day=DAY, place=HAZIMA_NEARBY, admin1="Ar Raqqa", fatalities=2,
                                  actors=("Islamic State (Syria)", "QSD: Syrian Democratic Forces"))])])
        with_b = [se for se in s.events() if B.id in s.event_article_ids(se.event.id)]
        assert len(with_b) == 1 and s.event_article_ids(with_b[0].event.id) == [B.id]


def test_show_and_split_unknown_ids_are_one_line_errors(store_url: str) -> None:  # noqa: F811
    event_id = _one_event(store_url)
    for args in (["show", "e-missing"], ["split", "e-missing", A.id], ["split", event_id, "no-such-article"]):
        result = CliRunner().invoke(main, [*args, "--db", store_url])
        assert result.exit_code == 1
        assert result.output.startswith("E025: ") and len(result.output.strip().splitlines()) == 1
