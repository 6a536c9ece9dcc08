"""Smoke-test a deployed fib endpoint against the API contract.

    make smoke URL=https://abc.lambda-url.eu-west-1.on.aws/
    python tools/smoke.py https://... [--max-latency-ms 3000] [--timeout 15]

One line per check (PASS/FAIL, name, detail) and exit code 0 only when every check passes. Standard
library only, so a pipeline can run it before installing anything.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

IMMUTABLE = "public, max-age=31536000, immutable"


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float

    def json(self) -> object:
        return json.loads(self.body)


class Client:
    def __init__(self, base_url: str, timeout: float) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def get(self, path: str, headers: dict[str, str] | None = None) -> Answer:
        request = urllib.request.Request(self.base_url + path, headers=headers or {}, method="GET")  # noqa: S310
        started = time.perf_counter()
        try:
            # nosec B310: main() accepts only http:// and https:// URLs, given by the operator.
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310  # nosec B310
                body, status, raw_headers = response.read(), response.status, response.headers
        except urllib.error.HTTPError as error:
            body, status, raw_headers = error.read(), error.code, error.headers
        return Answer(status, {k.lower(): v for k, v in raw_headers.items()}, body, time.perf_counter() - started)


class CheckFailed(Exception):
    pass


def expect(condition: bool, detail: str) -> None:
    if not condition:
        raise CheckFailed(detail)


def checks(client: Client, max_latency_ms: float) -> list[tuple[str, Callable[[], str]]]:
    def healthz() -> str:
        answer = client.get("/healthz")
        expect(answer.status == 200, f"status {answer.status}")
        document = answer.json()
        if not isinstance(document, dict) or document.get("status") != "ok":
            raise CheckFailed(f"body {answer.body[:200]!r}")
        expect(answer.headers.get("cache-control") == "no-store", "Cache-Control is not no-store")
        return f"version {document.get('version')} backend {document.get('backend')}"

    def legacy() -> str:
        answer = client.get("/?n=5")
        expect(answer.status == 200 and answer.body == b"0, 1, 1, 2, 3", f"{answer.status} {answer.body[:80]!r}")
        return "GET /?n=5 -> 0, 1, 1, 2, 3"

    def known_value() -> str:
        answer = client.get("/v1/fibonacci/100")
        expected = {"n": 100, "value": "354224848179261915075", "digits": 21}
        expect(answer.status == 200 and answer.json() == expected, f"{answer.status} {answer.body[:120]!r}")
        return "F(100) = 354224848179261915075"

    def large_value() -> str:
        answer = client.get("/v1/fibonacci/20578", headers={"Accept": "text/plain"})
        expect(answer.status == 200 and len(answer.body) == 4301, f"{answer.status}, {len(answer.body)} digits")
        return "F(20578) has 4,301 digits (past Python's str() limit)"

    def sequence() -> str:
        answer = client.get("/v1/sequence?start=10&count=3")
        document = answer.json()
        expect(answer.status == 200, f"status {answer.status}")
        expect(isinstance(document, dict) and document.get("values") == ["55", "89", "144"], f"{document}")
        expect('rel="next"' in answer.headers.get("link", ""), "no Link rel=next")
        return "values 55, 89, 144 and a next link"

    def problem() -> str:
        answer = client.get("/v1/fibonacci/-1")
        expect(answer.status == 422, f"status {answer.status}")
        expect(answer.headers.get("content-type", "").startswith("application/problem+json"), "not problem+json")
        document = answer.json()
        expect(isinstance(document, dict) and {"type", "title", "status", "detail"} <= set(document), f"{document}")
        return "422 application/problem+json with type, title, status, detail"

    def caching() -> str:
        answer = client.get("/v1/fibonacci/10")
        expect(answer.headers.get("cache-control") == IMMUTABLE, f"Cache-Control {answer.headers.get('cache-control')}")
        etag = answer.headers.get("etag", "")
        expect(etag.startswith('"'), f"ETag {etag!r}")
        again = client.get("/v1/fibonacci/10", headers={"If-None-Match": etag})
        expect(again.status == 304, f"conditional GET gave {again.status}")
        return f"immutable, ETag {etag}, 304 on If-None-Match"

    def security_headers() -> str:
        answer = client.get("/v1/fibonacci/1")
        expect(answer.headers.get("x-content-type-options") == "nosniff", "no X-Content-Type-Options: nosniff")
        expect(bool(answer.headers.get("x-request-id")), "no X-Request-ID")
        return "nosniff, X-Request-ID"

    def latency() -> str:
        samples = sorted(client.get("/v1/fibonacci/1000").seconds * 1000 for _ in range(5))
        median = samples[len(samples) // 2]
        expect(median <= max_latency_ms, f"median {median:.0f} ms over {max_latency_ms:.0f} ms")
        return f"median {median:.0f} ms over 5 requests (limit {max_latency_ms:.0f} ms)"

    return [
        ("healthz", healthz),
        ("legacy", legacy),
        ("known-value", known_value),
        ("large-value", large_value),
        ("sequence", sequence),
        ("problem-json", problem),
        ("caching", caching),
        ("security-headers", security_headers),
        ("latency", latency),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="base URL of the deployment, e.g. https://abc.lambda-url.eu-west-1.on.aws/")
    parser.add_argument("--max-latency-ms", type=float, default=3000.0, help="median latency budget (default 3000)")
    parser.add_argument("--timeout", type=float, default=15.0, help="seconds per request (default 15)")
    options = parser.parse_args(argv)
    if not options.url.startswith(("http://", "https://")):
        parser.error("url must start with http:// or https://")
    client = Client(options.url, options.timeout)
    failures = 0
    for name, check in checks(client, options.max_latency_ms):
        try:
            print(f"PASS {name}: {check()}", flush=True)
        except (CheckFailed, OSError, ValueError) as error:
            failures += 1
            print(f"FAIL {name}: {error}", flush=True)
    total = len(checks(client, options.max_latency_ms))
    print(f"smoke: {total - failures} passed, {failures} failed against {options.url}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
