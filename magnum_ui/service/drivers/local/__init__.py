"""The local driver: Docker Swarm bays whose nodes are Docker Engines on this machine.

Each node is a ``Magnum::Local::Node`` Heat resource (``heat_plugins/node.py``)
over the library in this package: a Docker Engine in its own network
namespace, on a bridge of its own bay, joined into the bay's Swarm.  The
stack is ``templates/cluster.yaml``; scaling is a stack update of the counts,
and ``nodes_to_remove`` picks which workers go.
"""

from __future__ import annotations

from typing import Any

from magnum_ui.service.drivers.base import HeatDriver, MappingError, Param

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
    )

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
