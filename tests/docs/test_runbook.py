"""Every alarm and uptime alert in infra/ links to an entry that exists in docs/runbook.md."""

from __future__ import annotations

import re

from tests.infra.hcl import INFRA, blocks, load
from tests.support.servers import ROOT

RUNBOOK = (ROOT / "docs" / "runbook.md").read_text()
ALARM_TYPES = {"aws_cloudwatch_metric_alarm", "google_monitoring_alert_policy", "azurerm_monitor_metric_alert"}


def for_each_keys(module: str, local_name: str) -> list[str]:
    for path in (INFRA / module).glob("*.tf"):
        for entry in load(path).get("locals", []):
            if local_name in entry:
                return sorted(entry[local_name])
    raise KeyError(local_name)


def alarm_anchors() -> dict[str, str]:
    """Anchor -> alarm, for every alarm resource, with for_each expanded."""
    anchors: dict[str, str] = {}
    for block in blocks():
        if block.type not in ALARM_TYPES:
            continue
        text = str(block.body)
        found = re.findall(r"docs/runbook\.md#([a-z0-9${}.-]+?)\.?['\"\s]", text + " ")
        assert found, f"{block.type}.{block.name} does not link to the runbook"
        for anchor in found:
            if "${each.key}" in anchor:
                local = re.search(r"local\.([a-z_]+)", str(block.body["for_each"]))
                assert local
                module = block.path.parent.name
                for key in for_each_keys(module, local.group(1)):
                    anchors[anchor.replace("${each.key}", key)] = f"{block.type}.{block.name}[{key}]"
            else:
                anchors[anchor] = f"{block.type}.{block.name}"
    return anchors


def test_every_alarm_has_a_runbook_entry() -> None:
    anchors = alarm_anchors()
    assert len(anchors) == 11  # aws 5, gcp 3, azure 3
    missing = [f"{anchor} ({alarm})" for anchor, alarm in anchors.items() if f'<a id="{anchor}"></a>' not in RUNBOOK]
    assert missing == []


def test_every_runbook_entry_says_what_it_means_how_to_confirm_and_what_to_do() -> None:
    sections = re.split(r'<a id="[a-z0-9-]+"></a>', RUNBOOK)[1:]
    assert len(sections) == len(alarm_anchors())
    for section in sections:
        for part in ("**Means:**", "**Confirm:**", "**Do:**"):
            assert part in section, section[:80]
