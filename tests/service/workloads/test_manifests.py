"""Manifests are read and checked before any bay is asked; errors name the field."""

from __future__ import annotations

import pytest

from magnum_ui.service.workloads import manifests
from magnum_ui.service.workloads.base import BadManifest


def test_a_swarm_service_in_yaml_or_json_reads_the_same() -> None:
    """YAML and JSON texts of one service give the same spec."""
    yaml_text = "name: web\nimage: busybox\nreplicas: 3\ncommand: [sleep, '60']\nenv: {A: '1'}\n"
    json_text = (
        '{"name": "web", "image": "busybox", "replicas": 3, "command": ["sleep", "60"],'
        ' "env": {"A": "1"}}'
    )
    assert manifests.swarm_service(yaml_text) == manifests.swarm_service(json_text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "it is empty"),
        ("name: a\nimage: b\n---\nname: c\nimage: d\n", "one service, not 2 documents"),
        ("- just\n- a list\n", "is not of type 'object'"),
        ("name: -bad\nimage: b\n", "name: '-bad' does not match"),
        (f"name: a\nimage: b\nreplicas: {manifests.MAX_REPLICAS + 1}\n", "replicas:"),
        ("name: a\nimage: b\nenv: {'1BAD': x}\n", "'1BAD' does not match"),
        ("name: a\nimage: b\nports: [{target: 80, protocol: icmp}]\n", "ports.0.protocol"),
        ("name: a\nimage: b\nmode: global\nreplicas: 2\n", "global service runs one task"),
        ("name: a\nimage: b\n  bad: indent\n", "not YAML or JSON (line 3)"),
    ],
)
def test_a_bad_swarm_manifest_names_what_is_wrong(text: str, message: str) -> None:
    """Each mistake is a BadManifest whose message points at the field."""
    with pytest.raises(BadManifest, match=message.replace("(", r"\(").replace(")", r"\)")):
        manifests.swarm_service(text)


def test_kubernetes_documents_keep_their_order() -> None:
    """Several documents come back in order; empty documents are skipped."""
    text = (
        "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n---\n"
        "apiVersion: v1\nkind: Service\nmetadata: {name: cart, namespace: shop}\n"
    )
    kinds = [d["kind"] for d in manifests.kubernetes_documents(text)]
    assert kinds == ["Namespace", "Service"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n", "kind: 'Secret' is not one of"),
        ("apiVersion: v1\nkind: Pod\nmetadata: {}\n", "'name' is a required property"),
        ("apiVersion: v1\nkind: Pod\nmetadata: {name: Web}\n", "metadata.name: 'Web'"),
        ("apiVersion: apps/v1\nkind: Pod\nmetadata: {name: p}\n", "a Pod is v1, not 'apps/v1'"),
        ("kind: Pod\nmetadata: {name: p}\n", "'apiVersion' is a required property"),
    ],
)
def test_a_bad_kubernetes_document_names_the_field(text: str, message: str) -> None:
    """Kind, name and apiVersion are checked here; the rest is the API server's to judge."""
    with pytest.raises(BadManifest, match=message):
        manifests.kubernetes_documents(text)


def test_too_many_documents_are_refused() -> None:
    """More than MAX_DOCUMENTS objects at once is refused before anything is created."""
    one = "apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n---\n"
    with pytest.raises(BadManifest, match="at most"):
        manifests.kubernetes_documents(one * (manifests.MAX_DOCUMENTS + 1))
