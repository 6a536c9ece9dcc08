"""Start a real server process on 127.0.0.1, wait until it answers, and always stop it."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running_server(
    command: list[str],
    ready_url: str,
    env: dict[str, str] | None = None,
    timeout: float = 60.0,
    log_path: Path | None = None,
) -> Iterator[subprocess.Popen[bytes]]:
    """Run `command` in its own process group until `ready_url` answers 200; kill the group on exit."""
    log = open(log_path, "wb") if log_path else subprocess.DEVNULL  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} exited with {process.returncode} before answering {ready_url}")
            try:
                if httpx.get(ready_url, timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"{ready_url} did not answer within {timeout} s")
            time.sleep(0.2)
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)
        if log_path and not isinstance(log, int):
            log.close()


@contextlib.contextmanager
def local_app_server(env: dict[str, str] | None = None) -> Iterator[str]:
    """`python -m fib_core` (what `make run` runs) on a free loopback port; yields its base URL."""
    import sys

    port = free_port()
    with running_server(
        [sys.executable, "-m", "fib_core"],
        f"http://127.0.0.1:{port}/healthz",
        env={"PORT": str(port), "HOST": "127.0.0.1", **(env or {})},
    ):
        yield f"http://127.0.0.1:{port}"
