"""Time a local bay's life through the real stack: POST to CREATE_COMPLETE, resize +1, delete.

Usage::

    .venv/bin/python -m benchmarks.bay_lifecycle [--runs 3] [--nodes 3]

It starts the all-in-one in a fresh state folder on its own ports (a running
``make run`` is left alone), then, ``--runs`` times, as ``demo``: creates a bay
of ``--nodes`` nodes (1 master, the rest workers) from ``local-swarm`` and
times it until CREATE_COMPLETE, resizes it by one worker until
UPDATE_COMPLETE, and deletes it until the API no longer knows it.  It prints
each run and the medians, then a timeline of each operation (medians over the
runs, seconds after the request was sent) read from the all-in-one's logs:
when the API accepted it, the conductor claimed it and sent the stack call,
Heat started the stack action, the first and last node started and finished,
Heat finished the stack, the conductor wrote the result and the client saw it.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from keystoneauth1 import session

from benchmarks import allinone

HEADERS = {"OpenStack-API-Version": "container-infra latest"}
LOG_TIME = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)[.,](\d{3})")
HEAT_ACTION = {"create": "CREATE", "resize +1": "UPDATE", "delete": "DELETE"}


@dataclass(frozen=True)
class Timed:
    """One operation as the client saw it (wall-clock seconds, to match the logs)."""

    kind: str  # a key of HEAT_ACTION
    uuid: str
    sent: float
    accepted: float
    seen: float


def _until_settled(api: session.Session, url: str) -> dict[str, Any]:
    while True:
        response = api.get(url, headers=HEADERS, raise_exc=False)
        if response.status_code == 404:
            return {}
        body: dict[str, Any] = response.json()
        if not body["status"].endswith("_IN_PROGRESS"):
            return body
        time.sleep(0.05)


def _timed(kind: str, uuid: str, send: Any, api: session.Session, url: str) -> Timed:
    sent = time.time()
    response = send()
    return _settled(kind, uuid, sent, response, api, url)


def _settled(
    kind: str, uuid: str, sent: float, response: Any, api: session.Session, url: str
) -> Timed:
    """The operation answered by ``response``, timed until the bay shows its end."""
    accepted = time.time()
    if response.status_code >= 400:
        raise RuntimeError(f"{kind} refused: {response.text}")
    body = _until_settled(api, url)
    seen = time.time()
    wanted = {"create": "CREATE_COMPLETE", "resize +1": "UPDATE_COMPLETE", "delete": None}[kind]
    if body.get("status") != wanted:
        raise RuntimeError(f"{kind} ended {body.get('status')}: {body.get('status_reason')}")
    return Timed(kind, uuid, sent, accepted, seen)


def _log(path: Path) -> list[tuple[float, str]]:
    """(wall-clock time, line) of each timestamped line."""
    found = []
    for line in path.read_text(errors="replace").splitlines():
        stamp = LOG_TIME.match(line)
        if stamp:
            when = time.mktime(time.strptime(stamp[1], "%Y-%m-%d %H:%M:%S")) + int(stamp[2]) / 1000
            found.append((when, line))
    return found


def timeline(op: Timed, conductor: list[tuple[float, str]], heat: list[tuple[float, str]]
             ) -> dict[str, float | None]:  # fmt: skip
    """Seconds after the request at which each step was logged (None: not found)."""
    action, short = HEAT_ACTION[op.kind], op.uuid[:8]

    def find(lines: list[tuple[float, str]], pattern: str, last: bool = False) -> float | None:
        hits = [t for t, line in lines
                if op.sent - 0.5 <= t <= op.seen + 0.5 and re.search(pattern, line)]  # fmt: skip
        return None if not hits else (hits[-1] if last else hits[0]) - op.sent

    kind = op.kind.split()[0]
    return {
        "API accepted": op.accepted - op.sent,
        "conductor claimed": find(conductor, rf"claimed operation \d+ \({kind}\)"),
        "stack call sent": find(conductor, rf"cluster {op.uuid}: stack \w+ sent"),
        "Heat started": find(heat, rf"(Creating|Updating|Deleting) stack bay-{op.uuid}$"),
        "first node started": find(
            heat, rf"(creating|updating|deleting) LocalNode .*bay-{op.uuid}"
        ),
        "last node done": find(
            heat, rf"local node bay-{short}-\S+ (is ready|deleted|changed)", last=True
        ),
        "Heat finished": find(heat, rf"Stack {action} COMPLETE \(bay-{op.uuid}\)", last=True),
        "conductor wrote it": find(conductor, rf"cluster {op.uuid}: ({action}_COMPLETE|deleted)"),
        "client saw it": op.seen - op.sent,
    }


def one_life(api: session.Session, base: str, run: int, nodes: int) -> list[Timed]:
    """Create, resize by one worker and delete a bay; each step timed."""
    body = {"name": f"bench-{run}", "cluster_template_id": "local-swarm", "node_count": nodes - 1}
    sent = time.time()
    made = api.post(base, json=body, headers=HEADERS)
    uuid = made.json()["uuid"]
    url = f"{base}/{uuid}"
    resize = {"node_count": nodes}
    return [
        _settled("create", uuid, sent, made, api, url),
        _timed(
            "resize +1",
            uuid,
            lambda: api.post(f"{url}/actions/resize", json=resize, headers=HEADERS),
            api,
            url,
        ),
        _timed("delete", uuid, lambda: api.delete(url, headers=HEADERS, raise_exc=False), api, url),
    ]


def report(done: list[Timed], conductor: list[tuple[float, str]],
           heat: list[tuple[float, str]]) -> None:  # fmt: skip
    for kind in HEAT_ACTION:
        took = statistics.median(op.seen - op.sent for op in done if op.kind == kind)
        print(f"  {kind:10} {took:5.2f} s")
    for kind in HEAT_ACTION:
        print(f"{kind} timeline (median seconds after the request):")
        lines = [timeline(op, conductor, heat) for op in done if op.kind == kind]
        for step in lines[0]:
            found = [at for line in lines if (at := line[step]) is not None]
            shown = f"{statistics.median(found):6.2f}" if found else "     -"
            print(f"  {step:20} {shown}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--nodes", type=int, default=3)
    args = parser.parse_args()
    done: list[Timed] = []
    with allinone.running() as aio:
        api = aio.demo_session()
        for run in range(args.runs):
            life = one_life(api, aio.api_url + "/clusters", run, args.nodes)
            done += life
            print(f"run {run + 1}: " + ", ".join(f"{op.kind} {op.seen - op.sent:.1f} s"
                                                for op in life))  # fmt: skip
        conductor = _log(aio.state_dir / "logs" / "conductor.log")
        heat = _log(aio.state_dir / "logs" / "heat.log")
    print(f"{args.nodes}-node local bay, medians over {args.runs} runs:")
    report(done, conductor, heat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
