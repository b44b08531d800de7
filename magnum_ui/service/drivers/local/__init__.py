"""The local driver: Docker Swarm bays whose nodes are Docker Engines on this machine.

Each node is a ``Magnum::Local::Node`` Heat resource (``heat_plugins/node.py``)
over the library in this package: a Docker Engine in its own network
namespace, on a bridge of its own bay, joined into the bay's Swarm.  The
stack is ``templates/cluster.yaml``; scaling is a stack update of the counts,
and ``nodes_to_remove`` picks which workers go.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from magnum_ui.service.drivers.base import (
    Footprint,
    HeatDriver,
    MappingError,
    Param,
    RequestRefused,
)
from magnum_ui.service.drivers.local import flavors

WORKER_OFFSET = 10  # see templates/cluster.yaml


class LocalSwarmDriver(HeatDriver):
    name = "local_swarm"
    server_type = "local"
    os = "docker"
    coe = "swarm-mode"
    template = "templates/cluster.yaml"
    files = ("templates/local_node.yaml",)
    parameters = (
        Param("cluster_uuid", compute=lambda cluster, template: cluster.uuid),
        Param("master_count", cluster="master_count"),
        Param("node_count", cluster="node_count"),
        Param("master_flavor", cluster="master_flavor_id", template="master_flavor_id"),
        Param("flavor", cluster="flavor_id", template="flavor_id"),
        Param("volume_size", cluster="docker_volume_size", template="docker_volume_size"),
    )

    @classmethod
    def check_fields(cls, fields: Mapping[str, Any]) -> None:
        """Flavors must be local flavors, the volume size within the local range."""
        for name in ("flavor_id", "master_flavor_id"):
            try:
                flavors.get(fields.get(name))
            except flavors.UnknownFlavor as exc:
                raise RequestRefused(f"{name}: {exc}.") from None
        size = fields.get("docker_volume_size")
        if size is not None and not flavors.MIN_VOLUME_GIB <= size <= flavors.MAX_VOLUME_GIB:
            raise RequestRefused(
                f"docker_volume_size: {size} GiB is out of range for local nodes "
                f"({flavors.MIN_VOLUME_GIB} to {flavors.MAX_VOLUME_GIB})."
            )

    @classmethod
    def flavor_choices(cls) -> list[dict[str, Any]]:
        return [
            {"id": f.name, "name": f.name, "vcpus": f.vcpus, "ram": f.ram_mib,
             "disk": f.disk_gib, "pids": f.pids, "description": f.summary}
            for f in flavors.FLAVORS.values()
        ]  # fmt: skip

    @classmethod
    def footprint(cls, flavor_id: str | None, count: int) -> Footprint:
        """The flavor's CPUs and memory times ``count`` (an unknown flavor counts as the default:
        no node of it can be built, and the request checks refuse it first)."""
        try:
            flavor = flavors.get(flavor_id)
        except flavors.UnknownFlavor:
            flavor = flavors.get(None)
        return Footprint(count, flavor.vcpus * count, flavor.ram_mib * count)

    @classmethod
    def probe_coe_version(cls, cluster: Any) -> str | None:
        """The Docker Engine version, asked over the bay's TLS API with a fresh certificate."""
        import tempfile
        from pathlib import Path

        import docker

        # Imported here: Heat's process loads this package for the node resource,
        # and it has no Django.
        from magnum_ui.service import certificates

        cert, key = certificates.issue_client_certificate(cluster, "magnum-ui-conductor")
        with tempfile.TemporaryDirectory() as folder:
            files = {"ca.pem": certificates.ensure_ca(cluster).cert_pem, "cert.pem": cert,
                     "key.pem": key}  # fmt: skip
            for name, text in files.items():
                (Path(folder) / name).write_text(text)
                (Path(folder) / name).chmod(0o600)
            tls = docker.tls.TLSConfig(
                client_cert=(f"{folder}/cert.pem", f"{folder}/key.pem"),
                ca_cert=f"{folder}/ca.pem",
                verify=True,
            )
            client = docker.DockerClient(
                base_url=cluster.api_address.replace("tcp://", "https://"),
                tls=tls, version="1.41", timeout=5,
            )  # fmt: skip
            # REQUESTS_CA_BUNDLE (set on some machines) must not replace the bay's CA.
            client.api.trust_env = False
            try:
                return str(client.version()["Version"])
            finally:
                client.close()

    @classmethod
    def removal_positions(cls, outputs: dict[str, Any], nodes: list[str]) -> list[str]:
        """Worker group positions of the nodes named by name, address or position."""
        names = {str(v): str(k) for k, v in (outputs.get("worker_names") or {}).items()}
        addresses = {str(v): str(k) for k, v in (outputs.get("worker_addresses") or {}).items()}
        positions = set(names.values())
        found = []
        for node in nodes:
            position = (
                names.get(node) or addresses.get(node) or (node if node in positions else None)
            )
            if position is None:
                known = ", ".join(sorted(names)) or "none"
                raise MappingError(f"{node!r} is not a worker of this bay (workers: {known})")
            found.append(position)
        return found
