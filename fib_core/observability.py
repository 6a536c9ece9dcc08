"""The package's one logging path: JSON lines on stderr, one per request plus warnings and errors."""

from __future__ import annotations

import json
import logging
import sys
import traceback
from datetime import UTC, datetime
from typing import Any

LOGGER_NAME = "fib_core"
logger = logging.getLogger(LOGGER_NAME)

# Attributes every LogRecord has; anything else on a record came from `extra=`.
_STANDARD_ATTRS = frozenset(vars(logging.makeLogRecord({})).keys()) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line. Clouds differ only in the name of the level key."""

    def __init__(self, level_key: str = "level") -> None:
        super().__init__()
        self.level_key = level_key

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
        if record.exc_info:
            entry["exception"] = "".join(traceback.format_exception(*record.exc_info))
        return json.dumps(entry, default=str, separators=(",", ":"))


def configure_logging(level: str = "INFO", formatter: logging.Formatter | None = None) -> None:
    """Attach one JSON handler to the package logger (idempotent; adapters may pass their own formatter)."""
    handler = next((h for h in logger.handlers if getattr(h, "_fib_handler", False)), None)
    if handler is None:
        handler = logging.StreamHandler(sys.stderr)
        handler._fib_handler = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    handler.setFormatter(formatter or JsonFormatter())
    logger.setLevel(level)
    logger.propagate = False
