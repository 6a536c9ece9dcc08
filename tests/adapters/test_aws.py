"""What only the AWS adapter does: event edge cases, Powertools logs with Lambda context, EMF metrics."""

from __future__ import annotations

import json

import pytest

from adapters.aws import handler as aws
from tests.support.aws_events import EVENT_BUILDERS, FakeLambdaContext, response_body, response_headers


def invoke(kind: str, method: str, path: str, headers: dict[str, str] | None = None, body: bytes | None = None):
    response = aws.handler(EVENT_BUILDERS[kind](method, path, headers or {}, body), FakeLambdaContext())
    return response["statusCode"], response_headers(response), response_body(response), response


def test_mangum_runs_without_lifespan_and_treats_problems_as_text() -> None:
    assert aws.asgi.lifespan == "off"
    assert "application/problem+json" in aws.asgi.config["text_mime_types"]


@pytest.mark.parametrize("kind", sorted(EVENT_BUILDERS))
def test_base64_request_body_on_a_get_only_api_is_a_405_problem(kind: str) -> None:
    status, headers, body, response = invoke(kind, "POST", "/v1/fibonacci/5", body=b'{"n": 5}')
    assert status == 405
    assert headers["content-type"] == "application/problem+json"
    assert response["isBase64Encoded"] is False  # problem+json goes back as text, not base64
    assert json.loads(body)["status"] == 405


@pytest.mark.parametrize("kind", sorted(EVENT_BUILDERS))
def test_multi_value_query_strings_reach_the_app_as_repeats(kind: str) -> None:
    status, _, body, _ = invoke(kind, "GET", "/?n=5&n=6")
    assert status == 422
    assert "given 2 times" in json.loads(body)["detail"]


def test_rest_api_stage_prefix_is_not_part_of_the_route() -> None:
    event = EVENT_BUILDERS["rest-api"]("GET", "/v1/fibonacci/10", {})
    assert event["requestContext"]["path"] == "/prod/v1/fibonacci/10"
    response = aws.handler(event, FakeLambdaContext())
    assert json.loads(response["body"])["value"] == "55"


def test_large_response_stays_text_under_lambdas_6_mb_limit() -> None:
    status, _, body, response = invoke("function-url", "GET", "/?n=6907")
    assert status == 200
    assert response["isBase64Encoded"] is False
    assert len(json.dumps(response)) < 6 * 1024 * 1024
    assert body.count(b", ") == 6906


def test_one_log_line_per_request_with_lambda_context(capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    invoke("http-api", "GET", "/v1/fibonacci/10", headers={"X-Request-ID": "abc-1"})
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in (captured.out + captured.err).splitlines() if line.startswith("{")]
    requests = [line for line in lines if line.get("message") == "request"]
    assert len(requests) == 1
    (entry,) = requests
    assert entry["request_id"] == "abc-1"
    assert entry["route"] == "/v1/fibonacci/{n}"
    assert entry["status"] == 200
    assert entry["function_request_id"] == FakeLambdaContext.aws_request_id
    assert "cold_start" in entry
    assert entry["service"] == "fib"
    assert entry["correlation_id"]  # requestContext.requestId


def test_emf_metrics_by_route_and_status_class(capfd: pytest.CaptureFixture[str]) -> None:
    capfd.readouterr()
    invoke("function-url", "GET", "/v1/fibonacci/10")
    invoke("alb", "GET", "/v1/fibonacci/abc")
    documents = [json.loads(line) for line in capfd.readouterr().out.splitlines() if '"_aws"' in line]
    requests = [d for d in documents if "Requests" in d]
    route = "/v1/fibonacci/{n}"
    assert [(d["route"], d["status_class"]) for d in requests] == [(route, "2xx"), (route, "4xx")]
    first = requests[0]
    metric_names = {m["Name"] for m in first["_aws"]["CloudWatchMetrics"][0]["Metrics"]}
    assert metric_names == {"Requests", "Latency", "ComputeTime"}
    assert first["_aws"]["CloudWatchMetrics"][0]["Namespace"] == "fib"
    assert ["route", "status_class", "service"] in first["_aws"]["CloudWatchMetrics"][0]["Dimensions"]


def test_requests_outside_an_invocation_emit_no_metrics(capfd: pytest.CaptureFixture[str]) -> None:
    from fastapi.testclient import TestClient

    capfd.readouterr()
    TestClient(aws.app).get("/healthz")
    assert '"_aws"' not in capfd.readouterr().out
