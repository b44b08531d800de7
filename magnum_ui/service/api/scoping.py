"""Which objects a caller may reach: its project's (admins: every project's).

Another project's object is simply not found (404), never a 403 that would
confirm it exists.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from magnum_ui.service.api import context, lookup
from magnum_ui.service.models import Cluster, ClusterTemplate


def clusters(request: HttpRequest) -> QuerySet[Cluster]:
    ctx = context.get(request)
    queryset = Cluster.objects.select_related("cluster_template")
    return queryset if ctx.is_admin else queryset.filter(project_id=ctx.project_id)


def cluster_templates(request: HttpRequest) -> QuerySet[ClusterTemplate]:
    """Templates of the caller's project and public ones (admins: all)."""
    ctx = context.get(request)
    if ctx.is_admin:
        return ClusterTemplate.objects.all()
    return ClusterTemplate.objects.filter(Q(project_id=ctx.project_id) | Q(public=True))


def find_cluster(request: HttpRequest, ident: str) -> Cluster:
    return lookup.find(clusters(request), ident, "Cluster")


def find_cluster_template(request: HttpRequest, ident: str) -> ClusterTemplate:
    return lookup.find(cluster_templates(request), ident, "ClusterTemplate")
