"""Every resource type, argument and nested block in infra/ exists in the real provider schema.

The snapshots in infra/schemas/ come from the providers' own schemas (tools/provider_schemas.py); AWS is
checked against both 5.100 and 6.25, the majors versions.tf admits.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import hcl2
import pytest

from tests.infra.hcl import INFRA, OPTIONS, SCHEMAS, Block, blocks, check_block

ALL_BLOCKS = list(blocks())
MODULES = ["aws", "gcp", "azure"]


def test_every_cloud_has_resources_checked() -> None:
    for cloud, prefix in (("aws", "aws_"), ("gcp", "google_"), ("azure", "azurerm_")):
        checked = [b for b in ALL_BLOCKS if b.type.startswith(prefix) and b.kind == "resource"]
        assert len(checked) >= 8, f"{cloud}: only {len(checked)} resources"


@pytest.mark.parametrize("block", ALL_BLOCKS, ids=lambda b: f"{b.kind}.{b.type}.{b.name}")
def test_block_matches_provider_schema(block: Block) -> None:
    assert check_block(block) == []


def test_snapshots_cover_every_type_used() -> None:
    for path in SCHEMAS.glob("*.json"):
        assert json.loads(path.read_text())["unknown_types"] == [], path.name


@pytest.mark.parametrize("module", MODULES)
def test_provider_constraint_pins_the_snapshot_major(module: str) -> None:
    versions = (INFRA / module / "versions.tf").read_text()
    constraint = re.search(r'version\s*=\s*"([^"]+)"', versions.split("required_providers", 1)[1])
    assert constraint is not None
    text = constraint.group(1)
    snapshots = sorted(
        p.stem
        for p in SCHEMAS.glob("*.json")
        if p.stem.startswith({"gcp": "google", "azure": "azurerm"}.get(module, module))
    )
    lowest = snapshots[0].split("-", 1)[1]
    assert f">= {lowest}" in text, text
    highest_major = max(int(s.split("-", 1)[1].split(".")[0]) for s in snapshots)
    assert f"< {highest_major + 1}.0.0" in text, text


def _check_text(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "main.tf"
    path.write_text(text)
    document = hcl2.loads(text, serialization_options=OPTIONS)
    problems: list[str] = []
    for entry in document["resource"]:
        for type_name, named in entry.items():
            for name, body in named.items():
                problems += check_block(Block("resource", type_name, name, body, INFRA / "example.tf"))
    return problems


def test_checker_catches_a_misspelled_argument(tmp_path: Path) -> None:
    problems = _check_text(tmp_path, 'resource "aws_sns_topic" "t" {\n  nmae = "x"\n}\n')
    assert any("unknown argument 'nmae'" in p for p in problems)


def test_checker_catches_a_missing_required_argument(tmp_path: Path) -> None:
    problems = _check_text(tmp_path, 'resource "aws_lambda_function" "f" {\n  runtime = "python3.12"\n}\n')
    assert any("missing required 'function_name'" in p for p in problems)
    assert any("missing required 'role'" in p for p in problems)


def test_checker_catches_an_unknown_block(tmp_path: Path) -> None:
    problems = _check_text(
        tmp_path,
        'resource "google_storage_bucket" "b" {\n  name = "x"\n  location = "EU"\n'
        "  versionning {\n    enabled = true\n  }\n}\n",
    )
    assert any("unknown argument 'versionning'" in p or "unknown block" in p for p in problems)


def test_checker_catches_a_missing_required_nested_argument(tmp_path: Path) -> None:
    text = (
        'resource "azurerm_monitor_action_group" "a" {\n  name = "x"\n  resource_group_name = "r"\n'
        '  short_name = "s"\n  email_receiver {\n    name = "oncall"\n  }\n}\n'
    )
    problems = _check_text(tmp_path, text)
    assert any("email_receiver: missing required 'email_address'" in p for p in problems)
