"""Build the deployment package of each cloud, byte-for-byte reproducibly.

    python tools/build_packages.py                      # dist/aws.zip, dist/gcp.zip, dist/azure.zip
    python tools/build_packages.py --cloud aws --arch x86_64 --out /tmp/x

* aws.zip: Lambda layout (the handler at adapters/aws/handler.py), manylinux wheels for the
  chosen architecture and CPython 3.12, installed here; boto3/botocore and what only they need
  are left out because the Lambda runtime provides them; native libraries are stripped.
  `--bytecode sourceless` precompiles dependencies for 3.12 (Lambda's file system is read-only,
  so it cannot cache .pyc): faster cold starts, ~0.9 MB more zip.
* gcp.zip: main.py at the root, fib_core, requirements.txt (hash-pinned); Cloud Build installs.
* azure.zip: function_app.py, host.json, fib_core, requirements.txt; the remote build installs.

Reproducible: entries sorted, timestamps fixed to SOURCE_DATE_EPOCH (default 1980-01-01),
permissions normalised, no caches, no absolute paths.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UV = ROOT / ".tools" / "bin" / "uv"
RUNTIME_PYTHON = "3.12"
# Provided by the Lambda Python runtime; only the X-Ray SDK wants them, and bundling them costs ~17 MB.
LAMBDA_RUNTIME_PROVIDED = ("boto3", "botocore", "s3transfer", "urllib3", "python-dateutil", "six")
PLATFORMS = {"arm64": "aarch64-manylinux_2_28", "x86_64": "x86_64-manylinux_2_28"}
SKIPPED_DIRS = {"__pycache__", "bin", "tests", "test"}
# Parts of the AWS dependencies the handler never imports (checked by the unpack test, which runs every
# event kind through the unpacked zip): Powertools' other utilities and event handler, pydantic's v1 shim
# (FastAPI treats its absence as "no v1 models") and mypy plugin. Keeps aws.zip under the 5 MB budget.
AWS_UNUSED = (
    "aws_lambda_powertools/event_handler",
    "aws_lambda_powertools/middleware_factory",
    *(f"aws_lambda_powertools/utilities/{name}" for name in (
        "auth_alpha", "batch", "circuit_breaker", "data_classes", "data_masking", "feature_flags", "idempotency",
        "kafka", "metadata", "parameters", "parser", "streaming", "validation",
    )),
    "aws_xray_sdk/ext",  # library patchers; the handler's Tracer runs with auto_patch=False
    "pydantic/v1",
    "pydantic/mypy.py",
)  # fmt: skip
SKIPPED_FILES = {".lock"}  # uv's lock file for the --target directory
SKIPPED_SUFFIXES = {".pyc", ".pyo", ".pyi", ".c", ".h"}  # caches, type stubs and C sources do not run


def run(command: list[str], **kwargs: object) -> str:
    # Commands are built here from fixed tool names and paths, never from outside input.
    result = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT, **kwargs)  # type: ignore[call-overload]  # noqa: S603
    return str(result.stdout)


def export_requirements(extra: str, hashes: bool, exclude: tuple[str, ...] = ()) -> str:
    command = [str(UV), "export", "--frozen", "--no-default-groups", "--extra", extra, "--no-emit-project",
               "--no-header", "--no-annotate"]  # fmt: skip
    if not hashes:
        command.append("--no-hashes")
    for name in exclude:
        command += ["--no-emit-package", name]
    return run(command)


def git_commit() -> str:
    try:
        return run(["git", "rev-parse", "--short=12", "HEAD"]).strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return "unknown"


def project_version() -> str:
    for line in (ROOT / "pyproject.toml").read_text().splitlines():
        if line.startswith("version = "):
            return line.split('"')[1]
    raise RuntimeError("no version in pyproject.toml")


def copy_source(stage: Path) -> None:
    """fib_core, without caches, plus a build stamp that /healthz reports."""
    shutil.copytree(ROOT / "fib_core", stage / "fib_core", ignore=shutil.ignore_patterns("__pycache__", "_build.py"))
    version = f"{project_version()}+{git_commit()}"
    stamp = f'"""Written by tools/build_packages.py."""\n\nVERSION = "{version}"\n'
    (stage / "fib_core" / "_build.py").write_text(stamp)


def install_wheels(stage: Path, requirements: str, arch: str) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write(requirements)
    try:
        # --link-mode copy: the stage is modified (stripped); hard links would modify uv's cache and every venv.
        run([str(UV), "pip", "install", "--quiet", "--no-deps", "--no-compile", "--only-binary", ":all:",
             "--link-mode", "copy", "--python-platform", PLATFORMS[arch], "--python-version", RUNTIME_PYTHON,
             "--target", str(stage), "-r", handle.name])  # fmt: skip
    finally:
        os.unlink(handle.name)


def find_runtime_python() -> str | None:
    """A working CPython 3.12 to precompile bytecode with: pyenv's, or python3.12 on PATH."""
    candidates: list[str] = []
    if shutil.which("pyenv"):
        versions = run(["pyenv", "versions", "--bare"]).split()
        for version in sorted(v for v in versions if v.startswith(f"{RUNTIME_PYTHON}.")):
            env = {**os.environ, "PYENV_VERSION": version}
            candidates.append(run(["pyenv", "which", "python3"], env=env).strip())
    candidates += [c for c in [shutil.which(f"python{RUNTIME_PYTHON}")] if c]
    for candidate in candidates:
        try:
            reported = run([candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"]).strip()
        except (subprocess.CalledProcessError, OSError):
            continue
        if reported == RUNTIME_PYTHON:
            return candidate
    return None


OWN_CODE = ("fib_core", "adapters")
STRIP_TOOLS = {"arm64": ("aarch64-linux-gnu-strip",), "x86_64": ("x86_64-linux-gnu-strip", "strip")}


def precompile(stage: Path) -> bool:
    """Bytecode for CPython 3.12, so a cold start does not compile ~500 modules (measured: ~0.7 s here).

    Opt-in (--bytecode sourceless): it costs ~0.9 MB of zip, past the 5 MB budget. Our own code keeps its
    source beside __pycache__ (readable tracebacks); dependencies ship as sourceless .pyc only.
    unchecked-hash pycs embed no mtimes and -s/-p make embedded paths /var/task/..., so the bytes do not
    depend on this machine.
    """
    python = find_runtime_python()
    if python is None:
        print(f"warning: no Python {RUNTIME_PYTHON} found; aws.zip ships sources without bytecode", file=sys.stderr)
        return False
    common = [python, "-m", "compileall", "-q", "-j", "0", "--invalidation-mode", "unchecked-hash",
              "-s", str(stage), "-p", "/var/task"]  # fmt: skip
    own = [str(stage / name) for name in OWN_CODE]
    dependencies = [
        str(p) for p in sorted(stage.iterdir()) if (p.is_dir() or p.suffix == ".py") and p.name not in OWN_CODE
    ]
    run([*common, *own])
    run([*common, "-b", *dependencies])
    for dependency in map(Path, dependencies):
        for source in [dependency] if dependency.is_file() else dependency.rglob("*.py"):
            if source.with_suffix(".pyc").exists():
                source.unlink()
    return True


def strip_debug_info(stage: Path, arch: str) -> None:
    """Drop debug sections and local symbols from native libraries (gmpy2's alone carries ~2.7 MB of them)."""
    tool = next((t for t in STRIP_TOOLS[arch] if shutil.which(t)), None)
    if tool is None:
        print(f"warning: no strip for {arch} ({' or '.join(STRIP_TOOLS[arch])}); native libraries keep debug info",
              file=sys.stderr)  # fmt: skip
        return
    for library in sorted(p for p in stage.rglob("*.so*") if p.is_file()):
        run([tool, "--strip-unneeded", "--enable-deterministic-archives", str(library)])


def prune(stage: Path) -> None:
    for path in sorted(stage.rglob("*"), reverse=True):
        if path.is_dir() and path.name in SKIPPED_DIRS:
            shutil.rmtree(path)
        elif path.is_file() and (path.suffix in SKIPPED_SUFFIXES or path.name in SKIPPED_FILES):
            path.unlink()


def write_zip(stage: Path, destination: Path) -> None:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01, the earliest zip can store
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    files = sorted((p for p in stage.rglob("*") if p.is_file()), key=lambda p: p.relative_to(stage).as_posix())
    destination.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(destination, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(path.relative_to(stage).as_posix(), date_time=stamp)
            info.external_attr = (0o100755 if os.access(path, os.X_OK) and path.suffix == ".so" else 0o100644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so permissions are honoured the same everywhere
            archive.writestr(info, path.read_bytes(), compresslevel=9)


def build_aws(stage: Path, arch: str, bytecode: str) -> None:
    install_wheels(stage, export_requirements("aws", hashes=False, exclude=LAMBDA_RUNTIME_PROVIDED), arch)
    copy_source(stage)
    adapter = stage / "adapters"
    (adapter / "aws").mkdir(parents=True)
    shutil.copy2(ROOT / "adapters" / "__init__.py", adapter / "__init__.py")
    shutil.copy2(ROOT / "adapters" / "aws" / "__init__.py", adapter / "aws" / "__init__.py")
    shutil.copy2(ROOT / "adapters" / "aws" / "handler.py", adapter / "aws" / "handler.py")
    for unused in AWS_UNUSED:
        target = stage / unused
        if not target.exists():
            raise FileNotFoundError(f"{unused} is not in the package any more: update AWS_UNUSED")
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    prune(stage)
    strip_debug_info(stage, arch)
    if bytecode == "sourceless":
        precompile(stage)


def build_gcp(stage: Path, arch: str, bytecode: str) -> None:
    copy_source(stage)
    shutil.copy2(ROOT / "adapters" / "gcp" / "main.py", stage / "main.py")
    (stage / "requirements.txt").write_text(export_requirements("gcp", hashes=True))
    prune(stage)


def build_azure(stage: Path, arch: str, bytecode: str) -> None:
    copy_source(stage)
    shutil.copy2(ROOT / "adapters" / "azure" / "function_app.py", stage / "function_app.py")
    shutil.copy2(ROOT / "adapters" / "azure" / "host.json", stage / "host.json")
    (stage / "requirements.txt").write_text(export_requirements("azure", hashes=True))
    prune(stage)


BUILDERS = {"aws": build_aws, "gcp": build_gcp, "azure": build_azure}


def build(cloud: str, out: Path, arch: str, bytecode: str = "none") -> Path:
    destination = out / f"{cloud}.zip"
    with tempfile.TemporaryDirectory(prefix=f"fib-{cloud}-") as temporary:
        stage = Path(temporary) / "stage"
        stage.mkdir()
        BUILDERS[cloud](stage, arch, bytecode)
        write_zip(stage, destination)
    return destination


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cloud", choices=[*BUILDERS, "all"], default="all")
    parser.add_argument("--arch", choices=sorted(PLATFORMS), default="arm64", help="Lambda architecture (aws only)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument(
        "--bytecode",
        choices=["none", "sourceless"],
        default="none",
        help="aws only: ship dependencies as precompiled 3.12 bytecode (faster cold start, larger zip)",
    )
    options = parser.parse_args()
    for cloud in BUILDERS if options.cloud == "all" else [options.cloud]:
        path = build(cloud, options.out, options.arch, options.bytecode)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"{shown}  {path.stat().st_size:,} bytes  sha256:{digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
