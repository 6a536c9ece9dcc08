"""Identities every Fibonacci implementation must satisfy, on both backends."""

from __future__ import annotations

import math

import gmpy2
from hypothesis import given, settings
from hypothesis import strategies as st

from fib_core.arithmetic import GmpyBackend, PythonBackend

BACKENDS = (PythonBackend(), GmpyBackend(gmpy2))
indices = st.integers(min_value=0, max_value=5_000)
backends = st.sampled_from(BACKENDS)


def F(backend: PythonBackend | GmpyBackend, n: int) -> int:
    return int(backend.fibonacci_decimal(n))


@given(backends, st.integers(min_value=1, max_value=5_000))
def test_cassini(backend: PythonBackend | GmpyBackend, n: int) -> None:
    assert F(backend, n - 1) * F(backend, n + 1) - F(backend, n) ** 2 == (-1) ** n


@given(backends, indices, indices)
def test_docagne(backend: PythonBackend | GmpyBackend, m: int, n: int) -> None:
    m, n = max(m, n), min(m, n)
    assert F(backend, m) * F(backend, n + 1) - F(backend, m + 1) * F(backend, n) == (-1) ** n * F(backend, m - n)


@given(backends, indices)
def test_doubling(backend: PythonBackend | GmpyBackend, n: int) -> None:
    assert F(backend, 2 * n) == F(backend, n) * (2 * F(backend, n + 1) - F(backend, n))


@given(backends, indices, indices)
def test_gcd_of_fibonacci_is_fibonacci_of_gcd(backend: PythonBackend | GmpyBackend, m: int, n: int) -> None:
    assert math.gcd(F(backend, m), F(backend, n)) == F(backend, math.gcd(m, n))


@settings(max_examples=60)
@given(backends, st.integers(min_value=0, max_value=50_000), st.integers(min_value=0, max_value=60))
def test_sequence_equals_single_values(backend: PythonBackend | GmpyBackend, start: int, count: int) -> None:
    assert list(backend.sequence_decimal(start, count)) == [
        backend.fibonacci_decimal(k) for k in range(start, start + count)
    ]


@given(indices)
def test_backends_agree(n: int) -> None:
    assert BACKENDS[0].fibonacci_decimal(n) == BACKENDS[1].fibonacci_decimal(n)
