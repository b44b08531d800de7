"""``/v1/clusters`` and its seed-era twin ``/v1/bays``."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from magnum_ui.service.api import context
from magnum_ui.service.api.resources import Naming, ResourceView
from magnum_ui.service.models import Cluster

CURRENT = Naming(collection="clusters", kind="Cluster")
SEED_ERA = Naming(
    collection="bays",
    kind="Bay",
    renames={"cluster_template_id": "baymodel_id", "create_timeout": "bay_create_timeout"},
)

_SUMMARY = (
    "uuid", "name", "cluster_template_id", "keypair", "docker_volume_size",
    "labels", "master_flavor_id", "flavor_id", "create_timeout", "node_count",
    "master_count", "stack_id", "status", "health_status", "project_id",
    "created_at", "updated_at",
)  # fmt: skip

_DETAIL = (
    *_SUMMARY,
    "user_id", "status_reason", "health_status_reason", "discovery_url",
    "api_address", "master_addresses", "node_addresses", "coe_version",
    "container_version", "fixed_network", "fixed_subnet", "floating_ip_enabled",
    "master_lb_enabled", "faults",
)  # fmt: skip

VIEW = ResourceView(
    summary_fields=_SUMMARY,
    detail_fields=_DETAIL,
    sortable=("name", "status", "node_count", "master_count", "created_at", "updated_at", "uuid"),
)


def list_view(request: HttpRequest, naming: Naming, detail: bool) -> JsonResponse:
    ctx = context.get(request)
    queryset = Cluster.objects.filter(project_id=ctx.project_id).select_related("cluster_template")
    return VIEW.list_response(request, queryset, naming, detail)
