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
import statistics
import sys
import time
import urllib.request

from benchmarks import allinone


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
        api = aio.api_url
        token, project = allinone.demo_token(aio)
        allinone.seed(aio, project, args.clusters)
        one = aio.sql("SELECT uuid FROM magnum_service_cluster LIMIT 1")[0][0]
        _time(f"{api}/clusters/detail", token, 3)  # warm both workers
        print(f"{args.clusters} clusters, {args.requests} requests each, demo's token")
        _report("GET /v1/clusters/detail", _time(f"{api}/clusters/detail", token, args.requests))
        _report("GET /v1/clusters/{uuid}", _time(f"{api}/clusters/{one}", token, args.requests))
    return 0


if __name__ == "__main__":
    sys.exit(main())
