"""Fibonacci arithmetic: exact values, sequences and their decimal form.

No web imports here. Two interchangeable backends compute the same numbers:

* ``gmpy2`` (GMP): the default whenever the C extension imports.
* ``python``: pure-Python fast doubling, used when gmpy2 is unavailable.

Decimal conversion never relies on lifting Python's process-wide integer/str
digit limit (CVE-2020-10735): gmpy2 converts natively, and the pure-Python path
converts by divide and conquer into chunks that each stay under the limit.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Context, Decimal
from types import ModuleType
from typing import Any, Literal, Protocol

BackendName = Literal["gmpy2", "python"]

# log10(phi) and log10(sqrt(5)) to 50 significant digits, so the digit count of
# F(n) is exact for any n this service could ever be configured to accept.
_LOG10_PHI = Decimal("0.20898764024997873376927208923755541682245923991821")
_LOG10_SQRT5 = Decimal("0.34948500216800940239313055263775742973559759112164")
_DIGITS_CONTEXT = Context(prec=80)
_LOG10_PHI_FLOAT = float(_LOG10_PHI)
_LOG10_SQRT5_FLOAT = float(_LOG10_SQRT5)
# Up to 10**9 the float product is off by < 1e-6, so any fractional part
# farther than that from an integer floors correctly.
_FLOAT_SAFE_N = 10**9
_FLOAT_GUARD = 1e-6

# Decimal chunk size for the pure-Python conversion; far below the 4,300-digit
# default limit so str() of each chunk is always allowed.
_CHUNK_DIGITS = 1000
_CHUNK_POWER = 10**_CHUNK_DIGITS


def digit_count(n: int) -> int:
    """Number of decimal digits of F(n), without computing F(n).

    digits(F(n)) = floor(n*log10(phi) - log10(sqrt 5)) + 1 for n >= 2
    (Binet: F(n) is the integer nearest phi**n / sqrt 5, never a power of ten).
    Floats answer almost every n exactly; near an integer boundary, or for n
    beyond float precision, 50-digit decimals decide.
    """
    if n < 0:
        raise ValueError("n must be non-negative")
    if n < 2:
        return 1
    if n <= _FLOAT_SAFE_N:
        exponent = n * _LOG10_PHI_FLOAT - _LOG10_SQRT5_FLOAT
        floor = math.floor(exponent)
        if _FLOAT_GUARD < exponent - floor < 1 - _FLOAT_GUARD:
            return floor + 1
    exact = _DIGITS_CONTEXT.subtract(_DIGITS_CONTEXT.multiply(Decimal(n), _LOG10_PHI), _LOG10_SQRT5)
    return int(exact.to_integral_value(rounding="ROUND_FLOOR")) + 1


def fibonacci_pair_python(n: int) -> tuple[int, int]:
    """(F(n), F(n+1)) by fast doubling on Python ints."""
    if n < 0:
        raise ValueError("n must be non-negative")
    a, b = 0, 1
    for bit in bin(n)[2:]:
        # F(2k) = F(k) * (2F(k+1) - F(k));  F(2k+1) = F(k)^2 + F(k+1)^2
        c = a * (2 * b - a)
        d = a * a + b * b
        a, b = (d, c + d) if bit == "1" else (c, d)
    return a, b


def fibonacci_python(n: int) -> int:
    """F(n) by fast doubling, computing only F(n) in the last step."""
    if n < 0:
        raise ValueError("n must be non-negative")
    if n == 0:
        return 0
    a, b = fibonacci_pair_python(n >> 1)
    if n & 1:
        return a * a + b * b
    return a * (2 * b - a)


def to_decimal_python(value: int) -> str:
    """Decimal string of a non-negative int of any size, without touching the digit limit."""
    if value < _CHUNK_POWER:
        return str(value)
    powers = [_CHUNK_POWER]
    while powers[-1] * powers[-1] <= value:
        powers.append(powers[-1] * powers[-1])
    parts: list[str] = []

    def emit(part: int, level: int, pad: bool) -> None:
        if level < 0:
            text = str(part)
            parts.append(text.zfill(_CHUNK_DIGITS) if pad else text)
            return
        high, low = divmod(part, powers[level])
        if pad or high:
            emit(high, level - 1, pad)
            emit(low, level - 1, True)
        else:
            emit(low, level - 1, False)

    emit(value, len(powers) - 1, False)
    return "".join(parts)


class Backend(Protocol):
    """What the service needs from an arithmetic backend."""

    @property
    def name(self) -> BackendName: ...

    def fibonacci_decimal(self, n: int) -> str:
        """F(n) as a decimal string."""
        ...

    def sequence_decimal(self, start: int, count: int) -> Iterator[str]:
        """F(start) .. F(start+count-1) as decimal strings."""
        ...


def _check_sequence_arguments(start: int, count: int) -> None:
    if start < 0 or count < 0:
        raise ValueError("start and count must be non-negative")


def _add_forward(current: Any, following: Any, count: int, to_text: Callable[[Any], str]) -> Iterator[str]:
    """Yield `count` consecutive terms from a seed pair, by addition only."""
    for _ in range(count - 1):
        yield to_text(current)
        current, following = following, current + following
    if count:
        yield to_text(current)


@dataclass(frozen=True)
class PythonBackend:
    """Pure-Python fast doubling; always available."""

    name: BackendName = "python"

    def fibonacci_decimal(self, n: int) -> str:
        return to_decimal_python(fibonacci_python(n))

    def sequence_decimal(self, start: int, count: int) -> Iterator[str]:
        _check_sequence_arguments(start, count)
        if count == 0:
            return iter(())
        current, following = fibonacci_pair_python(start)
        return _add_forward(current, following, count, to_decimal_python)


@dataclass(frozen=True)
class GmpyBackend:
    """GMP through gmpy2: mpz_fib_ui and native base-10 conversion."""

    module: ModuleType
    name: BackendName = "gmpy2"

    def fibonacci_decimal(self, n: int) -> str:
        if n < 0:
            raise ValueError("n must be non-negative")
        return str(self.module.fib(n).digits(10))

    def sequence_decimal(self, start: int, count: int) -> Iterator[str]:
        _check_sequence_arguments(start, count)
        if count == 0:
            return iter(())
        # gmpy2.fib2(k) returns (F(k), F(k-1)); ask for k = start + 1.
        following, current = self.module.fib2(start + 1)
        return _add_forward(current, following, count, _mpz_digits)


def _mpz_digits(value: Any) -> str:
    return str(value.digits(10))


def load_gmpy2() -> ModuleType | None:
    """The gmpy2 module, or None when it cannot be imported on this platform."""
    try:
        return importlib.import_module("gmpy2")
    except ImportError:
        return None


def select_backend(preference: Literal["auto", "gmpy2", "python"] = "auto") -> Backend:
    """The backend to use: gmpy2 when available (or required), else pure Python."""
    if preference == "python":
        return PythonBackend()
    module = load_gmpy2()
    if module is None:
        if preference == "gmpy2":
            raise RuntimeError("FIB_BACKEND=gmpy2 but gmpy2 cannot be imported")
        return PythonBackend()
    return GmpyBackend(module)
