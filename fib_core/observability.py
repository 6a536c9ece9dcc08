"""The package's one logging path: JSON lines on stderr, one per request plus warnings and errors."""

from __future__ import annotations

import json
import logging
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

LOGGER_NAME = "fib_core"
logger = logging.getLogger(LOGGER_NAME)

# Attributes every LogRecord has; anything else on a record came from `extra=`.
_STANDARD_ATTRS = frozenset(vars(logging.makeLogRecord({})).keys()) | {"message", "asctime", "taskName"}


RequestObserver = Callable[[dict[str, Any]], None]
_request_observers: list[RequestObserver] = []


def add_request_observer(observer: RequestObserver) -> None:
    """Call `observer` with each request's log fields (adapters turn them into metrics)."""
    _request_observers.append(observer)


def notify_request_observers(entry: dict[str, Any]) -> None:
    for observer in _request_observers:
        try:
            observer(entry)
        except Exception:  # an observer must never fail a request
            logger.exception("request observer failed")


class JsonFormatter(logging.Formatter):
    """One JSON object per line.

    Clouds differ only in key names: Cloud Logging wants `severity` for the level
    and the trace as `logging.googleapis.com/trace` = projects/P/traces/ID.
    """

    def __init__(self, level_key: str = "level", trace_key: str = "trace_id", trace_prefix: str = "") -> None:
        super().__init__()
        self.level_key = level_key
        self.trace_key = trace_key
        self.trace_prefix = trace_prefix

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "timestamp": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            self.level_key: record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRS and not key.startswith("_"):
                entry[key] = value
        trace_id = entry.pop("trace_id", None)
        if trace_id:
            entry[self.trace_key] = f"{self.trace_prefix}{trace_id}"
        if record.exc_info:
            entry["exception"] = "".join(traceback.format_exception(*record.exc_info))
        return json.dumps(entry, default=str, separators=(",", ":"))


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time (servers and test runners may replace it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def configure_logging(level: str | None = None, formatter: logging.Formatter | None = None) -> None:
    """Attach one JSON handler to the package logger.

    Idempotent. Adapters call it again with their cloud's formatter; None keeps what is set.
    """
    handler = next((h for h in logger.handlers if getattr(h, "_fib_handler", False)), None)
    if handler is None:
        handler = _StderrHandler()
        handler._fib_handler = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    if formatter is not None or handler.formatter is None:
        handler.setFormatter(formatter or JsonFormatter())
    if level is not None:
        logger.setLevel(level)
    logger.propagate = False
