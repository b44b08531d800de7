"""The local driver's class: what the service knows of local bays and their node groups.

The stack is written for the bay's node groups (:mod:`.layout`): the default
masters and workers, and a ResourceGroup for each added group.  Stack
parameters come from the cluster and its node groups; the stack's outputs
give each group's node addresses back.  Resizing a group is a stack update of
its count, with ``nodes_to_remove`` turned into its ResourceGroup's removal
list.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from magnum_ui.service.drivers.base import (
    DriverLimits,
    Footprint,
    HeatDriver,
    MappingError,
    Param,
    RequestRefused,
)
from magnum_ui.service.drivers.local import flavors, layout, validation

DEFAULT_MASTER, DEFAULT_WORKER = "default-master", "default-worker"
DELETING = "DELETE_IN_PROGRESS"


def _flavor(cluster: Any, group: str) -> str | None:
    """A default group's flavor (its own: an upgrade may have changed it), else the cluster's."""
    found = cluster.nodegroups.filter(name=group).values_list("flavor_id", flat=True)
    own = next(iter(found), None)
    fallback = cluster.master_flavor_id if group == DEFAULT_MASTER else cluster.flavor_id
    return own or fallback or None


def _default_workers(cluster: Any, template: Any) -> int:
    """The default worker group's count (the cluster's node_count counts every worker group)."""
    found = cluster.nodegroups.filter(name=DEFAULT_WORKER).values_list("node_count", flat=True)
    return int(next(iter(found), cluster.node_count))


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
        Param("node_count", compute=_default_workers),
        Param("master_flavor", compute=lambda cluster, template: _flavor(cluster, DEFAULT_MASTER)),
        Param("flavor", compute=lambda cluster, template: _flavor(cluster, DEFAULT_WORKER)),
        Param("volume_size", cluster="docker_volume_size", template="docker_volume_size"),
        Param("ca_serial", compute=lambda cluster, template: _ca_serial(cluster)),
        Param("max_batch_size"),  # an upgrade's, given by the conductor
        Param("insecure_registry", template="insecure_registry"),
    )
    rotates_ca = True  # a new ca_serial re-keys every node in place (heat_plugins/node.py)
    limits = DriverLimits(
        masters_max=layout.MASTERS_MAX,
        workers_max=layout.WORKERS_MAX,
        group_nodes_max=layout.GROUP_NODES_MAX,
        groups_max=layout.GROUPS_MAX,
        group_name_pattern=validation.GROUP_PATTERN,
        group_name_rule="1 to 24 lower-case letters, digits and inner dashes (it names the "
        "group's nodes)",
    )

    @classmethod
    def template_for(cls, cluster: Any) -> str:
        return layout.template([group.slot for group in _added_groups(cluster)])

    @classmethod
    def stack_parameters(cls, cluster: Any, template: Any, **extra: Any) -> dict[str, Any]:
        values = super().stack_parameters(cluster, template)
        for group in _added_groups(cluster):
            prefix = layout.prefix(group.slot)
            values.update({
                f"{prefix}_name": group.name,
                f"{prefix}_count": group.node_count,
                f"{prefix}_flavor": group.flavor_id or flavors.DEFAULT_FLAVOR,
                f"{prefix}_volume": group.docker_volume_size or 0,
            })  # fmt: skip
        values.update(extra)
        return {k: v for k, v in values.items() if v is not None}

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
    def removal_parameters(
        cls, outputs: dict[str, Any], nodes: list[str], group: Any = None
    ) -> dict[str, Any]:
        """The group's positions of the nodes named by name, address or position."""
        added = group is not None and group.slot is not None
        key = layout.prefix(group.slot) if added else "worker"
        names = {str(v): str(k) for k, v in (outputs.get(f"{key}_names") or {}).items()}
        addresses = {str(v): str(k) for k, v in (outputs.get(f"{key}_addresses") or {}).items()}
        positions = set(names.values())
        found = []
        for node in nodes:
            position = (
                names.get(node) or addresses.get(node) or (node if node in positions else None)
            )
            if position is None:
                known = ", ".join(sorted(names)) or "none"
                raise MappingError(f"{node!r} is not a node of this group (its nodes: {known})")
            found.append(position)
        return {f"{layout.prefix(group.slot)}_remove" if added else "nodes_to_remove": found}

    @classmethod
    def group_nodes(cls, outputs: dict[str, Any], group: Any) -> list[tuple[str, str]] | None:
        """Names and addresses by position, from the group's ResourceGroup outputs."""
        if group.slot is not None:
            keys = (f"{layout.prefix(group.slot)}_names", f"{layout.prefix(group.slot)}_addresses")
        elif group.name == DEFAULT_MASTER:
            keys = ("master_names", "master_addresses_by_position")
        else:
            keys = ("worker_names", "worker_addresses")
        names, addresses = outputs.get(keys[0]), outputs.get(keys[1])
        if not isinstance(names, dict) or not isinstance(addresses, dict):
            return None
        order = sorted(names, key=lambda position: int(position))
        return [(str(names[p]), str(addresses.get(p, ""))) for p in order]


def _ca_serial(cluster: Any) -> str:
    """Which CA the bay has (its certificate's fingerprint): a rotation changes it."""
    import hashlib

    # Imported here: Heat's process loads this package for the node resource, and it
    # has no Django.
    from magnum_ui.service import certificates

    pem = certificates.ensure_ca(cluster).cert_pem
    return hashlib.sha256(pem.encode()).hexdigest()[:32]


def _added_groups(cluster: Any) -> list[Any]:
    """The cluster's added node groups that stay in its stack (not being deleted)."""
    return list(
        cluster.nodegroups.filter(is_default=False, slot__isnull=False)
        .exclude(status=DELETING)
        .order_by("slot")
    )
