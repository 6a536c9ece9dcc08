"""Every `$ curl` example in the README is run against the app and must print what the README shows."""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fib_core.app import create_app

README = Path(__file__).resolve().parents[2] / "README.md"


@dataclass(frozen=True)
class Example:
    command: list[str]
    output: list[str]


def examples() -> list[Example]:
    found: list[Example] = []
    for block in re.findall(r"```sh\n(.*?)```", README.read_text(), flags=re.S):
        current: Example | None = None
        for line in block.splitlines():
            if line.startswith("$ curl "):
                current = Example(shlex.split(line[2:]), [])
                found.append(current)
            elif current is not None:
                current.output.append(line)
    return found


def _request(command: list[str]) -> tuple[str, dict[str, str], bool]:
    headers: dict[str, str] = {}
    include = False
    url = ""
    words = iter(command[1:])
    for word in words:
        if word == "-H":
            name, _, value = next(words).partition(":")
            headers[name.strip()] = value.strip()
        elif word == "-i":
            include = True
        else:
            url = word
    return url.removeprefix("http://127.0.0.1:8000"), headers, include


@pytest.mark.parametrize("example", examples(), ids=lambda example: " ".join(example.command[1:]))
def test_readme_example(example: Example) -> None:
    path, headers, include = _request(example.command)
    reply = TestClient(create_app()).get(path, headers=headers)
    output = example.output
    if include:
        assert output[0] == f"HTTP/1.1 {reply.status_code} {reply.reason_phrase}"
        for header in output[1 : output.index("...")]:
            name, _, value = header.partition(": ")
            assert reply.headers[name] == value
        output = output[output.index("...") + 1 :]
    expected = "\n".join(output)
    try:
        assert reply.json() == json.loads(expected)
    except json.JSONDecodeError:
        assert reply.text == expected


def test_readme_has_examples_for_every_endpoint() -> None:
    paths = " ".join(" ".join(example.command) for example in examples())
    for fragment in ("/?n=", "/v1/fibonacci/", "/v1/sequence?", "/healthz"):
        assert fragment in paths
