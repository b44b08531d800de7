"""Bays that really come up: the service API, the conductor, real Heat and real Docker Engines.

Everything here is real: Keystone tokens, the service API, the conductor,
Heat 27 running the local driver's template, and Docker Engines in network
namespaces joined into a Swarm.  The tests run in order and share one bay.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import docker
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from keystoneauth1 import session

from magnum_ui.service.drivers.local import userns, validation
from magnum_ui.service.drivers.local.state import StateDir
from tests.allinone import AllInOne
from tests.service.drivers.local import machine

pytestmark = pytest.mark.e2e

LATEST = {"OpenStack-API-Version": "container-infra latest"}


@pytest.fixture(scope="module")
def demo(aio: AllInOne) -> session.Session:
    return aio.demo_session()


def call(demo: session.Session, aio: AllInOne, method: str, path: str, **kw: Any) -> Any:
    return demo.request(aio.api_url + path, method, headers=LATEST, raise_exc=False, **kw)


def wait_for(
    demo: session.Session, aio: AllInOne, uuid: str, timeout: float = 180
) -> dict[str, Any]:
    """Poll the bay until it is no longer *_IN_PROGRESS (or gone: returns {})."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        response = call(demo, aio, "GET", f"/clusters/{uuid}")
        if response.status_code == 404:
            return {}
        body: dict[str, Any] = response.json()
        if not body["status"].endswith("_IN_PROGRESS"):
            return body
        time.sleep(0.5)
    pytest.fail(f"bay {uuid} still in progress after {timeout} s: {body}")


@contextmanager
def created_bay(
    demo: session.Session, aio: AllInOne, body: dict[str, Any], timeout: float = 240
) -> Iterator[dict[str, Any]]:
    """A bay made through the API and CREATE_COMPLETE; deleted, and checked gone, afterwards."""
    response = call(demo, aio, "POST", "/clusters", json=body)
    assert response.status_code == 202, response.text
    uuid = response.json()["uuid"]
    try:
        found = wait_for(demo, aio, uuid, timeout)
        assert found["status"] == "CREATE_COMPLETE", found.get("status_reason")
        yield found
    finally:
        call(demo, aio, "DELETE", f"/clusters/{uuid}")
        assert wait_for(demo, aio, uuid, timeout) == {}
        assert leftovers(aio, uuid) == []


def client_for(
    demo: session.Session, aio: AllInOne, bay: dict[str, Any], tmp: Path
) -> docker.DockerClient:
    """A Docker client for the bay, with a client certificate signed by the bay's CA."""
    key = ec.generate_private_key(ec.SECP256R1())
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "e2e-client")]))
        .sign(key, hashes.SHA256())
        .public_bytes(serialization.Encoding.PEM)
        .decode()
    )
    signed = call(
        demo, aio, "POST", "/certificates", json={"cluster_uuid": bay["uuid"], "csr": csr}
    )
    assert signed.status_code == 201, signed.text
    ca = call(demo, aio, "GET", f"/certificates/{bay['uuid']}").json()["pem"]
    (tmp / "ca.pem").write_text(ca)
    (tmp / "cert.pem").write_text(signed.json()["pem"])
    (tmp / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return bay_docker(bay["api_address"], tmp)


def bay_docker(api_address: str, folder: Path, timeout: int = 60) -> docker.DockerClient:
    """The Docker SDK on a bay's engine with the TLS files in ``folder`` (ca, cert, key .pem).

    A fixed API version, and no proxy or CA bundle from the environment: asking the
    engine for its version would happen before trust_env is off, and this machine's
    REQUESTS_CA_BUNDLE would replace the bay's CA, the only one that may vouch for it.
    """
    tls = docker.tls.TLSConfig(
        client_cert=(str(folder / "cert.pem"), str(folder / "key.pem")),
        ca_cert=str(folder / "ca.pem"),
        verify=True,
    )
    client = docker.DockerClient(
        base_url=api_address.replace("tcp://", "https://"), tls=tls, version="1.41",
        timeout=timeout,
    )  # fmt: skip
    client.api.trust_env = False
    return client


def running_tasks(client: docker.DockerClient, service: str, want: int) -> list[dict[str, Any]]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        tasks = client.services.get(service).tasks(filters={"desired-state": "running"})
        up = [t for t in tasks if t["Status"]["State"] == "running"]
        if len(up) == want:
            return up
        time.sleep(0.5)
    pytest.fail(f"{service}: {want} running tasks expected, found {len(up)}")


def nodes_dir(aio: AllInOne) -> Path:
    return aio.state_dir / "nodes"


def leftovers(aio: AllInOne, uuid: str) -> list[str]:
    """Anything of the bay still on the machine: records, namespaces, links, engines, its user.

    Looks for every name the local driver could give the bay and its nodes (any index).
    """
    state = StateDir(nodes_dir(aio))
    keys = {state.node_key(uuid, index) for index in range(validation.MAX_NODES_PER_BAY)}
    found = [f"node record {record.key}" for record in state.nodes(uuid)]
    found += [f"bay record {uuid}"] if state.bay(uuid) else []
    found += [f"network namespace {n}" for n in machine.netns_names() if n[4:] in keys]
    bridge = state.bridge_name(uuid)
    found += [f"link {n}" for n in machine.link_names() if n == bridge or n[3:] in keys]
    found += [f"user {state.user_name(uuid)}"] if userns.user_exists(state.user_name(uuid)) else []
    folders = [str(state.node_dir(key)).encode() for key in keys]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if any(folder in cmdline for folder in folders):
                found.append(f"process {entry.name}: {cmdline[:100]!r}")
    return found


class TestOneBay:
    bay: dict[str, Any] = {}

    def test_the_local_swarm_bay_model_is_seeded(
        self, demo: session.Session, aio: AllInOne
    ) -> None:
        """make run offers a public local-swarm bay model that a member can use."""
        body = call(demo, aio, "GET", "/clustertemplates/local-swarm").json()
        assert (body["coe"], body["public"], body["driver"]) == ("swarm-mode", True, "local_swarm")

    def test_create_a_two_node_bay(self, demo: session.Session, aio: AllInOne) -> None:
        """A 1 master + 1 worker bay reaches CREATE_COMPLETE with its addresses."""
        started = time.monotonic()
        response = call(
            demo, aio, "POST", "/clusters",
            json={"name": "e2e-bay", "cluster_template_id": "local-swarm", "node_count": 1},
        )  # fmt: skip
        assert response.status_code == 202, response.text
        bay = wait_for(demo, aio, response.json()["uuid"])
        print(f"2-node bay: CREATE_COMPLETE after {time.monotonic() - started:.1f} s")
        assert bay["status"] == "CREATE_COMPLETE", bay.get("status_reason")
        assert bay["api_address"].startswith("tcp://")
        assert (len(bay["master_addresses"]), len(bay["node_addresses"])) == (1, 1)
        assert bay["coe_version"]  # the engines' Docker version, asked by the conductor
        TestOneBay.bay = bay

    def test_run_a_service_with_the_bays_certificate(
        self, demo: session.Session, aio: AllInOne, tmp_path: Path
    ) -> None:
        """The bay's Docker API (TLS, the bay's CA) runs a replicated service on its nodes."""
        client = client_for(demo, aio, self.bay, tmp_path)
        assert len(client.nodes.list()) == 2
        client.services.create(
            "magnum-ui/busybox:latest", ["sleep", "3600"], name="web",
            mode=docker.types.ServiceMode("replicated", replicas=2),
        )  # fmt: skip
        assert len(running_tasks(client, "web", 2)) == 2

    def test_resize_to_three_spreads_the_service(
        self, demo: session.Session, aio: AllInOne, tmp_path: Path
    ) -> None:
        started = time.monotonic()
        response = call(demo, aio, "POST", f"/clusters/{self.bay['uuid']}/actions/resize",
                        json={"node_count": 2})  # fmt: skip
        assert response.status_code == 202, response.text
        bay = wait_for(demo, aio, self.bay["uuid"])
        print(f"resize +1: UPDATE_COMPLETE after {time.monotonic() - started:.1f} s")
        assert bay["status"] == "UPDATE_COMPLETE", bay.get("status_reason")
        assert len(bay["node_addresses"]) == 2
        client = client_for(demo, aio, bay, tmp_path)
        client.services.get("web").scale(3)
        tasks = running_tasks(client, "web", 3)
        assert len({t["NodeID"] for t in tasks}) == 3
        TestOneBay.bay = bay

    def test_remove_one_named_node(
        self, demo: session.Session, aio: AllInOne, tmp_path: Path
    ) -> None:
        """nodes_to_remove takes out exactly that worker (drained from the Swarm first)."""
        client = client_for(demo, aio, self.bay, tmp_path)
        workers = sorted(n.attrs["Description"]["Hostname"] for n in client.nodes.list()
                         if n.attrs["Spec"]["Role"] == "worker")  # fmt: skip
        victim = workers[0]
        response = call(demo, aio, "POST", f"/clusters/{self.bay['uuid']}/actions/resize",
                        json={"node_count": 1, "nodes_to_remove": [victim]})  # fmt: skip
        assert response.status_code == 202, response.text
        bay = wait_for(demo, aio, self.bay["uuid"])
        assert bay["status"] == "UPDATE_COMPLETE", bay.get("status_reason")
        left = sorted(n.attrs["Description"]["Hostname"] for n in client.nodes.list())
        assert victim not in left
        assert len(left) == 2
        assert len(running_tasks(client, "web", 3)) == 3
        TestOneBay.bay = bay

    def test_delete_leaves_nothing(self, demo: session.Session, aio: AllInOne) -> None:
        started = time.monotonic()
        assert call(demo, aio, "DELETE", f"/clusters/{self.bay['uuid']}").status_code == 204
        assert wait_for(demo, aio, self.bay["uuid"]) == {}
        print(f"delete: gone after {time.monotonic() - started:.1f} s")
        assert leftovers(aio, self.bay["uuid"]) == []


def test_a_bay_past_the_projects_node_bound_is_refused_at_once(
    demo: session.Session, aio: AllInOne
) -> None:
    """Past the per-project node bound (4 in tests) a create is a 403 naming it, and no bay."""
    before = call(demo, aio, "GET", "/clusters").json()["clusters"]
    body = {"name": "too-big", "cluster_template_id": "local-swarm", "node_count": 4}
    response = call(demo, aio, "POST", "/clusters", json=body)
    assert response.status_code == 403, response.text
    detail = response.json()["errors"][0]["detail"]
    assert "5 local nodes, more than the 4 one project may have" in detail
    assert "max_nodes_per_project=4" in detail
    assert call(demo, aio, "GET", "/clusters").json()["clusters"] == before


def test_a_token_revoked_before_the_conductor_ran_fails_with_that_reason(
    demo: session.Session, aio: AllInOne
) -> None:
    """The conductor is paused, the request's token revoked: the bay fails saying so."""
    pid = int((aio.state_dir / "run" / "conductor.pid").read_text())
    token = demo.get_token()
    os.kill(pid, signal.SIGSTOP)
    try:
        response = demo.post(
            aio.api_url + "/clusters",
            headers={**LATEST, "X-Auth-Token": token},
            json={"name": "revoked", "cluster_template_id": "local-swarm", "node_count": 0},
            authenticated=False,
        )
        assert response.status_code == 202, response.text
        uuid = response.json()["uuid"]
        revoke = demo.delete(
            aio.keystone_url + "/auth/tokens",
            headers={"X-Subject-Token": token},
            raise_exc=False,
        )
        assert revoke.status_code == 204
    finally:
        os.kill(pid, signal.SIGCONT)
    demo.invalidate()
    bay = wait_for(demo, aio, uuid)
    assert bay["status"] == "CREATE_FAILED"
    assert "token expired (or was revoked)" in bay["status_reason"]
    assert call(demo, aio, "DELETE", f"/clusters/{uuid}").status_code == 204
    assert wait_for(demo, aio, uuid) == {}
