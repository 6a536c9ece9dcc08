"""The contract suite runs once per surface. Add a surface here; never copy the tests."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest

from tests.support.servers import free_port, running_server
from tests.support.surfaces import AsgiSurface, HttpSurface, Surface


@contextmanager
def _asgi() -> Iterator[Surface]:
    from fib_core.app import create_app

    yield AsgiSurface(create_app())


@contextmanager
def _uvicorn() -> Iterator[Surface]:
    port = free_port()
    with running_server(
        [sys.executable, "-m", "fib_core"],
        f"http://127.0.0.1:{port}/healthz",
        env={"PORT": str(port), "HOST": "127.0.0.1"},
    ):
        surface = HttpSurface("uvicorn", f"http://127.0.0.1:{port}")
        try:
            yield surface
        finally:
            surface.close()


SURFACES: dict[str, Callable[[], AbstractContextManager[Surface]]] = {
    "asgi": _asgi,
    "uvicorn": _uvicorn,
}


@pytest.fixture(scope="session", params=sorted(SURFACES))
def surface(request: pytest.FixtureRequest) -> Iterator[Surface]:
    with SURFACES[request.param]() as started:
        yield started
