"""Fixtures for the browser tests: a store holding the seeds (and an article carrying script payloads), a real
uvicorn server over it on a free loopback port, and headless Debian chromium driven through chromedriver.

They skip, saying why, when chromium, chromedriver, selenium or ../shared/seeds are absent
(`bash scripts/browser.sh` installs the first two)."""
from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from eventwire.devdata import shared_dir

ROOT = Path(__file__).resolve().parents[2]
SHARED = shared_dir()  # ../shared or $EVENTWIRE_SHARED
SEEDS = SHARED / "seeds" if SHARED else Path("../shared/seeds")
CHROMIUM = Path(os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("EVENTWIRE_CHROMEDRIVER", "/usr/bin/chromedriver"))
TOKEN = secrets.token_urlsafe(16)

# The flags that keep chromium quiet on a closed network (without them it keeps trying to reach Google).
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage",
                  "--window-size=1400,1000", "--force-device-scale-factor=1", "--lang=en-US"]

# An article whose title and body carry payloads that would run if any of its text were parsed as HTML.
XSS_ARTICLE = """Clashes in Idlib <script>window.__xss = "script";</script> leave five dead

IDLIB, March 3, 2020 - Five fighters were killed on Tuesday when Hayat Tahrir al-Sham militants <img src=x onerror="window.__xss='img'"> clashed with Syrian government forces near the town of Saraqib in Idlib province, local sources said. <b onmouseover="window.__xss='b'">Witnesses</b> said the fighting lasted several hours.
"""

# Another outlet's report of the same clash, so the store holds an event merged from two sources.
SAME_CLASH = """Five fighters dead in Saraqib clashes

SARAQIB, Syria, March 3, 2020 - Hayat Tahrir al-Sham militants clashed with Syrian government forces near Saraqib in Idlib province on Tuesday, killing five fighters, a war monitor said.
"""


def _why_not() -> str | None:
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        return f"chromium or chromedriver absent ({CHROMIUM}, {CHROMEDRIVER}): run `bash scripts/browser.sh`"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (requirements.lock)"
    if not SEEDS.is_dir():
        return f"seeds absent ({SEEDS})"
    return None


def pytest_collection_modifyitems(config, items):
    why = _why_not()
    if why:
        for item in items:
            if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
                item.add_marker(pytest.mark.skip(reason=why))


def _cli(*args: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, "-m", "eventwire.cli", *args], check=True, env=env, cwd=ROOT,
                   stdout=subprocess.DEVNULL)


@pytest.fixture(scope="session")
def seeded_db_url(tmp_path_factory) -> str:
    """A SQLite store holding the two seeds (seed 000 with its publication day), the script-payload article and a
    second report of its clash (merged with it)."""
    tmp = tmp_path_factory.mktemp("browser-store")
    url = f"sqlite:///{tmp / 'web.db'}"
    seeds = sorted(SEEDS.glob("*.txt"))
    first = [p for p in seeds if p.name.startswith("000_")]
    rest = [p for p in seeds if not p.name.startswith("000_")]
    if first:
        _cli("ingest", *map(str, first), "--published", "2015-06-02", "--db", url, "--quiet")
    probe, same = tmp / "xss_probe.txt", tmp / "same_clash.txt"
    probe.write_text(XSS_ARTICLE, encoding="utf-8")
    same.write_text(SAME_CLASH, encoding="utf-8")
    _cli("ingest", *map(str, rest), str(probe), str(same), "--db", url, "--quiet")
    return url


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def base_url(seeded_db_url):
    """A real uvicorn server (review on, token TOKEN) over the store, on a free loopback port."""
    import uvicorn

    from eventwire.api.app import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(seeded_db_url, review_token=TOKEN), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="session")
def _chromium(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never try to download a driver
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def review_token() -> str:
    """The token the test server takes for review changes."""
    return TOKEN


@pytest.fixture
def browser(_chromium, base_url):
    """The session's chromium, on a blank tab of the app with sessionStorage cleared."""
    _chromium.get(base_url + "/static/LICENSES.txt")
    _chromium.execute_script("sessionStorage.clear()")
    _chromium.get_log("browser")  # drained: a plain-text page asks for /favicon.ico, which the app does not serve
    return _chromium


def pytest_report_header(config):
    return f"browser tests: chromium {CHROMIUM} ({'present' if CHROMIUM.exists() else 'absent'})" \
           + ("" if shutil.which("chromedriver") else ", no chromedriver on PATH")
