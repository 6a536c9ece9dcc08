"""Response bodies and their exact sizes, known before any Fibonacci number is computed.

No web imports: the app asks here whether a response fits the byte budget,
then renders it. Tests hold each size prediction to the rendered length.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from fib_core.arithmetic import digit_count

LEGACY_SEPARATOR = ", "


@dataclass(frozen=True)
class Fit:
    """Outcome of sizing a run of consecutive Fibonacci numbers against a budget."""

    fits: bool
    size: int  # bytes of the whole body when it fits; bytes of the part that fits otherwise
    max_count: int  # how many items fit from the start (a lower bound of `count` when it fits)


def size_run(start: int, count: int, fixed: int, per_item: int, budget: int) -> Fit:
    """Size of `fixed` bytes plus, for each F(k) in the run, its digits and `per_item` bytes.

    Stops at the first item over budget, so the loop runs at most a few
    thousand times: digits grow with k, and even from 0 only ~6,900 fit in 5 MB.
    """
    total = fixed
    for offset in range(count):
        after = total + digit_count(start + offset) + per_item
        if after > budget:
            return Fit(fits=False, size=total, max_count=offset)
        total = after
    return Fit(fits=True, size=total, max_count=count)


# --- legacy GET /?n=N: "0, 1, 1, 2, 3" -----------------------------------------------------


def legacy_fit(count: int, budget: int) -> Fit:
    """The first `count` numbers joined by ", " (no separator before the first)."""
    if count == 0:
        return Fit(fits=True, size=0, max_count=0)
    return size_run(0, count, -len(LEGACY_SEPARATOR), len(LEGACY_SEPARATOR), budget)


def legacy_body(values: Iterable[str]) -> bytes:
    return LEGACY_SEPARATOR.join(values).encode("ascii")


# --- GET /v1/fibonacci/{n} ---------------------------------------------------------------


def value_json_size(n: int) -> int:
    digits = digit_count(n)
    return len(value_json(n, "", digits)) + digits


def value_text_size(n: int) -> int:
    return digit_count(n)


def value_json(n: int, value: str, digits: int | None = None) -> bytes:
    document = {"n": n, "value": value, "digits": len(value) if digits is None else digits}
    return _dump(document)


# --- GET /v1/sequence ---------------------------------------------------------------------


def sequence_fit(start: int, count: int, next_link: str | None, budget: int) -> Fit:
    """JSON page: each value costs its digits, two quotes and a comma; the last has no comma."""
    envelope = len(sequence_json(start, count, [], next_link))
    return size_run(start, count, envelope - 1, 3, budget)


def sequence_json(start: int, count: int, values: list[str], next_link: str | None) -> bytes:
    return _dump({"start": start, "count": count, "values": values, "next": next_link})


def _dump(document: object) -> bytes:
    return json.dumps(document, separators=(",", ":"), ensure_ascii=True).encode("ascii")
