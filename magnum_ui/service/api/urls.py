"""Routes of the API: each resource module contributes its ``ROUTES``."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import re_path

from magnum_ui.service.api import (
    certificates,
    cluster_config,
    cluster_progress,
    cluster_registry,
    cluster_templates,
    clusters,
    drivers,
    microversions,
    mservices,
    nodegroups,
    quotas,
    stats,
    versions,
    workloads,
)
from magnum_ui.service.api.declarations import COMMON_SCHEMAS, Documented
from magnum_ui.service.api.errors import error_response
from magnum_ui.service.api.routing import methods

# Every module with routes, in the order the API's description lists them.
RESOURCES = (
    versions, cluster_templates, clusters, cluster_config, cluster_progress, cluster_registry,
    nodegroups, certificates, quotas, stats, mservices, drivers, workloads,
)  # fmt: skip

urlpatterns = [
    re_path(r"^$", methods(GET=versions.root), name="root"),
    re_path(r"^v1/?$", methods(GET=versions.v1), name="v1"),
    *cluster_templates.ROUTES,
    *clusters.ROUTES,
    *cluster_config.ROUTES,
    *cluster_progress.ROUTES,
    *cluster_registry.ROUTES,
    *nodegroups.ROUTES,
    *certificates.ROUTES,
    *quotas.ROUTES,
    *stats.ROUTES,
    *mservices.ROUTES,
    *drivers.ROUTES,
    *workloads.ROUTES,
]


def openapi() -> tuple[Documented, tuple[int, int], tuple[int, int]]:
    """Every route's declared operations and schemas, and the microversion range.

    What :mod:`magnum_ui.docs.openapi` describes; it finds this through
    Django's URL resolver (the settings' ``ROOT_URLCONF``), never by import.
    """
    documented = Documented([], {})
    for module in RESOURCES:
        documented += module.openapi()
    documented.schemas.update(COMMON_SCHEMAS)
    return documented, microversions.MIN_VERSION, microversions.MAX_VERSION


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(404, f"The resource {request.path} could not be found.")


def server_error(request: HttpRequest) -> HttpResponse:
    return error_response(500, "The service hit an unexpected error; see its log.")


handler404 = not_found
handler500 = server_error
