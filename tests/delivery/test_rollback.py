"""Scripted rollback: AWS end to end against moto; GCP and Azure commands checked by dry run."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import boto3
import pytest

from tests.delivery.test_release_aws import FUNCTION, aws  # noqa: F401 - the moto fixture
from tests.support.servers import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import rollback


def outputs(tmp_path: Path, **values: str) -> Path:
    path = tmp_path / "outputs.json"
    path.write_text(json.dumps({name: {"value": value, "type": "string"} for name, value in values.items()}))
    return path


def test_aws_record_then_restore(aws: boto3.session.Session, tmp_path: Path) -> None:  # noqa: F811
    saved = outputs(tmp_path, function_name=FUNCTION, alias_name="live")
    record = tmp_path / "previous.json"
    assert rollback.main(["aws", "--record", str(record), "--outputs", str(saved)], session=aws) == 0
    assert json.loads(record.read_text()) == {"cloud": "aws", "function": FUNCTION, "alias": "live", "version": "1"}
    lam = aws.client("lambda")
    lam.update_alias(
        FunctionName=FUNCTION, Name="live", FunctionVersion="2", RoutingConfig={"AdditionalVersionWeights": {}}
    )
    assert rollback.main(["aws", "--restore", str(record)], session=aws) == 0
    assert lam.get_alias(FunctionName=FUNCTION, Name="live")["FunctionVersion"] == "1"


def test_gcp_restore_pins_traffic_to_the_recorded_revision(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = tmp_path / "previous.json"
    record.write_text(
        json.dumps({"cloud": "gcp", "service": "fib-prod", "region": "europe-west1", "revision": "fib-prod-00007-abc"})
    )
    assert rollback.main(["gcp", "--restore", str(record), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert (
        "would run: gcloud run services update-traffic fib-prod --region=europe-west1"
        " --to-revisions=fib-prod-00007-abc=100" in out
    )
    assert "ROLLED BACK gcp" in out


def test_azure_record_downloads_the_package_and_restore_redeploys_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = outputs(
        tmp_path,
        function_app_name="func-fib-prod",
        resource_group_name="rg-fib-prod",
        storage_account_name="fibprod12345678",
    )
    record = tmp_path / "previous.json"
    assert rollback.main(["azure", "--record", str(record), "--outputs", str(saved), "--dry-run"]) == 0
    assert "az storage blob download --auth-mode login --account-name=fibprod12345678" in capsys.readouterr().out
    assert rollback.main(["azure", "--restore", str(record), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert (
        "az functionapp deploy --resource-group=rg-fib-prod --name=func-fib-prod"
        f" --src-path={tmp_path / 'previous.zip'} --type=zip" in out
    )


def test_restore_refuses_a_record_of_another_cloud(tmp_path: Path) -> None:
    record = tmp_path / "previous.json"
    record.write_text(json.dumps({"cloud": "aws", "function": "f", "alias": "live", "version": "1"}))
    with pytest.raises(SystemExit):
        rollback.main(["gcp", "--restore", str(record), "--dry-run"])
