"""A throwaway all-in-one for a benchmark: its own state folder and ports."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.allinone import AllInOne

# Apart from make run's and the tests' ports, so neither is disturbed.
PORTS = {
    "MAGNUM_UI_KEYSTONE_PORT": 25000,
    "MAGNUM_UI_API_PORT": 29511,
    "MAGNUM_UI_DASHBOARD_PORT": 28000,
    "MAGNUM_UI_POSTGRES_PORT": 25433,
    "MAGNUM_UI_HEAT_PORT": 28004,
}


@contextmanager
def running() -> Iterator[AllInOne]:
    """Start it, yield it, then stop it and delete everything it made (bays included)."""
    state = Path(tempfile.mkdtemp(prefix="mu-bench-"))
    state.chmod(0o755)  # the private PostgreSQL runs as the postgres user
    env = {
        **os.environ,
        "MAGNUM_UI_STATE_DIR": str(state),
        "MAGNUM_UI_PASSWORD": AllInOne.password,
        **{k: str(v) for k, v in PORTS.items()},
    }
    aio = AllInOne(state_dir=state, env=env, ports=PORTS)
    try:
        aio.start()
        yield aio
    finally:
        aio.stop()
        aio.remove_bays()
        shutil.rmtree(state, ignore_errors=True)
