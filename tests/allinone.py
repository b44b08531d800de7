"""The all-in-one, started once per test session for every test that asks for ``aio``.

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
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from keystoneauth1 import session
from keystoneauth1.identity import v3

REPO = Path(__file__).resolve().parents[1]
# MAGNUM_UI_TEST_PORT_OFFSET shifts them all, so two test runs can share a machine.
_OFFSET = int(os.environ.get("MAGNUM_UI_TEST_PORT_OFFSET", "0"))
PORTS = {
    name: port + _OFFSET
    for name, port in {
        "MAGNUM_UI_KEYSTONE_PORT": 15000,
        "MAGNUM_UI_API_PORT": 19511,
        "MAGNUM_UI_DASHBOARD_PORT": 18000,
        "MAGNUM_UI_POSTGRES_PORT": 15433,
        "MAGNUM_UI_HEAT_PORT": 18004,
        "MAGNUM_UI_REGISTRY_PORT": 15050,
        "MAGNUM_UI_REGISTRY_TOKEN_PORT": 15051,
    }.items()
}
# The registry's host address is machine-wide too: one per offset.
REGISTRY_ADDRESS = f"10.213.254.{1 + _OFFSET % 250}"
READY_LINE = "The Magnum UI all-in-one is running"


@dataclass
class AllInOne:
    state_dir: Path
    env: dict[str, str]
    ports: dict[str, int] = field(default_factory=lambda: dict(PORTS))
    process: subprocess.Popen[str] | None = None
    output: str = ""

    password = "e2e-secret"

    @property
    def dashboard_url(self) -> str:
        return f"http://127.0.0.1:{self.ports['MAGNUM_UI_DASHBOARD_PORT']}/"

    @property
    def keystone_url(self) -> str:
        return f"http://127.0.0.1:{self.ports['MAGNUM_UI_KEYSTONE_PORT']}/v3"

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.ports['MAGNUM_UI_API_PORT']}/v1"

    @property
    def registry(self) -> str:
        """The registry as docker names it (ADDRESS:PORT)."""
        return f"{self.env['MAGNUM_UI_REGISTRY_ADDRESS']}:{self.ports['MAGNUM_UI_REGISTRY_PORT']}"

    @property
    def heat_url(self) -> str:
        """Heat's API root; the catalog's endpoint adds the project id."""
        return f"http://127.0.0.1:{self.ports['MAGNUM_UI_HEAT_PORT']}/v1"

    def secret(self, name: str) -> str:
        """One of the generated secrets (e.g. ``keystone_magnum``, the service user's password)."""
        import json

        return str(json.loads((self.state_dir / "secrets.json").read_text())[name])

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

    def demo_session(self) -> session.Session:
        """A keystoneauth session of ``demo`` (member of project ``demo``) on this Keystone."""
        auth = v3.Password(
            auth_url=self.keystone_url, username="demo", password=self.password,
            project_name="demo", user_domain_id="default", project_domain_id="default",
        )  # fmt: skip
        return session.Session(auth=auth)

    def sql(self, statement: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """Run SQL on the service's database (tests that play the conductor's part)."""
        import json

        import psycopg2

        secrets = json.loads((self.state_dir / "secrets.json").read_text())
        conn = psycopg2.connect(
            dbname="magnum_ui",
            user="magnum_ui",
            password=secrets["postgres_magnum_ui"],
            host=str(self.state_dir / "postgres" / "socket"),
            port=self.ports["MAGNUM_UI_POSTGRES_PORT"],
        )
        try:
            with conn, conn.cursor() as cur:
                cur.execute(statement, params)
                return list(cur.fetchall()) if cur.description else []
        finally:
            conn.close()

    def remove_bays(self) -> list[str]:
        """Delete the local nodes of bays a failed test left behind (engines outlive Heat)."""
        from magnum_ui.service.drivers.local import nodes

        root = self.state_dir / "nodes"
        if not root.is_dir():
            return []
        bays = list(nodes.list_bays(root))
        for bay in bays:
            nodes.delete_bay(root, bay)
        return bays

    def stop(self) -> str:
        """Ctrl-C, as a person would; return what it printed while stopping."""
        if self.process is None:
            return ""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        out, _ = self.process.communicate(timeout=120)
        self.process = None
        return out or ""


@contextmanager
def running(
    ports: dict[str, int], prefix: str, extra_env: dict[str, str] | None = None
) -> Iterator[AllInOne]:
    """Start an all-in-one in a fresh state folder; then stop it and delete all it made."""
    state = Path(tempfile.mkdtemp(prefix=prefix))
    state.chmod(0o755)  # the private PostgreSQL runs as the postgres user
    env = {
        **os.environ,
        "MAGNUM_UI_STATE_DIR": str(state),
        "MAGNUM_UI_PASSWORD": AllInOne.password,
        "MAGNUM_UI_REGISTRY_ADDRESS": REGISTRY_ADDRESS,
        **(extra_env or {}),
        **{k: str(v) for k, v in ports.items()},
    }
    instance = AllInOne(state_dir=state, env=env, ports=dict(ports))
    instance.start()
    try:
        yield instance
    finally:
        instance.stop()
        instance.remove_bays()
        shutil.rmtree(state, ignore_errors=True)


@pytest.fixture(scope="session")
def aio() -> Iterator[AllInOne]:
    # Small, so tests/e2e/test_bays.py reaches the node bound with a 5-node bay and
    # tests/e2e/test_sandbox.py the vCPU bound with two local.medium nodes beside its
    # tiny bay (test_dashboard_bays.py grows a bay to 4 small nodes: 4 vCPUs, 4 GiB).
    limit = {
        "MAGNUM_UI_LOCAL_MAX_NODES_PER_PROJECT": "4",
        "MAGNUM_UI_LOCAL_MAX_VCPUS_PER_PROJECT": "4",
        "MAGNUM_UI_LOCAL_MAX_RAM_MIB_PER_PROJECT": "4096",
        # tests/e2e/test_registry.py pushes past it with one 70 MB layer.
        "MAGNUM_UI_REGISTRY_PROJECT_SHARE_MIB": "64",
    }
    with running(PORTS, "magnum-ui-e2e-", limit) as instance:
        yield instance
