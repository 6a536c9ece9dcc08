"""Bad configuration is rejected at plan time with a clear message, on every cloud.

The variable files declare no provider, so each one is planned alone in a scratch module: that runs
offline for GCP and Azure too, whose providers cannot be downloaded here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.infra.test_terraform import INFRA, needs_terraform, terraform

VALID = {
    "aws": {"alarm_email": "oncall@example.com"},
    "gcp": {"alarm_email": "oncall@example.com", "project_id": "my-fib-project"},
    "azure": {"alarm_email": "oncall@example.com", "subscription_id": "00000000-0000-0000-0000-000000000000"},
    # The app's limits are validated once, in the module every cloud calls, with fib_core.config's ranges.
    "modules/conventions": {
        "service": "fib",
        "environment": "dev",
        "max_n": "10000000",
        "max_response_bytes": "5000000",
    },
}
CASES = [
    ("aws", "reserved_concurrency", "-1", "reserved_concurrency must be a whole number from 1"),
    ("aws", "timeout_seconds", "901", "Lambda's maximum"),
    ("aws", "memory_mb", "64", "Lambda's range"),
    ("aws", "alarm_email", "not-an-email", "must be an email address"),
    ("aws", "architecture", "sparc", "arm64 or x86_64"),
    ("aws", "log_retention_days", "10", "CloudWatch Logs' values"),
    ("gcp", "max_instance_count", "-3", "max_instance_count must be a whole number from 1"),
    ("gcp", "timeout_seconds", "3601", "HTTP function maximum"),
    ("gcp", "memory", "3Gi", "memory must be one of"),
    ("gcp", "alarm_email", "oncall@", "must be an email address"),
    ("gcp", "project_id", "Bad_Project", "project_id must be 6-30"),
    ("azure", "maximum_instance_count", "0", "maximum_instance_count must be a whole number from 1"),
    ("azure", "instance_memory_mb", "1024", "Flex Consumption sizes"),
    ("azure", "alarm_email", "@example.com", "must be an email address"),
    ("azure", "subscription_id", "not-a-guid", "subscription_id must be a GUID"),
    ("azure", "response_time_alarm_seconds", "300", "hard limit"),
    ("modules/conventions", "max_n", "0", "max_n must be a whole number from 1 to 100,000,000"),
    ("modules/conventions", "max_n", "100000001", "max_n must be a whole number from 1 to 100,000,000"),
    ("modules/conventions", "max_response_bytes", "1023", "from 1,024 to 100,000,000"),
    ("modules/conventions", "log_level", "LOUD", "log_level must be one of"),
    ("modules/conventions", "environment", "Prod!", "environment must be"),
]


def plan(module: str, scratch: Path, values: dict[str, str]) -> tuple[int, str]:
    scratch.mkdir(parents=True, exist_ok=True)
    shutil.copy(INFRA / module / "variables.tf", scratch / "variables.tf")
    init = terraform("init", "-backend=false", "-input=false", cwd=scratch, data_dir=scratch / ".terraform")
    assert init.returncode == 0, init.stdout + init.stderr
    arguments = [f"-var={name}={value}" for name, value in values.items()]
    result = terraform("plan", "-input=false", "-lock=false", *arguments, cwd=scratch, data_dir=scratch / ".terraform")
    return result.returncode, " ".join((result.stdout + result.stderr).split())


@needs_terraform
@pytest.mark.parametrize("module", sorted(VALID))
def test_valid_values_plan_cleanly(tmp_path: Path, module: str) -> None:
    code, output = plan(module, tmp_path / module.replace("/", "-"), VALID[module])
    assert code == 0, output


@needs_terraform
@pytest.mark.parametrize(("module", "name", "value", "message"), CASES, ids=lambda v: str(v))
def test_nonsense_is_rejected_with_a_clear_message(
    tmp_path: Path, module: str, name: str, value: str, message: str
) -> None:
    code, output = plan(module, tmp_path / module.replace("/", "-"), {**VALID[module], name: value})
    assert code != 0
    assert "Invalid value for variable" in output
    assert message in output, output[-800:]
