"""The Bays panel of Admin → Container Infra: every project's bays."""

import horizon
from django.utils.translation import gettext_lazy as _


class AdminBays(horizon.Panel):
    name = _("Bays")
    # The dot becomes a slash in the URL: /admin/container_infra/bays/.
    slug = "container_infra.bays"
    # Shown to admins only, and only when the catalog has the service API.
    permissions = ("openstack.services.container-infra", "openstack.roles.admin")
    policy_rules = (("container-infra", "cluster:get_all_all_projects"),)
