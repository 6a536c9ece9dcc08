"""One way to send a request to the app, whatever serves it: in-process ASGI or real HTTP."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip()


class Surface(Protocol):
    name: str

    def request(self, method: str, path: str, headers: dict[str, str] | None = None) -> Reply: ...


def _reply(response: httpx.Response) -> Reply:
    return Reply(response.status_code, {k.lower(): v for k, v in response.headers.items()}, response.content)


class AsgiSurface:
    """The ASGI app called in-process."""

    name = "asgi"

    def __init__(self, app: FastAPI) -> None:
        self.client = TestClient(app, raise_server_exceptions=False)

    def request(self, method: str, path: str, headers: dict[str, str] | None = None) -> Reply:
        return _reply(self.client.request(method, path, headers=headers))


class HttpSurface:
    """A real server on loopback."""

    def __init__(self, name: str, base_url: str, rewrites_cors: bool = False) -> None:
        self.name = name
        # serverless-offline answers CORS itself (echoes the origin, adds credentials, 200s every preflight);
        # the real function URL passes requests to the app untouched.
        self.rewrites_cors = rewrites_cors
        self.client = httpx.Client(base_url=base_url, timeout=60)

    def request(self, method: str, path: str, headers: dict[str, str] | None = None) -> Reply:
        return _reply(self.client.request(method, path, headers=headers))

    def close(self) -> None:
        self.client.close()


class LambdaSurface:
    """The AWS handler invoked with one kind of real-shaped event."""

    def __init__(self, kind: str) -> None:
        from adapters.aws.handler import handler
        from tests.support.aws_events import EVENT_BUILDERS

        self.name = f"aws-{kind}"
        self.handler = handler
        self.build_event = EVENT_BUILDERS[kind]

    def request(
        self, method: str, path: str, headers: dict[str, str] | None = None, body: bytes | None = None
    ) -> Reply:
        from tests.support.aws_events import FakeLambdaContext, response_body, response_headers

        response = self.handler(self.build_event(method, path, headers or {}, body), FakeLambdaContext())
        return Reply(int(response["statusCode"]), response_headers(response), response_body(response))


@functools.cache
def azure_functions() -> list[Any]:
    """The Azure app's functions; azure-functions refuses a second get_functions() on one app."""
    from adapters.azure.function_app import app

    return list(app.get_functions())


class AzureSurface:
    """The Azure Functions app called in-process with azure.functions.HttpRequest objects."""

    name = "azure"

    def __init__(self) -> None:
        import asyncio

        from adapters.azure.function_app import app

        (function,) = azure_functions()
        self.app = app
        self.user_function = function.get_user_function()
        self.loop = asyncio.new_event_loop()  # the app keeps state per loop: every call on this one

    def request(self, method: str, path: str, headers: dict[str, str] | None = None) -> Reply:
        import azure.functions as func

        request = func.HttpRequest(method=method, url=f"http://localhost:7071{path}", body=b"", headers=headers or {})
        response = self.loop.run_until_complete(self.user_function(request, None))
        return Reply(
            response.status_code,
            {k.lower(): v for k, v in response.headers.items()},
            response.get_body(),
        )

    def close(self) -> None:
        self.loop.run_until_complete(self.app.middleware.notify_shutdown())  # type: ignore[attr-defined]
        self.loop.close()
