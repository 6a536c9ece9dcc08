"""Benchmarks (not tests): medians and ratios, measured side by side in one run.

    make bench                      # or: .venv/bin/python bench/arithmetic.py [--quick]

Every contender runs in the same round, in turn, so machine noise hits all alike.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Callable

import gmpy2

from fib_core.arithmetic import GmpyBackend, PythonBackend

PURE_PYTHON_LIMIT = 10**6  # beyond this the pure-Python path takes tens of seconds on 3.11


def median_seconds(contenders: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, work in contenders.items():
            started = time.perf_counter()
            work()
            samples[name].append(time.perf_counter() - started)
    return {name: statistics.median(times) for name, times in samples.items()}


def fmt(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def arithmetic_table(quick: bool) -> None:
    gmp, pure = GmpyBackend(gmpy2), PythonBackend()
    print("## F(n) as a decimal string\n")
    print("| n | fib_core (gmpy2) | raw gmpy2.fib + digits(10) | ratio | pure-Python path | pure / fib_core |")
    print("|---|---|---|---|---|---|")
    exponents = range(3, 7 if quick else 8)
    for exponent in exponents:
        n = 10**exponent
        rounds = 15 if exponent <= 5 else 7 if exponent == 6 else 5
        contenders: dict[str, Callable[[], object]] = {
            "fib_core": lambda n=n: gmp.fibonacci_decimal(n),
            "raw": lambda n=n: gmpy2.fib(n).digits(10),
        }
        if n <= PURE_PYTHON_LIMIT:
            contenders["pure"] = lambda n=n: pure.fibonacci_decimal(n)
        result = median_seconds(contenders, 3 if "pure" in contenders and exponent == 6 else rounds)
        pure_cell = fmt(result["pure"]) if "pure" in result else "not run (> 30 s on 3.11)"
        pure_ratio = f"{result['pure'] / result['fib_core']:.1f}x" if "pure" in result else "-"
        print(
            f"| 10^{exponent} | {fmt(result['fib_core'])} | {fmt(result['raw'])} | "
            f"{result['fib_core'] / result['raw']:.2f}x | {pure_cell} | {pure_ratio} |"
        )
    print()


def sequence_table() -> None:
    gmp, pure = GmpyBackend(gmpy2), PythonBackend()
    print("## Sequence throughput (decimal bytes produced per second)\n")
    print("| run | gmpy2 | pure Python |")
    print("|---|---|---|")
    for start, count in ((0, 6902), (1_000_000, 20)):
        size = sum(len(v) for v in gmp.sequence_decimal(start, count))
        result = median_seconds(
            {
                "gmpy2": lambda s=start, c=count: list(gmp.sequence_decimal(s, c)),
                "pure": lambda s=start, c=count: list(pure.sequence_decimal(s, c)),
            },
            5,
        )
        print(
            f"| start={start:,} count={count:,} ({size / 1e6:.2f} MB) | {size / result['gmpy2'] / 1e6:.0f} MB/s | "
            f"{size / result['pure'] / 1e6:.1f} MB/s |"
        )
    print()


async def _call_asgi(app: Callable[..., object], path: str, query: bytes) -> int:
    status = 0

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, object]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])  # type: ignore[call-overload]

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": query, "root_path": "",
        "headers": [(b"host", b"bench")], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
    }  # fmt: skip
    await app(scope, receive, send)  # type: ignore[misc]
    return status


def asgi_table() -> None:
    import logging

    from fib_core.app import create_app

    app = create_app()
    logging.getLogger("fib_core").setLevel(logging.WARNING)  # keep request logs out of the table
    loop = asyncio.new_event_loop()
    print("## One request through the ASGI app, in process\n")
    print("| request | median | of which arithmetic (same n, direct) |")
    print("|---|---|---|")
    gmp = GmpyBackend(gmpy2)
    for path, query, n in (
        ("/v1/fibonacci/1000", b"", 1000),
        ("/v1/fibonacci/1000000", b"", 10**6),
        ("/", b"n=100", None),
    ):
        assert loop.run_until_complete(_call_asgi(app, path, query)) == 200
        result = median_seconds(
            {
                "asgi": lambda p=path, q=query: loop.run_until_complete(_call_asgi(app, p, q)),
                "direct": (lambda n=n: gmp.fibonacci_decimal(n)) if n is not None else (lambda: None),
            },
            200 if n != 10**6 else 15,
        )
        label = f"GET {path}" + (f"?{query.decode()}" if query else "")
        direct = fmt(result["direct"]) if n is not None else "-"
        print(f"| {label} | {fmt(result['asgi'])} | {direct} |")
    loop.close()
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="stop at n = 10^6")
    options = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, gmpy2 {gmpy2.version()} (GMP {gmpy2.mp_version()})\n")
    arithmetic_table(options.quick)
    sequence_table()
    asgi_table()


if __name__ == "__main__":
    main()
