"""AWS Lambda entry point (`adapters/aws/handler.handler`).

Mangum turns Function URL, API Gateway (HTTP and REST) and ALB events into ASGI
calls of fib_core's app; Powertools adds the Lambda context to every log line,
EMF metrics per route and status class, and an X-Ray trace.
"""

from __future__ import annotations

import os
from typing import Any

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.metrics import MetricUnit
from mangum import Mangum
from mangum.adapter import DEFAULT_TEXT_MIME_TYPES

from fib_core.app import app
from fib_core.observability import add_request_observer, configure_logging

SERVICE = os.environ.get("POWERTOOLS_SERVICE_NAME", "fib")
# Function URL / HTTP API / REST API carry requestContext.requestId; ALB only the trace header.
CORRELATION_ID_PATH = 'requestContext.requestId || headers."x-amzn-trace-id" || multiValueHeaders."x-amzn-trace-id"[0]'

logger = Logger(service=SERVICE)
metrics = Metrics(namespace=os.environ.get("POWERTOOLS_METRICS_NAMESPACE", "fib"), service=SERVICE)
tracer = Tracer(service=SERVICE, auto_patch=False)  # the app makes no outbound calls to trace

# fib_core's one request line, formatted by Powertools so it carries cold_start, function_request_id, xray_trace_id.
configure_logging(formatter=logger.registered_formatter)


_invocation = {"active": False}


def record_request_metrics(entry: dict[str, Any]) -> None:
    if not _invocation["active"]:  # the app served a request outside a Lambda invocation (tests, local runs)
        return
    metrics.add_dimension(name="route", value=str(entry.get("route") or "unmatched"))
    metrics.add_dimension(name="status_class", value=f"{int(entry['status']) // 100}xx")
    metrics.add_metric(name="Requests", unit=MetricUnit.Count, value=1)
    metrics.add_metric(name="Latency", unit=MetricUnit.Milliseconds, value=float(entry["latency_ms"]))
    if "compute_ms" in entry:
        metrics.add_metric(name="ComputeTime", unit=MetricUnit.Milliseconds, value=float(entry["compute_ms"]))


add_request_observer(record_request_metrics)

asgi = Mangum(app, lifespan="off", text_mime_types=[*DEFAULT_TEXT_MIME_TYPES, "application/problem+json"])


@logger.inject_lambda_context(correlation_id_path=CORRELATION_ID_PATH, clear_state=True)
@tracer.capture_lambda_handler(capture_response=False)  # bodies reach 5 MB; X-Ray segments must stay small
@metrics.log_metrics(capture_cold_start_metric=True)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    _invocation["active"] = True
    try:
        return asgi(event, context)
    finally:
        _invocation["active"] = False
