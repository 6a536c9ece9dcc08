"""Known values, an independent oracle, and the decimal conversion without the digit limit."""

from __future__ import annotations

import random
import sys

import gmpy2
import pytest

from fib_core.arithmetic import (
    GmpyBackend,
    PythonBackend,
    digit_count,
    fibonacci_pair_python,
    fibonacci_python,
    select_backend,
    to_decimal_python,
)

# OEIS A000045, F(0)..F(40)
A000045 = [
    0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946,
    17711, 28657, 46368, 75025, 121393, 196418, 317811, 514229, 832040, 1346269, 2178309, 3524578,
    5702887, 9227465, 14930352, 24157817, 39088169, 63245986, 102334155,
]  # fmt: skip
KNOWN = {
    50: "12586269025",
    93: "12200160415121876738",  # the largest that fits in an unsigned 64-bit integer
    100: "354224848179261915075",
    200: "280571172992510140037611932413038677189525",
    300: "222232244629420445529739893461909967206666939096499764990979600",
}

BACKENDS = [PythonBackend(), GmpyBackend(gmpy2)]


@pytest.fixture(params=BACKENDS, ids=lambda backend: backend.name)
def backend(request: pytest.FixtureRequest) -> PythonBackend | GmpyBackend:
    return request.param  # type: ignore[no-any-return]


def test_first_values_match_oeis(backend: PythonBackend | GmpyBackend) -> None:
    assert [backend.fibonacci_decimal(n) for n in range(len(A000045))] == [str(v) for v in A000045]
    assert list(backend.sequence_decimal(0, len(A000045))) == [str(v) for v in A000045]


@pytest.mark.parametrize(("n", "expected"), sorted(KNOWN.items()))
def test_known_large_values(backend: PythonBackend | GmpyBackend, n: int, expected: str) -> None:
    assert backend.fibonacci_decimal(n) == expected


def test_f1000_has_209_digits_and_known_prefix(backend: PythonBackend | GmpyBackend) -> None:
    value = backend.fibonacci_decimal(1000)
    assert len(value) == 209
    assert value.startswith("43466557686937456435")


def test_pure_python_agrees_with_gmp_oracle() -> None:
    rng = random.Random(20261204)
    samples = [*range(300), *(rng.randrange(300, 10**6) for _ in range(40)), 10**6 - 1, 10**6]
    for n in samples:
        assert fibonacci_python(n) == int(gmpy2.fib(n)), n
        assert fibonacci_pair_python(n) == (int(gmpy2.fib(n)), int(gmpy2.fib(n + 1))), n


def test_backends_agree_on_decimal_of_large_values() -> None:
    for n in (20577, 20578, 123_457, 10**6):
        assert PythonBackend().fibonacci_decimal(n) == GmpyBackend(gmpy2).fibonacci_decimal(n), n


def test_digit_limit_is_respected_not_lifted() -> None:
    limit_before = sys.get_int_max_str_digits()
    value = PythonBackend().fibonacci_decimal(20578)  # first F(n) over 4,300 digits
    assert len(value) == 4301
    assert sys.get_int_max_str_digits() == limit_before
    if limit_before:
        with pytest.raises(ValueError, match="digits"):
            str(fibonacci_python(20578))


@pytest.mark.parametrize(
    "value",
    [0, 9, 10, 10**999, 10**1000 - 1, 10**1000, 10**1000 + 7, 10**4321, 7**30000],
    ids=lambda value: f"{value.bit_length()}-bits",
)
def test_to_decimal_python_edges(value: int) -> None:
    assert to_decimal_python(value) == gmpy2.mpz(value).digits(10)


def test_digit_count_exact_for_every_n_up_to_5000_and_samples_beyond() -> None:
    for n in range(5001):
        assert digit_count(n) == len(gmpy2.fib(n).digits(10)), n
    rng = random.Random(7)
    for n in [rng.randrange(5001, 10**7) for _ in range(15)] + [10**7, 28_709_834]:
        digits = digit_count(n)
        value = gmpy2.fib(n)
        assert gmpy2.mpz(10) ** (digits - 1) <= value < gmpy2.mpz(10) ** digits, n


def _digit_count_by_mpfr(n: int) -> int:
    with gmpy2.context(gmpy2.get_context(), precision=256):
        phi = (1 + gmpy2.sqrt(5)) / 2
        return int(gmpy2.floor(n * gmpy2.log10(phi) - gmpy2.log10(gmpy2.sqrt(5)))) + 1


@pytest.mark.parametrize("n", [10**9 - 1, 10**9, 10**9 + 1, 10**12, 10**15 + 3, 2**64])
def test_digit_count_beyond_float_precision_matches_256_bit_oracle(n: int) -> None:
    assert digit_count(n) == _digit_count_by_mpfr(n)


@pytest.mark.parametrize("bad", [-1, -100])
def test_negative_n_is_rejected(backend: PythonBackend | GmpyBackend, bad: int) -> None:
    with pytest.raises(ValueError, match="non-negative"):
        backend.fibonacci_decimal(bad)
    with pytest.raises(ValueError, match="non-negative"):
        list(backend.sequence_decimal(bad, 3))
    with pytest.raises(ValueError, match="non-negative"):
        digit_count(bad)


def test_sequence_edges(backend: PythonBackend | GmpyBackend) -> None:
    assert list(backend.sequence_decimal(5, 0)) == []
    assert list(backend.sequence_decimal(0, 1)) == ["0"]
    assert list(backend.sequence_decimal(1000, 2)) == [backend.fibonacci_decimal(1000), backend.fibonacci_decimal(1001)]


def test_select_backend() -> None:
    assert select_backend("auto").name == "gmpy2"
    assert select_backend("gmpy2").name == "gmpy2"
    assert select_backend("python").name == "python"


def test_select_backend_falls_back_without_gmpy2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("fib_core.arithmetic.load_gmpy2", lambda: None)
    assert select_backend("auto").name == "python"
    with pytest.raises(RuntimeError, match="gmpy2 cannot be imported"):
        select_backend("gmpy2")
