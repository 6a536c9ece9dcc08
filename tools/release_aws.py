"""Safe AWS release: shift the `live` alias to a new version step by step, watching alarms, and
promote or roll back by itself.

    python tools/release_aws.py --function fib-prod --version 7 --alarm-prefix fib-prod-
    python tools/release_aws.py --function fib-prod --publish --steps 10,50 --bake-seconds 300

Steps: the new version gets each weight in --steps (percent of requests) for --bake-seconds while the
alarms are polled; any alarm in ALARM sends all traffic back to the previous version and exits 1.
After the last step the alias points at the new version alone, which bakes once more.

Idempotent and resumable: run it again after a crash and it reads the alias, sees the canary weight it
reached and continues from there; a release that already finished is a no-op. It refuses to start while
an alarm is already firing (a release is no cure for an incident) unless --ignore-firing-alarms.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

EXIT_PROMOTED, EXIT_ROLLED_BACK, EXIT_REFUSED = 0, 1, 2


@dataclass(frozen=True)
class Plan:
    function: str
    alias: str
    steps: tuple[int, ...]  # canary percentages, ascending, each < 100
    bake_seconds: float
    poll_seconds: float
    alarm_names: tuple[str, ...]
    alarm_prefix: str | None


class Release:
    def __init__(
        self,
        lambda_client: Any,
        cloudwatch: Any,
        plan: Plan,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        say: Callable[[str], None] = print,
    ) -> None:
        self.lambda_client = lambda_client
        self.cloudwatch = cloudwatch
        self.plan = plan
        self.sleep = sleep
        self.clock = clock
        self.say = say

    # --- reading state -------------------------------------------------------------------------

    def alias_state(self) -> tuple[str, dict[str, float]]:
        alias = self.lambda_client.get_alias(FunctionName=self.plan.function, Name=self.plan.alias)
        weights = alias.get("RoutingConfig", {}).get("AdditionalVersionWeights", {}) or {}
        return str(alias["FunctionVersion"]), {str(k): float(v) for k, v in weights.items()}

    def firing_alarms(self) -> list[str]:
        names: list[str] = []
        query: dict[str, Any] = {"StateValue": "ALARM"}
        if self.plan.alarm_names:
            query["AlarmNames"] = list(self.plan.alarm_names)
        elif self.plan.alarm_prefix:
            query["AlarmNamePrefix"] = self.plan.alarm_prefix
        while True:
            response = self.cloudwatch.describe_alarms(**query)
            for alarm in response.get("MetricAlarms", []) + response.get("CompositeAlarms", []):
                if alarm.get("StateValue") == "ALARM":  # checked again: not every implementation honours StateValue
                    names.append(str(alarm["AlarmName"]))
            if not response.get("NextToken"):
                return sorted(names)
            query["NextToken"] = response["NextToken"]

    # --- changing state ------------------------------------------------------------------------

    def route(self, primary: str, canary: str | None, percent: int) -> None:
        weights = {canary: round(percent / 100, 4)} if canary and percent else {}
        self.lambda_client.update_alias(
            FunctionName=self.plan.function,
            Name=self.plan.alias,
            FunctionVersion=primary,
            RoutingConfig={"AdditionalVersionWeights": weights},
        )

    def bake(self) -> list[str]:
        """Watch the alarms for bake_seconds; return the ones that fired (empty when healthy)."""
        deadline = self.clock() + self.plan.bake_seconds
        while True:
            firing = self.firing_alarms()
            if firing:
                return firing
            remaining = deadline - self.clock()
            if remaining <= 0:
                return []
            self.sleep(min(self.plan.poll_seconds, remaining))

    def rollback(self, previous: str, target: str, firing: Sequence[str]) -> int:
        self.route(previous, None, 0)
        self.say(
            f"ROLLED BACK: {', '.join(firing)} in ALARM; {self.plan.alias} -> version {previous}"
            f" (was shifting to {target})"
        )
        return EXIT_ROLLED_BACK

    # --- the release ---------------------------------------------------------------------------

    def run(self, target: str, ignore_firing_alarms: bool = False) -> int:
        primary, weights = self.alias_state()
        if primary == target and not weights:
            self.say(f"nothing to do: {self.plan.alias} already serves version {target} alone")
            return EXIT_PROMOTED
        if primary == target:
            # Crashed between promotion and the final bake's clean-up: finish the promotion.
            self.route(target, None, 0)
            self.say(f"PROMOTED: {self.plan.alias} -> version {target}")
            return EXIT_PROMOTED
        stray = [version for version in weights if version != target]
        if stray:
            self.say(f"removing a stale canary for version(s) {', '.join(stray)} left by an earlier release")
            self.route(primary, None, 0)
            weights = {}
        firing = self.firing_alarms()
        if firing and not ignore_firing_alarms:
            self.say(f"REFUSED: {', '.join(firing)} already in ALARM; fix or acknowledge first")
            return EXIT_REFUSED
        reached = round(weights.get(target, 0.0) * 100)
        if reached:
            self.say(f"resuming: version {target} already gets {reached}% of {self.plan.alias}")
        for percent in self.plan.steps:
            if percent < reached:
                continue
            self.route(primary, target, percent)
            self.say(f"canary: version {target} gets {percent}%; baking {self.plan.bake_seconds:g} s")
            firing = self.bake()
            if firing:
                return self.rollback(primary, target, firing)
        self.route(target, None, 0)
        self.say(f"all traffic on version {target}; final bake {self.plan.bake_seconds:g} s")
        firing = self.bake()
        if firing:
            return self.rollback(primary, target, firing)
        self.say(f"PROMOTED: {self.plan.alias} -> version {target} (previous {primary})")
        return EXIT_PROMOTED


def parse_steps(text: str) -> tuple[int, ...]:
    steps = tuple(int(part) for part in text.split(",") if part.strip())
    if not steps or any(not 0 < step < 100 for step in steps) or list(steps) != sorted(set(steps)):
        raise argparse.ArgumentTypeError("steps must be ascending percentages between 1 and 99, e.g. 10,50")
    return steps


def main(argv: list[str] | None = None, session: Any = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--function", required=True, help="function name (terraform output function_name)")
    parser.add_argument("--alias", default="live", help="alias the public URL serves (default live)")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--version", help="version to release (terraform output published_version)")
    target.add_argument("--publish", action="store_true", help="publish $LATEST as a new version (idempotent)")
    parser.add_argument("--steps", type=parse_steps, default=(10, 50), help="canary percentages (default 10,50)")
    parser.add_argument("--bake-seconds", type=float, default=300.0, help="watch time per step (default 300)")
    parser.add_argument("--poll-seconds", type=float, default=30.0, help="alarm polling interval (default 30)")
    alarms = parser.add_mutually_exclusive_group(required=True)
    alarms.add_argument("--alarm-names", help="comma-separated alarm names to watch")
    alarms.add_argument("--alarm-prefix", help="watch every alarm whose name starts with this")
    parser.add_argument("--region", help="AWS region (default: the environment's)")
    parser.add_argument("--ignore-firing-alarms", action="store_true", help="start even if an alarm is firing")
    options = parser.parse_args(argv)
    if session is None:
        import boto3  # provided by the Lambda runtime and CI; only this tool needs it

        session = boto3.session.Session(region_name=options.region)
    lambda_client = session.client("lambda")
    plan = Plan(
        function=options.function,
        alias=options.alias,
        steps=options.steps,
        bake_seconds=options.bake_seconds,
        poll_seconds=options.poll_seconds,
        alarm_names=tuple(n for n in (options.alarm_names or "").split(",") if n),
        alarm_prefix=options.alarm_prefix,
    )
    version = options.version or str(lambda_client.publish_version(FunctionName=options.function)["Version"])
    release = Release(lambda_client, session.client("cloudwatch"), plan)
    return release.run(version, ignore_firing_alarms=options.ignore_firing_alarms)


if __name__ == "__main__":
    sys.exit(main())
