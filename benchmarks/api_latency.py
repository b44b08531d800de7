"""Latency of the service API with 1,000 clusters, against the live all-in-one.

Usage::

    .venv/bin/python -m benchmarks.api_latency [--clusters 1000] [--requests 50]

It starts the all-in-one in a fresh state folder on its own ports, inserts the
clusters (and one template) straight into the service's database, takes a
real Keystone token for ``demo`` and times, over keep-alive-free HTTP like a
client's first call, ``GET /v1/clusters/detail`` (the whole page of 1,000)
and ``GET /v1/clusters/{uuid}``.  It prints the median and p95 of each.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import urllib.request
import uuid

from benchmarks import allinone
from tests.allinone import AllInOne


def _token(keystone: str, password: str) -> tuple[str, str]:
    body = {
        "auth": {
            "identity": {
                "methods": ["password"],
                "password": {
                    "user": {"name": "demo", "domain": {"id": "default"}, "password": password}
                },
            },
            "scope": {"project": {"name": "demo", "domain": {"id": "default"}}},
        }
    }
    request = urllib.request.Request(
        keystone + "/auth/tokens",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as response:
        project = json.loads(response.read())["token"]["project"]["id"]
        return str(response.headers["X-Subject-Token"]), str(project)


def _time(url: str, token: str, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        request = urllib.request.Request(url, headers={"X-Auth-Token": token})
        started = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            response.read()
        samples.append(time.perf_counter() - started)
    return samples


def _report(name: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    print(
        f"{name:34} median {statistics.median(ordered) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clusters", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    with allinone.running() as aio:
        keystone, api = aio.keystone_url, aio.api_url
        token, project = _token(keystone, AllInOne.password)
        template = str(uuid.uuid4())
        aio.sql(
            "INSERT INTO magnum_service_clustertemplate (uuid, name, project_id, user_id, "
            "created_at, coe, labels, registry_enabled, tls_disabled, public, hidden, "
            "server_type, master_lb_enabled, floating_ip_enabled) VALUES "
            "(%s, 'bench', %s, 'u', now(), 'swarm-mode', '{}', false, false, false, false, "
            "'local', false, true) RETURNING id",
            (template, project),
        )
        aio.sql(
            "INSERT INTO magnum_service_cluster (uuid, name, project_id, user_id, created_at, "
            "cluster_template_id, status, health_status_reason, master_addresses, "
            "node_addresses, node_count, master_count, labels, floating_ip_enabled, "
            "master_lb_enabled, faults) "
            "SELECT gen_random_uuid()::text, 'bay-' || n, %s, 'u', now(), "
            "(SELECT id FROM magnum_service_clustertemplate WHERE uuid = %s), "
            "'CREATE_COMPLETE', '{}', '[\"10.0.0.1\"]', '[\"10.0.0.2\", \"10.0.0.3\"]', 2, 1, "
            "'{\"a\": \"b\"}', true, false, '{}' FROM generate_series(1, %s) AS n",
            (project, template, args.clusters),
        )
        one = aio.sql("SELECT uuid FROM magnum_service_cluster LIMIT 1")[0][0]
        _time(f"{api}/clusters/detail", token, 3)  # warm both workers
        print(f"{args.clusters} clusters, {args.requests} requests each, demo's token")
        _report("GET /v1/clusters/detail", _time(f"{api}/clusters/detail", token, args.requests))
        _report("GET /v1/clusters/{uuid}", _time(f"{api}/clusters/{one}", token, args.requests))
    return 0


if __name__ == "__main__":
    sys.exit(main())
