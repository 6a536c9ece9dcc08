"""Record what serves now, and put it back: the scripted rollback for every cloud.

    python tools/rollback.py aws   --record previous.json      # before a deploy
    python tools/rollback.py aws   --restore previous.json     # after a failed smoke test or alarm
    python tools/rollback.py gcp   --restore previous.json --dry-run

Names come from `terraform output -json` in $TF_DIR (default infra/<cloud>), or --outputs FILE.

- aws: the `live` alias goes back to the recorded version, all traffic (boto3).
- gcp: Cloud Run traffic goes back to the recorded revision, 100% (`gcloud run services update-traffic`).
  The function keeps `all_traffic_on_latest_revision`, so the next `terraform apply` moves traffic forward again.
- azure: Flex Consumption has no revisions; the recorded package (downloaded from the app's deployment
  container) is deployed again (`az functionapp deploy`).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

Runner = Callable[[Sequence[str]], str]


def run_command(command: Sequence[str]) -> str:
    executable = shutil.which(command[0])
    if executable is None:
        raise SystemExit(f"{command[0]} is not installed")
    return subprocess.run([executable, *command[1:]], check=True, capture_output=True, text=True).stdout  # noqa: S603


def dry_run(command: Sequence[str]) -> str:
    print("would run: " + " ".join(command))
    return "{}"


def terraform_outputs(cloud: str, outputs_file: Path | None, runner: Runner) -> dict[str, Any]:
    if outputs_file:
        raw = json.loads(outputs_file.read_text())
    else:
        directory = os.environ.get("TF_DIR", f"infra/{cloud}")
        raw = json.loads(run_command(["terraform", f"-chdir={directory}", "output", "-json"]))
    return {
        name: entry["value"] if isinstance(entry, dict) and "value" in entry else entry for name, entry in raw.items()
    }


# --- AWS -------------------------------------------------------------------------------------------


def aws_record(outputs: dict[str, Any], session: Any) -> dict[str, str]:
    alias = session.client("lambda").get_alias(FunctionName=outputs["function_name"], Name=outputs["alias_name"])
    return {"function": outputs["function_name"], "alias": outputs["alias_name"], "version": alias["FunctionVersion"]}


def aws_restore(state: dict[str, str], session: Any, dry: bool) -> str:
    if dry:
        return f"would point {state['alias']} of {state['function']} at version {state['version']}"
    session.client("lambda").update_alias(
        FunctionName=state["function"],
        Name=state["alias"],
        FunctionVersion=state["version"],
        RoutingConfig={"AdditionalVersionWeights": {}},
    )
    return f"{state['alias']} of {state['function']} -> version {state['version']}"


# --- GCP -------------------------------------------------------------------------------------------


def gcp_record(outputs: dict[str, Any], region: str, runner: Runner) -> dict[str, str]:
    service = outputs["run_service_name"]
    described = json.loads(
        runner(["gcloud", "run", "services", "describe", service, f"--region={region}", "--format=json"])
    )
    serving = [t for t in described.get("status", {}).get("traffic", []) if t.get("percent") == 100]
    revision = serving[0]["revisionName"] if serving else described.get("status", {}).get("latestReadyRevisionName", "")
    return {"service": service, "region": region, "revision": revision}


def gcp_restore(state: dict[str, str], runner: Runner) -> str:
    runner(["gcloud", "run", "services", "update-traffic", state["service"], f"--region={state['region']}",
            f"--to-revisions={state['revision']}=100"])  # fmt: skip
    return f"{state['service']} -> revision {state['revision']} (100%)"


# --- Azure -----------------------------------------------------------------------------------------


def azure_record(outputs: dict[str, Any], package: Path, blob: str, runner: Runner) -> dict[str, str]:
    runner(["az", "storage", "blob", "download", "--auth-mode", "login",
            f"--account-name={outputs['storage_account_name']}", "--container-name=deployments",
            f"--name={blob}", f"--file={package}"])  # fmt: skip
    return {
        "app": outputs["function_app_name"],
        "resource_group": outputs["resource_group_name"],
        "package": str(package),
    }


def azure_restore(state: dict[str, str], runner: Runner) -> str:
    runner(["az", "functionapp", "deploy", f"--resource-group={state['resource_group']}", f"--name={state['app']}",
            f"--src-path={state['package']}", "--type=zip"])  # fmt: skip
    return f"{state['app']} <- {state['package']}"


def main(argv: list[str] | None = None, session: Any = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cloud", choices=["aws", "gcp", "azure"])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--record", type=Path, metavar="FILE", help="write what serves now to FILE")
    action.add_argument("--restore", type=Path, metavar="FILE", help="put back what FILE recorded")
    parser.add_argument("--outputs", type=Path, help="terraform output -json, saved (default: run terraform)")
    parser.add_argument("--region", default=os.environ.get("GCP_REGION", "europe-west1"), help="gcp region")
    parser.add_argument("--azure-blob", default="released-package.zip", help="package blob name in the container")
    parser.add_argument("--dry-run", action="store_true", help="print the cloud commands instead of running them")
    options = parser.parse_args(argv)
    runner: Runner = dry_run if options.dry_run else run_command
    if options.cloud == "aws" and session is None:
        import boto3  # only the AWS path needs it

        session = boto3.session.Session()

    if options.record:
        outputs = terraform_outputs(options.cloud, options.outputs, runner)
        if options.cloud == "aws":
            state = aws_record(outputs, session)
        elif options.cloud == "gcp":
            state = gcp_record(outputs, options.region, runner)
        else:
            state = azure_record(outputs, options.record.with_suffix(".zip"), options.azure_blob, runner)
        options.record.write_text(json.dumps({"cloud": options.cloud, **state}, indent=1) + "\n")
        print(f"recorded {options.cloud}: {state}")
        return 0

    state = json.loads(options.restore.read_text())
    if state.get("cloud") != options.cloud:
        parser.error(f"{options.restore} records {state.get('cloud')!r}, not {options.cloud!r}")
    if options.cloud == "aws":
        message = aws_restore(state, session, options.dry_run)
    elif options.cloud == "gcp":
        message = gcp_restore(state, runner)
    else:
        message = azure_restore(state, runner)
    print(f"ROLLED BACK {options.cloud}: {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
