"""``/v1/clustertemplates`` and its seed-era twin ``/v1/baymodels``."""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest, JsonResponse

from magnum_ui.service.api import context
from magnum_ui.service.api.resources import Naming, ResourceView
from magnum_ui.service.models import ClusterTemplate

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


def visible_to(request: HttpRequest) -> Q:
    """Templates a caller may see: its project's and the public ones."""
    ctx = context.get(request)
    return Q(project_id=ctx.project_id) | Q(public=True)


def list_view(request: HttpRequest, naming: Naming, detail: bool) -> JsonResponse:
    queryset = ClusterTemplate.objects.filter(visible_to(request))
    return VIEW.list_response(request, queryset, naming, detail)
