"""A 10-second `make load` and limit-sized requests next to small ones: zero errors, nothing starves."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator

import httpx
import pytest

from tests.support.servers import ROOT, local_app_server

pytestmark = [pytest.mark.live, pytest.mark.slow]


def test_ten_second_load_has_zero_errors() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "load.py"), "--seconds", "10", "--users", "10"],
        capture_output=True, text=True, timeout=240, check=False, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    summary = result.stdout.strip().splitlines()[-1]
    assert ", 0 failed," in summary
    assert int(summary.split()[1]) > 100  # requests actually flowed


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with local_app_server() as url:
        yield url


def test_healthz_answers_while_the_largest_allowed_value_computes(base_url: str) -> None:
    big: dict[str, httpx.Response] = {}
    started = threading.Event()

    def request_the_limit() -> None:
        started.set()
        big["reply"] = httpx.get(f"{base_url}/v1/fibonacci/10000000", headers={"Accept": "text/plain"}, timeout=120)

    worker = threading.Thread(target=request_the_limit)
    worker.start()
    started.wait()
    health = [httpx.get(f"{base_url}/healthz", timeout=60) for _ in range(3)]
    worker.join(timeout=120)
    assert all(reply.status_code == 200 for reply in health)
    assert big["reply"].status_code == 200
    assert len(big["reply"].content) == 2_089_877
