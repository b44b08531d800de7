"""The Workloads panel (Project → Container Infra): what runs on a bay."""

import horizon
from django.utils.translation import gettext_lazy as _


class Workloads(horizon.Panel):
    name = _("Workloads")
    slug = "workloads"
    # Shown only when the catalog has the service API.
    permissions = ("openstack.services.container-infra",)
