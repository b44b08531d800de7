"""Which objects a caller may reach: its project's (admins: every project's).

Another project's object is simply not found (404), never a 403 that would
confirm it exists.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from magnum_ui.service import lookup
from magnum_ui.service.context import RequestContext
from magnum_ui.service.models import Cluster, ClusterTemplate


def clusters(ctx: RequestContext) -> QuerySet[Cluster]:
    queryset = Cluster.objects.select_related("cluster_template")
    return queryset if ctx.is_admin else queryset.filter(project_id=ctx.project_id)


def cluster_templates(ctx: RequestContext) -> QuerySet[ClusterTemplate]:
    """Templates of the caller's project and public ones (admins: all)."""
    if ctx.is_admin:
        return ClusterTemplate.objects.all()
    return ClusterTemplate.objects.filter(Q(project_id=ctx.project_id) | Q(public=True))


def find_cluster(ctx: RequestContext, ident: str) -> Cluster:
    return lookup.find(clusters(ctx), ident, "Cluster")


def find_cluster_template(ctx: RequestContext, ident: str) -> ClusterTemplate:
    return lookup.find(cluster_templates(ctx), ident, "ClusterTemplate")
