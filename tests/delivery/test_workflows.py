"""The GitHub workflows, checked offline: schema, zizmor, pinning, permissions, OIDC, no racing deploys.

actionlint's PyPI package downloads its binary at install time, so actionlint runs in the ci workflow only.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.servers import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def load(path: Path) -> dict[Any, Any]:
    # BaseLoader keeps `on:` a string key (YAML 1.1 would read it as True).
    return dict(yaml.load(path.read_text(), Loader=yaml.BaseLoader))  # noqa: S506 - BaseLoader builds no objects


def test_workflows_exist() -> None:
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "deploy.yml", "deploy-cloud.yml"}


def test_workflows_and_dependabot_match_their_json_schemas() -> None:
    for schema, paths in (
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.dependabot", [ROOT / ".github" / "dependabot.yml"]),
    ):
        result = subprocess.run(
            [str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, paths)],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_offline_finds_nothing() -> None:
    result = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--no-progress", str(ROOT / ".github" / "workflows")],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_sha(path: Path) -> None:
    for line in path.read_text().splitlines():
        match = re.search(r"uses:\s*([^\s#]+)", line)
        if match and not match.group(1).startswith("./"):
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", match.group(1)), line
            assert "# v" in line, f"say which version the SHA is: {line}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_permissions(path: Path) -> None:
    workflow = load(path)
    assert workflow.get("permissions") == {}, "top-level permissions must be {} (each job asks for its own)"
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"job {name} has no permissions block"
        granted = job["permissions"]
        assert granted.get("contents") in {"read", None}, f"job {name} may write contents"
        assert set(granted) <= {"contents", "id-token"}, f"job {name} asks for {set(granted)}"


def test_no_long_lived_cloud_keys() -> None:
    text = "\n".join(p.read_text() for p in WORKFLOWS)
    for forbidden in ("aws-access-key-id", "aws-secret-access-key", "credentials_json", "creds:", "client-secret"):
        assert forbidden not in text
    deploy = load(ROOT / ".github" / "workflows" / "deploy-cloud.yml")
    for job in deploy["jobs"].values():
        assert job["permissions"].get("id-token") == "write"  # OIDC federation


def test_deploys_never_race_and_prod_waits_for_dev() -> None:
    deploy = load(ROOT / ".github" / "workflows" / "deploy.yml")
    assert deploy["concurrency"]["cancel-in-progress"] == "false"
    assert deploy["jobs"]["prod"]["needs"] == "dev"
    assert deploy["jobs"]["prod"]["with"]["environment"] == "prod"
    cloud = load(ROOT / ".github" / "workflows" / "deploy-cloud.yml")
    assert cloud["jobs"]["apply"]["needs"] == "plan"
    assert cloud["jobs"]["apply"]["environment"] == "${{ inputs.environment }}"
    steps = " ".join(str(step) for step in cloud["jobs"]["apply"]["steps"])
    assert "apply -lock-timeout=5m tfplan" in steps  # the saved, reviewed plan
    assert "tools/smoke.py" in steps
    assert "tools/release_aws.py" in steps
    assert "tools/rollback.py" in steps


def test_ci_runs_the_suite_on_every_supported_python() -> None:
    ci = load(ROOT / ".github" / "workflows" / "ci.yml")
    assert ci["jobs"]["test"]["strategy"]["matrix"]["python"] == ["3.11", "3.12", "3.13"]
    assert {"package", "infra", "audit", "secrets", "workflows"} <= set(ci["jobs"])
