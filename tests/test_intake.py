"""Intake: seeds clean up, heads are read with evidence, HTML/JSONL readers work, bad input is coded, not raised."""
from __future__ import annotations

import json
import socket
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventwire import extract, intake
from eventwire.errors import InputError
from eventwire.intake import article_from_html, article_from_text, iter_articles
from eventwire.models import Article, content_hash

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
SEED_000 = SEEDS / "000_ceb1a624b519d35d.txt"
SEED_004 = SEEDS / "004_6fd67dc46b290c98.txt"
needs_seeds = pytest.mark.skipif(not SEED_000.exists() or not SEED_004.exists(),
                                 reason=f"seed articles not found under {SEEDS} (../shared is absent)")

# A real wire-style paragraph (from seed 000) for tests that write their own files.
BODY = ("Several militants dissented from the ranks of the Islamic State (IS/ISIS) in the city of Tel Abyad in Raqqa "
        "province, northeastern Syria, following rifts with the group's local leadership, a local source reported "
        "on Monday.")

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Clashes erupt near Manbij as SDF repels attack | Levant Daily</title>
<meta property="og:title" content="Clashes erupt near Manbij as SDF repels attack">
<meta property="article:published_time" content="2019-03-14T09:30:00+00:00">
<meta property="og:site_name" content="Levant Daily">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/syria">Syria</a></li><li><a href="/iraq">Iraq</a></li>
<li><a href="/opinion">Opinion</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. <a href="/privacy">Accept</a></div></header>
<main><article>
<h1>Clashes erupt near Manbij as SDF repels attack</h1>
<p>MANBIJ, Syria — Fighters of the Syrian Democratic Forces clashed with Turkish-backed factions on the outskirts of
Manbij on Wednesday night, a war monitor said.</p>
<p>The Syrian Observatory for Human Rights said the fighting near the village of Arima lasted for several hours and
that two SDF fighters were killed.</p>
<p>Turkish-backed factions shelled positions west of the town earlier in the week, according to local residents who
spoke on the condition of anonymity.</p>
<div class="share">Share this: <a href="#">Facebook</a> <a href="#">Twitter</a></div>
</article>
<section id="comments" class="comments"><h3>3 Comments</h3>
<div class="comment"><p class="comment-author">abu_karim</p><p>This is terrible news, the army should have intervened
much earlier in the countryside.</p></div>
<div class="comment"><p class="comment-author">reader77</p><p>Fake news, nobody was killed there yesterday according
to my cousin.</p></div>
</section></main>
<aside><h4>Most read</h4><ul><li><a href="/a">Oil prices climb</a></li><li><a href="/b">Election results</a></li>
</ul></aside>
<footer><p>© 2019 Levant Daily. All rights reserved.</p></footer>
</body></html>
"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Intake must never fetch anything: any connection attempt fails the test."""
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("intake tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _read(path: Path) -> Article:
    [article] = list(iter_articles([path]))
    assert isinstance(article, Article), article
    return article


def _error(path: Path) -> InputError:
    [error] = list(iter_articles([path]))
    assert isinstance(error, InputError), error
    return error


def test_public_api_is_pinned() -> None:
    assert sorted(intake.__all__) == ["article_from_html", "article_from_text", "clean_text", "iter_articles"]


# --- the seeds -----------------------------------------------------------------------------------------------------

@needs_seeds
def test_seed_000_boilerplate_removed_and_body_intact() -> None:
    article = _read(SEED_000)
    for chrome in ("Leave a comment", "13 + 12", "follow us on Twitter", "Short link"):
        assert chrome not in article.text
    assert "“At least six IS militants left the group and crossed into Turkey,” a source in Tel Abyad told ARA " \
        "News" in article.text
    assert "In March, a surge of dissidence hit the group’s ranks when prominent members left its ranks in Raqqa " \
        "and crossed into Turkey." in article.text
    assert article.text.startswith("New surge of dissidence hit ISIS ranks in Raqqa\n")
    assert "Reporting by: Naima al-Khalil" in article.text  # credits are evidence, kept


@needs_seeds
def test_seed_000_head_dateline_source_title() -> None:
    article = _read(SEED_000)
    assert article.input_id == "000_ceb1a624b519d35d.txt"
    assert article.title == "New surge of dissidence hit ISIS ranks in Raqqa"
    assert article.dateline_place == "Raqqa, Syria"
    assert article.dateline_span is not None and article.dateline_span.text_in(article.text) == "Raqqa, Syria"
    assert article.source == "ARA News"
    assert article.source_span is not None and article.source_span.text_in(article.text) == "ARA News"
    assert article.published is None  # the page states no date; the CLI gives one with --published
    assert article.raw == SEED_000.read_text(encoding="utf-8")


@needs_seeds
def test_seed_004_boilerplate_removed_and_byline_date() -> None:
    article = _read(SEED_004)
    for chrome in ("UNITED24", "mailing list", "Weapons of Mass Destruction (WMD)"):
        assert chrome not in article.text
    assert article.text.startswith("2 Top IS Commanders Reportedly Flee Raqqa\n\nBy Sirwan Kajjo December 07, 2016")
    assert article.title == "2 Top IS Commanders Reportedly Flee Raqqa"
    assert article.published == date(2016, 12, 7)
    assert article.published_span is not None
    assert "December 07, 2016" in article.published_span.text_in(article.text)
    assert "The two leaders who fled, Abu Zur al-Tunisi and Bilal al-Shawwash, have reportedly joined the Jabhat " \
        "Fateh al-Sham" in article.text
    assert article.text.endswith("in a U.S. drone strike near the Syrian town of al-Bab in late August.")


@needs_seeds
def test_seed_004_donation_banner_glued_to_captcha_line() -> None:
    raw = SEED_004.read_text(encoding="utf-8")
    glued = raw.replace("UNITED24 - ", "13 + 12 = UNITED24 - ", 1)
    assert article_from_text(glued).text == _read(SEED_004).text


@needs_seeds
def test_explicit_published_wins_over_byline() -> None:
    [article] = list(iter_articles([SEED_004], published=date(2016, 12, 8)))
    assert isinstance(article, Article)
    assert article.published == date(2016, 12, 8)
    assert article.published_span is None  # the byline date is not evidence for a date it does not state


@needs_seeds
def test_directory_walk_is_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "004.txt").write_bytes(SEED_004.read_bytes())
    (tmp_path / "a.txt").write_bytes(SEED_000.read_bytes())
    (tmp_path / ".hidden.txt").write_text("Leave a comment", encoding="utf-8")
    found = list(iter_articles([tmp_path]))
    assert [a.input_id for a in found if isinstance(a, Article)] == ["a.txt", "004.txt"]
    assert len(found) == 2


# --- heads of other sites ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, day, evidence", [
    ("Published: 3 March 2021", date(2021, 3, 3), "3 March 2021"),
    ("Posted on Tuesday, June 2, 2015 at 10:41 am", date(2015, 6, 2), "Tuesday, June 2, 2015 at 10:41 am"),
    ("2019-06-04", date(2019, 6, 4), "2019-06-04"),
    ("By Tom Perry, Reuters, Dec. 7, 2016", date(2016, 12, 7), "Dec. 7, 2016"),
    ("Updated: 12 Jan 2020 14:05 GMT", date(2020, 1, 12), "12 Jan 2020 14:05 GMT"),
])
def test_publication_date_from_head_lines(line: str, day: date, evidence: str) -> None:
    article = article_from_text(f"Rebels seize village in Idlib countryside\n\n{line}\n\n{BODY}")
    assert article.published == day
    assert article.published_span is not None and article.published_span.text_in(article.text) == evidence


def test_no_date_from_body_or_future() -> None:
    text = f"Rebels seize village in Idlib countryside\n\nPublished: 3 March 2091\n\n{BODY} It began on 2 May 2014."
    assert article_from_text(text).published is None


@pytest.mark.parametrize("lead, place, outlet", [
    ("BEIRUT (Reuters) - ", "Beirut", "Reuters"),
    ("ALEPPO, Syria — ", "Aleppo, Syria", None),
    ("Deir ez-Zor, Syria, June 3 (AFP) – ", "Deir ez-Zor, Syria", "AFP"),
])
def test_dateline_place_and_wire_outlet(lead: str, place: str, outlet: str | None) -> None:
    article = article_from_text(f"Rebels seize village in Idlib countryside\n\n{lead}{BODY}")
    assert article.dateline_place == place
    assert article.dateline_span is not None
    assert article.dateline_span.text_in(article.text).lower() == place.lower()
    assert article.source == outlet
    if outlet:
        assert article.source_span is not None and article.source_span.text_in(article.text) == outlet


def test_no_dateline_in_an_ordinary_first_sentence() -> None:
    article = article_from_text(f"Kurdish forces — backed by U.S. jets — advanced on Raqqa. {BODY}")
    assert article.dateline_place is None


def test_site_chrome_of_other_sites_removed() -> None:
    text = "\n\n".join([
        "Politics", "Rebels seize village in Idlib countryside", "Share this article", "Print", BODY,
        "Related: Turkey shells Kurdish positions near Afrin",
        "We use cookies to give you the best experience. Accept cookies", "•", BODY.replace("Monday", "Tuesday"),
        "Read more", "Turkey shells Kurdish positions near Afrin", "Subscribe to our newsletter", "© 2021 Some Site",
    ])
    clean = article_from_text(text).text
    assert clean == f"Rebels seize village in Idlib countryside\n\n{BODY}\n\n{BODY.replace('Monday', 'Tuesday')}"


WIRE_PAGE = """World News
March 3, 2021 / 10:41 AM / Updated 2 years ago
Turkish drone strike kills three in northeast Syria - monitor
By Reuters Staff
2 Min Read
AMMAN (Reuters) - A Turkish drone strike killed three members of the Kurdish-led Syrian Democratic Forces near the \
town of Qamishli on Wednesday, a war monitor said.
Reporting by Suleiman Al-Khalidi; Editing by Alex Richardson
"""

BLOG_PAGE = """Syria

Regime forces shell areas in southern Idlib countryside

SOHR
2019-06-04

Regime forces shelled this morning areas in Kafr Nabl and Hass in the southern countryside of Idlib, while \
warplanes carried out several airstrikes on the area.

Read more
Turkish troops reinforce posts near Saraqib

SOHR monitored the death of two civilians in the shelling.

Share this:
Facebook
Twitter

Like this:
Like Loading...

Related
"""


def test_wire_page_head() -> None:
    article = article_from_text(WIRE_PAGE)
    assert article.text.startswith("March 3, 2021 / 10:41 AM")
    assert "World News" not in article.text and "Min Read" not in article.text
    assert article.title == "Turkish drone strike kills three in northeast Syria - monitor"
    assert article.published == date(2021, 3, 3)
    assert (article.dateline_place, article.source) == ("Amman", "Reuters")


def test_blog_page_chrome_and_outlet_line() -> None:
    article = article_from_text(BLOG_PAGE)
    assert article.text.startswith("Regime forces shell areas in southern Idlib countryside\n\nSOHR\n2019-06-04\n\n")
    assert article.text.endswith("SOHR monitored the death of two civilians in the shelling.")
    assert "Saraqib" not in article.text
    assert (article.source, article.published) == ("SOHR", date(2019, 6, 4))


def test_a_flattened_pages_link_and_tag_lists_after_its_last_sentence_are_cut() -> None:
    flat = (f"Rebels seize village in Idlib countryside\n\n{BODY} 2,140 Related Turkish Drone Kills Three in Qamishli "
            "Regime Shells Kafr Nabl Tags Idlib Syria rebels Comment via Facebook")
    assert article_from_text(flat).text == f"Rebels seize village in Idlib countryside\n\n{BODY}"
    told = f"Rebels seize village\n\n{BODY} Related talks were held in Geneva on Monday."
    assert article_from_text(told).text.endswith("Related talks were held in Geneva on Monday.")  # a sentence


@pytest.mark.parametrize("sentence", [
    "The Islamic State claimed the attack in its weekly al-Naba newsletter.",
    "Dozens of young men refused to sign up for the militia.",
    "The group accused Twitter of violating its terms of service.",
    "Print media in Raqqa was shut down by the group.",
    "Read the statement, the spokesman told reporters.",
])
def test_news_sentences_with_chrome_words_are_kept(sentence: str) -> None:
    assert article_from_text(f"Rebels seize village\n\n{sentence}\n\n{BODY}").text.count(sentence) == 1


def test_hard_wrapped_paragraph_stays_one_block() -> None:
    clean = article_from_text("Rebels seize village\n\nThe group besieged the village\nShare\nand stormed houses.").text
    assert clean == "Rebels seize village\n\nThe group besieged the village\nand stormed houses."


def test_hard_wrapped_head_is_read_as_paragraphs() -> None:
    text = ("Rebels seize village in Idlib countryside\n\nALEPPO, Syria (AP) — Several militants dissented from the\n"
            "ranks of the Islamic State in the city of Tel Abyad in Raqqa province, following\n"
            "rifts with the group's local leadership, a local source reported on Monday.")
    article = article_from_text(text)
    assert (article.title, article.dateline_place, article.source) == \
        ("Rebels seize village in Idlib countryside", "Aleppo, Syria", "AP")
    wrapped_first = article_from_text(text.split("\n\n", 1)[1].replace("ALEPPO, Syria (AP) — ", ""))
    assert wrapped_first.title is None


def test_markdown_file_marks_removed(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    raw = ("# Rebels seize village in Idlib countryside\n\n![map](map.png)\n\n"
           f"**Raqqa, Syria** – {BODY} See [the monitor's report](https://example.org/r).\n")
    path.write_text(raw, encoding="utf-8")
    article = _read(path)
    assert article.title == "Rebels seize village in Idlib countryside"
    assert article.text.endswith("on Monday. See the monitor's report.")
    assert article.dateline_place == "Raqqa, Syria" and article.raw == raw


def test_content_hash_is_stable_and_ignores_boilerplate() -> None:
    a = article_from_text(f"Title line\n\n{BODY}\n\nLeave a comment\n\n13 + 12 =")
    b = article_from_text(f"Title line\r\n\r\n{BODY}  \r\n")
    assert a.id == b.id == content_hash(a.text) == content_hash(f"Title line\n\n{BODY}")


def test_long_text_cut_at_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_MAX_ARTICLE_CHARS", "500")
    article = article_from_text("\n\n".join([BODY] * 5))
    assert len(article.text) <= 500 and article.text.endswith("on Monday.")


# --- HTML ----------------------------------------------------------------------------------------------------------

def test_html_main_text_without_comments_or_nav(no_network: None) -> None:
    article = article_from_html(PAGE, input_id="manbij.html")
    assert article.text.startswith("Clashes erupt near Manbij as SDF repels attack\n\nMANBIJ, Syria — Fighters")
    assert "two SDF fighters were killed" in article.text
    for junk in ("terrible news", "Fake news", "abu_karim", "Oil prices", "cookies", "Opinion", "All rights"):
        assert junk not in article.text
    assert article.title == "Clashes erupt near Manbij as SDF repels attack"
    assert article.published == date(2019, 3, 14)
    assert article.dateline_place == "Manbij, Syria"
    assert article.source == "Levant Daily"
    assert article.raw == PAGE


def test_html_file_read_by_suffix_and_by_sniffing(tmp_path: Path, no_network: None) -> None:
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PAGE, encoding="utf-8")
    texts = [a.text for a in iter_articles([tmp_path]) if isinstance(a, Article)]
    assert len(texts) == 2 and texts[0] == texts[1]


def test_html_that_looks_like_a_url_is_not_fetched(no_network: None) -> None:
    article = article_from_html("https://example.com/news/2019/03/14/clashes-near-manbij")
    assert article.text == "https://example.com/news/2019/03/14/clashes-near-manbij"


# --- JSONL ---------------------------------------------------------------------------------------------------------

def _jsonl(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_records_ids_and_metadata(tmp_path: Path, no_network: None) -> None:
    path = _jsonl(
        tmp_path,
        json.dumps({"id": "a1", "text": f"Rebels seize village\n\n{BODY}", "published": "2015-06-02",
                    "source": "ARA News", "url": "https://example.org/a1", "title": "Given title"}),
        "",
        json.dumps({"id": 7, "html": PAGE, "published": "2019-03-15T08:00:00Z"}),
        json.dumps({"text": BODY}),
    )
    found = list(iter_articles([path]))
    assert all(isinstance(a, Article) for a in found), found
    first, second, third = found
    assert (first.input_id, first.published, first.source, first.title, first.url) == \
        ("a1", date(2015, 6, 2), "ARA News", "Given title", "https://example.org/a1")
    assert (second.input_id, second.published) == ("7", date(2019, 3, 15))
    assert "terrible news" not in second.text
    assert third.input_id == "batch.jsonl:4"


def test_jsonl_bad_line_reported_with_number_others_go_on(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, json.dumps({"id": "ok1", "text": BODY}), '{"id": "broken", "text": "unterminated',
                  json.dumps({"id": "ok2", "text": BODY}))
    found = list(iter_articles([path]))
    assert [a.input_id for a in found if isinstance(a, Article)] == ["ok1", "ok2"]
    [error] = [e for e in found if isinstance(e, InputError)]
    assert (error.code, error.line, error.path) == ("E006", 2, str(path))
    assert f"{path}:2" in str(error)


@pytest.mark.parametrize("record, code", [
    ({"id": "x", "url": "https://example.org"}, "E007"),
    ({"id": "x", "text": "   "}, "E007"),
    ({"id": "x", "text": ["a", "list"]}, "E008"),
    ({"id": {"nested": 1}, "text": BODY}, "E008"),
    ({"id": "x", "text": BODY, "published": 20150602}, "E008"),
    (["not", "an", "object"], "E008"),
    ({"id": "x", "text": BODY, "published": "sometime last spring"}, "E010"),
    ({"id": "x", "text": BODY, "published": "2015-13-45"}, "E010"),
    ({"id": "x", "html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"}, "E009"),
])
def test_jsonl_record_errors(tmp_path: Path, record: Any, code: str) -> None:
    error = _error(_jsonl(tmp_path, json.dumps(record)))
    assert (error.code, error.line) == (code, 1)


def test_jsonl_invalid_utf8_line_names_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.ndjson"
    path.write_bytes(json.dumps({"text": BODY}).encode() + b"\n" + b'{"text": "caf\xe9"}\n')
    found = list(iter_articles([path]))
    assert isinstance(found[0], Article)
    assert isinstance(found[1], InputError) and (found[1].code, found[1].line) == ("E004", 2)
    bad_byte = len(json.dumps({"text": BODY}).encode()) + 1 + len(b'{"text": "caf')
    assert f"byte offset {bad_byte}" in str(found[1])


def test_jsonl_size_limit_applies_per_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _jsonl(tmp_path, json.dumps({"id": "short", "text": BODY}), json.dumps({"id": "long", "text": BODY * 3}),
                  json.dumps({"id": "short2", "text": BODY}))
    monkeypatch.setenv("EVENTWIRE_MAX_INPUT_BYTES", str(len(BODY) + 50))
    found = list(iter_articles([path]))
    assert [a.input_id if isinstance(a, Article) else a.code for a in found] == ["short", "E005", "short2"]
    assert found[1].line == 2


def test_jsonl_without_records_is_empty(tmp_path: Path) -> None:
    assert _error(_jsonl(tmp_path, "", "   ")).code == "E002"


# --- bad files -----------------------------------------------------------------------------------------------------

def test_missing_path(tmp_path: Path) -> None:
    assert _error(tmp_path / "nope.txt").code == "E001"


@pytest.mark.parametrize("content", [b"", b"  \n\n \t\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert _error(path).code == "E002"


def test_only_boilerplate_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "chrome.txt"
    path.write_text("Leave a comment\n\n13 + 12 =\n\nShare this\n", encoding="utf-8")
    assert _error(path).code == "E002"


@pytest.mark.parametrize("content", [b"Rebels seize\x00\x00\x01 village" * 20, bytes(range(1, 32)) * 40])
def test_binary_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(content)
    assert _error(path).code == "E003"


def test_non_utf8_names_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Rebels seize the café in Idlib".encode("latin-1"))
    error = _error(path)
    assert error.code == "E004" and "offset 20" in str(error)


def test_utf8_bom_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + BODY.encode())
    assert _read(path).text == BODY


def test_file_over_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_MAX_INPUT_BYTES", "100")
    path = tmp_path / "big.txt"
    path.write_text(BODY, encoding="utf-8")
    assert _error(path).code == "E005"


def test_html_without_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<!DOCTYPE html><html><head><title>x</title></head><body><script>var a=1;</script></body></html>",
                    encoding="utf-8")
    assert _error(path).code == "E009"


@pytest.mark.parametrize("name, content", [
    ("report.pdf", b"%PDF-1.7\n..."),
    ("archive.zip", b"PK\x03\x04rest"),
    ("photo.jpg", b"\xff\xd8\xff\xe0rest"),
    ("data.csv", b"a,b\n1,2\n"),
    ("disguised.txt", b"%PDF-1.4\n%binary"),
])
def test_unsupported_file_type(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert _error(path).code == "E011"


def test_bad_files_do_not_stop_good_ones(tmp_path: Path) -> None:
    (tmp_path / "1_bad.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "2_good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "3_empty.txt").write_bytes(b"")
    found = list(iter_articles([tmp_path / "0_missing.txt", tmp_path]))
    codes = [a.code if isinstance(a, InputError) else "ok" for a in found]
    assert codes == ["E001", "E011", "ok", "E002"]


@pytest.mark.parametrize("line", [
    "On 15 April 2023, farmers staged a protest in Patiala town (Punjab), demanding crop prices. [size=no report]",
    "On 2 May 2023, around 40 residents rallied in Lublin against a new landfill. [size=around 40]",
    "On 12 May 2022, a number of residents demonstrated against the lack of water in the town of Koro (Koro, Mopti). [size=no report]",
])
def test_a_body_line_with_a_trailing_note_is_not_a_title(line: str) -> None:
    """A line that ends a sentence inside it is body text, whatever its last character: taking it for a headline
    dropped the only sentence of the article (and its event)."""
    article = article_from_text(line, input_id="note", published=date(2023, 5, 2))
    assert article.title is None
    events = extract(article)
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


@pytest.mark.parametrize("title", ["U.S. Strikes Hit Militia Sites in Syria", "Clashes Erupt Near Idlib as Talks Stall"])
def test_headlines_are_still_titles(title: str) -> None:
    article = article_from_text(f"{title}\n\nClashes broke out on Monday near the town, a local source said, "
                                "and two fighters were killed in the fighting.", input_id="t")
    assert article.title == title
