"""The contract suite runs once per surface. Add a surface here; never copy the tests."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

from tests.support.servers import ROOT, free_port, local_app_server, running_server
from tests.support.surfaces import AsgiSurface, AzureSurface, HttpSurface, LambdaSurface, Surface


@contextmanager
def _asgi() -> Iterator[Surface]:
    from fib_core.app import create_app

    yield AsgiSurface(create_app())


@contextmanager
def _uvicorn() -> Iterator[Surface]:
    with local_app_server() as url:
        surface = HttpSurface("uvicorn", url)
        try:
            yield surface
        finally:
            surface.close()


def _lambda(kind: str) -> Callable[[], AbstractContextManager[Surface]]:
    @contextmanager
    def start() -> Iterator[Surface]:
        yield LambdaSurface(kind)

    return start


@contextmanager
def _azure() -> Iterator[Surface]:
    surface = AzureSurface()
    try:
        yield surface
    finally:
        surface.close()


@contextmanager
def _functions_framework() -> Iterator[Surface]:
    port = free_port()
    executable = Path(sys.executable).with_name("functions-framework")
    with running_server(
        [str(executable), "--target", "fibonacci", "--source", "adapters/gcp/main.py",
         "--host", "127.0.0.1", "--port", str(port)],
        f"http://127.0.0.1:{port}/healthz",
    ):  # fmt: skip
        surface = HttpSurface("gcp-functions-framework", f"http://127.0.0.1:{port}")
        try:
            yield surface
        finally:
            surface.close()


@contextmanager
def _serverless_offline() -> Iterator[Surface]:
    """`serverless offline` (osls + serverless-offline from package-lock.json) running the handler from source."""
    serverless = ROOT / "node_modules" / ".bin" / "serverless"
    if not serverless.exists():
        pytest.skip("node_modules is missing: `make test` runs `npm ci` first (needs node and npm)")
    http_port, lambda_port = free_port(), free_port()
    venv = Path(sys.prefix)
    with running_server(
        [str(serverless), "offline", "start"],
        f"http://127.0.0.1:{http_port}/healthz",
        env={
            "OFFLINE_HTTP_PORT": str(http_port),
            "OFFLINE_LAMBDA_PORT": str(lambda_port),
            "VIRTUAL_ENV": str(venv),  # serverless-offline runs python3 from $VIRTUAL_ENV/bin
            "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
            "SLS_TELEMETRY_DISABLED": "1",
            "SLS_NOTIFICATIONS_MODE": "off",
            "POWERTOOLS_TRACE_DISABLED": "true",  # no X-Ray daemon on this machine
        },
        timeout=120,
    ):
        surface = HttpSurface("aws-serverless-offline", f"http://127.0.0.1:{http_port}", rewrites_cors=True)
        try:
            yield surface
        finally:
            surface.close()


SURFACES: dict[str, Callable[[], AbstractContextManager[Surface]]] = {
    "asgi": _asgi,
    "uvicorn": _uvicorn,
    "aws-function-url": _lambda("function-url"),
    "aws-http-api": _lambda("http-api"),
    "aws-rest-api": _lambda("rest-api"),
    "aws-alb": _lambda("alb"),
    "azure": _azure,
    "gcp-functions-framework": _functions_framework,
    "aws-serverless-offline": _serverless_offline,
}


@pytest.fixture(scope="session", params=sorted(SURFACES))
def surface(request: pytest.FixtureRequest) -> Iterator[Surface]:
    with SURFACES[request.param]() as started:
        yield started
