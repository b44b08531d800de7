"""Time a local bay's life through the real stack: POST to CREATE_COMPLETE, resize +1, delete.

Usage::

    .venv/bin/python -m benchmarks.bay_lifecycle [--runs 3] [--nodes 3]

It starts the all-in-one in a fresh state folder on its own ports (a running
``make run`` is left alone), then, ``--runs`` times, as ``demo``: creates a bay
of ``--nodes`` nodes (1 master, the rest workers) from ``local-swarm`` and
times it until CREATE_COMPLETE, resizes it by one worker until
UPDATE_COMPLETE, and deletes it until the API no longer knows it.  It prints
each run and the medians.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from typing import Any

from keystoneauth1 import session

from benchmarks import allinone

HEADERS = {"OpenStack-API-Version": "container-infra latest"}


def _until_settled(api: session.Session, url: str) -> tuple[float, dict[str, Any]]:
    started = time.monotonic()
    while True:
        response = api.get(url, headers=HEADERS, raise_exc=False)
        if response.status_code == 404:
            return time.monotonic() - started, {}
        body: dict[str, Any] = response.json()
        if not body["status"].endswith("_IN_PROGRESS"):
            return time.monotonic() - started, body
        time.sleep(0.1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--nodes", type=int, default=3)
    args = parser.parse_args()
    results: dict[str, list[float]] = {"create": [], "resize +1": [], "delete": []}
    with allinone.running() as aio:
        api = aio.demo_session()
        base = aio.api_url + "/clusters"
        for run in range(args.runs):
            body = {
                "name": f"bench-{run}",
                "cluster_template_id": "local-swarm",
                "node_count": args.nodes - 1,
            }
            started = time.monotonic()
            uuid = api.post(base, json=body, headers=HEADERS).json()["uuid"]
            _, bay = _until_settled(api, f"{base}/{uuid}")
            created = time.monotonic() - started
            if bay.get("status") != "CREATE_COMPLETE":
                raise RuntimeError(f"create ended {bay.get('status')}: {bay.get('status_reason')}")
            started = time.monotonic()
            api.post(f"{base}/{uuid}/actions/resize", json={"node_count": args.nodes},
                     headers=HEADERS)  # fmt: skip
            _until_settled(api, f"{base}/{uuid}")
            resized = time.monotonic() - started
            started = time.monotonic()
            api.delete(f"{base}/{uuid}", headers=HEADERS)
            _until_settled(api, f"{base}/{uuid}")
            deleted = time.monotonic() - started
            for name, value in zip(results, (created, resized, deleted), strict=True):
                results[name].append(value)
            print(f"run {run + 1}: create {created:.1f} s, resize +1 {resized:.1f} s, "
                  f"delete {deleted:.1f} s")  # fmt: skip
        print(f"{args.nodes}-node local bay, medians over {args.runs} runs:")
        for name, values in results.items():
            print(f"  {name:10} {statistics.median(values):5.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
