"""What only the GCP adapter does: Cloud Logging's structured format, with the request's trace."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx

from tests.support.servers import free_port, running_server


def test_log_lines_are_cloud_logging_structured_json_with_trace(tmp_path: Path) -> None:
    import sys

    port = free_port()
    log = tmp_path / "functions-framework.log"
    executable = Path(sys.executable).with_name("functions-framework")
    with running_server(
        [str(executable), "--target", "fibonacci", "--source", "adapters/gcp/main.py",
         "--host", "127.0.0.1", "--port", str(port)],
        f"http://127.0.0.1:{port}/healthz",
        env={"GOOGLE_CLOUD_PROJECT": "demo-project"},
        log_path=log,
    ):  # fmt: skip
        trace = "4bf92f3577b34da6a3ce929d0e0e4736"
        httpx.get(f"http://127.0.0.1:{port}/v1/fibonacci/10", headers={"X-Cloud-Trace-Context": f"{trace}/1;o=1"})
        httpx.get(f"http://127.0.0.1:{port}/nope", headers={"traceparent": f"00-{trace}-00f067aa0ba902b7-01"})
        time.sleep(0.5)
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    requests = [line for line in lines if line.get("message") == "request" and line.get("path") != "/healthz"]
    assert [line["status"] for line in requests] == [200, 404]
    for line in requests:
        assert line["severity"] == "INFO"
        assert line["logging.googleapis.com/trace"] == f"projects/demo-project/traces/{trace}"
        assert "level" not in line
