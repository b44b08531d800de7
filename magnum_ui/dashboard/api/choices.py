"""What the bay model and bay forms offer: images, flavors, key pairs, networks, COEs.

Images, flavors, key pairs and networks come from Glance, Nova and Neutron
through Horizon's own API modules; the drivers, and the flavors a driver
defines itself (the local driver's ``local.*``), come from the service API
(``/v1/drivers``).  Each source fails soft: when it is not in the catalog
(the all-in-one has no Glance, Nova or Neutron) or it answers with an error,
its lists are empty and carry the reason, so a form can say why a field is
a free text box instead of a list.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from django.http import HttpRequest
from openstack_dashboard.api import base, glance, neutron, nova

from magnum_ui.dashboard.api import magnum

LOG = logging.getLogger(__name__)

JsonObject = dict[str, Any]

# Container orchestration engines the service's drivers run, with the name people know.
COES = (
    {"id": "swarm-mode", "name": "Docker Swarm (mode)"},
    {"id": "kubernetes", "name": "Kubernetes"},
)

# service type -> the name people know it by, for the reasons.
SERVICES = {"image": "Glance", "compute": "Nova", "network": "Neutron"}
NOVA_GROUP = "Nova"


def bay_choices(request: HttpRequest) -> JsonObject:
    """Every list the bay model and bay forms choose from, each ``{items, unavailable}``."""
    project_id = request.user.project_id
    drivers = _drivers(request)
    return {
        "images": _soft(request, "image", lambda: _images(request)),
        "flavors": _with_driver_flavors(
            _soft(request, "compute", lambda: _flavors(request)), drivers["items"]
        ),
        "keypairs": _soft(request, "compute", lambda: _keypairs(request)),
        "networks": _soft(
            request,
            "network",
            lambda: _networks(neutron.network_list_for_tenant(request, project_id)),
        ),
        "external_networks": _soft(
            request,
            "network",
            lambda: _networks(neutron.network_list(request, **{"router:external": True})),
        ),
        "coes": [dict(coe) for coe in COES],
        "drivers": drivers["items"],
        "drivers_source": drivers["unavailable"],
    }


def _drivers(request: HttpRequest) -> JsonObject:
    """The service's drivers, in the forms' shape, or none and the reason."""
    try:
        found = magnum.driver_list(request)
    except Exception as exc:
        # The forms stay usable without them: free text and this reason.
        LOG.warning("Listing the service's drivers failed: %s", exc)
        return {"items": [], "unavailable": f"The service did not list its drivers: {exc}"}
    items = [
        {
            key: driver.get(key)
            for key in ("name", "coe", "server_type", "os", "requires", "node_limits")
        }
        | {"flavors": list(driver.get("flavors") or [])}
        for driver in found
    ]
    return {"items": items, "unavailable": None}


def _with_driver_flavors(nova: JsonObject, drivers: list[JsonObject]) -> JsonObject:
    """Nova's flavors and the drivers' own (grouped by who defines them) in one list.

    A driver's own flavors are offered even without Nova: the all-in-one's
    local bays are sized by them alone.
    """
    own = [
        {**flavor, "group": f"{driver['name']} ({driver['server_type']})"}
        for driver in drivers
        for flavor in driver["flavors"]
    ]
    if not own:
        return nova
    items = [{**flavor, "group": NOVA_GROUP} for flavor in nova["items"]] + own
    return {"items": items, "unavailable": None, "note": nova["unavailable"]}


def _soft(
    request: HttpRequest, service_type: str, fetch: Callable[[], list[JsonObject]]
) -> JsonObject:
    """``{"items": fetch(), "unavailable": None}``, or no items and the reason why."""
    name = SERVICES[service_type]
    if not base.is_service_enabled(request, service_type):
        reason = f"The {service_type} service ({name}) is not in this cloud's catalog."
        return {"items": [], "unavailable": reason}
    try:
        return {"items": fetch(), "unavailable": None}
    except Exception as exc:
        # Any failure of one service must leave the others' lists usable.
        LOG.warning("Listing from %s failed: %s", name, exc)
        return {"items": [], "unavailable": f"{name} did not answer the list: {exc}"}


def _attr(obj: Any, name: str) -> Any:
    """A field of an SDK resource, a Horizon API wrapper or a plain dict."""
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


def _images(request: HttpRequest) -> list[JsonObject]:
    images, _more, _previous = glance.image_list_detailed(request)
    return [
        {
            "id": _attr(image, "id"),
            "name": _attr(image, "name") or _attr(image, "id"),
            "os_distro": _attr(image, "os_distro"),
        }
        for image in images
    ]


def _flavors(request: HttpRequest) -> list[JsonObject]:
    return [
        {
            "id": _attr(flavor, "id"),
            "name": _attr(flavor, "name"),
            "vcpus": _attr(flavor, "vcpus"),
            "ram": _attr(flavor, "ram"),
            "disk": _attr(flavor, "disk"),
        }
        for flavor in nova.flavor_list(request)
    ]


def _keypairs(request: HttpRequest) -> list[JsonObject]:
    # A key pair's name is its id for Nova and for the service.
    names = (_attr(keypair, "name") for keypair in nova.keypair_list(request))
    return [{"id": name, "name": name} for name in names]


def _networks(networks: Iterable[Any]) -> list[JsonObject]:
    return [
        {
            "id": _attr(network, "id"),
            "name": _attr(network, "name") or _attr(network, "id"),
            "subnets": [_subnet(subnet) for subnet in _attr(network, "subnets") or []],
        }
        for network in networks
    ]


def _subnet(subnet: Any) -> JsonObject:
    if isinstance(subnet, str):  # only its id is known
        return {"id": subnet, "name": subnet, "cidr": None}
    return {"id": _attr(subnet, "id"), "name": _attr(subnet, "name"), "cidr": _attr(subnet, "cidr")}
