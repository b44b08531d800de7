"""Fixtures of the conductor's Worker tests: an in-memory Heat and a local-driver bay."""

from __future__ import annotations

import pytest

from magnum_ui.service import nodegroup_state
from magnum_ui.service.conductor import work
from magnum_ui.service.drivers.local import LocalSwarmDriver
from magnum_ui.service.models import Cluster
from tests.service.api.helpers import cluster, template
from tests.service.conductor.fake_heat import FakeHeat


@pytest.fixture
def heat(monkeypatch: pytest.MonkeyPatch) -> FakeHeat:
    fake = FakeHeat()
    monkeypatch.setattr(work.heat, "user_connection", fake.user_connection)
    monkeypatch.setattr(work.heat, "service_connection", fake.service_connection)
    # The real probe asks the bay's Docker Engine over TLS.
    monkeypatch.setattr(LocalSwarmDriver, "probe_coe_version", classmethod(lambda cls, c: "24.0.7"))
    return fake


@pytest.fixture
def bay() -> Cluster:
    tmpl = template("local", server_type="local", driver="local_swarm", flavor_id="local.small")
    made = cluster(
        "c", tmpl, status="CREATE_IN_PROGRESS", node_count=2, create_timeout=30, coe_version="20.10"
    )
    nodegroup_state.create_defaults(made)
    return made
