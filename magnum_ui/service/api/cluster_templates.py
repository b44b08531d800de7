"""``/v1/clustertemplates`` and its seed-era twin ``/v1/baymodels``."""

from __future__ import annotations

import sys
from typing import Any

from django.db import transaction
from django.db.models import NOT_PROVIDED
from django.http import HttpRequest, HttpResponse, JsonResponse

from magnum_ui.service import drivers, policies
from magnum_ui.service.api import bodies, context, patches, scoping
from magnum_ui.service.api.errors import ApiError
from magnum_ui.service.api.resources import Naming, ResourceView
from magnum_ui.service.api.routing import collection_routes
from magnum_ui.service.drivers.base import Driver, RequestRefused
from magnum_ui.service.models import ClusterTemplate

CURRENT = Naming(collection="clustertemplates", kind="ClusterTemplate")
SEED_ERA = Naming(collection="baymodels", kind="BayModel")

_STRING = {"type": ["string", "null"], "maxLength": 255}
_BOOLEAN = {"type": "boolean"}
_STRINGS = (
    "image_id", "keypair_id", "flavor_id", "master_flavor_id", "external_network_id",
    "fixed_network", "fixed_subnet", "network_driver", "volume_driver", "dns_nameserver",
    "docker_storage_driver", "cluster_distro", "http_proxy", "https_proxy", "no_proxy",
    "insecure_registry", "tags", "server_type",
)  # fmt: skip
_BOOLEANS = (
    "registry_enabled", "tls_disabled", "public", "hidden", "master_lb_enabled",
    "floating_ip_enabled",
)  # fmt: skip

# What a client may send to create one; also the OpenAPI request schema.
CREATE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["coe"],
    "additionalProperties": False,
    "properties": {
        "name": {"oneOf": [bodies.NAME, {"type": "null"}]},
        "coe": {"type": "string", "maxLength": 255},
        "apiserver_port": {"type": ["integer", "null"], "minimum": 1024, "maximum": 65535},
        "docker_volume_size": {"type": ["integer", "null"], "minimum": 1},
        "labels": {"oneOf": [bodies.LABELS, {"type": "null"}]},
        "driver": _STRING,
        **{name: _STRING for name in _STRINGS},
        **{name: _BOOLEAN for name in _BOOLEANS},
    },
}

_DETAIL = (
    "uuid", "name", "project_id", "user_id", "coe", "image_id", "keypair_id",
    "flavor_id", "master_flavor_id", "external_network_id", "fixed_network",
    "fixed_subnet", "network_driver", "volume_driver", "dns_nameserver",
    "apiserver_port", "docker_volume_size", "docker_storage_driver",
    "cluster_distro", "http_proxy", "https_proxy", "no_proxy", "registry_enabled",
    "insecure_registry", "labels", "tls_disabled", "public", "hidden",
    "server_type", "master_lb_enabled", "floating_ip_enabled", "tags", "driver",
    "created_at", "updated_at",
)  # fmt: skip

VIEW = ResourceView(
    summary_fields=_DETAIL,
    detail_fields=_DETAIL,
    sortable=("name", "coe", "created_at", "updated_at", "uuid"),
)

# Magnum's rule: a template some cluster uses may only be renamed, published or hidden.
MUTABLE_IN_USE = ("name", "public", "hidden")
MUTABLE = tuple(CREATE_SCHEMA["properties"])
_PUBLISHING = ("public", "hidden")


def list_view(request: HttpRequest, naming: Naming, detail: bool) -> JsonResponse:
    policies.authorize(context.get(request), "clustertemplate:get_all")
    return VIEW.list_response(request, scoping.cluster_templates(request), naming, detail)


def show(request: HttpRequest, ident: str, naming: Naming) -> JsonResponse:
    template = scoping.find_cluster_template(request, ident)
    ctx = context.get(request)
    # A public template is readable by every project, like one of its own.
    target = {"project_id": ctx.project_id} if template.public else _target(template)
    policies.authorize(ctx, "clustertemplate:get", target)
    return JsonResponse(VIEW.serialize(request, template, naming, detail=True))


def create(request: HttpRequest, naming: Naming) -> JsonResponse:
    ctx = context.get(request)
    policies.authorize(ctx, "clustertemplate:create")
    fields = bodies.validate(bodies.json_body(request), CREATE_SCHEMA)
    fields = {k: v for k, v in fields.items() if v is not None}
    if fields.get("public") or fields.get("hidden"):
        policies.authorize(ctx, "clustertemplate:publish")
    _choose_driver(fields)
    template = ClusterTemplate.objects.create(
        project_id=ctx.project_id, user_id=ctx.user_id, **fields
    )
    return JsonResponse(VIEW.serialize(request, template, naming, detail=True), status=201)


def update(request: HttpRequest, ident: str, naming: Naming) -> JsonResponse:
    ctx = context.get(request)
    with transaction.atomic():
        template = scoping.find_cluster_template(request, ident)
        if template.project_id != ctx.project_id and not ctx.is_admin:
            # Public templates of other projects are visible, not editable.
            raise ApiError(403, f"{naming.kind} {ident} belongs to another project.")
        policies.authorize(ctx, "clustertemplate:update", _target(template))
        patch = bodies.validate_patch(bodies.json_body(request))
        current = {name: getattr(template, name) for name in MUTABLE}
        if template.clusters.exists():
            why = f"{naming.kind} {template.uuid} is used by clusters, so only"
            patched = patches.apply(current, patch, MUTABLE_IN_USE, why)
        else:
            patched = patches.apply(current, patch, MUTABLE, "Only")
        # A removed field goes back to its default, as in Magnum.
        changed = {name: patched.get(name, _default(name)) for name in MUTABLE}
        bodies.validate({k: v for k, v in changed.items() if v is not None}, CREATE_SCHEMA)
        if any(changed[name] != current[name] for name in _PUBLISHING):
            policies.authorize(ctx, "clustertemplate:publish")
        if any(changed[k] != current[k] for k in ("coe", "server_type", "cluster_distro")):
            changed["driver"] = None
            _choose_driver(changed)
        else:
            _check_fields(drivers.for_template(template), changed)
        for name, value in changed.items():
            setattr(template, name, value)
        template.save()
    return JsonResponse(VIEW.serialize(request, template, naming, detail=True))


def _default(name: str) -> Any:
    default = ClusterTemplate._meta.get_field(name).default
    if default is NOT_PROVIDED:
        return None
    return default() if callable(default) else default


def delete(request: HttpRequest, ident: str, naming: Naming) -> HttpResponse:
    ctx = context.get(request)
    with transaction.atomic():
        template = scoping.find_cluster_template(request, ident)
        if template.project_id != ctx.project_id and not ctx.is_admin:
            raise ApiError(403, f"ClusterTemplate {ident} belongs to another project.")
        policies.authorize(ctx, "clustertemplate:delete", _target(template))
        if template.clusters.exists():
            raise ApiError(
                400,
                f"{naming.kind} {template.uuid} is used by one or more clusters; "
                "delete them first.",
            )
        template.delete()
    return HttpResponse(status=204)


def _choose_driver(fields: dict[str, Any]) -> None:
    """Pick the installed driver for (server_type, cluster_distro, coe); 400 if none."""
    server_type = fields.get("server_type") or "vm"
    coe = fields["coe"]
    driver = drivers.find(server_type, coe, fields.get("cluster_distro"))
    if driver is None:
        offered = ", ".join(f"{d.coe} on {d.server_type}/{d.os}" for d in drivers.installed())
        raise ApiError(
            400,
            f"No installed driver runs coe {coe!r} with server_type {server_type!r}"
            + (
                f" and cluster_distro {fields['cluster_distro']!r}"
                if fields.get("cluster_distro")
                else ""
            )
            + f". Installed: {offered}.",
        )
    missing = [name for name in driver.required_template_fields if not fields.get(name)]
    if missing:
        raise ApiError(400, f"The {driver.name} driver needs: {', '.join(missing)}.")
    _check_fields(driver, fields)
    fields.update(server_type=server_type, cluster_distro=driver.os, driver=driver.name)


def _check_fields(driver: type[Driver] | None, fields: dict[str, Any]) -> None:
    """400 when the driver cannot build the template's flavors or volume size."""
    if driver is None:
        return
    try:
        driver.check_fields(fields)
    except RequestRefused as exc:
        raise ApiError(400, f"The {driver.name} driver cannot build this: {exc}") from None


def _target(template: ClusterTemplate) -> dict[str, Any]:
    return {"project_id": template.project_id}


ROUTES = [
    *collection_routes(CURRENT, sys.modules[__name__]),
    *collection_routes(SEED_ERA, sys.modules[__name__]),
]
