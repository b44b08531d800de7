"""The Bay Models panel (Project → Container Infra)."""

import horizon
from django.utils.translation import gettext_lazy as _


class BayModels(horizon.Panel):
    name = _("Bay Models")
    slug = "bay_models"
    # Shown only when the catalog has the service API.
    permissions = ("openstack.services.container-infra",)
