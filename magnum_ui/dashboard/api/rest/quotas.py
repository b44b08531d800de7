"""``/api/container_infra/quotas/``: how many bays each project may have (admin panel)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.views import generic
from openstack_dashboard.api.rest import urls, utils

from magnum_ui.dashboard.api import magnum
from magnum_ui.dashboard.api.rest import ID, json_object, revalidated, service_errors


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
class Quota(generic.View):
    url_regex = rf"container_infra/quotas/(?P<project_id>{ID})/(?P<resource>{ID})/$"

    @utils.ajax()
    @service_errors
    def get(self, request: HttpRequest, project_id: str, resource: str) -> dict[str, Any]:
        return magnum.quota_get(request, project_id, resource)

    @utils.ajax(data_required=True)
    @service_errors
    def patch(self, request: HttpRequest, project_id: str, resource: str) -> dict[str, Any]:
        """``{"hard_limit": n}`` → the quota."""
        return magnum.quota_update(request, project_id, resource, json_object(request.DATA))

    @utils.ajax()
    @service_errors
    def delete(self, request: HttpRequest, project_id: str, resource: str) -> None:
        magnum.quota_delete(request, project_id, resource)
