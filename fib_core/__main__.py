"""`python -m fib_core`: serve the app with uvicorn on HOST:PORT (default 127.0.0.1:8000)."""

from __future__ import annotations

import os
import sys

from fib_core.config import ConfigError, Settings


def main() -> int:
    try:
        Settings.from_env()
    except ConfigError as error:
        print(f"fib: invalid configuration: {error}", file=sys.stderr)
        return 2
    host = os.environ.get("HOST", "127.0.0.1")
    raw_port = os.environ.get("PORT", "8000")
    if not (raw_port.isascii() and raw_port.isdigit() and 0 < int(raw_port) < 65536):
        print(f"fib: invalid configuration: PORT must be 1-65535; got {raw_port!r}", file=sys.stderr)
        return 2
    import uvicorn  # the server is only needed when serving locally

    uvicorn.run(
        "fib_core.app:app",
        host=host,
        port=int(raw_port),
        access_log=False,  # the app logs one JSON line per request itself
        server_header=False,
        proxy_headers=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
