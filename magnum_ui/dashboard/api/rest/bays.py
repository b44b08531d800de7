"""``/api/container_infra/bays/``: bays (clusters).

Actions on one bay (resize, upgrade, progress, certificates, configuration)
are in :mod:`.bay_actions`; its node groups in :mod:`.nodegroups`.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.views import generic
from openstack_dashboard.api.rest import urls, utils

from magnum_ui.dashboard.api import magnum
from magnum_ui.dashboard.api.rest import ID, flag, json_object, revalidated, service_errors


@urls.register
class Bays(generic.View):
    url_regex = r"container_infra/bays/$"

    @revalidated
    @utils.ajax()
    @service_errors
    def get(self, request: HttpRequest) -> dict[str, Any]:
        """The project's bays; ``?all_projects=true`` (the admin panel): every bay."""
        all_projects = flag(request.GET.get("all_projects"))
        return {"items": magnum.bay_list(request, all_projects=all_projects)}

    @utils.ajax(data_required=True)
    @service_errors
    def post(self, request: HttpRequest) -> utils.CreatedResponse:
        created = magnum.bay_create(request, json_object(request.DATA))
        return utils.CreatedResponse(f"/api/container_infra/bays/{created['uuid']}/", created)


@urls.register
class Bay(generic.View):
    url_regex = rf"container_infra/bays/(?P<bay_id>{ID})/$"

    @utils.ajax()
    @service_errors
    def get(self, request: HttpRequest, bay_id: str) -> dict[str, Any]:
        return magnum.bay_get(request, bay_id)

    @utils.ajax(data_required=True)
    @service_errors
    def patch(self, request: HttpRequest, bay_id: str) -> dict[str, Any]:
        return magnum.bay_update(request, bay_id, json_object(request.DATA))

    @utils.ajax()
    @service_errors
    def delete(self, request: HttpRequest, bay_id: str) -> None:
        magnum.bay_delete(request, bay_id)
