"""``/api/container_infra/bay_models/``: bay models (cluster templates)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.views import generic
from openstack_dashboard.api.rest import urls, utils

from magnum_ui.dashboard.api import magnum
from magnum_ui.dashboard.api.rest import ID, json_object, revalidated, service_errors


@urls.register
class BayModels(generic.View):
    url_regex = r"container_infra/bay_models/$"

    @revalidated
    @utils.ajax()
    @service_errors
    def get(self, request: HttpRequest) -> dict[str, Any]:
        return {"items": magnum.bay_model_list(request)}

    @utils.ajax(data_required=True)
    @service_errors
    def post(self, request: HttpRequest) -> utils.CreatedResponse:
        created = magnum.bay_model_create(request, json_object(request.DATA))
        return utils.CreatedResponse(f"/api/container_infra/bay_models/{created['uuid']}/", created)


@urls.register
class BayModel(generic.View):
    url_regex = rf"container_infra/bay_models/(?P<bay_model_id>{ID})/$"

    @utils.ajax()
    @service_errors
    def get(self, request: HttpRequest, bay_model_id: str) -> dict[str, Any]:
        return magnum.bay_model_get(request, bay_model_id)

    @utils.ajax(data_required=True)
    @service_errors
    def patch(self, request: HttpRequest, bay_model_id: str) -> dict[str, Any]:
        return magnum.bay_model_update(request, bay_model_id, json_object(request.DATA))

    @utils.ajax()
    @service_errors
    def delete(self, request: HttpRequest, bay_model_id: str) -> None:
        magnum.bay_model_delete(request, bay_model_id)
