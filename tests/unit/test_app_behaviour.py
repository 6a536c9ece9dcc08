"""App behaviour that depends on configuration or failure: limits at their edges, the log line, 500s."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from fib_core.app import create_app
from fib_core.config import Settings
from fib_core.observability import LOGGER_NAME, JsonFormatter
from fib_core.representations import value_json_size


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(JsonFormatter())
        self.lines: list[dict[str, object]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(json.loads(self.format(record)))


@pytest.fixture
def log_lines() -> Iterator[list[dict[str, object]]]:
    """The package's log lines, exactly as the JSON formatter writes them."""
    handler = _Collect()
    logger = logging.getLogger(LOGGER_NAME)
    logger.addHandler(handler)
    try:
        yield handler.lines
    finally:
        logger.removeHandler(handler)


def client(**settings: object) -> TestClient:
    return TestClient(create_app(Settings(**settings)), raise_server_exceptions=False)  # type: ignore[arg-type]


def test_custom_max_n_edges() -> None:
    api = client(max_n=1000)
    assert api.get("/v1/fibonacci/1000").status_code == 200
    over = api.get("/v1/fibonacci/1001")
    assert over.status_code == 422
    assert over.json()["maximum"] == 1000
    assert api.get("/v1/fibonacci/10000").json()["type"] == "urn:fib:problem:out-of-range"  # too many digits
    assert api.get("/v1/sequence?start=998&count=3").json()["next"] is None
    assert api.get("/v1/sequence?start=998&count=4").status_code == 422
    assert api.get("/?n=1000").status_code == 200
    assert api.get("/?n=1001").status_code == 422


def test_value_over_byte_budget_names_largest_n_that_fits() -> None:
    api = client(max_response_bytes=2000)
    largest = max(n for n in range(0, 12_000, 1) if value_json_size(n) <= 2000)
    assert api.get(f"/v1/fibonacci/{largest}").status_code == 200
    assert len(api.get(f"/v1/fibonacci/{largest}").content) <= 2000
    problem = api.get(f"/v1/fibonacci/{largest + 1}").json()
    assert problem["type"] == "urn:fib:problem:response-too-large"
    assert problem["largest_n"] == largest
    assert "2,000-byte" in problem["detail"]
    # The bare-digit representation is smaller, so the same n fits as text.
    assert api.get(f"/v1/fibonacci/{largest + 1}", headers={"Accept": "text/plain"}).status_code == 200


def test_pure_python_backend_defaults_to_one_million() -> None:
    api = client(backend="python")
    assert api.get("/healthz").json()["backend"] == "python"
    assert api.get("/v1/fibonacci/100").json()["value"] == "354224848179261915075"
    assert api.get("/v1/fibonacci/1000001").json()["maximum"] == 1_000_000


def test_one_log_line_per_request_with_its_fields(log_lines: list[dict[str, object]]) -> None:
    api = client()
    api.get("/v1/fibonacci/10", headers={"X-Request-ID": "trace-1"})
    api.get("/v1/sequence?start=2&count=3")
    api.get("/?n=-1")
    assert len(log_lines) == 3
    value, sequence, bad = log_lines
    assert value["message"] == "request"
    assert value["level"] == "INFO"
    assert value["method"] == "GET"
    assert value["route"] == "/v1/fibonacci/{n}"
    assert value["status"] == 200
    assert value["n"] == 10
    assert value["backend"] == "gmpy2"
    assert value["request_id"] == "trace-1"
    assert isinstance(value["latency_ms"], float)
    assert isinstance(value["compute_ms"], float)
    assert (sequence["start"], sequence["count"]) == (2, 3)
    assert bad["status"] == 422
    assert bad["problem"] == "urn:fib:problem:invalid-parameter"


class _Broken:
    name = "gmpy2"

    def fibonacci_decimal(self, n: int) -> str:
        raise RuntimeError("secret internal detail")


def test_unexpected_error_is_a_500_problem_without_internals(log_lines: list[dict[str, object]]) -> None:
    app = create_app(Settings())
    app.state.service.backend = _Broken()
    reply = TestClient(app, raise_server_exceptions=False).get("/v1/fibonacci/10")
    assert reply.status_code == 500
    assert reply.headers["content-type"] == "application/problem+json"
    assert reply.headers["x-content-type-options"] == "nosniff"
    problem = reply.json()
    assert problem["type"] == "urn:fib:problem:internal-error"
    assert problem["request_id"] == reply.headers["x-request-id"]
    assert "secret" not in reply.text
    assert "Traceback" not in reply.text
    (entry,) = log_lines
    assert entry["level"] == "ERROR"
    assert entry["status"] == 500
    assert "secret internal detail" in str(entry["exception"])
    assert "Traceback" in str(entry["exception"])
