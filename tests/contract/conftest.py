"""Each contract test starts from, and leaves, an empty cloud: no templates, clusters or quotas.

The contract tests check the API's side of the hand-off to the conductor
(202, the recorded operation, the status) and play the conductor's part in
SQL, so the all-in-one's own conductor is paused (SIGSTOP) while they run and
resumed after.  The seeded ``local-swarm`` bay model is put back at the end
for the end-to-end tests that follow.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import pytest
from keystoneauth1 import session
from keystoneauth1.identity import v3

from magnum_ui.aio.seed import TEMPLATE
from tests.allinone import AllInOne
from tests.contract.clients import wipe


@pytest.fixture(scope="package", autouse=True)
def conductor_paused(aio: AllInOne) -> Iterator[None]:
    pid = int((aio.state_dir / "run" / "conductor.pid").read_text())
    os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(pid, signal.SIGCONT)
        admin = session.Session(
            auth=v3.Password(
                auth_url=aio.keystone_url, username="admin", password=aio.password,
                project_name="admin", user_domain_id="default", project_domain_id="default",
            )
        )  # fmt: skip
        # As seed.local_swarm makes it: naming the all-in-one's registry.
        seeded = {**TEMPLATE, "insecure_registry": aio.registry}
        admin.post(f"{aio.api_url}/clustertemplates", json=seeded)


@pytest.fixture(autouse=True)
def clean_cloud(aio: AllInOne, conductor_paused: None) -> Iterator[None]:
    wipe(aio)
    yield
    wipe(aio)
