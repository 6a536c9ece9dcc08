"""Adapter budgets (not tests): artifact sizes, cold-start proxy, per-invocation overhead on AWS.

    make bench          # runs this after bench/arithmetic.py

Medians of repeated runs, contenders interleaved round by round, on whatever machine runs it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]
os.environ.setdefault("POWERTOOLS_TRACE_DISABLED", "true")  # no X-Ray daemon here; same for both contenders

import build_packages  # noqa: E402


@contextlib.contextmanager
def quiet_fds() -> Any:
    """Silence stdout/stderr at the file-descriptor level (loggers hold their own stream objects)."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (*saved, devnull):
            os.close(fd)


def artifact_table() -> None:
    print("## Deployment packages (`make package`)\n")
    print("| artifact | bytes | sha256 (this commit) |")
    print("|---|---|---|")
    with tempfile.TemporaryDirectory() as out:
        variants = [("aws", "arm64", "none", "aws.zip (arm64, default)"),
                    ("aws", "arm64", "sourceless", "aws.zip (arm64, --bytecode sourceless)"),
                    ("aws", "x86_64", "none", "aws.zip (x86_64)"),
                    ("gcp", "arm64", "none", "gcp.zip"), ("azure", "arm64", "none", "azure.zip")]  # fmt: skip
        for index, (cloud, arch, bytecode, label) in enumerate(variants):
            path = build_packages.build(cloud, Path(out) / str(index), arch, bytecode)
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            print(f"| {label} | {path.stat().st_size:,} | `{digest[:16]}…` |")
    print()


def import_microseconds(module: str) -> int:
    """Cumulative import time of `module` in a fresh interpreter (bytecode already cached)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True, text=True, cwd=ROOT, check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    for line in reversed(result.stderr.splitlines()):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[2] == module:
            return int(parts[1])
    raise RuntimeError(f"no import time for {module}")


def cold_start_table(rounds: int = 7) -> None:
    modules = {
        "bare `import fastapi` (baseline)": "fastapi",
        "fib_core.app": "fib_core.app",
        "AWS adapters.aws.handler": "adapters.aws.handler",
        "GCP adapters.gcp.main": "adapters.gcp.main",
        "Azure adapters.azure.function_app": "adapters.azure.function_app",
    }
    for module in modules.values():  # warm the bytecode cache
        import_microseconds(module)
    samples: dict[str, list[int]] = {label: [] for label in modules}
    for _ in range(rounds):
        for label, module in modules.items():
            samples[label].append(import_microseconds(module))
    baseline = statistics.median(samples["bare `import fastapi` (baseline)"])
    print(f"## Cold-start proxy: import time with bytecode compiled (Python {sys.version.split()[0]})\n")
    print("| module | median | vs bare fastapi |")
    print("|---|---|---|")
    for label, values in samples.items():
        median = statistics.median(values)
        print(f"| {label} | {median / 1000:.0f} ms | {median / baseline:.2f}x |")
    print()


def overhead_table(rounds: int = 3000) -> None:
    import json

    from aws_lambda_powertools import Logger, Metrics, Tracer
    from aws_lambda_powertools.event_handler import LambdaFunctionUrlResolver, Response
    from aws_lambda_powertools.metrics import MetricUnit

    import adapters.aws.handler as aws
    from fib_core.arithmetic import select_backend
    from fib_core.params import parse_whole_number
    from fib_core.representations import value_json
    from tests.support.aws_events import FakeLambdaContext, function_url_event

    backend = select_backend()
    logger = Logger(service="fib-alternative")
    metrics = Metrics(namespace="fib", service="fib-alternative")
    tracer = Tracer(service="fib-alternative", auto_patch=False)
    resolver = LambdaFunctionUrlResolver()

    @resolver.get("/v1/fibonacci/<n>")
    def value(n: str) -> Response[str]:
        started = time.perf_counter()
        index = parse_whole_number("n", n, 0, 10_000_000)
        body = value_json(index, backend.fibonacci_decimal(index)).decode()
        latency = (time.perf_counter() - started) * 1000
        logger.info("request", extra={"route": "/v1/fibonacci/{n}", "status": 200, "n": index, "latency_ms": latency})
        metrics.add_dimension(name="route", value="/v1/fibonacci/{n}")
        metrics.add_metric(name="Requests", unit=MetricUnit.Count, value=1)
        metrics.add_metric(name="Latency", unit=MetricUnit.Milliseconds, value=latency)
        return Response(200, "application/json", body, headers={"Cache-Control": "public, max-age=31536000"})

    @logger.inject_lambda_context(correlation_id_path="requestContext.requestId", clear_state=True)
    @tracer.capture_lambda_handler(capture_response=False)
    @metrics.log_metrics
    def alternative(event: dict[str, Any], context: Any) -> dict[str, Any]:
        return resolver.resolve(event, context)

    event, context = function_url_event("GET", "/v1/fibonacci/10", {}), FakeLambdaContext()
    contenders = {
        "fib: Mangum + FastAPI + Powertools (adapters/aws/handler.py)": lambda: aws.handler(event, context),
        "fib without Powertools decorators (Mangum + FastAPI only)": lambda: aws.asgi(event, context),
        "alternative: Powertools LambdaFunctionUrlResolver, same decorators": lambda: alternative(event, context),
    }
    samples: dict[str, list[float]] = {label: [] for label in contenders}
    with quiet_fds():
        for work in contenders.values():
            assert json.loads(work()["body"])["value"] == "55"
        for _ in range(rounds):
            for label, work in contenders.items():
                started = time.perf_counter()
                work()
                samples[label].append(time.perf_counter() - started)
    reference = statistics.median(samples["alternative: Powertools LambdaFunctionUrlResolver, same decorators"])
    print("## AWS per-invocation overhead, GET /v1/fibonacci/10 as a Function URL event, in process\n")
    print("| handler | median | vs alternative |")
    print("|---|---|---|")
    for label, values in samples.items():
        median = statistics.median(values)
        print(f"| {label} | {median * 1e6:.0f} µs | {median / reference:.2f}x |")
    print()


def main() -> None:
    artifact_table()
    cold_start_table()
    overhead_table()


if __name__ == "__main__":
    main()
