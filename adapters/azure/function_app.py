"""Azure Functions (Python v2 programming model) entry point.

AsgiFunctionApp registers one anonymous HTTP trigger for every route and hands
each request to fib_core's app; host.json removes the default /api prefix.
"""

from __future__ import annotations

import azure.functions as func

from fib_core.app import app as fib_app

app = func.AsgiFunctionApp(app=fib_app, http_auth_level=func.AuthLevel.ANONYMOUS)
