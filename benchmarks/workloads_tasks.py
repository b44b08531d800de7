"""Time listing a bay's 500 Swarm tasks through the service API, on a real local bay.

Usage::

    MAGNUM_UI_TEST_PORT_OFFSET=500 .venv/bin/python -m benchmarks.workloads_tasks \\
        [--replicas 500] [--requests 30] [--settle 600]

It starts the all-in-one in a fresh state folder on its own ports, creates a
two-node bay (1 manager + 1 worker, real Docker Engines) as ``demo``, creates
through ``POST /v1/clusters/{id}/workloads`` one service of ``--replicas``
replicas of ``sleep 3600`` (the nodes' busybox image), waits up to
``--settle`` seconds for the tasks to run and up to ``--pause`` more for the
machine's load to fall under two per core, and then times ``GET
/v1/clusters/{id}/workloads/tasks`` ``--requests`` times over fresh
connections, as a client's call.  Each call is the whole path: Keystone token
check, policy, a fresh client certificate from the bay's CA, three Docker API
calls to the manager over TLS (tasks, services, nodes), and the JSON answer.
It prints the task states, the median and the p95, then deletes the service
and the bay.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import statistics
import sys
import time
import urllib.request
from typing import Any

from keystoneauth1 import session

from benchmarks import allinone
from magnum_ui.service.drivers.local import image

HEADERS = {"OpenStack-API-Version": "container-infra latest"}


def _bay(api: session.Session, base: str) -> dict[str, Any]:
    body = {"name": "bench-workloads", "cluster_template_id": "local-swarm", "node_count": 1}
    uuid = api.post(f"{base}/clusters", json=body, headers=HEADERS).json()["uuid"]
    while True:
        bay: dict[str, Any] = api.get(f"{base}/clusters/{uuid}", headers=HEADERS).json()
        if not bay["status"].endswith("_IN_PROGRESS"):
            if bay["status"] != "CREATE_COMPLETE":
                raise RuntimeError(f"the bay ended {bay['status']}: {bay.get('status_reason')}")
            return bay
        time.sleep(0.5)


def _states(api: session.Session, url: str) -> collections.Counter[str]:
    tasks = api.get(url, headers=HEADERS).json()["items"]
    return collections.Counter(t["state"] for t in tasks if t["desired_state"] == "running")


def _settle(api: session.Session, url: str, replicas: int, limit: float) -> float:
    """Wait until every replica runs, or ``limit`` s, or 60 s without progress."""
    started = time.monotonic()
    best, best_at = 0, started
    while time.monotonic() - started < limit:
        running = _states(api, url)["running"]
        if running == replicas:
            break
        if running > best:
            best, best_at = running, time.monotonic()
        elif time.monotonic() - best_at > 60:
            print(f"no more tasks started for 60 s ({running} running)")
            break
        time.sleep(2)
    return time.monotonic() - started


def _time(url: str, token: str, runs: int) -> tuple[list[float], int, int]:
    samples, size, count = [], 0, 0
    for _ in range(runs):
        request = urllib.request.Request(url, headers={"X-Auth-Token": token, **HEADERS})
        started = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            data = response.read()
        samples.append(time.perf_counter() - started)
        size, count = len(data), len(json.loads(data)["items"])
    return samples, size, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--replicas", type=int, default=500)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--settle", type=float, default=600)
    # Hundreds of containers keep the machine busy (runc, shims) a while after the last
    # one runs: wait, up to this long, for the load to fall under two per core.
    parser.add_argument("--pause", type=float, default=300)
    args = parser.parse_args()
    with allinone.running() as aio:
        api = aio.demo_session()
        bay = _bay(api, aio.api_url)
        workloads = f"{aio.api_url}/clusters/{bay['uuid']}/workloads"
        manifest = {"name": "many", "image": image.IMAGE, "replicas": args.replicas,
                    "command": ["sleep", "3600"]}  # fmt: skip
        api.post(workloads, json={"manifest": json.dumps(manifest)}, headers=HEADERS)
        waited = _settle(api, f"{workloads}/tasks", args.replicas, args.settle)
        states = _states(api, f"{workloads}/tasks")
        print(f"{args.replicas} replicas on 2 nodes after {waited:.0f} s: {dict(states)}")
        calm = time.monotonic() + args.pause
        while os.getloadavg()[0] > 2 * (os.cpu_count() or 1) and time.monotonic() < calm:
            time.sleep(5)
        token, _ = allinone.demo_token(aio)
        samples, size, count = _time(f"{workloads}/tasks", token, args.requests)
        p95 = statistics.quantiles(samples, n=20, method="inclusive")[18]
        print(
            f"GET .../workloads/tasks ({count} tasks, {size / 1024:.0f} KiB), "
            f"{args.requests} requests: median {statistics.median(samples) * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms, max {max(samples) * 1000:.0f} ms "
            f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
        )
        api.delete(f"{workloads}/services/many", headers=HEADERS)
        api.delete(f"{aio.api_url}/clusters/{bay['uuid']}", headers=HEADERS)
        while api.get(f"{aio.api_url}/clusters/{bay['uuid']}", headers=HEADERS,
                      raise_exc=False).status_code != 404:  # fmt: skip
            time.sleep(1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
