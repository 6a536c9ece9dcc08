"""What only the Azure adapter does: one anonymous HTTP trigger for every path, no /api prefix."""

from __future__ import annotations

import json
from pathlib import Path

import azure.functions as func

from tests.support.surfaces import azure_functions

HOST_JSON = Path(__file__).resolve().parents[2] / "adapters" / "azure" / "host.json"


def test_host_json_serves_paths_without_the_api_prefix() -> None:
    host = json.loads(HOST_JSON.read_text())
    assert host["version"] == "2.0"
    assert host["extensions"]["http"]["routePrefix"] == ""
    assert host["logging"]["applicationInsights"]["samplingSettings"]["isEnabled"] is True


def test_one_anonymous_http_trigger_for_every_route() -> None:
    (function,) = azure_functions()
    (trigger,) = [binding for binding in function.get_bindings() if binding.type == "httpTrigger"]
    assert trigger.auth_level == func.AuthLevel.ANONYMOUS
    assert trigger.route == "/{*route}"
