"""`eventwire eval --set merge`: the labelled pairs run through the real pipeline and clustering."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.devdata import shared_dir
from eventwire.evaluation import evaluate_merge
from eventwire.evaluation._merge import _hand_pairs, pair_benchmark


def test_hand_written_pairs_one_event_merges_and_neighbours_stay_apart() -> None:
    """Two outlets' wordings of one event (written for this benchmark) and same-day events next door."""
    pairs = _hand_pairs()
    assert {g for g, *_ in pairs} == {"hand-written same", "hand-written different"}
    result = evaluate_merge(pairs)["merge"]
    assert result["by_group"]["hand-written different"]["merged"] == 0
    assert result["by_group"]["hand-written same"]["merged"] >= 6  # measured 7 of 12


@pytest.mark.skipif(shared_dir() is None, reason="shared dev data absent (EVENTWIRE_SHARED)")
def test_benchmark_pairs_and_cli_check(tmp_path) -> None:  # type: ignore[no-untyped-def]
    groups = {g for g, *_ in pair_benchmark(n_hard=5, n_country=5)}
    assert {"acled same day+province", "acled same day+country", "fakes same date+governorate+cause"} <= groups
    impossible = tmp_path / "baseline.json"
    impossible.write_text(json.dumps({"scores": {"merge.precision": 1.5, "merge.recall": 0.0}}))
    result = CliRunner().invoke(main, ["eval", "--set", "merge", "--check", str(impossible)])
    assert result.exit_code == 1 and "merge.precision" in result.output
