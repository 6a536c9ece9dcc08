"""Snapshot the Terraform provider schemas of the resource types infra/ uses, for offline checks.

    python tools/provider_schemas.py                 # regenerate infra/schemas/*.json (downloads ~130 MB)
    python tools/provider_schemas.py --show google_cloudfunctions2_function

The google and azurerm providers cannot be downloaded here, but the prebuilt CDKTF provider packages on
npm embed each provider's schema in their jsii assembly (package/.jsii): per resource, a class whose docs
link to registry.terraform.io/.../docs/resources/<name>, and a config struct whose properties link to
`#<terraform_argument_name>`; properties documented as "<name> block." are nested blocks, and
non-optional properties are required. Only the types infra/ uses are kept (a few hundred KB).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
INFRA = ROOT / "infra"
SNAPSHOTS = INFRA / "schemas"
# snapshot name -> (npm package, package version, provider version it embeds)
PACKAGES = {
    "aws-5.100.0": ("@cdktf/provider-aws", "20.1.0", "5.100.0"),
    "aws-6.25.0": ("@cdktf/provider-aws", "21.22.1", "6.25.0"),
    "google-6.50.0": ("@cdktf/provider-google", "16.12.1", "6.50.0"),
    "azurerm-4.55.0": ("@cdktf/provider-azurerm", "14.23.1", "4.55.0"),
}
TYPE_PATTERN = re.compile(r'^\s*(resource|data)\s+"([a-z0-9_]+)"', re.MULTILINE)
LINK = re.compile(r"/docs/(resources|data-sources)/([a-z0-9_]+)[ #}]")
ANCHOR = re.compile(r"#([a-z0-9_]+) ")


def used_types() -> dict[str, set[str]]:
    """{"resource": {...}, "data": {...}} over every .tf file under infra/."""
    found: dict[str, set[str]] = {"resource": set(), "data": set()}
    for path in INFRA.rglob("*.tf"):
        if ".terraform" in path.parts:
            continue
        for kind, name in TYPE_PATTERN.findall(path.read_text()):
            found[kind].add(name)
    return found


def load_assembly(package: str, version: str, cache: Path) -> dict[str, Any]:
    tarball = cache / f"{package.strip('@').replace('/', '-')}-{version}.tgz"
    if not tarball.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("npm is needed to download the provider packages")
        subprocess.run([npm, "pack", f"{package}@{version}", "--silent", "--pack-destination", str(cache)],  # noqa: S603
                       check=True, capture_output=True)  # fmt: skip
    with tarfile.open(tarball) as archive:
        member = archive.extractfile("package/.jsii")
        if member is None:
            raise SystemExit(f"{tarball.name} has no package/.jsii")
        return dict(json.load(member))


def _struct_fqn(type_ref: dict[str, Any]) -> str | None:
    """The struct behind a block property: plain fqn, list of fqn, or union with IResolvable."""
    if "fqn" in type_ref and not type_ref["fqn"].startswith("cdktf."):
        return str(type_ref["fqn"])
    if "collection" in type_ref:
        return _struct_fqn(type_ref["collection"]["elementtype"])
    if "union" in type_ref:
        for member in type_ref["union"]["types"]:
            fqn = _struct_fqn(member)
            if fqn:
                return fqn
    return None


def describe_struct(types: dict[str, Any], fqn: str) -> dict[str, Any]:
    arguments: dict[str, dict[str, bool]] = {}
    blocks: dict[str, Any] = {}
    for prop in types[fqn].get("properties", []):
        docs = prop.get("docs", {})
        summary = docs.get("summary", "")
        if summary.endswith(" block."):
            name = summary[: -len(" block.")]
            nested = _struct_fqn(prop["type"])
            blocks[name] = {"required": not prop.get("optional", False)}
            if nested:
                blocks[name].update(describe_struct(types, nested))
            continue
        match = ANCHOR.search(summary + " ") or ANCHOR.search(docs.get("remarks", "") + " ")
        if match:
            arguments[match.group(1)] = {"required": not prop.get("optional", False)}
    return {"arguments": arguments, "blocks": blocks}


def extract(assembly: dict[str, Any], wanted: dict[str, set[str]]) -> dict[str, Any]:
    types = assembly["types"]
    result: dict[str, dict[str, Any]] = {"resource": {}, "data": {}}
    for entry in types.values():
        match = LINK.search(entry.get("docs", {}).get("summary", ""))
        if not match or entry.get("kind") != "class":
            continue
        kind = "resource" if match.group(1) == "resources" else "data"
        # resource docs are named without the provider prefix; data sources likewise
        summary = entry["docs"]["summary"]
        terraform_type = summary.rsplit(" ", 1)[-1].rstrip("}.")
        if terraform_type not in wanted[kind]:
            continue
        parameters = entry.get("initializer", {}).get("parameters", [])
        config = next((p["type"]["fqn"] for p in parameters if p["name"] == "config"), None)
        if config:
            result[kind][terraform_type] = describe_struct(types, config)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", metavar="TYPE", help="print one type's schema from the matching assembly")
    parser.add_argument("--cache", type=Path, help="keep the downloaded npm tarballs here (reused when present)")
    options = parser.parse_args()
    wanted = used_types()
    if options.show:
        wanted = {"resource": {options.show}, "data": {options.show}}
    SNAPSHOTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="fib-schemas-") as temporary:
        cache = options.cache or Path(temporary)
        cache.mkdir(parents=True, exist_ok=True)
        for snapshot, (package, package_version, provider_version) in PACKAGES.items():
            prefix = snapshot.split("-")[0] + "_"
            subset = {kind: {t for t in names if t.startswith(prefix)} for kind, names in wanted.items()}
            if not any(subset.values()):
                continue
            assembly = load_assembly(package, package_version, cache)
            schemas = extract(assembly, subset)
            missing = sorted(t for kind in subset for t in subset[kind] - set(schemas[kind]))
            if options.show:
                print(json.dumps(schemas, indent=1, sort_keys=True))
                continue
            document = {
                "provider": snapshot.split("-")[0],
                "provider_version": provider_version,
                "source": f"{package}@{package_version} (package/.jsii)",
                "unknown_types": missing,
                **schemas,
            }
            (SNAPSHOTS / f"{snapshot}.json").write_text(json.dumps(document, indent=1, sort_keys=True) + "\n")
            count = sum(len(v) for v in schemas.values())
            print(f"{snapshot}: {count} types" + (f", unknown: {missing}" if missing else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
