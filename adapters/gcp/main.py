"""Google Cloud Functions (gen2) entry point: target `fibonacci`.

functions-framework serves `aio` functions with uvicorn; a function that returns
an ASGI app hands it the request, so every path reaches fib_core's app.
Log lines follow Cloud Logging's structured format (severity, trace).
"""

from __future__ import annotations

import os

import functions_framework.aio
from starlette.requests import Request

from fib_core.app import app
from fib_core.observability import JsonFormatter, configure_logging

_PROJECT = os.environ.get("GOOGLE_CLOUD_PROJECT", "")
configure_logging(
    formatter=JsonFormatter(
        level_key="severity",
        trace_key="logging.googleapis.com/trace",
        trace_prefix=f"projects/{_PROJECT}/traces/" if _PROJECT else "",
    )
)


@functions_framework.aio.http
async def fibonacci(request: Request) -> object:
    return app
