"""`make load`: start the server the way `make run` does, drive it with locust, report the figures.

    python tools/load.py [--seconds 60] [--users 20]

Loopback only, bounded in time, stops by itself. Prints requests/s, p50/p95/p99 (ms), failures, and the
server's resident memory before and after; exits 1 if any request failed.
"""

from __future__ import annotations

import argparse
import csv
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--users", type=int, default=20)
    options = parser.parse_args(argv)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "fib_core"], cwd=ROOT, env={**os.environ, "PORT": str(port), "FIB_LOG_LEVEL": "WARNING"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)  # noqa: S310  # nosec B310 - our loopback server
                break
            except OSError:
                time.sleep(0.1)
        urllib.request.urlopen(f"{base}/v1/fibonacci/1000", timeout=10)  # noqa: S310  # nosec B310 - loopback, warm-up
        before = rss_mb(server.pid)
        with tempfile.TemporaryDirectory() as directory:
            prefix = Path(directory) / "load"
            subprocess.run(  # noqa: S603
                [str(Path(sys.executable).with_name("locust")), "-f", str(ROOT / "tools" / "locustfile.py"),
                 "--headless", "--host", base, "-u", str(options.users), "-r", str(max(1, options.users // 2)),
                 "-t", f"{options.seconds}s", "--stop-timeout", "10", "--csv", str(prefix), "--only-summary",
                 "--loglevel", "WARNING"],
                check=False, timeout=options.seconds + 120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            rows = list(csv.DictReader(open(f"{prefix}_stats.csv")))  # noqa: SIM115 - read once
        after = rss_mb(server.pid)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=15)
    total = next(row for row in rows if row["Name"] == "Aggregated")
    print("| endpoint | requests | failures | req/s | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} | {float(row['Requests/s']):.1f} "
              f"| {row['50%']} | {row['95%']} | {row['99%']} |")  # fmt: skip
    failures = int(total["Failure Count"])
    print(f"\nserver RSS: {before:.1f} MB before, {after:.1f} MB after ({options.seconds} s, {options.users} users)")
    print(f"load: {total['Request Count']} requests, {failures} failed, {float(total['Requests/s']):.1f} req/s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
