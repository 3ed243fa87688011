"""What used to fail silently now says so: a missing store, a cut list, a bad setting, a foreign-language or
undated article, offsets without their text."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest_store import article, event, reset_postgres, store_url  # noqa: F401 - fixtures
from eventwire import settings
from eventwire.cli import main
from eventwire.errors import SettingError, StoreError
from eventwire.intake._language import detect_language, language_notice
from eventwire.store import Store

# Real ACLED notes (SYR113663, SYR112997), one event each.
NOTES = [
    ("On 22 May 2023, JWS members infiltrated into regime forces positions in Al-Bughaz town in Aleppo countryside, "
     "killing 2 regime forces.", "JWS members infiltrated", date(2023, 5, 22)),
    ("On 25 April 2023, unknown gunmen shot and killed a regime Military Intelligence member and his son in Mahjeh "
     "town in Dara countryside.", "unknown gunmen shot and killed", date(2023, 4, 25)),
]
FRENCH = ("Des frappes aériennes du régime ont visé dimanche la ville de Douma, dans la Ghouta orientale, tuant au "
          "moins douze civils, selon l'Observatoire syrien des droits de l'homme.")
ARABIC = "قتل ثلاثة مدنيين وأصيب آخرون جراء قصف مدفعي لقوات النظام على بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم"
SPANISH = ("Al menos diez personas murieron este lunes en un ataque con coches bomba contra un mercado en la ciudad "
           "de Alepo, según fuentes locales.")
ENGLISH = ("Regime helicopters dropped barrel bombs on the town of Daraya on Monday, killing five civilians, "
           "activists said.")


@pytest.mark.parametrize("command", [["events"], ["export", "--format", "acled", "--out", "x.csv"]])
def test_read_commands_on_a_missing_sqlite_store_fail_and_create_nothing(tmp_path: Path, command: list[str],
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "nope.db"
    result = CliRunner().invoke(main, [*command, "--db", str(missing)])
    assert result.exit_code != 0
    assert result.output.startswith("E023: ") and len(result.output.strip().splitlines()) == 1
    assert not missing.exists() and not (tmp_path / "x.csv").exists()


def test_an_empty_database_is_not_a_store_for_reading(store_url: str) -> None:  # noqa: F811
    if store_url.startswith("sqlite"):
        Path(store_url.split(":///", 1)[1]).touch()  # an empty file: SQLite opens it as a database with no tables
    with pytest.raises(StoreError) as info:
        Store.open(store_url, create=False)
    assert info.value.code == "E023"
    with Store.open(store_url) as s:  # writing still creates it
        s.write_batch([])
    with Store.open(store_url, create=False) as s:
        assert s.count_events() == 0


def test_a_cut_list_says_so(store_url: str) -> None:  # noqa: F811
    items = []
    for text, phrase, day in NOTES:
        a = article(text, published=day)
        items.append((a, [event(a, phrase, day=day, place=(text.split(" in ")[1].split(" town")[0], None, None))]))
    with Store.open(store_url) as s:
        s.write_batch(items)
    cut = CliRunner().invoke(main, ["events", "--db", store_url, "--limit", "1"])
    assert cut.exit_code == 0
    assert "showing 1 of 2 events; use --limit" in cut.stderr
    whole = CliRunner().invoke(main, ["events", "--db", store_url])
    assert "showing" not in whole.stderr


@pytest.mark.parametrize("variable,value", [("EVENTWIRE_MERGE_KM", "10km"), ("EVENTWIRE_BATCH_SIZE", "lots"),
                                            ("EVENTWIRE_ARTICLE_SECONDS", "1 minute")])
def test_a_bad_setting_is_one_line_naming_the_variable(variable: str, value: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingError):
        settings.validate()
    result = CliRunner().invoke(main, ["events", "--db", "nope.db"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("E042: ") and variable in lines[0] and value in lines[0]


def test_good_settings_are_read_as_their_declared_type(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_MERGE_KM", "2.5")
    monkeypatch.setenv("EVENTWIRE_BATCH_SIZE", "1_000")
    assert settings.get("merge_km") == 2.5 and settings.get("batch_size") == 1000


@pytest.mark.parametrize("text,code", [(FRENCH, "fr"), (ARABIC, "ar"), (SPANISH, "es")])
def test_non_english_articles_are_identified(text: str, code: str) -> None:
    found = detect_language(text)
    assert found is not None and found.code == code
    notice = language_notice("A1", text)
    assert notice and notice.startswith("notice: A1: ") and f"'{code}'" in notice and "\n" not in notice


def test_english_and_too_short_texts_give_no_notice() -> None:
    assert language_notice("A1", ENGLISH) is None
    assert language_notice("A2", "Aleppo, 3 killed") is None


def _write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_extract_tells_each_non_english_article_and_counts_them(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", [{"id": "FR1", "text": FRENCH, "published": "2016-02-07"},
                                              {"id": "AR1", "text": ARABIC, "published": "2016-02-07"},
                                              {"id": "EN1", "text": ENGLISH, "published": "2016-02-07"}])
    result = CliRunner().invoke(main, ["extract", str(src), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    notices = [line for line in result.stderr.splitlines() if line.startswith("notice: ")]
    assert any("FR1" in n for n in notices) and any("AR1" in n for n in notices)
    assert not any("EN1" in n for n in notices)
    assert "notice: 2 of 3 article(s) are not in English" in result.stderr


def test_extract_jsonl_carries_the_text_its_offsets_point_into(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", [{"id": "EN1", "text": ENGLISH, "published": "2016-02-07"}])
    result = CliRunner().invoke(main, ["extract", str(src), "--format", "jsonl"])
    record = json.loads(result.stdout.splitlines()[0])
    assert record["article_id"] == "EN1" and record["events"]
    for ev in record["events"]:
        assert all(0 <= s["start"] < s["end"] <= len(record["text"]) for s in ev["evidence"])
        assert "barrel bombs" in " ".join(record["text"][s["start"]:s["end"]] for s in ev["evidence"])


def test_ingest_warns_about_undated_and_non_english_articles(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", [{"id": "ES1", "text": SPANISH, "published": "2016-02-07"},
                                              {"id": "EN1", "text": ENGLISH}])
    db = f"sqlite:///{tmp_path / 'e.db'}"
    result = CliRunner().invoke(main, ["ingest", str(src), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.stderr
    assert "notice: ES1: " in result.stderr
    assert "notice: 1 of 2 new article(s) are not in English" in result.stderr
    assert "warning: 1 of 2 new article(s) have no publication date" in result.stderr
