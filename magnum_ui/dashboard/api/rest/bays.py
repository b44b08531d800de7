"""``/api/container_infra/bays/``: bays (clusters).

Actions on one bay (resize, upgrade, progress, certificates, configuration)
are in :mod:`.bay_actions`; its node groups in :mod:`.nodegroups`.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from openstack_dashboard.api.rest import urls

from magnum_ui.dashboard.api.rest import ID, CollectionView, ItemView, flag


@urls.register
class Bays(CollectionView):
    """The project's bays; ``?all_projects=true`` (the admin panel): every bay."""

    url_regex = r"container_infra/bays/$"
    resource = "bay"
    sortable = True

    def list_options(self, request: HttpRequest) -> dict[str, Any]:
        return {"all_projects": flag(request.GET.get("all_projects"))}


@urls.register
class Bay(ItemView):
    url_regex = rf"container_infra/bays/(?P<bay_id>{ID})/$"
    resource = "bay"
