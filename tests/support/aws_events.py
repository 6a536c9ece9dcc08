"""Real-shaped Lambda events for the four ways an HTTP request reaches the function.

Shapes follow the AWS documentation for Lambda Function URLs (payload 2.0),
API Gateway HTTP APIs (payload 2.0), API Gateway REST APIs (payload 1.0, proxy
integration, with a stage) and Application Load Balancers (multi-value headers on).
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, unquote


@dataclass
class FakeLambdaContext:
    """The attributes Powertools and Mangum read from a Lambda context."""

    function_name: str = "fib"
    function_version: str = "$LATEST"
    memory_limit_in_mb: int = 1024
    invoked_function_arn: str = "arn:aws:lambda:eu-west-1:123456789012:function:fib"
    aws_request_id: str = "c6af9ac6-7b61-11e6-9a41-93e812345678"
    log_group_name: str = "/aws/lambda/fib"
    log_stream_name: str = "2026/12/04/[$LATEST]abc"

    def get_remaining_time_in_millis(self) -> int:
        return 30_000


COOKIES = ["session=abc123", "theme=dark"]
Event = dict[str, Any]


def _split(path: str) -> tuple[str, str]:
    raw_path, _, query = path.partition("?")
    return raw_path, query


def _query_pairs(query: str, decode: bool) -> list[tuple[str, str]]:
    if not query:
        return []
    if decode:
        return parse_qsl(query, keep_blank_values=True)
    return [(k, v) for k, _, v in (part.partition("=") for part in query.split("&") if part)]


def _multi(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    return grouped


def _body_fields(body: bytes | None) -> dict[str, Any]:
    if not body:
        return {"body": None, "isBase64Encoded": False}
    return {"body": base64.b64encode(body).decode(), "isBase64Encoded": True}


def _v2(method: str, path: str, headers: dict[str, str], body: bytes | None, domain: str, route_key: str) -> Event:
    raw_path, query = _split(path)
    pairs = _query_pairs(query, decode=True)
    lower = {k.lower(): v for k, v in headers.items()}
    lower.setdefault("host", domain)
    event: Event = {
        "version": "2.0",
        "routeKey": route_key,
        "rawPath": unquote(raw_path),
        "rawQueryString": query,
        "cookies": COOKIES,
        "headers": lower,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "abcdefghij",
            "domainName": domain,
            "domainPrefix": domain.split(".")[0],
            "http": {
                "method": method,
                "path": unquote(raw_path),
                "protocol": "HTTP/1.1",
                "sourceIp": "127.0.0.1",
                "userAgent": lower.get("user-agent", "contract-tests"),
            },
            "requestId": str(uuid.uuid4()),
            "routeKey": route_key,
            "stage": "$default",
            "time": "04/Dec/2026:20:00:00 +0000",
            "timeEpoch": 1796414400000,
        },
        **_body_fields(body),
    }
    if pairs:
        # API Gateway and Function URLs join repeated parameters with commas here; rawQueryString keeps them apart.
        event["queryStringParameters"] = {k: ",".join(v) for k, v in _multi(pairs).items()}
    return event


def function_url_event(method: str, path: str, headers: dict[str, str], body: bytes | None = None) -> Event:
    return _v2(method, path, headers, body, "abcdefghij.lambda-url.eu-west-1.on.aws", "$default")


def http_api_event(method: str, path: str, headers: dict[str, str], body: bytes | None = None) -> Event:
    event = _v2(method, path, headers, body, "abcdefghij.execute-api.eu-west-1.amazonaws.com", "ANY /{proxy+}")
    event["pathParameters"] = {"proxy": event["rawPath"].lstrip("/")}
    return event


def rest_api_event(method: str, path: str, headers: dict[str, str], body: bytes | None = None) -> Event:
    raw_path, query = _split(path)
    pairs = _query_pairs(query, decode=True)  # REST APIs hand over decoded values
    multi = _multi(pairs)
    decoded_path = unquote(raw_path)
    return {
        "resource": "/{proxy+}",
        "path": decoded_path,
        "httpMethod": method,
        "headers": {**headers, "Host": "abcdefghij.execute-api.eu-west-1.amazonaws.com", "Cookie": "; ".join(COOKIES)},
        "multiValueHeaders": {
            **{k: [v] for k, v in headers.items()},
            "Host": ["abcdefghij.execute-api.eu-west-1.amazonaws.com"],
            "Cookie": ["; ".join(COOKIES)],
        },
        "queryStringParameters": {k: v[-1] for k, v in multi.items()} or None,
        "multiValueQueryStringParameters": multi or None,
        "pathParameters": {"proxy": decoded_path.lstrip("/")},
        "stageVariables": None,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "abcdefghij",
            "httpMethod": method,
            "identity": {"sourceIp": "127.0.0.1", "userAgent": "contract-tests"},
            "path": f"/prod{decoded_path}",  # the stage prefix the client used; `path` above has it stripped
            "protocol": "HTTP/1.1",
            "requestId": str(uuid.uuid4()),
            "resourcePath": "/{proxy+}",
            "stage": "prod",
        },
        **_body_fields(body),
    }


def alb_event(method: str, path: str, headers: dict[str, str], body: bytes | None = None) -> Event:
    raw_path, query = _split(path)
    pairs = _query_pairs(query, decode=False)  # ALB passes parameters still URL-encoded
    return {
        "requestContext": {
            "elb": {"targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/fib/0123456789"}
        },
        "httpMethod": method,
        "path": raw_path,
        "multiValueQueryStringParameters": _multi(pairs),
        "multiValueHeaders": {
            **{k.lower(): [v] for k, v in headers.items()},
            "host": ["fib-alb-123.eu-west-1.elb.amazonaws.com"],
            "cookie": ["; ".join(COOKIES)],
            "x-amzn-trace-id": ["Root=1-5f84c7a9-0e1b2c3d4e5f6a7b8c9d0e1f"],
        },
        **_body_fields(body),
    }


EVENT_BUILDERS: dict[str, Callable[..., Event]] = {
    "function-url": function_url_event,
    "http-api": http_api_event,
    "rest-api": rest_api_event,
    "alb": alb_event,
}


def response_headers(response: dict[str, Any]) -> dict[str, str]:
    headers = {k.lower(): str(v) for k, v in (response.get("headers") or {}).items()}
    for key, values in (response.get("multiValueHeaders") or {}).items():
        headers[key.lower()] = ", ".join(str(v) for v in values)
    return headers


def response_body(response: dict[str, Any]) -> bytes:
    body = response.get("body") or ""
    return base64.b64decode(body) if response.get("isBase64Encoded") else body.encode()
