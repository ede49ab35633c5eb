"""The API under load, bounded and on loopback only: 200 concurrent clients over every read
endpoint (streams included) while ingests run, against ``fogofwar serve`` with two worker
processes. Figures are printed (``-s`` shows them; ``fogofwar bench api`` runs the long
version); the test asserts only that nothing failed: no error status, no dropped connection,
no failed ingest.
"""

from __future__ import annotations

import asyncio
import secrets

import httpx
import pytest

from fogofwar.benchmarks.api_bench import discover_urls, run_load, running_server

pytestmark = pytest.mark.slow


def test_200_clients_over_every_endpoint_while_ingesting(demo_db: str) -> None:
    token = secrets.token_urlsafe(24)
    with running_server(demo_db, workers=2, threads=16, token=token) as base:
        urls = discover_urls(base)
        assert any("claims.jsonl" in u for u in urls) and any("/api/events/" in u for u in urls)
        before = httpx.get(base + "/api/health").json()["articles"]
        result = asyncio.run(
            run_load(
                base, clients=200, seconds=25, think=2.0, token=token, urls=urls,
                ingest_every=0.5,
            )
        )  # fmt: skip
        after = httpx.get(base + "/api/health").json()["articles"]
    print("\n" + "\n".join(result.lines()))
    assert result.requests > 400
    assert result.errors == 0, result.error_samples[:5]
    assert result.ingests >= 1 and result.ingest_errors == 0
    assert after > before  # the ingests stored articles while the clients read
    assert {"streams", "/api/events", "/api/claims"} <= set(result.latencies)


def test_the_load_test_refuses_other_hosts() -> None:
    with pytest.raises(ValueError, match="loopback"):
        asyncio.run(run_load("http://10.0.0.1:8000", clients=1, seconds=1))
