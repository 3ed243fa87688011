"""`eventwire serve` as a user runs it: a real uvicorn process on loopback, the URL and review token printed."""
from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from api_corpus import SHARED, ingest, needs_corpus

pytestmark = needs_corpus


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_prints_the_url_and_a_review_token_that_works(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'served.db'}"
    ingest(url, str(SHARED / "seeds" / "004_6fd67dc46b290c98.txt"))
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", url, "--port", str(port),
                             "--review"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert proc.stdout is not None
        first, second = proc.stdout.readline(), proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in first
        token = re.search(r"Bearer (\S+)'", second).group(1)  # type: ignore[union-attr]
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                health = httpx.get(f"{base}/api/health", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        assert health.json() == {"status": "ok", "review": True}
        event = httpx.get(f"{base}/api/events").json()["events"][0]
        body = {"field": "notes", "action": "edit", "value": "checked by hand", "reviewer": "ana"}
        assert httpx.post(f"{base}/api/events/{event['id']}/review", json=body).status_code == 401
        r = httpx.post(f"{base}/api/events/{event['id']}/review", json=body,
                       headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 200 and r.json()["reviewed"] == {"notes": "checked by hand"}
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_on_a_missing_store_is_one_coded_line(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.db"
    result = subprocess.run([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(missing)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stderr.strip().startswith("E023") and "Traceback" not in result.stderr
    assert not missing.exists()
