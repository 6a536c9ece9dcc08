"""schemathesis against the running server's own OpenAPI: every operation, at least 1,000 generated cases.

Checks: no server errors, status codes, content types, headers and bodies conform to the schema. The seed is
fixed so a failure reproduces; change FUZZ_SEED (or unset it: `schemathesis run` picks one) to explore more.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.servers import local_app_server

pytestmark = [pytest.mark.live, pytest.mark.slow]
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "response_headers_conformance",
    ]
)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with local_app_server() as url:
        yield url


def test_schemathesis_finds_nothing_in_1000_cases(base_url: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(SCHEMATHESIS), "run", f"{base_url}/openapi.json", "--checks", CHECKS, "--max-examples", "150",
         "--workers", "1", "--no-color", "--seed", os.environ.get("FUZZ_SEED", "20261204"),
         "--request-timeout", "30"],
        capture_output=True, text=True, timeout=600, check=False, cwd=tmp_path,
        env={**os.environ, "SCHEMATHESIS_TELEMETRY": "false", "HYPOTHESIS_STORAGE_DIRECTORY": str(tmp_path)},
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    generated = re.search(r"(\d+) generated, (\d+) passed", output)
    assert generated, output[-2000:]
    assert int(generated.group(1)) >= 1000
    assert generated.group(1) == generated.group(2)
    assert "Selected: 8/8" in output
