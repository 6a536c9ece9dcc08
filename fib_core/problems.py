"""RFC 9457 problem details: the one shape of every error this service returns."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from starlette.responses import Response

PROBLEM_MEDIA_TYPE = "application/problem+json"

# Problem types: stable identifiers clients can switch on; `about:blank` for plain HTTP errors.
INVALID_PARAMETER = "urn:fib:problem:invalid-parameter"
OUT_OF_RANGE = "urn:fib:problem:out-of-range"
RESPONSE_TOO_LARGE = "urn:fib:problem:response-too-large"
NOT_ACCEPTABLE = "urn:fib:problem:not-acceptable"
INTERNAL_ERROR = "urn:fib:problem:internal-error"


class ProblemError(Exception):
    """Raised anywhere in request handling; rendered as problem+json by the app."""

    def __init__(self, status: int, detail: str, type_: str = "about:blank", **extensions: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.type = type_
        self.extensions = extensions


def problem_body(status: int, detail: str, type_: str = "about:blank", **extensions: Any) -> bytes:
    document: dict[str, Any] = {
        "type": type_,
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    document.update(extensions)
    return json.dumps(document, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def problem_response(
    status: int,
    detail: str,
    type_: str = "about:blank",
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> Response:
    all_headers = {"Cache-Control": "no-store"}
    all_headers.update(headers or {})
    return Response(
        problem_body(status, detail, type_, **extensions),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=all_headers,
    )


def from_error(error: ProblemError) -> Response:
    return problem_response(error.status, error.detail, error.type, **error.extensions)
