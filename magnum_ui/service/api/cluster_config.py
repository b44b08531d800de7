"""``/v1/clusters/{id}/config``: the bay's client configuration (our extension).

Magnum's clients build this themselves (a key, a CSR to ``/v1/certificates``);
the dashboard cannot hold keys, so the service makes the files for it.  The
answer holds a private key: it is never cached and needs ``cluster:get_config``
(members, not readers).
"""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import re_path

from magnum_ui.service import client_config, clusters, errors
from magnum_ui.service.api import context
from magnum_ui.service.api.declarations import Documented, Operation, ref
from magnum_ui.service.api.routing import methods

RESPONSE_SCHEMA = {
    "type": "object",
    "required": ["cluster_uuid", "coe", "files"],
    "properties": {
        "cluster_uuid": {"type": "string"},
        "coe": {"type": "string"},
        "files": {"type": "object", "additionalProperties": {"type": "string"}},
    },
}


def show(request: HttpRequest, ident: str) -> JsonResponse:
    ctx = context.get(request)
    cluster = clusters.find(ctx, ident, "cluster:get_config")
    if not cluster.api_address:
        raise errors.Conflict(
            f"Cluster {cluster.uuid} has no API address yet ({cluster.status}); "
            "its configuration exists once it is created.",
        )
    body = {
        "cluster_uuid": cluster.uuid,
        "coe": cluster.cluster_template.coe,
        "files": client_config.files(cluster, f"user-{ctx.user_id}"),
    }
    response = JsonResponse(body)
    response["Cache-Control"] = "no-store"
    return response


ROUTES = [re_path(r"^v1/clusters/(?P<ident>[^/]+)/config/?$", methods(GET=show))]


def openapi() -> Documented:
    return Documented(
        [Operation("GET", "/v1/clusters/{ident}/config", "Clusters",
                   "The cluster's client configuration, with a fresh client certificate",
                   200, ref("ClusterConfig"))],
        {"ClusterConfig": RESPONSE_SCHEMA},
    )  # fmt: skip
