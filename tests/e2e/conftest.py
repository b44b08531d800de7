"""The all-in-one, started once for the end-to-end tests.

It runs exactly as ``make run`` does (``python -m magnum_ui.aio run``) but
with its own state directory and its own ports, so a developer's running
all-in-one is left alone.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PORTS = {
    "MAGNUM_UI_KEYSTONE_PORT": 15000,
    "MAGNUM_UI_API_PORT": 19511,
    "MAGNUM_UI_DASHBOARD_PORT": 18000,
    "MAGNUM_UI_POSTGRES_PORT": 15433,
}
READY_LINE = "The Magnum UI all-in-one is running"


@dataclass
class AllInOne:
    state_dir: Path
    env: dict[str, str]
    process: subprocess.Popen[str] | None = None
    output: str = ""

    dashboard_url = f"http://127.0.0.1:{PORTS['MAGNUM_UI_DASHBOARD_PORT']}/"
    keystone_url = f"http://127.0.0.1:{PORTS['MAGNUM_UI_KEYSTONE_PORT']}/v3"
    api_url = f"http://127.0.0.1:{PORTS['MAGNUM_UI_API_PORT']}/v1"
    password = "e2e-secret"

    def start(self, timeout: float = 600) -> float:
        """Start and wait for the ready line; return the seconds it took."""
        started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "magnum_ui.aio", "run"],
            cwd=REPO,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert self.process.stdout is not None
        lines = []
        deadline = started + timeout
        for line in self.process.stdout:
            lines.append(line)
            if READY_LINE in line:
                break
            if time.monotonic() > deadline:
                break
        self.output = "".join(lines)
        if READY_LINE not in self.output:
            self.stop()
            pytest.fail(f"the all-in-one did not start:\n{self.output}")
        return time.monotonic() - started

    def stop(self) -> str:
        """Ctrl-C, as a person would; return what it printed while stopping."""
        if self.process is None:
            return ""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        out, _ = self.process.communicate(timeout=120)
        self.process = None
        return out or ""


@pytest.fixture(scope="session")
def aio() -> Iterator[AllInOne]:
    state = Path(tempfile.mkdtemp(prefix="magnum-ui-e2e-"))
    state.chmod(0o755)  # the private PostgreSQL runs as the postgres user
    env = {
        **os.environ,
        "MAGNUM_UI_STATE_DIR": str(state),
        "MAGNUM_UI_PASSWORD": AllInOne.password,
        **{k: str(v) for k, v in PORTS.items()},
    }
    instance = AllInOne(state_dir=state, env=env)
    instance.start()
    try:
        yield instance
    finally:
        instance.stop()
        shutil.rmtree(state, ignore_errors=True)
