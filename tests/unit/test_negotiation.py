from __future__ import annotations

import pytest

from fib_core.negotiation import choose_media_type, if_none_match_hits, strong_etag

OFFERED = ("application/json", "text/plain")


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "application/json"),
        ("", "application/json"),
        ("*/*", "application/json"),
        ("text/plain", "text/plain"),
        ("text/*", "text/plain"),
        ("application/json", "application/json"),
        ("text/plain, */*;q=0.1", "text/plain"),
        ("application/json;q=0.5, text/plain", "text/plain"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/json"),
        ("TEXT/PLAIN", "text/plain"),
        ("image/png", None),
        ("text/plain;q=0, application/json;q=0", None),
        ("*/*;q=0", None),
        ("text/plain;q=abc", None),
        ("text/plain;q=2", None),
        ("*/*, text/plain;q=0", "application/json"),
    ],
)
def test_choose_media_type(accept: str | None, expected: str | None) -> None:
    assert choose_media_type(accept, OFFERED) == expected


def test_etag_is_strong_and_depends_on_identity() -> None:
    tag = strong_etag("value", 10, "application/json")
    assert tag.startswith('"')
    assert tag.endswith('"')
    assert tag == strong_etag("value", 10, "application/json")
    assert tag != strong_etag("value", 10, "text/plain")
    assert tag != strong_etag("value", 11, "application/json")


@pytest.mark.parametrize(
    ("header", "hit"),
    [
        (None, False),
        ("", False),
        ('"abc"', True),
        ('W/"abc"', True),
        ('"x", "abc"', True),
        ("*", True),
        ('"abd"', False),
    ],
)
def test_if_none_match(header: str | None, hit: bool) -> None:
    assert if_none_match_hits(header, '"abc"') is hit
