"""``openstack coe ...`` (python-openstackclient with magnumclient's plugin) against the all-in-one.

Each command runs as a person runs it: a subprocess with OS_* variables.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cryptography import x509

from tests.allinone import AllInOne
from tests.contract.clients import cli, csr, finish, magnum, project_id, status

pytestmark = pytest.mark.e2e

TEMPLATE_ARGS = (
    *("--coe", "kubernetes", "--image", "fedora-coreos-38"),
    *("--external-network", "public"),
)


def _accepted_uuid(output: str) -> str:
    match = re.search(r"cluster ([0-9a-f-]{36}) accepted", output)
    assert match, output
    return match.group(1)


def _table(output: str) -> dict[str, str]:
    """The rows of the ``| Field | Value |`` table the quota and stats commands print."""
    rows = re.findall(r"^\|\s*(\S+)\s*\|\s*(.*?)\s*\|$", output, re.MULTILINE)
    return dict(rows)


def test_cluster_template_commands(aio: AllInOne) -> None:
    """coe cluster template create, list, show, update and delete."""
    created = cli(
        aio, "demo", "coe", "cluster", "template", "create", "osc-k8s", *TEMPLATE_ARGS,
        "--labels", "kube_tag=v1.28", "--docker-volume-size", "10",
    )  # fmt: skip
    assert (created["name"], created["coe"], created["labels"]) == (
        "osc-k8s",
        "kubernetes",
        {"kube_tag": "v1.28"},
    )
    listed = cli(aio, "demo", "coe", "cluster", "template", "list")
    assert [t["name"] for t in listed] == ["osc-k8s"]
    shown = cli(aio, "demo", "coe", "cluster", "template", "show", "osc-k8s")
    assert (shown["uuid"], shown["docker_volume_size"]) == (created["uuid"], 10)

    updated = cli(
        aio, "demo", "coe", "cluster", "template", "update", "osc-k8s",
        "--name", "osc-k8s-2", "--label", "boot_volume_size=20",
    )  # fmt: skip
    assert updated["name"] == "osc-k8s-2"
    assert updated["labels"] == {"kube_tag": "v1.28", "boot_volume_size": "20"}

    out = cli(aio, "demo", "coe", "cluster", "template", "delete", "osc-k8s-2", as_json=False)
    assert "accepted" in out
    assert magnum(aio).cluster_templates.list() == []


def test_cluster_commands(aio: AllInOne) -> None:
    """coe cluster create, list, show, update, resize and delete.

    No conductor runs yet: the test finishes each operation in SQL.
    """
    magnum(aio).cluster_templates.create(
        name="osc-tmpl", coe="kubernetes", image_id="fcos", external_network_id="public"
    )
    out = cli(
        aio, "demo", "coe", "cluster", "create", "osc-c1", "--cluster-template", "osc-tmpl",
        "--node-count", "2", "--labels", "a=b", as_json=False,
    )  # fmt: skip
    uuid = _accepted_uuid(out)
    listed = cli(aio, "demo", "coe", "cluster", "list")
    assert [(c["uuid"], c["name"], c["status"]) for c in listed] == [
        (uuid, "osc-c1", "CREATE_IN_PROGRESS")
    ]
    shown = cli(aio, "demo", "coe", "cluster", "show", "osc-c1")
    assert (shown["node_count"], shown["labels"]) == (2, {"a": "b"})

    finish(aio, uuid)
    cli(aio, "demo", "coe", "cluster", "update", "osc-c1", "--node-count", "3", as_json=False)
    assert status(aio, uuid) == ("UPDATE_IN_PROGRESS", ["update"])

    finish(aio, uuid, "UPDATE_COMPLETE")
    cli(aio, "demo", "coe", "cluster", "resize", "osc-c1", "1", as_json=False)
    assert status(aio, uuid) == ("UPDATE_IN_PROGRESS", ["resize"])
    assert magnum(aio).clusters.get(uuid).node_count == 1

    finish(aio, uuid, "UPDATE_COMPLETE")
    cli(aio, "demo", "coe", "cluster", "delete", "osc-c1", as_json=False)
    assert status(aio, uuid) == ("DELETE_IN_PROGRESS", ["delete"])


def test_ca_commands(aio: AllInOne, tmp_path: Path) -> None:
    """coe ca show prints the cluster's CA; coe ca sign prints a certificate it issued."""
    client = magnum(aio)
    template = client.cluster_templates.create(
        name="osc-tls", coe="kubernetes", image_id="fcos", external_network_id="public"
    )
    uuid = client.clusters.create(name="osc-tls", cluster_template_id=template.uuid).uuid
    finish(aio, uuid)

    shown = cli(aio, "demo", "coe", "ca", "show", "osc-tls", as_json=False)
    ca = x509.load_pem_x509_certificate(shown.strip().encode())
    request = tmp_path / "user.csr"
    request.write_text(csr("osc-user"))
    signed = cli(aio, "demo", "coe", "ca", "sign", "osc-tls", str(request), as_json=False)
    cert = x509.load_pem_x509_certificate(signed.strip().encode())
    assert cert.issuer == ca.subject


def test_quota_and_stats_commands(aio: AllInOne) -> None:
    """An admin runs coe quotas create, show, update, list and delete; coe stats list counts."""
    demo = project_id(aio, "demo")
    quota = ("--project-id", demo, "--resource", "Cluster")
    created = cli(
        aio, "admin", "coe", "quotas", "create", *quota, "--hard-limit", "3", as_json=False
    )
    assert _table(created)["hard_limit"] == "3", created
    shown = cli(aio, "admin", "coe", "quotas", "show", *quota, as_json=False)
    assert _table(shown)["project_id"] == demo
    updated = cli(
        aio, "admin", "coe", "quotas", "update", *quota, "--hard-limit", "7", as_json=False
    )
    assert _table(updated)["hard_limit"] == "7", updated
    listed = cli(aio, "admin", "coe", "quotas", "list", "--all-tenants", as_json=False)
    assert demo in listed
    cli(aio, "admin", "coe", "quotas", "delete", *quota, as_json=False)
    assert magnum(aio, "admin").quotas.list(all_tenants=True) == []

    client = magnum(aio)
    template = client.cluster_templates.create(
        name="osc-stats", coe="kubernetes", image_id="fcos", external_network_id="public"
    )
    client.clusters.create(name="osc-s", cluster_template_id=template.uuid, node_count=2)
    stats = _table(cli(aio, "demo", "coe", "stats", "list", demo, as_json=False))
    assert (stats["clusters"], stats["nodes"]) == ("1", "3")
