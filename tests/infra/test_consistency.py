"""infra/ and serverless.yml agree with the code: entry points, runtimes, artifacts, env names, tags."""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any

import pytest
import yaml

from fib_core import config
from tests.infra.hcl import INFRA, ROOT, blocks, load, schema_snapshots

sys.path.insert(0, str(ROOT / "tools"))
import build_packages


def module_locals(module: str) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for path in (INFRA / module).glob("*.tf"):
        for entry in load(path).get("locals", []):
            merged.update(entry)
    return merged


def variable_default(module: str, name: str) -> Any:
    for entry in load(INFRA / module / "variables.tf").get("variable", []):
        if name in entry:
            return entry[name].get("default")
    raise KeyError(name)


def resource(module: str, type_name: str, name: str) -> dict[str, Any]:
    for block in blocks(INFRA / module):
        if block.type == type_name and block.name == name:
            return block.body
    raise KeyError(f"{type_name}.{name}")


def serverless() -> dict[str, Any]:
    text = (ROOT / "serverless.yml").read_text()
    return dict(yaml.load(text, Loader=yaml.BaseLoader))  # noqa: S506 - BaseLoader builds no objects


RUNTIME = build_packages.RUNTIME_PYTHON  # "3.12"


def test_aws_handler_exists_and_matches_serverless() -> None:
    handler = module_locals("aws")["handler"]
    module_path, function = handler.rsplit(".", 1)
    module = importlib.import_module(module_path.replace("/", "."))
    assert callable(getattr(module, function))
    assert serverless()["functions"]["api"]["handler"] == handler
    assert resource("aws", "aws_lambda_function", "api")["handler"] == "${local.handler}"


def test_gcp_entry_point_exists() -> None:
    entry_point = module_locals("gcp")["entry_point"]
    module = importlib.import_module("adapters.gcp.main")
    assert callable(getattr(module, entry_point))
    assert (
        resource("gcp", "google_cloudfunctions2_function", "api")["build_config"][0]["entry_point"]
        == "${local.entry_point}"
    )


def test_azure_entry_point_exists() -> None:
    module = importlib.import_module("adapters.azure.function_app")
    assert hasattr(module, "app")
    body = resource("azure", "azurerm_function_app_flex_consumption", "api")
    assert body["runtime_name"] == "${local.runtime}"
    assert module_locals("azure")["runtime"] == "python"


def test_runtimes_match_the_packages() -> None:
    assert module_locals("aws")["runtime"] == f"python{RUNTIME}"
    assert serverless()["provider"]["runtime"] == f"python{RUNTIME}"
    assert module_locals("gcp")["runtime"] == f"python{RUNTIME.replace('.', '')}"
    assert module_locals("azure")["runtime_ver"] == RUNTIME


@pytest.mark.parametrize("module", ["aws", "gcp", "azure"])
def test_artifact_paths_match_make_package(module: str) -> None:
    cloud = {"aws": "aws", "gcp": "gcp", "azure": "azure"}[module]
    assert cloud in build_packages.BUILDERS
    default = variable_default(module, "package_path")
    assert (INFRA / module / default).resolve() == (ROOT / "dist" / f"{cloud}.zip").resolve()


def test_aws_architecture_default_matches_the_package() -> None:
    assert variable_default("aws", "architecture") == "arm64"
    assert serverless()["provider"]["architecture"] == "arm64"
    assert '"--arch", choices=sorted(PLATFORMS), default="arm64"' in (ROOT / "tools" / "build_packages.py").read_text()


def test_env_var_names_match_the_config_object() -> None:
    settings = load(INFRA / "modules" / "conventions" / "main.tf")["locals"][0]["app_settings"]
    names = set(re.findall(r"\b(FIB_[A-Z_]+)\b", str(settings)))
    expected = {config.ENV_MAX_N, config.ENV_MAX_RESPONSE_BYTES, config.ENV_LOG_LEVEL}
    assert names == expected
    assert expected <= set(serverless()["provider"]["environment"])


def test_every_taggable_resource_is_tagged() -> None:
    aws_providers = load(INFRA / "aws" / "providers.tf")["provider"]
    for provider in aws_providers:
        assert provider["aws"]["default_tags"][0]["tags"] == "${module.conventions.tags}"
    google_provider = load(INFRA / "gcp" / "providers.tf")["provider"][0]["google"]
    assert google_provider["default_labels"] == "${module.conventions.labels}"
    untagged = []
    for block in blocks():
        if block.kind != "resource" or block.type.startswith("aws_"):
            continue  # AWS: provider default_tags reach every taggable resource
        schema = schema_snapshots(block.type)[0]["resource"][block.type]["arguments"]
        for key in ("tags", "user_labels"):
            if key in schema and key not in block.body:
                untagged.append(f"{block.type}.{block.name} ({key})")
        if block.type.startswith("azurerm_") and "tags" in schema and "tags" not in block.body:
            untagged.append(f"{block.type}.{block.name}")
    assert untagged == []


def test_alarm_descriptions_point_at_the_runbook() -> None:
    for block in blocks():
        if block.type in {"aws_cloudwatch_metric_alarm", "azurerm_monitor_metric_alert"}:
            text = str(block.body.get("alarm_description") or block.body.get("description"))
            assert "docs/runbook.md#" in text, block.name
        if block.type == "google_monitoring_alert_policy":
            assert "docs/runbook.md#" in str(block.body["documentation"]), block.name
