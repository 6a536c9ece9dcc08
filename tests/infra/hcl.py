"""Reading infra/*.tf with python-hcl2 and checking it against the provider schema snapshots."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import hcl2

from tests.support.servers import ROOT

INFRA = ROOT / "infra"
SCHEMAS = INFRA / "schemas"
OPTIONS = hcl2.SerializationOptions(strip_string_quotes=True, explicit_blocks=False, with_comments=False)
META_ARGUMENTS = {"count", "for_each", "depends_on", "provider", "providers", "lifecycle"}
SNAPSHOTS_BY_PREFIX = {
    "aws_": ["aws-5.100.0", "aws-6.25.0"],
    "google_": ["google-6.50.0"],
    "azurerm_": ["azurerm-4.55.0"],
}


@dataclass(frozen=True)
class Block:
    kind: str  # resource or data
    type: str
    name: str
    body: dict[str, Any]
    path: Path


def load(path: Path) -> dict[str, Any]:
    return dict(hcl2.loads(path.read_text(), serialization_options=OPTIONS))


def terraform_files(module: Path | None = None) -> list[Path]:
    base = module or INFRA
    return sorted(p for p in base.rglob("*.tf") if ".terraform" not in p.parts)


def blocks(module: Path | None = None) -> Iterator[Block]:
    for path in terraform_files(module):
        document = load(path)
        for kind in ("resource", "data"):
            for entry in document.get(kind, []):
                for type_name, named in entry.items():
                    for name, body in named.items():
                        yield Block(kind, type_name, name, body, path)


def schema_snapshots(type_name: str) -> list[dict[str, Any]]:
    for prefix, names in SNAPSHOTS_BY_PREFIX.items():
        if type_name.startswith(prefix):
            return [json.loads((SCHEMAS / f"{name}.json").read_text()) for name in names]
    raise KeyError(f"no provider schema snapshot for {type_name}")


def _is_block_value(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def check_body(body: dict[str, Any], schema: dict[str, Any], where: str) -> list[str]:
    """Problems with `body` against `schema`: unknown arguments or blocks, missing required ones."""
    problems: list[str] = []
    present: set[str] = set()
    for key, value in body.items():
        if key in META_ARGUMENTS:
            continue
        if key == "dynamic":
            for dynamic in value:
                for block_name, spec in dynamic.items():
                    present.add(block_name)
                    if block_name not in schema["blocks"]:
                        problems.append(f"{where}: unknown block {block_name!r} (dynamic)")
                        continue
                    for content in spec.get("content", []):
                        problems += check_body(content, schema["blocks"][block_name], f"{where}.{block_name}")
            continue
        present.add(key)
        if key in schema["blocks"]:
            if not _is_block_value(value):
                problems.append(f"{where}: {key!r} is a block, written as an argument")
                continue
            for item in value:
                problems += check_body(item, schema["blocks"][key], f"{where}.{key}")
        elif key not in schema["arguments"]:
            problems.append(f"{where}: unknown argument {key!r}")
    for name, spec in {**schema["arguments"], **schema["blocks"]}.items():
        if spec["required"] and name not in present:
            problems.append(f"{where}: missing required {name!r}")
    return problems


def check_block(block: Block) -> list[str]:
    problems: list[str] = []
    for snapshot in schema_snapshots(block.type):
        address = f"{block.kind}.{block.type}.{block.name}"
        where = f"{block.path.relative_to(ROOT)}: {address} (provider {snapshot['provider_version']})"
        types = snapshot[block.kind]
        if block.type not in types:
            problems.append(f"{where}: unknown {block.kind} type")
            continue
        problems += check_body(block.body, types[block.type], where)
    return problems
