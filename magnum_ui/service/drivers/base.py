"""Driver base classes: what a driver declares, and the Heat driver's mapping.

A Heat driver is mostly declarations: its template, and how cluster and
template fields become stack parameters.  A concrete driver looks like::

    class MySwarmDriver(HeatDriver):
        name = "my_swarm"
        server_type, os, coe = "vm", "my-os", "swarm-mode"
        template = "templates/cluster.yaml"
        parameters = (
            Param("number_of_nodes", cluster="node_count"),
            Param("server_image", template="image_id", required=True),
            Param("swarm_strategy", label="swarm_strategy", default="spread"),
            *from_cluster("docker_volume_size"),  # the cluster's, else its template's
            *from_template("http_proxy", "https_proxy"),
        )
"""

from __future__ import annotations

import importlib.resources
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar


class RequestRefused(ValueError):
    """The driver cannot build what a request asks for; the message says why (a 400)."""


@dataclass(frozen=True)
class Footprint:
    """What some nodes take of a host's bounded resources."""

    nodes: int = 0
    vcpus: float = 0.0
    ram_mib: int = 0

    def __add__(self, other: Footprint) -> Footprint:
        return Footprint(
            self.nodes + other.nodes, self.vcpus + other.vcpus, self.ram_mib + other.ram_mib
        )


@dataclass(frozen=True)
class DriverLimits:
    """How many nodes a driver can place, checked by the API before any stack changes."""

    masters_max: int
    workers_max: int  # in the default worker group
    group_nodes_max: int  # in each added node group
    groups_max: int  # added node groups per cluster
    group_name_pattern: str  # what an added group's name must fullmatch
    group_name_rule: str  # the same, in words


class Driver:
    """A way to build clusters of one orchestrator on one kind of server.

    Subclasses declare the combination they serve and the template fields they
    cannot do without; the conductor calls the driver to create, update and
    delete clusters.  The service API asks the driver, at request time, whether
    it can build what is asked (:meth:`check_fields`) and what the nodes would
    take (:meth:`footprint`), so a request it cannot do is refused at once.
    """

    name: ClassVar[str]
    server_type: ClassVar[str]  # "vm", "bm", or "local" for this machine's Docker nodes
    os: ClassVar[str]  # the cluster_distro it expects
    coe: ClassVar[str]  # "kubernetes", "swarm", "swarm-mode"
    required_template_fields: ClassVar[tuple[str, ...]] = ()
    # None: the driver places any number of nodes (its cloud's quotas apply).
    limits: ClassVar[DriverLimits | None] = None
    # Whether a running cluster's nodes take a rotated CA (a stack update re-keys them).
    rotates_ca: ClassVar[bool] = False

    @classmethod
    def check_fields(cls, fields: Mapping[str, Any]) -> None:
        """Raise :class:`RequestRefused` for template or cluster fields this driver cannot build.

        ``fields`` holds any of ``flavor_id``, ``master_flavor_id`` and
        ``docker_volume_size``; absent or None means "not given".  A cloud
        driver leaves flavors to Nova, which knows them.
        """

    @classmethod
    def flavor_choices(cls) -> list[dict[str, Any]]:
        """The flavors the driver defines itself (none: the cloud's, from Nova)."""
        return []

    @classmethod
    def group_nodes(cls, outputs: dict[str, Any], group: Any) -> list[tuple[str, str]] | None:
        """``group``'s nodes in the stack's outputs, (name, address) each (None: not known)."""
        return None

    @classmethod
    def footprint(cls, flavor_id: str | None, count: int) -> Footprint | None:
        """What ``count`` nodes of ``flavor_id`` take on a bounded host (None: unbounded)."""
        return None


class MappingError(ValueError):
    """A stack parameter cannot be filled; the message names it and why."""


@dataclass(frozen=True)
class Param:
    """One stack parameter and where its value comes from.

    The first source that has a value wins: the cluster's field, then the
    template's field, then the cluster's labels (a label value is a string:
    ``cast`` turns it into the parameter's type), then ``default``;
    ``compute`` replaces all of that with a function of (cluster, template).
    """

    name: str
    cluster: str | None = None
    template: str | None = None
    label: str | None = None
    default: Any = None
    required: bool = False
    cast: Callable[[Any], Any] | None = None
    compute: Callable[[Any, Any], Any] | None = None

    def value(self, cluster: Any, template: Any) -> Any:
        if self.compute is not None:
            return self.compute(cluster, template)
        for source, field in ((cluster, self.cluster), (template, self.template)):
            if field is not None:
                found = getattr(source, field, None)
                if found not in (None, ""):
                    return self.cast(found) if self.cast else found
        if self.label is not None:
            labels = {**(template.labels or {}), **(cluster.labels or {})}
            if labels.get(self.label) not in (None, ""):
                raw = labels[self.label]
                try:
                    return self.cast(raw) if self.cast else raw
                except (TypeError, ValueError):
                    raise MappingError(
                        f"label {self.label}={raw!r} is not a valid value for {self.name}"
                    ) from None
        if self.required and self.default is None:
            sources = [
                f"cluster field {self.cluster}" if self.cluster else "",
                f"template field {self.template}" if self.template else "",
                f"label {self.label}" if self.label else "",
            ]
            wanted = " or ".join(source for source in sources if source)
            raise MappingError(f"stack parameter {self.name} needs the {wanted}")
        return self.default


def from_cluster(*names: str) -> tuple[Param, ...]:
    """Parameters named as the fields they take: the cluster's, else its template's."""
    return tuple(Param(name, cluster=name, template=name) for name in names)


def from_template(*names: str) -> tuple[Param, ...]:
    """Parameters named as the template fields they take."""
    return tuple(Param(name, template=name) for name in names)


def from_labels(*names: str) -> tuple[Param, ...]:
    """Parameters named as the labels they take (as strings: give others a ``cast``)."""
    return tuple(Param(name, label=name) for name in names)


class HeatDriver(Driver):
    """A driver whose clusters are Heat stacks made from a template in its package."""

    template: ClassVar[str]  # path of the main template, relative to the driver's package
    files: ClassVar[tuple[str, ...]] = ()  # nested templates the main one refers to
    parameters: ClassVar[tuple[Param, ...]] = ()
    # Stack output -> cluster field.
    outputs: ClassVar[dict[str, str]] = {
        "api_address": "api_address",
        "master_addresses": "master_addresses",
        "node_addresses": "node_addresses",
    }

    @classmethod
    def read(cls, path: str) -> str:
        """A file of the package the driver is defined in (or of its module's package)."""
        module = sys.modules[cls.__module__]
        package = (
            cls.__module__ if hasattr(module, "__path__") else cls.__module__.rsplit(".", 1)[0]
        )
        return (importlib.resources.files(package) / path).read_text()

    @classmethod
    def template_text(cls) -> str:
        return cls.read(cls.template)

    @classmethod
    def template_for(cls, cluster: Any) -> str:
        """The template of this cluster's stack (a driver may write it for its node groups)."""
        return cls.template_text()

    @classmethod
    def template_files(cls) -> dict[str, str]:
        """Nested templates, keyed by the name the main template uses for them."""
        return {name.rsplit("/", 1)[-1]: cls.read(name) for name in cls.files}

    @classmethod
    def stack_parameters(cls, cluster: Any, template: Any, **extra: Any) -> dict[str, Any]:
        """Every declared parameter with its value (None values are left to Heat's defaults)."""
        values = {p.name: p.value(cluster, template) for p in cls.parameters}
        values.update(extra)
        return {k: v for k, v in values.items() if v is not None}

    @classmethod
    def probe_coe_version(cls, cluster: Any) -> str | None:
        """The orchestrator's version, asked of the running cluster (None: unknown)."""
        return None

    @classmethod
    def removal_parameters(
        cls, outputs: dict[str, Any], nodes: list[str], group: Any = None
    ) -> dict[str, Any]:
        """The stack parameters that remove ``nodes`` (the user's ``nodes_to_remove``) first.

        ``group`` is the node group being resized (None: the default workers).
        """
        return {"nodes_to_remove": list(nodes)}

    @classmethod
    def cluster_fields(cls, outputs: dict[str, Any]) -> dict[str, Any]:
        """The cluster fields the stack's outputs fill in."""
        return {field: outputs[name] for name, field in cls.outputs.items() if name in outputs}
