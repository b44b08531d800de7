"""``/api/container_infra/stats/``: the project's bays, nodes and bay quota."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.views import generic
from openstack_dashboard.api.rest import urls, utils

from magnum_ui.dashboard.api import magnum
from magnum_ui.dashboard.api.rest import service_errors


@urls.register
class Stats(generic.View):
    url_regex = r"container_infra/stats/$"

    @utils.ajax()
    @service_errors
    def get(self, request: HttpRequest) -> dict[str, Any]:
        """``{"bays": n, "nodes": n, "quota": {"hard_limit": n, "in_use": n} | null}``."""
        return magnum.stats(request)
