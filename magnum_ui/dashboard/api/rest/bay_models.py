"""``/api/container_infra/bay_models/``: bay models (cluster templates)."""

from __future__ import annotations

from openstack_dashboard.api.rest import urls

from magnum_ui.dashboard.api.rest import ID, CollectionView, ItemView


@urls.register
class BayModels(CollectionView):
    url_regex = r"container_infra/bay_models/$"
    resource = "bay_model"
    sortable = True


@urls.register
class BayModel(ItemView):
    url_regex = rf"container_infra/bay_models/(?P<bay_model_id>{ID})/$"
    resource = "bay_model"
