"""How long the all-in-one takes to become ready when nothing needs installing.

Usage::

    .venv/bin/python -m benchmarks.aio_startup [--runs 5]

It starts the all-in-one in a fresh state directory once (the cold start,
reported apart), then stops and restarts it ``--runs`` times on the same state
and prints the median and spread of the warm starts, plus the median of each
start-up step.  It uses its own ports, so a running ``make run`` is left alone.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
READY = "The Magnum UI all-in-one is running"
STEP = re.compile(r"^\s+(.+?) \.\.\. ok \(([\d.]+) s\)")
PORTS = {
    "MAGNUM_UI_KEYSTONE_PORT": "25000",
    "MAGNUM_UI_API_PORT": "29511",
    "MAGNUM_UI_DASHBOARD_PORT": "28000",
    "MAGNUM_UI_POSTGRES_PORT": "25433",
    "MAGNUM_UI_HEAT_PORT": "28004",
    "MAGNUM_UI_REGISTRY_PORT": "25050",
    "MAGNUM_UI_REGISTRY_TOKEN_PORT": "25051",
    "MAGNUM_UI_REGISTRY_ADDRESS": "10.213.253.251",
}


def start_once(env: dict[str, str]) -> tuple[float, dict[str, float]]:
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "magnum_ui.aio", "run"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    if process.stdout is None:
        raise RuntimeError("no output pipe")
    steps: dict[str, float] = {}
    lines = []
    for line in process.stdout:
        lines.append(line)
        match = STEP.match(line)
        if match:
            steps[match.group(1)] = float(match.group(2))
        if READY in line:
            break
    elapsed = time.monotonic() - started
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=120)
    if READY not in "".join(lines):
        raise RuntimeError("the all-in-one did not start:\n" + "".join(lines))
    return elapsed, steps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    state = Path(tempfile.mkdtemp(prefix="magnum-ui-bench-"))
    state.chmod(0o755)
    env = {**os.environ, "MAGNUM_UI_STATE_DIR": str(state), **PORTS}
    try:
        cold, _ = start_once(env)
        print(f"cold start (first run, includes bootstrap and static files): {cold:.1f} s")
        warm = []
        steps: dict[str, list[float]] = {}
        for _ in range(args.runs):
            seconds, step_times = start_once(env)
            warm.append(seconds)
            for name, value in step_times.items():
                steps.setdefault(name, []).append(value)
        print(
            f"warm start over {args.runs} runs: median {statistics.median(warm):.1f} s, "
            f"min {min(warm):.1f} s, max {max(warm):.1f} s"
        )
        for name, values in steps.items():
            print(f"  {name:32} median {statistics.median(values):.2f} s")
    finally:
        shutil.rmtree(state, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
