"""The Heat resource type ``Magnum::Local::Node``: one local Swarm node.

Heat loads this file from its ``plugin_dirs``.  The resource is a thin shell:
the node itself is made and removed by :mod:`magnum_ui.service.drivers.local.nodes`.
A bay's template names one resource per node (a nested template per index,
because ResourceGroup cannot do arithmetic on ``%index%``)::

    resources:
      master:
        type: Magnum::Local::Node
        properties: {cluster_uuid: {get_param: cluster_uuid}, index: 0, role: master,
                     flavor: local.small, volume_size: 0}
    outputs:
      api_address: {value: {get_attr: [master, docker_host]}}

The node's TLS certificate comes from the service API (``POST
/v1/certificates``), asked for with the stack owner's session (Heat's trust),
so a template naming another project's cluster gets no certificate and no
node.  Deleting only ever removes a node this very resource owns: the one it
created, or the one it took over when Heat replaced a resource whose change
failed (a failed node that still stands is changed again in place instead).

Settings come from Heat's environment: ``MAGNUM_UI_LOCAL_NODES_DIR`` (default
``/var/lib/magnum-ui/local-nodes``), the per-project bounds
``MAGNUM_UI_LOCAL_MAX_NODES_PER_PROJECT`` (20), ``..._MAX_VCPUS_PER_PROJECT``
(20) and ``..._MAX_RAM_MIB_PER_PROJECT`` (20480), and
``MAGNUM_UI_LOCAL_SUBNET_POOL`` (10.213.0.0/16); see :mod:`..options`.
"""

from __future__ import annotations

import contextlib
from typing import Any

from heat.common import exception
from heat.engine import attributes, constraints, properties, resource
from heat.objects import resource as resource_objects

from magnum_ui.service.drivers.local import (
    flavors,
    nodes,
    options,
    registries,
    tls,
    updates,
    validation,
)

_UUID_PATTERN = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"


class LocalNode(resource.Resource):
    """A Docker Engine on the Heat host, in its own network namespace, in its bay's Swarm."""

    PROPERTIES = (
        CLUSTER_UUID, INDEX, ROLE, FLAVOR, VOLUME_SIZE, GROUP, POSITION, CA_SERIAL, BATCH,
        INSECURE_REGISTRY,
    ) = (
        "cluster_uuid", "index", "role", "flavor", "volume_size", "group", "position",
        "ca_serial", "max_batch_size", "insecure_registry",
    )  # fmt: skip
    ATTRIBUTES = ADDRESS, NAME, DOCKER_HOST = ("address", "name", "docker_host")

    properties_schema = {
        CLUSTER_UUID: properties.Schema(
            properties.Schema.STRING,
            "The uuid of the cluster (bay) the node belongs to.",
            required=True,
            constraints=[constraints.AllowedPattern(_UUID_PATTERN, "Must be a uuid.")],
        ),
        INDEX: properties.Schema(
            properties.Schema.INTEGER,
            "The node's number in its bay; it sets the node's address.",
            required=True,
            constraints=[constraints.Range(0, validation.MAX_NODES_PER_BAY - 1)],
        ),
        ROLE: properties.Schema(
            properties.Schema.STRING,
            "master (a Swarm manager) or worker.",
            required=True,
            constraints=[constraints.AllowedValues(list(validation.ROLES))],
        ),
        FLAVOR: properties.Schema(
            properties.Schema.STRING,
            "The local flavor: the node's CPU, memory, process and disk bounds.",
            default=flavors.DEFAULT_FLAVOR,
            update_allowed=True,
            constraints=[constraints.AllowedValues(list(flavors.FLAVORS))],
        ),
        VOLUME_SIZE: properties.Schema(
            properties.Schema.INTEGER,
            "The node's disk in GiB; 0 takes the flavor's.",
            default=0,
            update_allowed=True,
            constraints=[constraints.Range(0, flavors.MAX_VOLUME_GIB)],
        ),
        GROUP: properties.Schema(
            properties.Schema.STRING,
            "The added node group the node belongs to (its name says it); empty: a default one.",
            default="",
            constraints=[
                constraints.AllowedPattern(
                    f"({validation.GROUP_PATTERN})?", "Lower-case letters, digits, inner dashes."
                )
            ],
        ),
        POSITION: properties.Schema(
            properties.Schema.INTEGER,
            "The node's place in its added group (in its name).",
            default=0,
            constraints=[constraints.Range(0, validation.MAX_NODES_PER_BAY - 1)],
        ),
        CA_SERIAL: properties.Schema(
            properties.Schema.STRING,
            "Which CA the bay has; a new one (a rotation) gives the node a new certificate.",
            default="",
            update_allowed=True,
            constraints=[constraints.Length(max=64)],
        ),
        BATCH: properties.Schema(
            properties.Schema.INTEGER,
            "How many nodes of the bay may be drained and changed at once.",
            default=1,
            update_allowed=True,
            constraints=[constraints.Range(1, validation.MAX_NODES_PER_BAY)],
        ),
        INSECURE_REGISTRY: properties.Schema(
            properties.Schema.STRING,
            "A registry (HOST[:PORT]) the node's engine may reach without TLS; empty: none.",
            default="",
            constraints=[
                constraints.Length(max=registries.MAX_LENGTH),
                constraints.AllowedPattern(f"({registries.PATTERN})?", "HOST[:PORT], lower-case."),
            ],
        ),
    }

    attributes_schema = {
        ADDRESS: attributes.Schema(
            "The node's IPv4 address on its bay's bridge.", type=attributes.Schema.STRING
        ),
        NAME: attributes.Schema(
            "The node's hostname and Swarm node name.", type=attributes.Schema.STRING
        ),
        DOCKER_HOST: attributes.Schema(
            "The node's Docker API, tcp://<address>:2376 with TLS from the bay's CA.",
            type=attributes.Schema.STRING,
        ),
    }

    def handle_create(self) -> None:
        issue = self._issuer()
        root = options.root_from_environ()
        found = updates.recorded_owner(root, self.properties[self.CLUSTER_UUID],
                                       self.properties[self.INDEX])  # fmt: skip
        if found is not None and self._replaces(*found):
            # This resource replaces one whose change failed: the node it made stays.
            info = updates.adopt_node(
                root, self.properties[self.CLUSTER_UUID], self.properties[self.INDEX], issue,
                previous=found[0], owner=self._owner(), role=self.properties[self.ROLE],
                options=options.NodeOptions.from_environ(), flavor=self.properties[self.FLAVOR],
                volume_gib=self.properties[self.VOLUME_SIZE], batch=self.properties[self.BATCH],
            )  # fmt: skip
            self._expose(info)
            return
        # Blocks until the engine answers and has joined the Swarm (about a
        # second), so check_create_complete has nothing left to wait for.
        info = nodes.create_node(
            root,
            self.properties[self.CLUSTER_UUID],
            self.properties[self.INDEX],
            self.properties[self.ROLE],
            issue,
            self.context.project_id,
            owner=self._owner(),
            options=options.NodeOptions.from_environ(),
            flavor=self.properties[self.FLAVOR],
            volume_gib=self.properties[self.VOLUME_SIZE],
            group=self.properties[self.GROUP] or None,
            position=self.properties[self.POSITION],
            insecure_registry=self.properties[self.INSECURE_REGISTRY] or None,
        )
        self._expose(info)

    def _expose(self, info: nodes.NodeInfo) -> None:
        self.resource_id_set(info.name)
        for key, value in ((self.ADDRESS, info.address), (self.NAME, info.name),
                           (self.DOCKER_HOST, info.docker_host)):  # fmt: skip
            self.data_set(key, value)

    def _replaces(self, owner: str, name: str) -> bool:
        """Whether ``owner`` is an earlier resource of this stack for this very node."""
        if owner == self._owner():
            return False
        earlier = resource_objects.Resource.get_all_by_physical_resource_id(self.context, name)
        return any(
            str(found.uuid) == owner and found.stack_id == self.stack.id and found.name == self.name
            for found in earlier
        )

    # The properties marked update_allowed change in place (handle_update); a change
    # of any other replaces the node.
    def handle_update(self, json_snippet: Any, tmpl_diff: Any, prop_diff: dict[str, Any]) -> None:
        """A new flavor, disk size or CA: the node changes in place (drained, then back)."""
        if not set(prop_diff) & {self.FLAVOR, self.VOLUME_SIZE, self.CA_SERIAL}:
            return  # only the batch size changed: nothing to do to the node
        wanted = {**{k: self.properties[k] for k in self.PROPERTIES}, **prop_diff}
        updates.update_node(
            options.root_from_environ(),
            wanted[self.CLUSTER_UUID],
            wanted[self.INDEX],
            self._issuer(),
            owner=self._owner(),
            options=options.NodeOptions.from_environ(),
            flavor=wanted[self.FLAVOR],
            volume_gib=wanted[self.VOLUME_SIZE],
            rekey=self.CA_SERIAL in prop_diff,
            batch=wanted[self.BATCH],
        )

    def needs_replace_failed(self) -> bool:
        """A failed change of a node that still stands is tried again in place.

        Heat's default replaces a failed resource: a new one would make a second
        node at the same index (refused: the index is taken) before deleting this one.
        """
        if self.action == self.CREATE or not self.uuid:
            return True
        with contextlib.suppress(validation.InvalidNodeInput):
            root = options.root_from_environ()
            return not updates.stands(root, self.properties[self.CLUSTER_UUID],
                                    self.properties[self.INDEX], self._owner())  # fmt: skip
        return True

    def _issuer(self) -> Any:
        """How the node gets its certificate: asked of the service as the stack's owner."""
        session = self.context.keystone_session
        region = getattr(self.context, "region_name", None)

        def issue(plan: nodes.NodePlan) -> tls.NodeCertificates:
            return tls.request_certificates(
                session, plan.cluster_uuid, plan.name, plan.address, region_name=region
            )

        return issue

    def handle_delete(self) -> None:
        # Properties no node could have been created with mean nothing to delete.
        with contextlib.suppress(validation.InvalidNodeInput):
            nodes.delete_node(
                options.root_from_environ(),
                self.properties[self.CLUSTER_UUID],
                self.properties[self.INDEX],
                owner=self._owner(),
                options=options.NodeOptions.from_environ(),
            )

    def _resolve_attribute(self, name: str) -> Any:
        return self.data().get(name)

    def _owner(self) -> str:
        """This resource's uuid: the only owner allowed to delete the node it creates."""
        if not self.uuid:
            # Heat stores a resource (and gives it a uuid) before creating it.
            raise exception.Error("the resource has no uuid yet; it cannot own a node")
        return str(self.uuid)


def resource_mapping() -> dict[str, type[resource.Resource]]:
    return {"Magnum::Local::Node": LocalNode}
