"""``/api/container_infra/quotas/``: how many bays each project may have (admin panel)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.views import generic
from openstack_dashboard.api.rest import urls, utils

from magnum_ui.dashboard.api import magnum
from magnum_ui.dashboard.api.rest import ID, ItemView, json_object, revalidated, service_errors


@urls.register
class Quotas(generic.View):
    url_regex = r"container_infra/quotas/$"

    @revalidated
    @utils.ajax()
    @service_errors
    def get(self, request: HttpRequest) -> dict[str, Any]:
        """Every project's quotas."""
        return {"items": magnum.quota_list(request)}

    @utils.ajax(data_required=True)
    @service_errors
    def post(self, request: HttpRequest) -> utils.CreatedResponse:
        """``{"project_id", "resource", "hard_limit"}`` → the quota."""
        created = magnum.quota_create(request, json_object(request.DATA))
        location = f"/api/container_infra/quotas/{created['project_id']}/{created['resource']}/"
        return utils.CreatedResponse(location, created)


@urls.register
class Quota(ItemView):
    """One project's quota of one resource; PATCH ``{"hard_limit": n}``."""

    url_regex = rf"container_infra/quotas/(?P<project_id>{ID})/(?P<resource>{ID})/$"
    resource = "quota"
