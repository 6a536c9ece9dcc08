"""`make package`: reproducible zips, nothing extra inside, and each entry point answers from its unpacked zip."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from tests.support.servers import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import build_packages

pytestmark = pytest.mark.slow
AWS_BUDGET_BYTES = 5_000_000
RUNTIME_PYTHON = build_packages.find_runtime_python()
needs_runtime_python = pytest.mark.skipif(RUNTIME_PYTHON is None, reason="no CPython 3.12 (the deploy runtime) here")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every artifact as `make package` builds it, plus the AWS zip for this machine's architecture."""
    out = tmp_path_factory.mktemp("dist")
    artifacts = {cloud: build_packages.build(cloud, out, "arm64") for cloud in ("aws", "gcp", "azure")}
    artifacts["aws-host"] = build_packages.build("aws", tmp_path_factory.mktemp("dist-host"), host_arch())
    return artifacts


def host_arch() -> str:
    return {"x86_64": "x86_64", "amd64": "x86_64", "aarch64": "arm64", "arm64": "arm64"}[os.uname().machine.lower()]


def names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


@pytest.mark.parametrize("cloud", ["aws", "gcp", "azure"])
def test_builds_are_byte_identical(built: dict[str, Path], tmp_path: Path, cloud: str) -> None:
    again = build_packages.build(cloud, tmp_path, "arm64")
    assert hashlib.sha256(again.read_bytes()).hexdigest() == hashlib.sha256(built[cloud].read_bytes()).hexdigest()


def test_zip_entries_are_sorted_with_fixed_timestamps(built: dict[str, Path]) -> None:
    for cloud in ("aws", "gcp", "azure"):
        with zipfile.ZipFile(built[cloud]) as archive:
            entries = archive.infolist()
        assert [e.filename for e in entries] == sorted(e.filename for e in entries)
        assert {e.date_time for e in entries} == {(1980, 1, 1, 0, 0, 0)}


def test_aws_layout_and_exclusions(built: dict[str, Path]) -> None:
    entries = names(built["aws"])
    assert "adapters/aws/handler.py" in entries
    assert "fib_core/app.py" in entries
    assert "fib_core/_build.py" in entries
    assert any(e.startswith("gmpy2/") and "aarch64" in e for e in entries)  # arm64 by default
    tops = {e.split("/")[0] for e in entries}
    for unwanted in ("boto3", "botocore", "s3transfer", "urllib3", "dateutil", "tests", "pytest", "ruff", "mypy",
                     "uvicorn", "hypothesis", "functions_framework", "azure", "bin"):  # fmt: skip
        assert unwanted not in tops, unwanted
    assert not [e for e in entries if "__pycache__" in e or e.endswith((".pyc", ".pyi", ".c", ".h"))]


@pytest.mark.skipif(shutil.which("aarch64-linux-gnu-strip") is None, reason="needs binutils-aarch64-linux-gnu")
def test_aws_zip_is_within_budget(built: dict[str, Path]) -> None:
    assert built["aws"].stat().st_size <= AWS_BUDGET_BYTES


@pytest.mark.parametrize(("cloud", "entry"), [("gcp", "main.py"), ("azure", "function_app.py")])
def test_gcp_and_azure_layout(built: dict[str, Path], cloud: str, entry: str) -> None:
    entries = names(built[cloud])
    assert entry in entries
    assert "requirements.txt" in entries
    assert "fib_core/app.py" in entries
    assert not [e for e in entries if "__pycache__" in e or e.startswith(("tests/", "adapters/"))]
    with zipfile.ZipFile(built[cloud]) as archive:
        requirements = archive.read("requirements.txt").decode()
        if cloud == "azure":
            assert json.loads(archive.read("host.json"))["extensions"]["http"]["routePrefix"] == ""
    assert "--hash=sha256:" in requirements
    for unwanted in ("pytest", "ruff", "mypy", "hypothesis", "boto3"):
        assert f"\n{unwanted}==" not in requirements


# --- unpacked, with nothing but the artifact (and what the platform itself provides) ------------


def unpack(artifact: Path, destination: Path) -> Path:
    with zipfile.ZipFile(artifact) as archive:
        archive.extractall(destination)
    return destination


def install(requirements: list[str], target: Path) -> Path:
    """Install for CPython 3.12 on this machine's platform, the way the cloud's build would."""
    platform = {"x86_64": "x86_64-manylinux_2_28", "arm64": "aarch64-manylinux_2_28"}[host_arch()]
    subprocess.run(
        [str(build_packages.UV), "pip", "install", "--quiet", "--only-binary", ":all:", "--python-version", "3.12",
         "--python-platform", platform, "--target", str(target), *requirements],
        check=True, cwd=ROOT, timeout=600,
    )  # fmt: skip
    return target


def run_isolated(paths: list[Path], script: str) -> subprocess.CompletedProcess[str]:
    """CPython 3.12 with -I: no user site, no environment; sys.path is the stdlib plus `paths`."""
    prologue = f"import sys; sys.path[:0] = {[str(p) for p in paths]!r}\n"
    assert RUNTIME_PYTHON is not None
    return subprocess.run(
        [RUNTIME_PYTHON, "-I", "-c", prologue + textwrap.dedent(script)],
        capture_output=True, text=True, timeout=300, check=False, cwd="/",
    )  # fmt: skip


@pytest.fixture(scope="module")
def lambda_runtime_provided(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """boto3/botocore at the locked versions: the Lambda runtime ships them, the zip does not."""
    lock = (ROOT / "uv.lock").read_text()
    pins = []
    for name in ("boto3", "botocore"):
        version = lock.split(f'name = "{name}"\nversion = "', 1)[1].split('"', 1)[0]
        pins.append(f"{name}=={version}")
    return install(pins, tmp_path_factory.mktemp("lambda-runtime"))


@needs_runtime_python
def test_aws_handler_answers_from_unpacked_zip(
    built: dict[str, Path], tmp_path: Path, lambda_runtime_provided: Path
) -> None:
    code = unpack(built["aws-host"], tmp_path / "task")
    result = run_isolated(
        [code, lambda_runtime_provided, ROOT / "tests" / "support"],
        """
        import json, aws_events
        from adapters.aws.handler import handler
        import fastapi, gmpy2
        assert fastapi.__file__.startswith(sys.path[0]), fastapi.__file__
        out = {}
        for kind, build in aws_events.EVENT_BUILDERS.items():
            for path in ("/?n=5", "/v1/fibonacci/100", "/v1/sequence?count=2&start=3", "/healthz", "/?n=-1"):
                response = handler(build("GET", path, {}), aws_events.FakeLambdaContext())
                out[f"{kind} {path}"] = [response["statusCode"], aws_events.response_body(response).decode()]
        print("RESULT" + json.dumps(out))
        """,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = json.loads(result.stdout.split("RESULT", 1)[1])
    for kind in ("function-url", "http-api", "rest-api", "alb"):
        assert out[f"{kind} /?n=5"] == [200, "0, 1, 1, 2, 3"]
        assert out[f"{kind} /v1/fibonacci/100"][0] == 200
        assert json.loads(out[f"{kind} /v1/fibonacci/100"][1])["value"] == "354224848179261915075"
        assert json.loads(out[f"{kind} /v1/sequence?count=2&start=3"][1])["values"] == ["2", "3"]
        health = json.loads(out[f"{kind} /healthz"][1])
        assert health["backend"] == "gmpy2"
        assert "+" in health["version"]  # stamped with the git commit at build time
        assert out[f"{kind} /?n=-1"][0] == 422


ASGI_CALL = """
import asyncio, json

async def call(app, path, query=b""):
    sent = []
    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}
    async def send(message):
        sent.append(message)
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": query, "root_path": "",
             "headers": [(b"host", b"localhost")], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 8080)}
    await app(scope, receive, send)
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return sent[0]["status"], body.decode()
"""


@needs_runtime_python
def test_gcp_entry_point_answers_from_unpacked_zip(built: dict[str, Path], tmp_path: Path) -> None:
    code = unpack(built["gcp"], tmp_path / "source")
    dependencies = install(["-r", str(code / "requirements.txt")], tmp_path / "deps")
    result = run_isolated(
        [code, dependencies],
        ASGI_CALL
        + """
        from functions_framework.aio import create_asgi_app
        app = create_asgi_app("fibonacci", sys.path[0] + "/main.py")
        async def main():
            return [await call(app, "/", b"n=5"), await call(app, "/v1/fibonacci/100"), await call(app, "/healthz")]
        print("RESULT" + json.dumps(asyncio.run(main())))
        """.replace("\n        ", "\n"),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    legacy, value, health = json.loads(result.stdout.split("RESULT", 1)[1])
    assert legacy == [200, "0, 1, 1, 2, 3"]
    assert json.loads(value[1])["value"] == "354224848179261915075"
    assert json.loads(health[1])["status"] == "ok"


@needs_runtime_python
def test_azure_entry_point_answers_from_unpacked_zip(built: dict[str, Path], tmp_path: Path) -> None:
    code = unpack(built["azure"], tmp_path / "wwwroot")
    dependencies = install(["-r", str(code / "requirements.txt")], tmp_path / "deps")
    result = run_isolated(
        [code, dependencies],
        """
        import asyncio, json
        import azure.functions as func
        from function_app import app
        (function,) = app.get_functions()
        user_function = function.get_user_function()
        async def main():
            out = []
            for url in ("http://localhost/?n=5", "http://localhost/v1/fibonacci/100", "http://localhost/nope"):
                response = await user_function(func.HttpRequest(method="GET", url=url, body=b"", headers={}), None)
                out.append([response.status_code, response.get_body().decode()])
            await app.middleware.notify_shutdown()
            return out
        print("RESULT" + json.dumps(asyncio.run(main())))
        """,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    legacy, value, missing = json.loads(result.stdout.split("RESULT", 1)[1])
    assert legacy == [200, "0, 1, 1, 2, 3"]
    assert json.loads(value[1])["value"] == "354224848179261915075"
    assert missing[0] == 404


def test_building_never_modifies_installed_libraries(tmp_path: Path) -> None:
    """Stripping happens on copies: uv's hard links would otherwise rewrite the cache and this very venv."""
    import gmpy2
    import pydantic_core

    libraries = sorted(
        p
        for package in (gmpy2, pydantic_core)
        for p in Path(package.__file__).parent.parent.glob(f"{package.__name__}*/*.so*")
    )
    assert libraries
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in libraries}
    build_packages.build("aws", tmp_path, host_arch())
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in libraries} == before
