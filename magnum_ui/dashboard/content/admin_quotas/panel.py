"""The Quotas panel of Admin → Container Infra: how many bays each project may have."""

import horizon
from django.utils.translation import gettext_lazy as _


class AdminQuotas(horizon.Panel):
    name = _("Quotas")
    # The dot becomes a slash in the URL: /admin/container_infra/quotas/.
    slug = "container_infra.quotas"
    # Shown to admins only, and only when the catalog has the service API.
    permissions = ("openstack.services.container-infra", "openstack.roles.admin")
    policy_rules = (("container-infra", "quota:get_all"),)
