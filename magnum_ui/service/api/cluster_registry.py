"""``/v1/clusters/{id}/registry``: where the bay's images come from (our extension).

The cloud's registry (``[registry] address``), the bay's project's namespace
in it, the commands that push an image there (for the bay's details page)
and the images the project may use (for the Create Workload form, read from
the registry's catalog when the service holds ``[registry] token_key_file``),
and how much of its share of the registry the project holds (when the
service reads ``[registry] storage_dir``); ``address`` is null when the cloud
has no registry.  Anyone who may read the bay may read this (``cluster:get``).
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.urls import re_path

from magnum_ui.service import clusters, conf
from magnum_ui.service.api import context
from magnum_ui.service.api.declarations import Documented, Operation, ref
from magnum_ui.service.api.routing import methods
from magnum_ui.service.registry import catalog, storage, usage

LOG = logging.getLogger(__name__)
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
        "stored_mib": {
            "type": ["number", "null"],
            "description": "MiB of images the bay's project keeps in the registry; null: not "
            "counted here",
        },
        "share_mib": {
            "type": ["integer", "null"],
            "description": "MiB it may keep: a push past it is refused; null: not counted here",
        },
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
        **_share(options, cluster.project_id),
    }
    return JsonResponse(body)


def _share(options: Any, project_id: str) -> dict[str, float | int | None]:
    """What the project stores of its share, when the service can count it."""
    try:
        share = storage.share_of(options)
    except conf.ConfigError as exc:
        LOG.warning("the registry's share is not counted: %s", exc)
        share = None
    if share is None:
        return {"stored_mib": None, "share_mib": None}
    return {"stored_mib": round(share.used_mib(project_id), 1), "share_mib": share.limit_mib}


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
