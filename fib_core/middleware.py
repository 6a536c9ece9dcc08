"""Pure-ASGI middleware: request id, security headers, HEAD bodies, one log line per request, no 500 leaks."""

from __future__ import annotations

import re
import time
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fib_core.observability import logger, notify_request_observers
from fib_core.problems import INTERNAL_ERROR, PROBLEM_MEDIA_TYPE, problem_body

REQUEST_ID_HEADER = "x-request-id"
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_LOG_FIELDS_KEY = "fib_log_fields"
_MAX_LOGGED_PATH = 256
_TRACEPARENT = re.compile(r"[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}")
_CLOUD_TRACE = re.compile(r"([0-9a-fA-F]{32})(?:/|$)")


def log_fields(scope: Scope) -> dict[str, Any]:
    """Per-request fields that endpoints add to the request's log line."""
    state = scope.setdefault("state", {})
    fields: dict[str, Any] = state.setdefault(_LOG_FIELDS_KEY, {})
    return fields


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _incoming_request_id(scope: Scope) -> str | None:
    text = _header(scope, REQUEST_ID_HEADER.encode())
    return text if text is not None and _VALID_REQUEST_ID.fullmatch(text) else None


def _trace_id(scope: Scope) -> str | None:
    """The trace id from W3C `traceparent` or Google's `X-Cloud-Trace-Context`, if well-formed."""
    traceparent = _header(scope, b"traceparent")
    if traceparent:
        match = _TRACEPARENT.fullmatch(traceparent.strip())
        if match and match.group(1) != "0" * 32:
            return match.group(1)
    cloud_trace = _header(scope, b"x-cloud-trace-context")
    if cloud_trace:
        match = _CLOUD_TRACE.match(cloud_trace.strip())
        if match:
            return match.group(1)
    return None


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, backend_name: str) -> None:
        self.app = app
        self.backend_name = backend_name

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = _incoming_request_id(scope) or uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        is_head = scope["method"] == "HEAD"
        status = 500
        response_started = False
        extra_headers = [
            (REQUEST_ID_HEADER.encode(), request_id.encode()),
            (b"x-content-type-options", b"nosniff"),
        ]

        async def send_with_context(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = message["status"]
                response_started = True
                message = {**message, "headers": [*message.get("headers", []), *extra_headers]}
            elif message["type"] == "http.response.body" and is_head and message.get("body"):
                # HEAD carries the GET headers (Content-Length included) but never the body.
                message = {**message, "body": b""}
            await send(message)

        error: BaseException | None = None
        try:
            await self.app(scope, receive, send_with_context)
        except Exception as exc:
            error = exc
            if not response_started:
                body = problem_body(
                    500,
                    f"The server failed to answer this request. Quote request id {request_id} when reporting it.",
                    INTERNAL_ERROR,
                    request_id=request_id,
                )
                await send_with_context(
                    {
                        "type": "http.response.start",
                        "status": 500,
                        "headers": [
                            (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                            (b"content-length", str(len(body)).encode()),
                            (b"cache-control", b"no-store"),
                        ],
                    }
                )
                await send_with_context({"type": "http.response.body", "body": body})
        finally:
            route = scope.get("route")
            entry: dict[str, Any] = {
                "method": scope["method"],
                "route": getattr(route, "path", None),
                "path": str(scope.get("path", ""))[:_MAX_LOGGED_PATH],
                "status": status,
                "latency_ms": round((time.perf_counter() - started) * 1000, 3),
                "backend": self.backend_name,
                "request_id": request_id,
                **log_fields(scope),
            }
            trace_id = _trace_id(scope)
            if trace_id:
                entry["trace_id"] = trace_id
            if error is not None:
                logger.error("request failed", extra=entry, exc_info=error)
            else:
                logger.info("request", extra=entry)
            notify_request_observers(entry)
