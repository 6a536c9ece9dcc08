"""`make run`, exactly as the README says, serves real HTTP on 127.0.0.1."""

from __future__ import annotations

import shutil

import httpx
import pytest

from tests.support.servers import free_port, running_server

pytestmark = pytest.mark.live


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_serves_the_api_on_the_given_port() -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running_server(["make", "--no-print-directory", "run", f"PORT={port}"], f"{base}/healthz", timeout=120):
        legacy = httpx.get(f"{base}/?n=5", timeout=30)
        assert legacy.status_code == 200
        assert legacy.text == "0, 1, 1, 2, 3"
        value = httpx.get(f"{base}/v1/fibonacci/100", timeout=30)
        assert value.json() == {"n": 100, "value": "354224848179261915075", "digits": 21}
        bad = httpx.get(f"{base}/?n=-1", timeout=30)
        assert bad.status_code == 422
        assert bad.headers["content-type"] == "application/problem+json"
        assert "server" not in bad.headers  # no server version leak
