"""``/v1/clustertemplates`` and its seed-era twin ``/v1/baymodels``: thin views over
:mod:`magnum_ui.service.cluster_templates`."""

from __future__ import annotations

import sys

from django.http import HttpRequest, HttpResponse, JsonResponse

from magnum_ui.service import cluster_templates
from magnum_ui.service.api import bodies, context
from magnum_ui.service.api.declarations import Documented, crud, record, ref
from magnum_ui.service.api.resources import Naming, ResourceView
from magnum_ui.service.api.routing import collection_routes

CURRENT = Naming(collection="clustertemplates", kind="ClusterTemplate")
SEED_ERA = Naming(collection="baymodels", kind="BayModel")

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


def list_view(request: HttpRequest, naming: Naming, detail: bool) -> JsonResponse:
    templates = cluster_templates.visible(context.get(request))
    return VIEW.list_response(request, templates, naming, detail)


def show(request: HttpRequest, ident: str, naming: Naming) -> JsonResponse:
    template = cluster_templates.find(context.get(request), ident)
    return JsonResponse(VIEW.serialize(request, template, naming, detail=True))


def create(request: HttpRequest, naming: Naming) -> JsonResponse:
    template = cluster_templates.create(context.get(request), bodies.json_body(request))
    return JsonResponse(VIEW.serialize(request, template, naming, detail=True), status=201)


def update(request: HttpRequest, ident: str, naming: Naming) -> JsonResponse:
    body = bodies.json_body(request)
    template = cluster_templates.update(context.get(request), ident, body, naming.kind)
    return JsonResponse(VIEW.serialize(request, template, naming, detail=True))


def delete(request: HttpRequest, ident: str, naming: Naming) -> HttpResponse:
    cluster_templates.delete(context.get(request), ident, naming.kind)
    return HttpResponse(status=204)


ROUTES = [
    *collection_routes(CURRENT, sys.modules[__name__]),
    *collection_routes(SEED_ERA, sys.modules[__name__]),
]


def openapi() -> Documented:
    from magnum_ui.service.models import ClusterTemplate as Model

    schema = cluster_templates.CREATE_SCHEMA
    operations = []
    for naming in (CURRENT, SEED_ERA):
        kind = naming.kind
        operations += crud(f"/v1/{naming.collection}", f"{kind}s", (f"{kind}Summary", kind),
                           VIEW.sortable, (201, ref(kind)), (200, ref(kind)))  # fmt: skip
    schemas = {}
    for kind in (CURRENT.kind, SEED_ERA.kind):
        schemas[f"{kind}Create"] = schema
        schemas[f"{kind}Summary"] = record(Model, VIEW.summary_fields)
        schemas[kind] = record(Model, VIEW.detail_fields)
    return Documented(operations, schemas)
