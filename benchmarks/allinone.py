"""A throwaway all-in-one for a benchmark: its own state folder and ports, and its seed data."""

from __future__ import annotations

import json
import os
import urllib.request
import uuid
from contextlib import AbstractContextManager

from tests import allinone
from tests.allinone import AllInOne

# Apart from make run's and the tests' ports, so neither is disturbed;
# MAGNUM_UI_TEST_PORT_OFFSET shifts them, as it does the tests' ports.
_OFFSET = int(os.environ.get("MAGNUM_UI_TEST_PORT_OFFSET", "0"))
PORTS = {
    name: port + _OFFSET
    for name, port in {
        "MAGNUM_UI_KEYSTONE_PORT": 25000,
        "MAGNUM_UI_API_PORT": 29511,
        "MAGNUM_UI_DASHBOARD_PORT": 28000,
        "MAGNUM_UI_POSTGRES_PORT": 25433,
        "MAGNUM_UI_HEAT_PORT": 28004,
        "MAGNUM_UI_REGISTRY_PORT": 25050,
        "MAGNUM_UI_REGISTRY_TOKEN_PORT": 25051,
    }.items()
}
# Not the tests' registry address: both may run at once.
REGISTRY = {"MAGNUM_UI_REGISTRY_ADDRESS": f"10.213.253.{1 + _OFFSET % 250}"}


def running() -> AbstractContextManager[AllInOne]:
    """A throwaway all-in-one on the benchmarks' ports (bays included in the clean-up)."""
    return allinone.running(PORTS, "mu-bench-", REGISTRY)


def demo_token(aio: AllInOne) -> tuple[str, str]:
    """A Keystone token of ``demo`` in project ``demo``, and that project's id."""
    body = {
        "auth": {
            "identity": {
                "methods": ["password"],
                "password": {
                    "user": {
                        "name": "demo",
                        "domain": {"id": "default"},
                        "password": aio.password,
                    }
                },
            },
            "scope": {"project": {"name": "demo", "domain": {"id": "default"}}},
        }
    }
    request = urllib.request.Request(
        aio.keystone_url + "/auth/tokens",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as response:
        project = json.loads(response.read())["token"]["project"]["id"]
        return str(response.headers["X-Subject-Token"]), str(project)


def seed(aio: AllInOne, project: str, bays: int, bay_models: int = 1) -> None:
    """Insert bay models and CREATE_COMPLETE bays of the first one straight into the database.

    Nothing runs behind them (no stack, no nodes): they are for reading only.
    """
    first = str(uuid.uuid4())
    aio.sql(
        "INSERT INTO magnum_service_clustertemplate (uuid, name, project_id, user_id, "
        "created_at, coe, labels, registry_enabled, tls_disabled, public, hidden, "
        "server_type, master_lb_enabled, floating_ip_enabled) "
        "SELECT CASE WHEN n = 1 THEN %s ELSE gen_random_uuid()::text END, 'bench-' || n, "
        "%s, 'u', now(), 'swarm-mode', '{}', false, false, false, false, "
        "'local', false, true FROM generate_series(1, %s) AS n",
        (first, project, bay_models),
    )
    aio.sql(
        "INSERT INTO magnum_service_cluster (uuid, name, project_id, user_id, created_at, "
        "cluster_template_id, status, health_status_reason, master_addresses, "
        "node_addresses, node_count, master_count, labels, floating_ip_enabled, "
        "master_lb_enabled, faults) "
        "SELECT gen_random_uuid()::text, 'bay-' || n, %s, 'u', now(), "
        "(SELECT id FROM magnum_service_clustertemplate WHERE uuid = %s), "
        "'CREATE_COMPLETE', '{}', '[\"10.0.0.1\"]', '[\"10.0.0.2\", \"10.0.0.3\"]', 2, 1, "
        "'{\"a\": \"b\"}', true, false, '{}' FROM generate_series(1, %s) AS n",
        (project, first, bays),
    )
