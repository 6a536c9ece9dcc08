"""`make smoke` against the local server, so the deploy pipeline's smoke test cannot rot."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from tests.support.servers import ROOT, free_port, local_app_server

pytestmark = pytest.mark.live


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with local_app_server() as url:
        yield url + "/"


def test_make_smoke_passes_against_a_healthy_server(base_url: str) -> None:
    result = subprocess.run(
        ["make", "--no-print-directory", "smoke", f"URL={base_url}", f"PYTHON={sys.executable}"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert sum(line.startswith("PASS ") for line in lines) == 9
    assert lines[-1].startswith("smoke: 9 passed, 0 failed")


def test_smoke_fails_with_exit_code_and_one_line_per_check_when_down() -> None:
    port = free_port()  # nothing listens here
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "smoke.py"), f"http://127.0.0.1:{port}/", "--timeout", "2"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert sum(line.startswith("FAIL ") for line in lines) == 9
    assert lines[-1].startswith("smoke: 0 passed, 9 failed")


def test_smoke_flags_a_latency_budget_breach(base_url: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "smoke.py"), base_url, "--max-latency-ms", "0"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "FAIL latency: median" in result.stdout
