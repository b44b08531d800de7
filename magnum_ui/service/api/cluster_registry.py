"""``/v1/clusters/{id}/registry``: where the bay's images come from (our extension).

The cloud's registry (``[registry] address``), the bay's project's namespace
in it, the commands that push an image there (for the bay's details page)
and the images the project may use (for the Create Workload form, read from
the registry's catalog when the service holds ``[registry] token_key_file``);
``address`` is null when the cloud has no registry.  Anyone who may read the
bay may read this (``cluster:get``).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.urls import re_path

from magnum_ui.service import clusters, conf
from magnum_ui.service.api import context
from magnum_ui.service.api.declarations import Documented, Operation, ref
from magnum_ui.service.api.routing import methods
from magnum_ui.service.registry import catalog, usage

_NULLABLE = {"type": ["string", "null"]}
RESPONSE_SCHEMA = {
    "type": "object",
    "required": ["cluster_uuid", "address", "namespace", "library", "commands"],
    "properties": {
        "cluster_uuid": {"type": "string"},
        "address": {**_NULLABLE, "description": "HOST:PORT of the registry; null: none"},
        "namespace": {**_NULLABLE, "description": "where the bay's project pushes its images"},
        "library": {**_NULLABLE, "description": "the images everyone may pull"},
        "commands": {"type": "array", "items": {"type": "string"}},
        "insecure_registry": {**_NULLABLE, "description": "the bay model's"},
        "images": {
            "type": "array",
            "items": {"type": "string"},
            "description": "images the bay's project may use, as a manifest names them "
            "(library/ ones short, its own in full); empty when the registry cannot be read",
        },
    },
}


def show(request: HttpRequest, ident: str) -> JsonResponse:
    cluster = clusters.find(context.get(request), ident, "cluster:get")
    options = conf.CONF.registry
    body = {
        "cluster_uuid": cluster.uuid,
        **usage.for_project(options.address, cluster.project_id),
        "insecure_registry": cluster.cluster_template.insecure_registry or None,
        "images": _images(options, cluster.project_id),
    }
    return JsonResponse(body)


def _images(options: Any, project_id: str) -> list[str]:
    """The catalog's images for the project, when the service can sign a catalog token."""
    if not options.address or not options.token_key_file:
        return []
    return catalog.images_for(catalog.issuer_of(options), options.address, project_id)


ROUTES = [re_path(r"^v1/clusters/(?P<ident>[^/]+)/registry/?$", methods(GET=show))]


def openapi() -> Documented:
    return Documented(
        [Operation("GET", "/v1/clusters/{ident}/registry", "Clusters",
                   "The cloud's image registry, the bay's namespace in it, the push commands",
                   200, ref("ClusterRegistry"))],
        {"ClusterRegistry": RESPONSE_SCHEMA},
    )  # fmt: skip
