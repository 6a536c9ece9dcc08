"""Every limit: default, parsed from the environment, validated at its edges."""

from __future__ import annotations

import subprocess
import sys

import pytest

from fib_core.config import (
    DEFAULT_MAX_N,
    DEFAULT_MAX_N_PURE_PYTHON,
    DEFAULT_MAX_RESPONSE_BYTES,
    MAX_N_CEILING,
    MAX_RESPONSE_BYTES_CEILING,
    MIN_RESPONSE_BYTES,
    ConfigError,
    Settings,
)


def test_defaults() -> None:
    settings = Settings.from_env({})
    assert settings.max_n is None
    assert settings.effective_max_n("gmpy2") == DEFAULT_MAX_N == 10_000_000
    assert settings.effective_max_n("python") == DEFAULT_MAX_N_PURE_PYTHON == 1_000_000
    assert settings.max_response_bytes == DEFAULT_MAX_RESPONSE_BYTES == 5_000_000
    assert settings.backend == "auto"
    assert settings.log_level == "INFO"


def test_explicit_max_n_applies_to_every_backend() -> None:
    settings = Settings.from_env({"FIB_MAX_N": "2500"})
    assert settings.effective_max_n("gmpy2") == settings.effective_max_n("python") == 2500


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("FIB_MAX_N", "1", 1),
        ("FIB_MAX_N", str(MAX_N_CEILING), MAX_N_CEILING),
        ("FIB_MAX_N", "1_000", 1000),
        ("FIB_MAX_RESPONSE_BYTES", str(MIN_RESPONSE_BYTES), MIN_RESPONSE_BYTES),
        ("FIB_MAX_RESPONSE_BYTES", str(MAX_RESPONSE_BYTES_CEILING), MAX_RESPONSE_BYTES_CEILING),
    ],
)
def test_edges_accepted(name: str, value: str, expected: int) -> None:
    settings = Settings.from_env({name: value})
    assert (settings.max_n if name == "FIB_MAX_N" else settings.max_response_bytes) == expected


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("FIB_MAX_N", "0", "between 1 and"),
        ("FIB_MAX_N", str(MAX_N_CEILING + 1), "between 1 and"),
        ("FIB_MAX_N", "-5", "positive whole number"),
        ("FIB_MAX_N", "1e6", "positive whole number"),
        ("FIB_MAX_N", "ten", "positive whole number"),
        ("FIB_MAX_RESPONSE_BYTES", str(MIN_RESPONSE_BYTES - 1), "between 1,024 and"),
        ("FIB_MAX_RESPONSE_BYTES", str(MAX_RESPONSE_BYTES_CEILING + 1), "between 1,024 and"),
        ("FIB_MAX_RESPONSE_BYTES", "", "positive whole number"),
        ("FIB_BACKEND", "gpu", "must be one of auto, gmpy2, python"),
        ("FIB_LOG_LEVEL", "LOUD", "must be one of DEBUG"),
    ],
)
def test_invalid_values_name_the_variable(name: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as raised:
        Settings.from_env({name: value})
    assert name in str(raised.value)


def test_invalid_configuration_stops_start_up_with_a_clear_message() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "fib_core"],
        env={"FIB_MAX_N": "0", "PATH": ""},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "invalid configuration: FIB_MAX_N must be between 1 and 100,000,000; got 0" in result.stderr


def test_importing_the_app_with_invalid_configuration_fails() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import fib_core.app"],
        env={"FIB_MAX_RESPONSE_BYTES": "12", "PATH": ""},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "ConfigError: FIB_MAX_RESPONSE_BYTES must be between 1,024 and 100,000,000; got 12" in result.stderr
