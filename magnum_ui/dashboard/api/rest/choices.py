"""``/api/container_infra/choices/``: what the bay model and bay forms choose from."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.views import generic
from openstack_dashboard.api.rest import urls, utils

from magnum_ui.dashboard.api import choices


@urls.register
class Choices(generic.View):
    url_regex = r"container_infra/choices/$"

    @utils.ajax()
    def get(self, request: HttpRequest) -> dict[str, Any]:
        """Images, flavors, key pairs, networks (each ``{items, unavailable}``), COEs, drivers."""
        return choices.bay_choices(request)
