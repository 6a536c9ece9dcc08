"""Predicted body sizes equal rendered sizes, so the byte budget is enforced before computing."""

from __future__ import annotations

import random

import gmpy2
import pytest

from fib_core.arithmetic import GmpyBackend
from fib_core.representations import (
    legacy_body,
    legacy_fit,
    sequence_fit,
    sequence_json,
    value_json,
    value_json_size,
    value_text_size,
)

backend = GmpyBackend(gmpy2)
BIG = 10**9


@pytest.mark.parametrize("n", [0, 1, 2, 9, 10, 99, 100, 1000, 12_345, 100_000])
def test_value_sizes_are_exact(n: int) -> None:
    digits = backend.fibonacci_decimal(n)
    assert value_json_size(n) == len(value_json(n, digits))
    assert value_text_size(n) == len(digits)


@pytest.mark.parametrize("count", [0, 1, 2, 3, 10, 250, 1000])
def test_legacy_size_is_exact(count: int) -> None:
    fit = legacy_fit(count, BIG)
    assert fit.fits
    assert fit.size == len(legacy_body(backend.sequence_decimal(0, count)))


def test_sequence_sizes_are_exact() -> None:
    rng = random.Random(3)
    for _ in range(25):
        start, count = rng.randrange(0, 20_000), rng.randrange(1, 200)
        for next_link in (None, f"/v1/sequence?start={start + count}&count={count}"):
            fit = sequence_fit(start, count, next_link, BIG)
            body = sequence_json(start, count, list(backend.sequence_decimal(start, count)), next_link)
            assert fit.fits
            assert fit.size == len(body)


def test_legacy_budget_edge_at_default_limit() -> None:
    # Measured: the first 6,907 numbers joined by ", " fit in 5,000,000 bytes; 6,908 do not.
    assert legacy_fit(6907, 5_000_000).fits
    over = legacy_fit(6908, 5_000_000)
    assert not over.fits
    assert over.max_count == 6907


def test_budget_boundary_is_inclusive() -> None:
    exact = legacy_fit(100, BIG).size
    assert legacy_fit(100, exact).fits
    assert not legacy_fit(100, exact - 1).fits
    assert legacy_fit(100, exact - 1).max_count == 99
