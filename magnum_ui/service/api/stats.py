"""``/v1/stats``: how many clusters and nodes a project (or the cloud) runs."""

from __future__ import annotations

from django.db.models import Count, F, Sum
from django.http import HttpRequest, JsonResponse
from django.urls import re_path

from magnum_ui.service import errors, policies
from magnum_ui.service.api import context
from magnum_ui.service.api.declarations import INT, Documented, Operation, obj, query, ref
from magnum_ui.service.api.routing import methods, require_version
from magnum_ui.service.models import Cluster

STAT_TYPES = ("cluster",)


def show(request: HttpRequest) -> JsonResponse:
    """``{"clusters": N, "nodes": M}`` for ``?project_id=`` (admins) or the caller's project.

    Admins without ``project_id`` get the totals of every project.
    """
    require_version(request, (1, 4), "Stats")
    ctx = context.get(request)
    stat_type = request.GET.get("type", "cluster")
    if stat_type.lower() not in STAT_TYPES:
        raise errors.Invalid(
            f"type {stat_type!r} is not a kind of stats; use one of: {', '.join(STAT_TYPES)}."
        )
    project_id = request.GET.get("project_id") or None
    if project_id is None and not ctx.is_admin:
        project_id = ctx.project_id
    # A non-admin naming another project is refused by the rule's project match (403).
    policies.authorize(ctx, "stats:get_all", {"project_id": project_id or ctx.project_id})
    clusters = Cluster.objects.all()
    if project_id is not None:
        clusters = clusters.filter(project_id=project_id)
    totals = clusters.aggregate(
        clusters=Count("id"), nodes=Sum(F("node_count") + F("master_count"))
    )
    return JsonResponse({"clusters": totals["clusters"], "nodes": totals["nodes"] or 0})


ROUTES = [re_path(r"^v1/stats/?$", methods(GET=show))]


STATS = obj(["clusters", "nodes"], closed=True, clusters=INT, nodes=INT)


def openapi() -> Documented:
    return Documented(
        [Operation("GET", "/v1/stats", "Stats", "How many clusters and nodes", 200,
                   ref("Stats"), min_version=(1, 4),
                   query=[query("project_id", {"type": "string"}, "This project (admins)."),
                          query("type", {"enum": list(STAT_TYPES)}, "What to count.")])],
        {"Stats": STATS},
    )  # fmt: skip
