"""``/api/container_infra/services/``: the service's conductors (admin panel)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.views import generic
from openstack_dashboard.api.rest import urls, utils

from magnum_ui.dashboard.api import magnum
from magnum_ui.dashboard.api.rest import revalidated, service_errors


@urls.register
class Services(generic.View):
    url_regex = r"container_infra/services/$"

    @revalidated
    @utils.ajax()
    @service_errors
    def get(self, request: HttpRequest) -> dict[str, Any]:
        return {"items": magnum.service_list(request)}
