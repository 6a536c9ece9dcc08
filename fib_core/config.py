"""The one configuration object, read from the environment and validated at start-up."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, cast

BackendPreference = Literal["auto", "gmpy2", "python"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]

# Defaults and hard bounds, named once. docs/configuration in README mirrors these.
DEFAULT_MAX_N = 10_000_000
DEFAULT_MAX_N_PURE_PYTHON = 1_000_000
MAX_N_CEILING = 100_000_000
DEFAULT_MAX_RESPONSE_BYTES = 5_000_000
MIN_RESPONSE_BYTES = 1_024
MAX_RESPONSE_BYTES_CEILING = 100_000_000

ENV_MAX_N = "FIB_MAX_N"
ENV_MAX_RESPONSE_BYTES = "FIB_MAX_RESPONSE_BYTES"
ENV_BACKEND = "FIB_BACKEND"
ENV_LOG_LEVEL = "FIB_LOG_LEVEL"

_BACKENDS: tuple[BackendPreference, ...] = ("auto", "gmpy2", "python")
_LOG_LEVELS: tuple[LogLevel, ...] = ("DEBUG", "INFO", "WARNING", "ERROR")


class ConfigError(ValueError):
    """An environment variable holds a value the service cannot run with."""


@dataclass(frozen=True)
class Settings:
    """Service limits and switches.

    ``max_n`` is None when FIB_MAX_N is unset: the effective maximum then
    depends on the arithmetic backend (see ``effective_max_n``).
    """

    max_n: int | None = None
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    backend: BackendPreference = "auto"
    log_level: LogLevel = "INFO"

    def __post_init__(self) -> None:
        if self.max_n is not None:
            _check_range(ENV_MAX_N, self.max_n, 1, MAX_N_CEILING)
        _check_range(ENV_MAX_RESPONSE_BYTES, self.max_response_bytes, MIN_RESPONSE_BYTES, MAX_RESPONSE_BYTES_CEILING)
        if self.backend not in _BACKENDS:
            raise ConfigError(f"{ENV_BACKEND} must be one of {', '.join(_BACKENDS)}; got {self.backend!r}")
        if self.log_level not in _LOG_LEVELS:
            raise ConfigError(f"{ENV_LOG_LEVEL} must be one of {', '.join(_LOG_LEVELS)}; got {self.log_level!r}")

    def effective_max_n(self, backend_name: str) -> int:
        """FIB_MAX_N if set; otherwise the default that keeps the worst request near 1 s."""
        if self.max_n is not None:
            return self.max_n
        return DEFAULT_MAX_N if backend_name == "gmpy2" else DEFAULT_MAX_N_PURE_PYTHON

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        raw_max_n = env.get(ENV_MAX_N, "").strip()
        return cls(
            max_n=_parse_int(ENV_MAX_N, raw_max_n) if raw_max_n else None,
            max_response_bytes=_parse_int(
                ENV_MAX_RESPONSE_BYTES, env.get(ENV_MAX_RESPONSE_BYTES, str(DEFAULT_MAX_RESPONSE_BYTES))
            ),
            backend=cast(BackendPreference, env.get(ENV_BACKEND, "auto").strip().lower()),
            log_level=cast(LogLevel, env.get(ENV_LOG_LEVEL, "INFO").strip().upper()),
        )


def _parse_int(name: str, raw: str) -> int:
    text = raw.strip().replace("_", "")
    if not (text.isascii() and text.isdigit()):
        raise ConfigError(f"{name} must be a positive whole number; got {raw!r}")
    return int(text)


def _check_range(name: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low:,} and {high:,}; got {value:,}")
