"""The AWS release tool end to end against moto: versions, alias weights, alarm states, rollback, resume."""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws

from tests.support.servers import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import release_aws

REGION = "eu-west-1"
FUNCTION = "fib-prod"
ALARMS = ("fib-prod-errors", "fib-prod-throttles", "fib-prod-url-5xx")


def package(marker: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("adapters/aws/handler.py", f"# {marker}\ndef handler(event, context):\n    return {{}}\n")
    return buffer.getvalue()


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[boto3.session.Session]:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SECURITY_TOKEN", "AWS_SESSION_TOKEN"):
        monkeypatch.setenv(name, "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    with mock_aws():
        session = boto3.session.Session(region_name=REGION)
        role = session.client("iam").create_role(
            RoleName="fib-prod-function",
            AssumeRolePolicyDocument='{"Version":"2012-10-17","Statement":[]}',
        )["Role"]["Arn"]
        lam = session.client("lambda")
        lam.create_function(
            FunctionName=FUNCTION, Runtime="python3.12", Role=role, Handler="adapters/aws/handler.handler",
            Code={"ZipFile": package("v1")}, Publish=True, Architectures=["arm64"],
        )  # fmt: skip
        lam.create_alias(FunctionName=FUNCTION, Name="live", FunctionVersion="1")
        lam.update_function_code(FunctionName=FUNCTION, ZipFile=package("v2"))
        assert lam.publish_version(FunctionName=FUNCTION)["Version"] == "2"
        cloudwatch = session.client("cloudwatch")
        for name in ALARMS:
            cloudwatch.put_metric_alarm(
                AlarmName=name, Namespace="AWS/Lambda", MetricName="Errors", Statistic="Sum", Period=300,
                EvaluationPeriods=1, Threshold=1, ComparisonOperator="GreaterThanOrEqualToThreshold",
                Dimensions=[{"Name": "FunctionName", "Value": FUNCTION}],
            )  # fmt: skip
            cloudwatch.set_alarm_state(AlarmName=name, StateValue="OK", StateReason="healthy")
        yield session


class FakeTime:
    """A clock that only moves when the tool sleeps; `on_sleep` runs at each sleep (to fire alarms, crash...)."""

    def __init__(self, on_sleep: Callable[[int], None] | None = None) -> None:
        self.now = 0.0
        self.sleeps = 0
        self.on_sleep = on_sleep

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps += 1
        self.now += seconds
        if self.on_sleep:
            self.on_sleep(self.sleeps)


def release(session: boto3.session.Session, fake: FakeTime, lines: list[str], **overrides: Any) -> release_aws.Release:
    plan = release_aws.Plan(
        function=FUNCTION, alias="live", steps=overrides.get("steps", (10, 50)), bake_seconds=60, poll_seconds=20,
        alarm_names=(), alarm_prefix="fib-prod-",
    )  # fmt: skip
    return release_aws.Release(
        session.client("lambda"), session.client("cloudwatch"), plan, fake.sleep, fake.clock, lines.append
    )


def alias(session: boto3.session.Session) -> tuple[str, dict[str, float]]:
    found = session.client("lambda").get_alias(FunctionName=FUNCTION, Name="live")
    return found["FunctionVersion"], found.get("RoutingConfig", {}).get("AdditionalVersionWeights", {}) or {}


def test_gradual_shift_then_promotion(aws: boto3.session.Session) -> None:
    seen: list[tuple[str, dict[str, float]]] = []
    fake = FakeTime(on_sleep=lambda _: seen.append(alias(aws)))
    lines: list[str] = []
    assert release(aws, fake, lines).run("2") == release_aws.EXIT_PROMOTED
    assert ("1", {"2": 0.1}) in seen
    assert ("1", {"2": 0.5}) in seen
    assert ("2", {}) in seen  # the final bake, with all traffic on the new version
    assert alias(aws) == ("2", {})
    assert lines[-1].startswith("PROMOTED: live -> version 2")
    assert fake.now >= 3 * 60  # each step baked its full time


def test_alarm_mid_bake_rolls_back(aws: boto3.session.Session) -> None:
    def fire(sleeps: int) -> None:
        if sleeps == 4:  # during the 50% step
            aws.client("cloudwatch").set_alarm_state(
                AlarmName="fib-prod-url-5xx", StateValue="ALARM", StateReason="5xx"
            )

    lines: list[str] = []
    assert release(aws, FakeTime(on_sleep=fire), lines).run("2") == release_aws.EXIT_ROLLED_BACK
    assert alias(aws) == ("1", {})
    assert "ROLLED BACK: fib-prod-url-5xx in ALARM; live -> version 1" in lines[-1]


def test_alarm_during_final_bake_rolls_back_to_previous_version(aws: boto3.session.Session) -> None:
    def fire(sleeps: int) -> None:
        if alias(aws) == ("2", {}):
            aws.client("cloudwatch").set_alarm_state(AlarmName="fib-prod-errors", StateValue="ALARM", StateReason="x")

    assert release(aws, FakeTime(on_sleep=fire), []).run("2") == release_aws.EXIT_ROLLED_BACK
    assert alias(aws) == ("1", {})


def test_rerun_after_a_crash_resumes_and_finishes(aws: boto3.session.Session) -> None:
    def crash(sleeps: int) -> None:
        if sleeps == 4:
            raise KeyboardInterrupt("the pipeline runner died")

    with pytest.raises(KeyboardInterrupt):
        release(aws, FakeTime(on_sleep=crash), []).run("2")
    assert alias(aws) == ("1", {"2": 0.5})  # left mid-canary
    lines: list[str] = []
    assert release(aws, FakeTime(), lines).run("2") == release_aws.EXIT_PROMOTED
    assert "resuming: version 2 already gets 50% of live" in lines
    assert not any("gets 10%" in line for line in lines)  # did not go back to the first step
    assert alias(aws) == ("2", {})


def test_second_run_after_success_is_a_no_op(aws: boto3.session.Session) -> None:
    assert release(aws, FakeTime(), []).run("2") == release_aws.EXIT_PROMOTED
    lines: list[str] = []
    fake = FakeTime()
    assert release(aws, fake, lines).run("2") == release_aws.EXIT_PROMOTED
    assert lines == ["nothing to do: live already serves version 2 alone"]
    assert fake.sleeps == 0


def test_refuses_to_start_while_an_alarm_fires(aws: boto3.session.Session) -> None:
    aws.client("cloudwatch").set_alarm_state(AlarmName="fib-prod-throttles", StateValue="ALARM", StateReason="x")
    lines: list[str] = []
    assert release(aws, FakeTime(), lines).run("2") == release_aws.EXIT_REFUSED
    assert alias(aws) == ("1", {})
    assert lines[-1].startswith("REFUSED: fib-prod-throttles already in ALARM")


def test_stale_canary_of_another_version_is_removed_first(aws: boto3.session.Session) -> None:
    lam = aws.client("lambda")
    lam.update_function_code(FunctionName=FUNCTION, ZipFile=package("v3"))
    assert lam.publish_version(FunctionName=FUNCTION)["Version"] == "3"
    lam.update_alias(FunctionName=FUNCTION, Name="live", RoutingConfig={"AdditionalVersionWeights": {"2": 0.1}})
    lines: list[str] = []
    assert release(aws, FakeTime(), lines).run("3") == release_aws.EXIT_PROMOTED
    assert any("stale canary for version(s) 2" in line for line in lines)
    assert alias(aws) == ("3", {})


def test_cli_publishes_latest_and_releases(aws: boto3.session.Session, monkeypatch: pytest.MonkeyPatch) -> None:
    lam = aws.client("lambda")
    lam.update_function_code(FunctionName=FUNCTION, ZipFile=package("v3"))
    monkeypatch.setattr(release_aws.time, "sleep", lambda _seconds: None)
    code = release_aws.main(
        ["--function", FUNCTION, "--publish", "--steps", "25", "--bake-seconds", "0", "--alarm-prefix", "fib-prod-"],
        session=aws,
    )
    assert code == release_aws.EXIT_PROMOTED
    assert alias(aws) == ("3", {})


@pytest.mark.parametrize("steps", ["0,50", "50,10", "10,100", "", "10,10"])
def test_bad_steps_are_refused(steps: str) -> None:
    with pytest.raises(SystemExit):
        release_aws.main(["--function", FUNCTION, "--version", "2", "--steps", steps, "--alarm-prefix", "x"])
