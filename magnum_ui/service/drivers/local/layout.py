"""A local bay's layout: how many nodes go where, and the stack template that says so.

Every node of a bay has an index (0 to 239: its address is ``.10 + index`` in
the bay's /24), and each node group has a range of them::

    masters (default-master)   0 ..   9    at most MASTERS_MAX
    default-worker            10 ..  99    at most WORKERS_MAX
    added group in slot 0    100 .. 119    at most GROUP_NODES_MAX each,
    ...                                    GROUPS_MAX groups (slots 0 .. 6)
    added group in slot 6    220 .. 239

These numbers are the driver's limits: the Heat template's constraints are
made from them here, and the service API refuses a request past them before
any stack changes (``LocalSwarmDriver.limits``).  :func:`template` writes the
bay's template for the added groups it has: one ResourceGroup per group, its
own count, flavor, disk, name and removal list, and ``node_addresses`` the
addresses of every worker group together::

    text = template([0])   # a bay with one added group, in slot 0
    # parameters ng0_name, ng0_count, ng0_flavor, ng0_volume, ng0_remove; outputs
    # ng0_names, ng0_addresses
"""

from __future__ import annotations

import copy
import functools
import importlib.resources
from collections.abc import Sequence
from typing import Any

import yaml

from magnum_ui.service.drivers.local import flavors, validation

MASTERS_MAX = 10
WORKERS_MAX = 90
WORKER_OFFSET = MASTERS_MAX  # default-worker's first index
GROUP_BASE = WORKER_OFFSET + WORKERS_MAX  # slot 0's first index
GROUP_NODES_MAX = 20
GROUPS_MAX = (validation.MAX_NODES_PER_BAY - GROUP_BASE) // GROUP_NODES_MAX


def group_offset(slot: int) -> int:
    """The first node index of the added group in ``slot``."""
    if not 0 <= slot < GROUPS_MAX:
        raise ValueError(f"slot {slot} is not one of the {GROUPS_MAX} node group slots")
    return GROUP_BASE + slot * GROUP_NODES_MAX


def prefix(slot: int) -> str:
    """The stack's names for the added group in ``slot``: its resource and parameters."""
    return f"ng{slot}"


def template(slots: Sequence[int]) -> str:
    """The bay's stack template with a ResourceGroup for each added group's slot."""
    doc = copy.deepcopy(_base())
    parameters, resources, outputs = doc["parameters"], doc["resources"], doc["outputs"]
    parameters["master_count"]["constraints"] = [{"range": {"min": 1, "max": MASTERS_MAX}}]
    parameters["node_count"]["constraints"] = [{"range": {"min": 0, "max": WORKERS_MAX}}]
    parameters["volume_size"]["constraints"] = [
        {"range": {"min": 0, "max": flavors.MAX_VOLUME_GIB}}
    ]
    resources["workers"]["properties"]["resource_def"]["properties"]["offset"] = WORKER_OFFSET
    worker_addresses: list[Any] = [{"get_attr": ["workers", "address"]}]
    for slot in sorted(slots):
        name = prefix(slot)
        parameters.update(_group_parameters(name))
        resources[name] = _group_resource(name, group_offset(slot))
        outputs[f"{name}_names"] = {"value": {"get_attr": [name, "refs_map"]}}
        outputs[f"{name}_addresses"] = {"value": {"get_attr": [name, "attributes", "address"]}}
        worker_addresses.append({"get_attr": [name, "address"]})
    if len(worker_addresses) > 1:
        outputs["node_addresses"] = {"value": {"list_concat": worker_addresses}}
    return yaml.safe_dump(doc, sort_keys=False)


def _group_parameters(name: str) -> dict[str, Any]:
    return {
        f"{name}_name": {"type": "string", "description": "The group's name in node names."},
        f"{name}_count": {
            "type": "number",
            "default": 0,
            "constraints": [{"range": {"min": 0, "max": GROUP_NODES_MAX}}],
        },
        f"{name}_flavor": {"type": "string", "default": flavors.DEFAULT_FLAVOR},
        f"{name}_volume": {"type": "number", "default": 0},
        f"{name}_remove": {"type": "comma_delimited_list", "default": []},
    }


def _group_resource(name: str, offset: int) -> dict[str, Any]:
    return {
        "type": "OS::Heat::ResourceGroup",
        "properties": {
            "count": {"get_param": f"{name}_count"},
            "removal_policies": [{"resource_list": {"get_param": f"{name}_remove"}}],
            "resource_def": {
                "type": "local_node.yaml",
                "properties": {
                    "cluster_uuid": {"get_param": "cluster_uuid"},
                    "position": "%index%",
                    "offset": offset,
                    "role": "worker",
                    "group": {"get_param": f"{name}_name"},
                    "flavor": {"get_param": f"{name}_flavor"},
                    "volume_size": {"get_param": f"{name}_volume"},
                    "ca_serial": {"get_param": "ca_serial"},
                    "max_batch_size": {"get_param": "max_batch_size"},
                    "insecure_registry": {"get_param": "insecure_registry"},
                },
            },
        },
    }


@functools.cache
def _base() -> dict[str, Any]:
    text = (importlib.resources.files(__package__) / "templates" / "cluster.yaml").read_text()
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded
