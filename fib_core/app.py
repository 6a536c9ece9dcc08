"""The one ASGI app every cloud serves: `fib_core.app:app`.

Endpoints validate strictly, size the response exactly before computing,
answer conditional requests without computing, and only then do the work.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from fib_core import __version__
from fib_core.arithmetic import Backend, select_backend
from fib_core.config import ENV_MAX_N, ENV_MAX_RESPONSE_BYTES, Settings
from fib_core.middleware import RequestContextMiddleware, log_fields
from fib_core.negotiation import IMMUTABLE, choose_media_type, if_none_match_hits, strong_etag
from fib_core.observability import configure_logging, logger
from fib_core.page import PAGE, PAGE_HEADERS
from fib_core.params import parse_whole_number, single_query_value
from fib_core.problems import (
    INVALID_PARAMETER,
    NOT_ACCEPTABLE,
    PROBLEM_MEDIA_TYPE,
    RESPONSE_TOO_LARGE,
    ProblemError,
    from_error,
    problem_response,
)
from fib_core.representations import (
    legacy_body,
    legacy_fit,
    sequence_fit,
    sequence_json,
    value_json,
    value_json_size,
    value_text_size,
)

JSON = "application/json"
HTML = "text/html"
TEXT = "text/plain"
VALUE_MEDIA_TYPES = (JSON, TEXT)
ROUTES = ("/", "/v1/fibonacci/{n}", "/v1/sequence", "/healthz", "/openapi.json", "/docs")
_python_backend_warned = False
# Results up to this size compute on the event loop (microseconds); larger ones in a worker thread.
INLINE_COMPUTE_MAX_BYTES = 20_000
T = TypeVar("T")


def _digits_parameter(name: str, where: str, description: str, maximum: int, required: bool) -> dict[str, Any]:
    return {
        "name": name,
        "in": where,
        "required": required,
        "description": description,
        "schema": {"type": "string", "pattern": "^[0-9]+$", "maxLength": len(str(maximum))},
    }


def _problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    descriptions = {
        304: "Not modified: the ETag in If-None-Match still matches.",
        406: "The Accept header allows none of the offered media types.",
        422: "A parameter is malformed, out of range, or the response would exceed the byte limit.",
    }
    responses: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        if status == 304:
            responses[status] = {"description": descriptions[status]}
        else:
            responses[status] = {
                "description": descriptions[status],
                "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
            }
    return responses


class FibonacciService:
    """Limits, sizing and rendering shared by the endpoints."""

    def __init__(self, backend: Backend, max_n: int, max_response_bytes: int) -> None:
        self.backend = backend
        self.max_n = max_n
        self.max_response_bytes = max_response_bytes

    def largest_fitting_n(self, size_of: Any) -> int:
        """Largest n <= max_n whose response fits the byte budget (sizes grow with n)."""
        low, high = 0, self.max_n
        while low < high:
            middle = (low + high + 1) // 2
            if size_of(middle) <= self.max_response_bytes:
                low = middle
            else:
                high = middle - 1
        return low

    def too_large(self, what: str, size: int | None, hint: str = "", **extensions: Any) -> ProblemError:
        amount = f"be {size:,} bytes, over" if size is not None else "exceed"
        return ProblemError(
            422,
            f"{what} would {amount} the {self.max_response_bytes:,}-byte response limit "
            f"({ENV_MAX_RESPONSE_BYTES}). {hint}".rstrip(),
            RESPONSE_TOO_LARGE,
            max_response_bytes=self.max_response_bytes,
            **extensions,
        )


def _cache_headers(etag: str, vary: bool) -> dict[str, str]:
    """What a deterministic answer and its 304 both carry (RFC 9110: a 304 repeats the validators)."""
    headers = {"Cache-Control": IMMUTABLE, "ETag": etag}
    if vary:
        headers["Vary"] = "Accept"
    return headers


def _cacheable(body: bytes, media_type: str, etag: str, vary: bool = False) -> Response:
    return Response(body, media_type=media_type, headers=_cache_headers(etag, vary))


def _not_modified(request: Request, etag: str, vary: bool = False) -> Response | None:
    if not if_none_match_hits(request.headers.get("if-none-match"), etag):
        return None
    log_fields(request.scope)["not_modified"] = True
    return Response(status_code=304, headers=_cache_headers(etag, vary))


def _query_number(request: Request, name: str, maximum: int, minimum: int = 0, default: int | None = None) -> int:
    raw = single_query_value(name, request.query_params.getlist(name), required=default is None)
    if raw is None:
        assert default is not None  # noqa: S101 - single_query_value raised otherwise
        return default
    return parse_whole_number(name, raw, minimum, maximum)


def _wants_html(accept: str | None) -> bool:
    """Browsers name text/html explicitly; `*/*` alone (curl, SDKs) keeps the original 422 contract."""
    return bool(accept) and "text/html" in str(accept).lower() and choose_media_type(accept, (HTML, TEXT)) == HTML


def _negotiate(request: Request, offered: tuple[str, ...]) -> str:
    """The media type to answer with, or a 406 problem listing what this resource has."""
    media_type = choose_media_type(request.headers.get("accept"), offered)
    if media_type is None:
        raise ProblemError(
            406,
            f"Accept allows none of {', '.join(offered)}, the media types this resource has.",
            NOT_ACCEPTABLE,
            available=list(offered),
        )
    return media_type


async def _compute(request: Request, output_bytes: int, work: Callable[[], T]) -> T:
    """Run the arithmetic, recording its duration as the request's compute_ms.

    Small results are computed on the event loop: a worker-thread hop costs more than the
    work itself (~0.3 ms per request, most of the AWS adapter's overhead). Large ones go to
    a worker thread so the server keeps answering, /healthz included, while they compute.
    """
    started = time.perf_counter()
    if output_bytes <= INLINE_COMPUTE_MAX_BYTES:
        result = work()
    else:
        result = await run_in_threadpool(work)
    log_fields(request.scope)["compute_ms"] = round((time.perf_counter() - started) * 1000, 3)
    return result


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; invalid configuration raises ConfigError here, at start-up."""
    global _python_backend_warned
    settings = settings or Settings.from_env()
    configure_logging(settings.log_level)
    backend = select_backend(settings.backend)
    service = FibonacciService(backend, settings.effective_max_n(backend.name), settings.max_response_bytes)
    if backend.name == "python" and not _python_backend_warned:
        _python_backend_warned = True
        logger.warning(
            "gmpy2 is not in use; computing with pure Python",
            extra={"backend": backend.name, "max_n": service.max_n},
        )

    app = FastAPI(
        title="fib",
        version=__version__,
        summary="Fibonacci numbers of any size, exact, as decimal strings.",
        description=(
            f"Limits on this deployment: n <= {service.max_n:,} ({ENV_MAX_N}); every response body <= "
            f"{service.max_response_bytes:,} bytes ({ENV_MAX_RESPONSE_BYTES}). Errors are RFC 9457 "
            "problem details (application/problem+json)."
        ),
    )
    app.state.service = service
    largest_page = sequence_fit(
        0, service.max_n + 1, "/v1/sequence?start=0&count=0", service.max_response_bytes
    ).max_count
    # Public, read-only, no credentials: any origin may read answers (CORS stance, docs/threat-model.md).
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD"],
        allow_headers=["Accept", "If-None-Match", "X-Request-ID"],
        expose_headers=["ETag", "Link", "X-Request-ID"],
        max_age=86400,
    )
    app.add_middleware(RequestContextMiddleware, backend_name=backend.name)
    _install_error_handlers(app)

    @app.api_route(
        "/",
        methods=["GET", "HEAD"],
        summary="The first n Fibonacci numbers as text (the original contract)",
        description=(
            "`GET /?n=5` answers `0, 1, 1, 2, 3` as text/plain; `n=0` answers an empty body. Without `n`, a client"
            " whose Accept names text/html gets a small page with a form; any other client gets a 422."
        ),
        response_class=Response,
        responses={
            200: {
                "description": "The numbers joined by ', ' (or, without n, the HTML page for browsers).",
                "content": {TEXT: {"schema": {"type": "string"}}, HTML: {"schema": {"type": "string"}}},
            },
            **_problem_responses(304, 422),
        },
        openapi_extra={
            "parameters": [
                _digits_parameter("n", "query", "How many numbers, from F(0).", service.max_n, required=False)
            ]
        },
    )
    async def first_numbers(request: Request) -> Response:
        raw = single_query_value("n", request.query_params.getlist("n"), required=False)
        if raw is None:
            if _wants_html(request.headers.get("accept")):
                return Response(PAGE, media_type="text/html; charset=utf-8", headers=PAGE_HEADERS)
            raise ProblemError(
                422,
                "n is required: GET /?n=5 answers the first 5 numbers. (Browsers asking for HTML get a form here.)",
                INVALID_PARAMETER,
                parameter="n",
            )
        count = parse_whole_number("n", raw, 0, service.max_n)
        log_fields(request.scope).update(n=count)
        fit = legacy_fit(count, service.max_response_bytes)
        if not fit.fits:
            raise service.too_large(
                f"The first {count:,} numbers",
                None,
                max_count=fit.max_count,
                hint=f"At most {fit.max_count:,} fit; page through more with "
                f"/v1/sequence?start={fit.max_count}&count=...",
            )
        etag = strong_etag("legacy", count)
        cached = _not_modified(request, etag)
        if cached:
            return cached
        body = await _compute(request, fit.size, lambda: legacy_body(service.backend.sequence_decimal(0, count)))
        return _cacheable(body, f"{TEXT}; charset=utf-8", etag)

    @app.api_route(
        "/v1/fibonacci/{n}",
        methods=["GET", "HEAD"],
        summary="F(n) as an exact decimal string",
        response_class=Response,
        responses={
            200: {
                "description": "F(n). JSON by default; `Accept: text/plain` gives the bare digits.",
                "content": {
                    JSON: {"schema": {"$ref": "#/components/schemas/FibonacciValue"}},
                    TEXT: {"schema": {"type": "string", "pattern": "^[0-9]+$"}},
                },
            },
            **_problem_responses(304, 406, 422),
        },
        openapi_extra={"parameters": [_digits_parameter("n", "path", "The index n.", service.max_n, required=True)]},
    )
    async def fibonacci_value(request: Request) -> Response:
        n = parse_whole_number("n", request.path_params["n"], 0, service.max_n)
        log_fields(request.scope).update(n=n)
        media_type = _negotiate(request, VALUE_MEDIA_TYPES)
        size_of = value_json_size if media_type == JSON else value_text_size
        size = size_of(n)
        if size > service.max_response_bytes:
            largest = service.largest_fitting_n(size_of)
            raise service.too_large(f"F({n:,}) as {media_type}", size, largest_n=largest)
        etag = strong_etag("value", n, media_type)
        cached = _not_modified(request, etag, vary=True)
        if cached:
            return cached
        digits = await _compute(request, size, lambda: service.backend.fibonacci_decimal(n))
        if media_type == TEXT:
            return _cacheable(digits.encode("ascii"), f"{TEXT}; charset=utf-8", etag, vary=True)
        return _cacheable(value_json(n, digits), JSON, etag, vary=True)

    @app.api_route(
        "/v1/sequence",
        methods=["GET", "HEAD"],
        summary="F(start) .. F(start+count-1), with a link to the next page",
        response_class=Response,
        responses={
            200: {
                "description": "One page of consecutive values; `next` and the Link header point at the next page.",
                "content": {JSON: {"schema": {"$ref": "#/components/schemas/SequencePage"}}},
            },
            **_problem_responses(304, 406, 422),
        },
        openapi_extra={
            "parameters": [
                _digits_parameter(
                    "count",
                    "query",
                    f"How many values (at least 1; at most {largest_page:,} fit from start=0 in the response limit).",
                    largest_page,
                    True,
                ),
                _digits_parameter("start", "query", "Index of the first value (default 0).", service.max_n, False),
            ]
        },
    )
    async def sequence_page(request: Request) -> Response:
        start = _query_number(request, "start", service.max_n, default=0)
        count = _query_number(request, "count", service.max_n - start + 1, minimum=1)
        log_fields(request.scope).update(start=start, count=count)
        _negotiate(request, (JSON,))
        next_start = start + count
        next_link = (
            f"/v1/sequence?start={next_start}&count={min(count, service.max_n - next_start + 1)}"
            if next_start <= service.max_n
            else None
        )
        fit = sequence_fit(start, count, next_link, service.max_response_bytes)
        if not fit.fits:
            raise service.too_large(
                f"count={count:,} values from start={start:,}",
                None,
                max_count=fit.max_count,
                hint=f"The largest count that fits from start={start} is {fit.max_count:,}; "
                f"request /v1/sequence?start={start}&count={fit.max_count} and follow its next link.",
            )
        etag = strong_etag("sequence", start, count, next_link)
        cached = _not_modified(request, etag)
        if cached:
            return cached
        values = await _compute(request, fit.size, lambda: list(service.backend.sequence_decimal(start, count)))
        response = _cacheable(sequence_json(start, count, values, next_link), JSON, etag)
        if next_link:
            response.headers["Link"] = f'<{next_link}>; rel="next"'
        return response

    @app.api_route(
        "/healthz",
        methods=["GET", "HEAD"],
        summary="Liveness: no computation",
        response_model=None,
        responses={200: {"content": {JSON: {"schema": {"$ref": "#/components/schemas/Health"}}}}},
    )
    async def healthz() -> Response:
        return JSONResponse(
            {"status": "ok", "version": __version__, "backend": backend.name},
            headers={"Cache-Control": "no-store"},
        )

    app.openapi_schema = None
    _extend_openapi(app)
    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def on_problem(request: Request, error: ProblemError) -> Response:
        log_fields(request.scope)["problem"] = error.type
        return from_error(error)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, error: StarletteHTTPException) -> Response:
        headers = dict(error.headers or {})
        if error.status_code == 404:
            detail = f"No resource at {request.url.path[:200]!r}. Resources: {', '.join(ROUTES)}."
        elif error.status_code == 405:
            detail = f"{request.method[:20]} is not allowed here; use {headers.get('Allow', 'GET, HEAD')}."
        else:
            detail = str(error.detail)
        return problem_response(error.status_code, detail, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, error: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in item.get('loc', ()))}: {item.get('msg', 'invalid')}"
            for item in error.errors()
        )
        return problem_response(422, f"Invalid request: {problems}.", INVALID_PARAMETER)


def _extend_openapi(app: FastAPI) -> None:
    """Add the schemas the manual responses refer to."""
    base_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        with warnings.catch_warnings():
            # GET and HEAD share one route, so FastAPI derives one operationId for both; made unique below.
            warnings.filterwarnings("ignore", message="Duplicate Operation ID")
            schema = base_openapi()
        for operations in schema.get("paths", {}).values():
            for method, operation in operations.items():
                operation["operationId"] = f"{operation['operationId'].rsplit('_', 1)[0]}_{method}"
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        schemas["FibonacciValue"] = {
            "type": "object",
            "required": ["n", "value", "digits"],
            "properties": {
                "n": {"type": "integer", "minimum": 0},
                "value": {"type": "string", "pattern": "^[0-9]+$", "description": "F(n) in decimal."},
                "digits": {"type": "integer", "minimum": 1},
            },
        }
        schemas["SequencePage"] = {
            "type": "object",
            "required": ["start", "count", "values", "next"],
            "properties": {
                "start": {"type": "integer", "minimum": 0},
                "count": {"type": "integer", "minimum": 1},
                "values": {"type": "array", "items": {"type": "string", "pattern": "^[0-9]+$"}},
                "next": {"type": ["string", "null"]},
            },
        }
        schemas["Health"] = {
            "type": "object",
            "required": ["status", "version", "backend"],
            "properties": {
                "status": {"type": "string", "enum": ["ok"]},
                "version": {"type": "string"},
                "backend": {"type": "string", "enum": ["gmpy2", "python"]},
            },
        }
        schemas["Problem"] = {
            "type": "object",
            "required": ["type", "title", "status", "detail"],
            "properties": {
                "type": {"type": "string"},
                "title": {"type": "string"},
                "status": {"type": "integer"},
                "detail": {"type": "string"},
            },
        }
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


app = create_app()
