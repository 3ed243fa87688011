"""The web app in a real browser (headless Debian chromium) over a real server holding the seeds: the map and the
list show the stored events, a field's click marks exactly its evidence characters, the flows diagram shows the
seeds' defections, a review edit survives a reload and reaches the reviewed export, and an article carrying
script payloads runs none of them."""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import httpx
import pytest

pytest.importorskip("selenium", reason="selenium is not installed (requirements.lock)")
from selenium.common.exceptions import (  # noqa: E402
    NoAlertPresentException, NoSuchElementException, StaleElementReferenceException, TimeoutException)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

WAIT = 20


def api(base_url: str, path: str, **params):
    r = httpx.get(base_url + path, params=params, timeout=30)
    r.raise_for_status()
    return r.json()


def wait_for(driver, predicate, what: str):
    """predicate(driver) until truthy (its value), or fail naming what did not happen. The app re-renders a
    view after a change, so an element found a moment ago may be gone: that is retried, not failed."""
    try:
        return WebDriverWait(driver, WAIT, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)
                             ).until(lambda d: predicate(d))
    except TimeoutException as exc:  # it carries no message worth reading
        logs = [e["message"] for e in driver.get_log("browser")][-5:]
        status = driver.execute_script("const s = document.getElementById('review-status'); return s && s.textContent")
        raise AssertionError(f"timed out waiting for {what} at {driver.current_url}; status line: {status!r}; "
                             f"browser log: {logs}") from exc


def assert_no_browser_errors(driver) -> None:
    """Nothing the page did failed: no script error, no refused resource, no CSP violation (chromium logs each
    as SEVERE)."""
    severe = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not severe, severe


def map_marker_total(driver) -> int:
    """Events drawn on the map: single circles plus the counts written on cluster bubbles."""
    singles = len(driver.find_elements(By.CSS_SELECTOR, "#map path.ew-marker"))
    clusters = sum(int(el.text) for el in driver.find_elements(By.CSS_SELECTOR, "#map .marker-cluster span")
                   if el.text.strip().isdigit())
    return singles + clusters


def test_map_and_list_show_the_stored_events(browser, base_url):
    every = api(base_url, "/api/events", limit=1000)
    placed = [e for e in every["events"] if e["lat"] is not None and e["lon"] is not None]
    assert every["total"] >= 10 and len(placed) >= 10  # two seeds (7 events each, some merged) and the probe

    browser.get(base_url + "/")
    wait_for(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#event-list tbody tr")) == every["total"],
             f"{every['total']} rows in the event list")
    wait_for(browser, lambda d: map_marker_total(d) == len(placed), f"{len(placed)} events on the map")
    assert browser.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive, #map svg path"), "no country layer"
    listed = {tr.get_attribute("data-id") for tr in browser.find_elements(By.CSS_SELECTOR, "#event-list tbody tr")}
    assert listed == {e["id"] for e in every["events"]}
    assert "Tell Abiad" in browser.find_element(By.ID, "event-list").text
    assert_no_browser_errors(browser)


def test_filters_in_the_url_narrow_map_and_list(browser, base_url):
    battles = api(base_url, "/api/events", type="Battles", limit=1000)
    assert 0 < battles["total"] < api(base_url, "/api/events", limit=1)["total"]
    browser.get(base_url + "/?type=Battles")
    wait_for(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#event-list tbody tr")) == battles["total"],
             "the list filtered to Battles")
    assert browser.find_element(By.CSS_SELECTOR, "#filters input[name=type]").get_attribute("value") == "Battles"
    rows = browser.find_elements(By.CSS_SELECTOR, "#event-list tbody tr td:nth-child(2)")
    assert all("Battles" in r.text for r in rows)


def test_brushing_the_timeline_filters_map_and_list(browser, base_url):
    from urllib.parse import parse_qs, urlparse

    from selenium.webdriver.common.action_chains import ActionChains

    everything = api(base_url, "/api/events", limit=1)["total"]
    browser.get(base_url + "/timeline")
    svg = wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline svg rect.bar"), "timeline bars")
    svg = browser.find_element(By.CSS_SELECTOR, "#timeline svg")
    width = svg.size["width"]
    (ActionChains(browser).move_to_element_with_offset(svg, int(-width * 0.4), 0).click_and_hold()
     .move_by_offset(int(width * 0.45), 0).release().perform())
    wait_for(browser, lambda d: "since=" in d.current_url and "until=" in d.current_url, "since/until in the URL")
    q = {k: v[0] for k, v in parse_qs(urlparse(browser.current_url).query).items()}
    picked = api(base_url, "/api/events", since=q["since"], until=q["until"], limit=1000)
    assert 0 < picked["total"] < everything
    wait_for(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#event-list tbody tr")) == picked["total"],
             f"the list narrowed to {picked['total']} events")
    placed = sum(1 for e in picked["events"] if e["lat"] is not None)
    wait_for(browser, lambda d: map_marker_total(d) == placed, f"the map narrowed to {placed} events")
    assert browser.find_element(By.CSS_SELECTOR, "#timeline rect.brush").get_attribute("visibility") == "visible"


def _event_with_field(base_url: str, field: str) -> dict:
    for ev in api(base_url, "/api/events", limit=1000)["events"]:
        full = api(base_url, f"/api/events/{ev['id']}")
        if any(e["field"] == field for e in full["evidence"]):
            return full
    pytest.fail(f"no stored event has evidence for {field}")


@pytest.mark.parametrize("field", ["actor:actor1", "location", "defection:to_group"])
def test_clicking_a_field_marks_its_evidence(browser, base_url, field):
    ev = _event_with_field(base_url, field)
    spans = [e for e in ev["evidence"] if e["field"] == field]
    texts = {a["id"]: a["text"] for a in ev["articles"]}
    browser.get(f"{base_url}/events/{ev['id']}")
    row = wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, f"table.fields tr[data-evidence='{field}']"),
                   f"the {field} row")[0]
    assert not browser.find_elements(By.CSS_SELECTOR, "mark.evidence")
    row.find_element(By.TAG_NAME, "th").click()
    marks = wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "mark.evidence"), "evidence marks")
    got = sorted((m.find_element(By.XPATH, "ancestor::div[@data-article]").get_attribute("data-article"),
                  int(m.get_attribute("data-start")), int(m.get_attribute("data-end")),
                  browser.execute_script("return arguments[0].textContent", m)) for m in marks)
    want = sorted((e["article_id"], e["start"], e["end"], e["text"]) for e in spans)
    assert got == want  # the same characters as the API's evidence (non-overlapping spans here)
    for article_id, start, end, text in got:
        assert texts[article_id][start:end] == text
    # the article's text is intact around the marks
    for el in browser.find_elements(By.CSS_SELECTOR, "div.article-text"):
        assert browser.execute_script("return arguments[0].textContent", el) == texts[el.get_attribute("data-article")]
    assert_no_browser_errors(browser)


def test_flows_show_the_seeds_defections(browser, base_url):
    browser.get(base_url + "/flows")
    flows = wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#sankey path.flow"), "sankey flows")
    ends = {(f.get_attribute("data-from"), f.get_attribute("data-to")) for f in flows}
    assert any("Islamic State" in a and "Jabhat Fateh al-Sham" in b for a, b in ends), ends
    assert any("Islamic State" in a and "Turkey" in b for a, b in ends), ends
    labels = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "#sankey text.node-label")]
    assert any("Jabhat Fateh al-Sham" in t for t in labels) and any("Turkey" in t for t in labels), labels
    assert browser.find_elements(By.CSS_SELECTOR, "#trend .trend-group svg rect"), "no monthly dissent bars"
    assert_no_browser_errors(browser)


def _login(browser, base_url, path: str, token: str) -> None:
    browser.get(base_url + path)
    box = wait_for(browser, lambda d: d.find_elements(By.ID, "review-token"), "the review token box")[0]
    box.send_keys(token)
    browser.find_element(By.ID, "review-reviewer").send_keys("browser-test")
    browser.find_element(By.ID, "review-save").click()


def test_a_review_edit_survives_a_reload_and_reaches_the_reviewed_export(browser, base_url, review_token):
    ev = next(e for e in api(base_url, "/api/events", limit=1000)["events"] if (e.get("location") or {}).get("name"))
    machine = ev["location"]["name"]
    _login(browser, base_url, f"/events/{ev['id']}", review_token)
    edit = wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "tr[data-field='location'] button.edit"),
                    "the location row's edit button")[0]
    edit.click()
    box = browser.find_element(By.CSS_SELECTOR, "tr[data-field='location'] input.edit-value")
    box.clear()
    box.send_keys("Reviewed Town")
    browser.find_element(By.CSS_SELECTOR, "tr[data-field='location'] button.save").click()
    wait_for(browser, lambda d: "saved" in d.find_element(By.ID, "review-status").text, "the edit to be saved")

    browser.refresh()
    cell = wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "tr[data-field='location'] .reviewed"),
                    "the reviewed value after reload")[0]
    assert cell.text == "Reviewed Town"
    assert browser.find_element(By.CSS_SELECTOR, "tr[data-field='location'] del.machine").text == machine
    assert api(base_url, f"/api/events/{ev['id']}")["location"]["name"] == machine  # the original is kept
    rows = list(csv.DictReader(io.StringIO(httpx.get(base_url + "/api/events.csv",
                                                     params={"reviewed": "true"}, timeout=30).text)))
    assert any(r.get("location") == "Reviewed Town" for r in rows), [r.get("location") for r in rows]
    revisions = httpx.get(f"{base_url}/api/events/{ev['id']}/revisions", timeout=30).json()
    assert "Reviewed Town" in str(revisions) and "browser-test" in str(revisions)
    # the list shows the machine's values unless asked for the reviewed ones
    row = f"#event-list tbody tr[data-id='{ev['id']}']"
    browser.get(base_url + "/?reviewed=true")
    wait_for(browser, lambda d: "Reviewed Town" in d.find_element(By.CSS_SELECTOR, row).text, "the reviewed list")
    browser.get(base_url + "/")
    wait_for(browser, lambda d: machine in d.find_element(By.CSS_SELECTOR, row).text, "the machine's list")
    assert "Reviewed Town" not in browser.find_element(By.CSS_SELECTOR, row).text


def test_untrusted_article_text_runs_nothing(browser, base_url):
    probe = next(e for e in api(base_url, "/api/events", q="Saraqib", limit=10)["events"])
    full = api(base_url, f"/api/events/{probe['id']}")
    article = next(a for a in full["articles"] if "<script>" in a["text"])
    assert "onerror=" in article["text"]
    for path in ["/", "/?q=Saraqib", f"/events/{probe['id']}"]:  # the event view last: checked below
        browser.get(base_url + path)
        wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#event-list tbody tr, div.article-text"),
                 f"{path} to render")
        browser.execute_script("window.scrollTo(0, document.body.scrollHeight)")
        for el in browser.find_elements(By.CSS_SELECTOR, "div.article-text, table.fields"):
            browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))", el)
        assert browser.execute_script("return window.__xss") is None, path
        with pytest.raises(NoAlertPresentException):
            browser.switch_to.alert.text  # noqa: B018 (an alert would be a run script)
    # the payloads are shown as text, not parsed into elements
    text = browser.find_element(By.CSS_SELECTOR, f"div.article-text[data-article='{article['id']}']")
    assert "<script>" in text.text and 'onerror="window.__xss' in text.text
    assert not browser.find_elements(By.CSS_SELECTOR, "div.article-text *:not(mark), table.fields img, h3 script")
    # the Content-Security-Policy forbids inline script: one added to the live page does not run
    browser.execute_script("const s = document.createElement('script'); s.textContent = 'window.__inline = 1';"
                           "document.body.append(s);")
    assert browser.execute_script("return window.__inline") is None
    csp = httpx.get(base_url + "/", timeout=30).headers["content-security-policy"]
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    assert directives["script-src"] == ["'self'"] and "'unsafe-inline'" not in csp


def test_merged_sources_side_by_side_and_a_split(browser, base_url, review_token):
    merged = next(e for e in api(base_url, "/api/events", q="Saraqib", limit=10)["events"] if e["n_sources"] == 2)
    full = api(base_url, f"/api/events/{merged['id']}")
    before = api(base_url, "/api/events", limit=1)["total"]
    _login(browser, base_url, f"/events/{merged['id']}", review_token)
    cards = wait_for(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "section.articles article.source")) == 2
                     and d.find_elements(By.CSS_SELECTOR, "article.source button.split"), "two sources with split buttons")
    boxes = [c.rect for c in browser.find_elements(By.CSS_SELECTOR, "section.articles article.source")]
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 5 and boxes[0]["x"] != boxes[1]["x"]  # side by side
    leaving = full["articles"][1]
    card = next(c for c in browser.find_elements(By.CSS_SELECTOR, "article.source")
                if c.find_element(By.CSS_SELECTOR, "div.article-text").get_attribute("data-article") == leaving["id"])
    card.find_element(By.CSS_SELECTOR, "button.split").click()
    wait_for(browser, lambda d: "Split off" in d.find_element(By.ID, "review-status").text, "the split to be done")
    assert len(browser.find_elements(By.CSS_SELECTOR, "section.articles article.source")) == 1
    assert api(base_url, "/api/events", limit=1)["total"] == before + 1
    assert api(base_url, f"/api/events/{merged['id']}")["n_sources"] == 1


def test_screenshots(browser, base_url, tmp_path):
    """The map, an event view and the flows page as PNGs (into $EVENTWIRE_SCREENSHOTS when set, e.g. docs/
    screenshots); each must be a real picture of the page, not a blank one."""
    out = Path(os.environ.get("EVENTWIRE_SCREENSHOTS", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    defection = next(e for e in api(base_url, "/api/events", limit=1000)["events"]
                     if e["kind"] == "defection" and (e.get("defection") or {}).get("to_group"))
    shots = {"map.png": ("/", "#map path.ew-marker, #map .marker-cluster"),
             "event.png": (f"/events/{defection['id']}", "table.fields tr[data-evidence='actor:actor2']"),
             "flows.png": ("/flows", "#sankey path.flow")}
    for name, (path, ready) in shots.items():
        browser.get(base_url + path)
        el = wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ready), f"{path} to render")[0]
        if name == "event.png":
            el.find_element(By.TAG_NAME, "th").click()
            browser.execute_script("window.scrollTo(0, 0)")
        browser.execute_script("return new Promise(r => setTimeout(r, 600))")  # let the map settle
        png = browser.get_screenshot_as_png()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000, name
        (out / name).write_bytes(png)
