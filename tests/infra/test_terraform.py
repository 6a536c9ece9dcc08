"""Terraform checks that run offline: fmt on every module; init, validate and `terraform test` for AWS.

The AWS provider comes from a local filesystem mirror (a directory holding registry.terraform.io/hashicorp/aws);
set TF_PLUGIN_MIRROR to point at it, otherwise the usual places are searched. Every file Terraform writes stays
inside the repository (infra/.terraform-cli/, git-ignored) except the lock file it puts beside the module.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.servers import ROOT

INFRA = ROOT / "infra"
TERRAFORM = shutil.which("terraform")
MIRROR_CANDIDATES = ("/opt/*", "/usr/share/terraform/plugins", "/usr/local/share/terraform/plugins")


def find_mirror() -> Path | None:
    configured = os.environ.get("TF_PLUGIN_MIRROR")
    candidates = [configured] if configured else []
    for pattern in MIRROR_CANDIDATES:
        candidates += glob.glob(pattern)
    candidates.append(str(Path.home() / ".terraform.d" / "plugins"))
    for candidate in candidates:
        if candidate and (Path(candidate) / "registry.terraform.io" / "hashicorp" / "aws").is_dir():
            return Path(candidate)
    return None


MIRROR = find_mirror()
needs_terraform = pytest.mark.skipif(TERRAFORM is None, reason="terraform CLI is not installed")
needs_mirror = pytest.mark.skipif(
    TERRAFORM is None or MIRROR is None,
    reason="no terraform CLI or no local mirror of hashicorp/aws (set TF_PLUGIN_MIRROR)",
)


def terraform(*args: str, cwd: Path, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    state = INFRA / ".terraform-cli"
    state.mkdir(exist_ok=True)
    config = state / "terraform.rc"
    if MIRROR is not None:
        aws = '["registry.terraform.io/hashicorp/aws"]'
        config.write_text(
            "provider_installation {\n"
            f'  filesystem_mirror {{\n    path    = "{MIRROR}"\n    include = {aws}\n  }}\n'
            f"  direct {{\n    exclude = {aws}\n  }}\n}}\n"
        )
    env = {
        **os.environ,
        "TF_CLI_CONFIG_FILE": str(config),
        "CHECKPOINT_DISABLE": "1",
        "TF_IN_AUTOMATION": "1",
        "TF_INPUT": "0",
        "TF_DATA_DIR": str(data_dir or state / cwd.name),
        "TF_PLUGIN_CACHE_DIR": "",
    }
    assert TERRAFORM is not None
    return subprocess.run(
        [TERRAFORM, *args, "-no-color"], cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )


@needs_terraform
def test_every_module_is_formatted() -> None:
    result = terraform("fmt", "-check", "-recursive", cwd=INFRA)
    assert result.returncode == 0, f"run `terraform fmt -recursive infra`:\n{result.stdout}{result.stderr}"


@pytest.fixture(scope="module")
def aws_initialised() -> Path:
    if TERRAFORM is None or MIRROR is None:
        pytest.skip("no terraform CLI or no local mirror of hashicorp/aws (set TF_PLUGIN_MIRROR)")
    module = INFRA / "aws"
    result = terraform("init", "-backend=false", "-input=false", cwd=module)
    assert result.returncode == 0, result.stdout + result.stderr
    return module


@needs_mirror
def test_aws_module_validates(aws_initialised: Path) -> None:
    result = terraform("validate", cwd=aws_initialised)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The configuration is valid" in result.stdout


@needs_mirror
def test_aws_terraform_test_with_mock_provider(aws_initialised: Path) -> None:
    result = terraform("test", cwd=aws_initialised)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 failed" in result.stdout
    assert " passed" in result.stdout
