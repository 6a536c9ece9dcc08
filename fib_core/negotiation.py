"""Conditional requests (ETag / If-None-Match) and Accept negotiation."""

from __future__ import annotations

import hashlib

# Bump when any representation's bytes change, so caches never mix formats.
REPRESENTATION_VERSION = "1"

IMMUTABLE = "public, max-age=31536000, immutable"


def strong_etag(*identity: object) -> str:
    """A strong validator from what determines the bytes, known before computing them."""
    key = "\x1f".join(str(part) for part in (REPRESENTATION_VERSION, *identity))
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


def if_none_match_hits(header: str | None, etag: str) -> bool:
    """RFC 9110 13.1.2: weak comparison; '*' matches any current representation."""
    if not header:
        return False
    opaque = etag.removeprefix("W/")
    for candidate in header.split(","):
        tag = candidate.strip()
        if tag == "*" or tag.removeprefix("W/") == opaque:
            return True
    return False


def _media_ranges(accept: str) -> list[tuple[str, float]]:
    ranges: list[tuple[str, float]] = []
    for part in accept.split(","):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        quality = 1.0
        for parameter in pieces[1:]:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
                if not 0.0 <= quality <= 1.0:
                    quality = 0.0
        ranges.append((media, quality))
    return ranges


def choose_media_type(accept: str | None, offered: tuple[str, ...]) -> str | None:
    """The offered type the client prefers (ties go to the first offered); None if none is acceptable."""
    if not accept or not accept.strip():
        return offered[0]
    ranges = _media_ranges(accept)
    best: tuple[float, int, int] | None = None
    chosen: str | None = None
    for order, media in enumerate(offered):
        main = media.split("/")[0]
        # The most specific matching range sets the quality (RFC 9110 12.5.1).
        quality, specificity = 0.0, -1
        for pattern, q in ranges:
            rank = 2 if pattern == media else 1 if pattern == f"{main}/*" else 0 if pattern == "*/*" else -1
            if rank > specificity:
                quality, specificity = q, rank
        if specificity < 0 or quality <= 0.0:
            continue
        score = (quality, specificity, -order)
        if best is None or score > best:
            best, chosen = score, media
    return chosen
