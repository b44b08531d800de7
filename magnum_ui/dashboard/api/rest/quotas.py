"""``/api/container_infra/quotas/``: how many bays each project may have (admin panel)."""

from __future__ import annotations

from typing import Any

from openstack_dashboard.api.rest import urls

from magnum_ui.dashboard.api.rest import ID, CollectionView, ItemView


@urls.register
class Quotas(CollectionView):
    """Every project's quotas; POST ``{"project_id", "resource", "hard_limit"}``."""

    url_regex = r"container_infra/quotas/$"
    resource = "quota"

    def created_at(self, created: dict[str, Any]) -> str:
        return f"/api/container_infra/quotas/{created['project_id']}/{created['resource']}/"


@urls.register
class Quota(ItemView):
    """One project's quota of one resource; PATCH ``{"hard_limit": n}``."""

    url_regex = rf"container_infra/quotas/(?P<project_id>{ID})/(?P<resource>{ID})/$"
    resource = "quota"
