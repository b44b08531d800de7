"""``/v1/drivers`` (our extension): the installed drivers and what each can build.

Magnum never listed its drivers; a form that offers COEs, server types and
flavors had to guess.  Each entry says what a cluster template's
``coe``/``server_type``/``cluster_distro`` pick it by, which template fields
it needs, the flavors it defines itself (the local driver's; an empty list
means the cloud's Nova flavors) and the per-project bounds on its nodes.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.urls import re_path

from magnum_ui.service import conf, drivers, policies
from magnum_ui.service.api import context
from magnum_ui.service.api.declarations import Documented, Operation, ref
from magnum_ui.service.api.routing import methods
from magnum_ui.service.drivers.base import Driver, DriverLimits

_FLAVOR = {
    "type": "object",
    "required": ["id", "name", "vcpus", "ram", "disk"],
    "properties": {
        "id": {"type": "string"},
        "name": {"type": "string"},
        "vcpus": {"type": "number"},
        "ram": {"type": "integer", "description": "MiB"},
        "disk": {"type": "integer", "description": "GiB"},
        "pids": {"type": "integer", "description": "processes and threads"},
        "description": {"type": "string"},
    },
}
DRIVER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": [
        "name",
        "coe",
        "server_type",
        "os",
        "requires",
        "flavors",
        "node_limits",
        "project_limits",
    ],
    "properties": {
        "name": {"type": "string"},
        "coe": {"type": "string"},
        "server_type": {"type": "string"},
        "os": {"type": "string"},
        "requires": {"type": "array", "items": {"type": "string"}},
        "flavors": {"type": "array", "items": _FLAVOR},
        "node_limits": {
            "type": ["object", "null"],
            "description": "How many nodes the driver places in one cluster (null: no bound of "
            "its own); larger counts are refused at request time.",
            "properties": {
                "masters": {"type": "integer"},
                "default_workers": {"type": "integer"},
                "groups": {"type": "integer", "description": "added node groups"},
                "group_nodes": {"type": "integer", "description": "nodes of an added group"},
                "group_name_pattern": {"type": "string"},
                "group_name_rule": {"type": "string"},
            },
        },
        "project_limits": {
            "type": ["object", "null"],
            "description": "Bounds on one project's nodes of this driver (null: none).",
            "properties": {
                "nodes": {"type": "integer"},
                "vcpus": {"type": "integer"},
                "ram": {"type": "integer", "description": "MiB"},
            },
        },
    },
}
RESPONSE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["drivers"],
    "properties": {"drivers": {"type": "array", "items": DRIVER_SCHEMA}},
}


def describe(driver: type[Driver]) -> dict[str, Any]:
    bounded = driver.footprint(None, 0) is not None
    limits = conf.CONF.local_driver
    return {
        "name": driver.name,
        "coe": driver.coe,
        "server_type": driver.server_type,
        "os": driver.os,
        "requires": list(driver.required_template_fields),
        "flavors": driver.flavor_choices(),
        "node_limits": _node_limits(driver.limits),
        "project_limits": {
            "nodes": limits.max_nodes_per_project,
            "vcpus": limits.max_vcpus_per_project,
            "ram": limits.max_ram_mib_per_project,
        }
        if bounded
        else None,
    }


def _node_limits(limits: DriverLimits | None) -> dict[str, Any] | None:
    if limits is None:
        return None
    return {
        "masters": limits.masters_max, "default_workers": limits.workers_max,
        "groups": limits.groups_max, "group_nodes": limits.group_nodes_max,
        "group_name_pattern": limits.group_name_pattern, "group_name_rule": limits.group_name_rule,
    }  # fmt: skip


def list_view(request: HttpRequest) -> JsonResponse:
    policies.authorize(context.get(request), "driver:get_all")
    return JsonResponse({"drivers": [describe(d) for d in drivers.installed()]})


ROUTES = [re_path(r"^v1/drivers/?$", methods(GET=list_view))]


def openapi() -> Documented:
    return Documented(
        [Operation("GET", "/v1/drivers", "Drivers",
                   "The installed drivers: what they build, their flavors, their bounds",
                   200, ref("Drivers"))],
        {"Drivers": RESPONSE_SCHEMA},
    )  # fmt: skip
