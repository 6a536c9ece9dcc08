"""The realistic request mix `make load` sends (locust, headless, loopback only)."""

from __future__ import annotations

import random

from locust import HttpUser, between, task

MAX_N = 10_000_000


class ApiUser(HttpUser):
    wait_time = between(0.0, 0.05)

    @task(40)
    def small_value(self) -> None:
        self.client.get(f"/v1/fibonacci/{random.randint(0, 5_000)}", name="/v1/fibonacci/{small n}")  # noqa: S311

    @task(15)
    def legacy_list(self) -> None:
        self.client.get(f"/?n={random.randint(0, 300)}", name="/?n={n}")  # noqa: S311

    @task(15)
    def sequence_page(self) -> None:
        start = random.randint(0, 100_000)  # noqa: S311
        self.client.get(f"/v1/sequence?start={start}&count=50", name="/v1/sequence?start={k}&count=50")

    @task(2)
    def large_value(self) -> None:
        n = MAX_N - random.randint(0, 1_000)  # noqa: S311 - near the limit, ~0.3 s of CPU each
        self.client.get(f"/v1/fibonacci/{n}", headers={"Accept": "text/plain"}, name="/v1/fibonacci/{n near max}")

    @task(10)
    def expected_errors(self) -> None:
        for path, status in (("/v1/fibonacci/-1", 422), ("/v1/fibonacci/10000001", 422), ("/nope", 404)):
            with self.client.get(path, name="errors (expected 4xx)", catch_response=True) as response:
                if (
                    response.status_code == status
                    and response.headers.get("content-type") == "application/problem+json"
                ):
                    response.success()
                else:
                    response.failure(f"{path}: {response.status_code}")

    @task(5)
    def healthz(self) -> None:
        self.client.get("/healthz")
