"""One way to send a request to the app, whatever serves it: in-process ASGI or real HTTP."""

from __future__ import annotations

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

    def __init__(self, name: str, base_url: str) -> None:
        self.name = name
        self.client = httpx.Client(base_url=base_url, timeout=60)

    def request(self, method: str, path: str, headers: dict[str, str] | None = None) -> Reply:
        return _reply(self.client.request(method, path, headers=headers))

    def close(self) -> None:
        self.client.close()
