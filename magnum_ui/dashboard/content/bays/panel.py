"""The Bays panel (Project → Container Infra)."""

import horizon
from django.utils.translation import gettext_lazy as _


class Bays(horizon.Panel):
    name = _("Bays")
    slug = "bays"
    # Shown only when the catalog has the service API.
    permissions = ("openstack.services.container-infra",)
