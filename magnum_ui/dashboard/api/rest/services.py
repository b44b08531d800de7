"""``/api/container_infra/services/``: the service's conductors (admin panel)."""

from __future__ import annotations

from openstack_dashboard.api.rest import urls

from magnum_ui.dashboard.api.rest import CollectionView


@urls.register
class Services(CollectionView):
    url_regex = r"container_infra/services/$"
    resource = "service"
    # Conductors are not made here.
    http_method_names = ["get"]
