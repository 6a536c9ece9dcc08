"""Strict parsing of the numbers in a URL: ASCII digits only, length checked before int()."""

from __future__ import annotations

from fib_core.problems import INVALID_PARAMETER, OUT_OF_RANGE, ProblemError

_MAX_ECHO = 40


def _echo(raw: str) -> str:
    """The offending input, shortened and escaped so it is safe to put in a message."""
    shown = raw if len(raw) <= _MAX_ECHO else raw[:_MAX_ECHO] + "..."
    return ascii(shown)


def parse_whole_number(name: str, raw: str, minimum: int, maximum: int) -> int:
    """`raw` as an int in [minimum, maximum], or a 422 problem saying what is allowed.

    Python's int() accepts '+5', ' 5', '1_000' and Unicode digits such as '١٢';
    none of those is a valid URL parameter here, so only [0-9]+ gets through.
    """
    allowed = f"{name} must be a whole number from {minimum} to {maximum:,} written with ASCII digits 0-9"
    if not raw:
        raise ProblemError(422, f"{name} is empty; {allowed}.", INVALID_PARAMETER, parameter=name)
    if not (raw.isascii() and raw.isdigit()):
        raise ProblemError(
            422, f"{name}={_echo(raw)} is not a whole number; {allowed}.", INVALID_PARAMETER, parameter=name
        )
    if len(raw) > len(str(maximum)):
        raise ProblemError(
            422,
            f"{name} has {len(raw):,} digits, more than {maximum:,} allows; {allowed}.",
            OUT_OF_RANGE,
            parameter=name,
            minimum=minimum,
            maximum=maximum,
        )
    value = int(raw)
    if not minimum <= value <= maximum:
        raise ProblemError(
            422,
            f"{name}={value:,} is out of range; {allowed}.",
            OUT_OF_RANGE,
            parameter=name,
            minimum=minimum,
            maximum=maximum,
        )
    return value


def single_query_value(name: str, values: list[str], required: bool) -> str | None:
    """The one value of a query parameter; repeating it is an error, not a silent pick."""
    if len(values) > 1:
        raise ProblemError(
            422, f"{name} is given {len(values)} times; give it once.", INVALID_PARAMETER, parameter=name
        )
    if not values:
        if required:
            raise ProblemError(422, f"{name} is required.", INVALID_PARAMETER, parameter=name)
        return None
    return values[0]
