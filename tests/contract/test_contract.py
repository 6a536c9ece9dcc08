"""The API contract, checked the same way on every surface that serves the app."""

from __future__ import annotations

import re

import pytest

from tests.support.surfaces import Reply, Surface

PROBLEM = "application/problem+json"
IMMUTABLE = "public, max-age=31536000, immutable"
MAX_N = 10_000_000


def assert_problem(reply: Reply, status: int, *fragments: str) -> dict[str, object]:
    assert reply.status == status, reply.body[:500]
    assert reply.media_type == PROBLEM
    document = reply.json()
    assert set(document) >= {"type", "title", "status", "detail"}
    assert document["status"] == status
    for fragment in fragments:
        assert fragment in document["detail"], document["detail"]
    assert "Traceback" not in reply.text
    assert reply.headers["x-content-type-options"] == "nosniff"
    return document  # type: ignore[no-any-return]


# --- the original template's contract: GET /?n=N -----------------------------------------


@pytest.mark.parametrize(
    ("n", "body"),
    [
        ("0", b""),
        ("1", b"0"),
        ("2", b"0, 1"),
        ("5", b"0, 1, 1, 2, 3"),
        ("10", b"0, 1, 1, 2, 3, 5, 8, 13, 21, 34"),
    ],
)
def test_legacy_body_byte_for_byte(surface: Surface, n: str, body: bytes) -> None:
    reply = surface.request("GET", f"/?n={n}")
    assert reply.status == 200
    assert reply.body == body
    assert reply.media_type == "text/plain"
    assert reply.headers["content-length"] == str(len(body))


def test_legacy_large_list_ends_with_known_value(surface: Surface) -> None:
    reply = surface.request("GET", "/?n=101")
    values = reply.text.split(", ")
    assert len(values) == 101
    assert values[-1] == "354224848179261915075"


def test_legacy_byte_budget_edge(surface: Surface) -> None:
    fits = surface.request("GET", "/?n=6907")
    assert fits.status == 200
    assert len(fits.body) <= 5_000_000
    assert fits.body.count(b", ") == 6906
    over = surface.request("GET", "/?n=6908")
    problem = assert_problem(over, 422, "5,000,000-byte", "At most 6,907 fit", "/v1/sequence?start=6907")
    assert problem["max_count"] == 6907


@pytest.mark.parametrize("query", ["", "?n=", "?n=-1", "?n=%2B5", "?n=%205", "?n=1_000", "?n=1e3", "?n=1.5", "?n=0x10",
                                   "?n=%D9%A1%D9%A2", "?n=5&n=6", "?m=5"])  # fmt: skip
def test_legacy_rejects_bad_input(surface: Surface, query: str) -> None:
    assert_problem(surface.request("GET", "/" + query), 422)


# --- GET /v1/fibonacci/{n} ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "value"),
    [(0, "0"), (1, "1"), (2, "1"), (10, "55"), (93, "12200160415121876738"), (100, "354224848179261915075")],
)
def test_value_json(surface: Surface, n: int, value: str) -> None:
    reply = surface.request("GET", f"/v1/fibonacci/{n}")
    assert reply.status == 200
    assert reply.media_type == "application/json"
    assert reply.json() == {"n": n, "value": value, "digits": len(value)}
    assert reply.body == f'{{"n":{n},"value":"{value}","digits":{len(value)}}}'.encode()


def test_value_as_text(surface: Surface) -> None:
    reply = surface.request("GET", "/v1/fibonacci/100", headers={"Accept": "text/plain"})
    assert reply.status == 200
    assert reply.media_type == "text/plain"
    assert reply.body == b"354224848179261915075"
    assert "accept" in reply.headers["vary"].lower()


def test_value_past_the_str_digit_limit(surface: Surface) -> None:
    reply = surface.request("GET", "/v1/fibonacci/20578")
    assert reply.status == 200
    assert reply.json()["digits"] == 4301


def test_value_at_max_n_and_beyond(surface: Surface) -> None:
    reply = surface.request("GET", f"/v1/fibonacci/{MAX_N}", headers={"Accept": "text/plain"})
    assert reply.status == 200
    assert len(reply.body) == 2_089_877
    assert reply.body.startswith(b"11298343782253997603")
    problem = assert_problem(surface.request("GET", f"/v1/fibonacci/{MAX_N + 1}"), 422, "10,000,000")
    assert problem["maximum"] == MAX_N
    assert problem["parameter"] == "n"


@pytest.mark.parametrize(
    "raw", ["-1", "%2B5", "%205", "1_000", "1e3", "1.5", "0x10", "%D9%A1%D9%A2", "%EF%BC%95", "abc", "5" * 5000]
)
def test_value_rejects_bad_input(surface: Surface, raw: str) -> None:
    assert_problem(surface.request("GET", f"/v1/fibonacci/{raw}"), 422)


def test_value_not_acceptable(surface: Surface) -> None:
    problem = assert_problem(surface.request("GET", "/v1/fibonacci/5", headers={"Accept": "image/png"}), 406)
    assert problem["available"] == ["application/json", "text/plain"]


# --- GET /v1/sequence --------------------------------------------------------------------


def test_sequence_page(surface: Surface) -> None:
    reply = surface.request("GET", "/v1/sequence?count=5&start=10")
    assert reply.status == 200
    assert reply.json() == {
        "start": 10,
        "count": 5,
        "values": ["55", "89", "144", "233", "377"],
        "next": "/v1/sequence?start=15&count=5",
    }
    assert reply.headers["link"] == '</v1/sequence?start=15&count=5>; rel="next"'


def test_sequence_start_defaults_to_zero_and_next_page_continues(surface: Surface) -> None:
    first = surface.request("GET", "/v1/sequence?count=3").json()
    assert first["start"] == 0
    assert first["values"] == ["0", "1", "1"]
    second = surface.request("GET", first["next"]).json()
    assert second["values"] == ["2", "3", "5"]


def test_sequence_last_page_has_no_next(surface: Surface) -> None:
    reply = surface.request("GET", f"/v1/sequence?start={MAX_N}&count=1")
    assert reply.status == 200
    assert reply.json()["next"] is None
    assert "link" not in reply.headers
    near_end = surface.request("GET", f"/v1/sequence?start={MAX_N - 3}&count=2").json()
    assert near_end["next"] == f"/v1/sequence?start={MAX_N - 1}&count=2"
    clipped = surface.request("GET", f"/v1/sequence?start={MAX_N - 2}&count=2").json()
    assert clipped["next"] == f"/v1/sequence?start={MAX_N}&count=1"


def test_sequence_byte_budget_edge(surface: Surface) -> None:
    assert surface.request("GET", "/v1/sequence?start=0&count=6902").status == 200
    problem = assert_problem(
        surface.request("GET", "/v1/sequence?start=0&count=6903"),
        422,
        "largest count that fits from start=0 is 6,902",
        "next link",
    )
    assert problem["max_count"] == 6902


def test_sequence_past_max_n(surface: Surface) -> None:
    assert_problem(surface.request("GET", f"/v1/sequence?start={MAX_N}&count=2"), 422, "count")
    assert_problem(surface.request("GET", f"/v1/sequence?start={MAX_N + 1}&count=1"), 422, "start")


@pytest.mark.parametrize(
    "query",
    ["", "?start=5", "?count=0", "?count=-1", "?count=%2B3", "?count=3&count=4", "?count=3&start=1&start=2",
     "?count=1e2", "?count=" + "9" * 5000, "?count=3&start=%EF%BC%91"],
)  # fmt: skip
def test_sequence_rejects_bad_input(surface: Surface, query: str) -> None:
    assert_problem(surface.request("GET", "/v1/sequence" + query), 422)


# --- GET /healthz ------------------------------------------------------------------------


def test_healthz(surface: Surface) -> None:
    reply = surface.request("GET", "/healthz")
    assert reply.status == 200
    document = reply.json()
    assert document["status"] == "ok"
    assert document["backend"] in {"gmpy2", "python"}
    assert document["version"]
    assert reply.headers["cache-control"] == "no-store"
    assert "etag" not in reply.headers


# --- HTTP semantics shared by every route ------------------------------------------------

CACHEABLE = ["/?n=5", "/v1/fibonacci/10", "/v1/sequence?count=3"]


@pytest.mark.parametrize("path", CACHEABLE)
def test_caching_headers_and_conditional_get(surface: Surface, path: str) -> None:
    reply = surface.request("GET", path)
    assert reply.status == 200
    assert reply.headers["cache-control"] == IMMUTABLE
    etag = reply.headers["etag"]
    assert etag.startswith('"')
    assert not etag.startswith("W/")
    again = surface.request("GET", path)
    assert again.headers["etag"] == etag
    not_modified = surface.request("GET", path, headers={"If-None-Match": etag})
    assert not_modified.status == 304
    assert not_modified.body == b""
    assert not_modified.headers["etag"] == etag
    assert surface.request("GET", path, headers={"If-None-Match": '"other"'}).status == 200


def test_etag_differs_per_representation(surface: Surface) -> None:
    as_json = surface.request("GET", "/v1/fibonacci/10")
    as_text = surface.request("GET", "/v1/fibonacci/10", headers={"Accept": "text/plain"})
    assert as_json.headers["etag"] != as_text.headers["etag"]


@pytest.mark.parametrize("path", [*CACHEABLE, "/healthz"])
def test_head_matches_get_without_body(surface: Surface, path: str) -> None:
    get = surface.request("GET", path)
    head = surface.request("HEAD", path)
    assert head.status == 200
    assert head.body == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers.get("etag") == get.headers.get("etag")


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", ["/?n=5", "/v1/fibonacci/5", "/v1/sequence?count=2", "/healthz"])
def test_other_methods_are_405(surface: Surface, method: str, path: str) -> None:
    reply = surface.request(method, path)
    assert_problem(reply, 405, method)
    assert set(reply.headers["allow"].replace(" ", "").split(",")) == {"GET", "HEAD"}


def test_unknown_path_is_404_problem(surface: Surface) -> None:
    assert_problem(surface.request("GET", "/v2/nothing"), 404, "/v1/fibonacci/{n}")


@pytest.mark.parametrize("path", ["/?n=5", "/v1/fibonacci/x", "/nope", "/healthz"])
def test_request_id_generated_or_echoed(surface: Surface, path: str) -> None:
    generated = surface.request("GET", path).headers["x-request-id"]
    assert len(generated) >= 16
    assert surface.request("GET", path).headers["x-request-id"] != generated
    echoed = surface.request("GET", path, headers={"X-Request-ID": "client-abc.123"})
    assert echoed.headers["x-request-id"] == "client-abc.123"
    unsafe = surface.request("GET", path, headers={"X-Request-ID": "bad id\twith spaces"})
    assert unsafe.headers["x-request-id"] != "bad id\twith spaces"


def test_unknown_parameters_are_ignored(surface: Surface) -> None:
    # Cache-busters such as jQuery's `_=` must not change the answer.
    assert surface.request("GET", "/?n=3&_=123").body == b"0, 1, 1"
    assert surface.request("GET", "/v1/fibonacci/10?_=1").json()["value"] == "55"


def test_openapi_describes_every_route(surface: Surface) -> None:
    reply = surface.request("GET", "/openapi.json")
    assert reply.status == 200
    paths = reply.json()["paths"]
    assert set(paths) >= {"/", "/v1/fibonacci/{n}", "/v1/sequence", "/healthz"}
    for route in ("/", "/v1/fibonacci/{n}", "/v1/sequence"):
        operation = paths[route]["get"]
        assert "422" in operation["responses"]
        assert operation["parameters"], route
    assert surface.request("GET", "/docs").status == 200


def test_openapi_operation_ids_are_unique(surface: Surface) -> None:
    paths = surface.request("GET", "/openapi.json").json()["paths"]
    ids = [operation["operationId"] for operations in paths.values() for operation in operations.values()]
    assert len(ids) == len(set(ids))


# --- the page for people, and browser-facing headers -------------------------------------------

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_browser_without_n_gets_a_self_contained_page_with_strict_csp(surface: Surface) -> None:
    reply = surface.request("GET", "/", headers={"Accept": BROWSER_ACCEPT})
    assert reply.status == 200
    assert reply.media_type == "text/html"
    csp = reply.headers["content-security-policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'sha256-" in csp
    assert "unsafe-inline" not in csp
    assert reply.headers["x-frame-options"] == "DENY"
    page = reply.text
    assert '<form id="form">' in page
    for external in ("http://", "https://", "//cdn", "<link", "src="):
        assert external not in page, external


@pytest.mark.parametrize("accept", [None, "*/*", "application/json", "text/plain"])
def test_non_browsers_without_n_keep_the_original_422(surface: Surface, accept: str | None) -> None:
    headers = {"Accept": accept} if accept else None
    assert_problem(surface.request("GET", "/", headers=headers), 422, "n is required")


def test_browsers_still_get_the_text_list_when_they_send_n(surface: Surface) -> None:
    reply = surface.request("GET", "/?n=5", headers={"Accept": BROWSER_ACCEPT})
    assert reply.body == b"0, 1, 1, 2, 3"


def skip_if_emulator_rewrites_cors(surface: Surface) -> None:
    if getattr(surface, "rewrites_cors", False):
        pytest.skip("serverless-offline replaces CORS headers with its own; the deployed function URL does not")


def test_cors_lets_any_origin_read_answers(surface: Surface) -> None:
    skip_if_emulator_rewrites_cors(surface)
    reply = surface.request("GET", "/v1/fibonacci/10", headers={"Origin": "https://example.org"})
    assert reply.headers["access-control-allow-origin"] == "*"
    assert "etag" in reply.headers["access-control-expose-headers"].lower()
    assert "access-control-allow-credentials" not in reply.headers


def test_cors_preflight_allows_only_reads(surface: Surface) -> None:
    skip_if_emulator_rewrites_cors(surface)
    headers = {
        "Origin": "https://example.org",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "if-none-match",
    }
    reply = surface.request("OPTIONS", "/v1/fibonacci/10", headers=headers)
    assert reply.status == 200
    assert set(reply.headers["access-control-allow-methods"].replace(" ", "").split(",")) == {"GET", "HEAD"}
    refused = surface.request(
        "OPTIONS", "/v1/fibonacci/10", headers={**headers, "Access-Control-Request-Method": "DELETE"}
    )
    assert refused.status == 400


def test_no_server_version_is_announced(surface: Surface) -> None:
    reply = surface.request("GET", "/healthz")
    assert not re.search(r"\d", reply.headers.get("server", "")), reply.headers.get("server")
    assert "x-powered-by" not in reply.headers
