"""The Services panel of Admin → Container Infra: the conductors and their heartbeat."""

import horizon
from django.utils.translation import gettext_lazy as _


class AdminServices(horizon.Panel):
    name = _("Services")
    # The dot becomes a slash in the URL: /admin/container_infra/services/.
    slug = "container_infra.services"
    # Shown to admins only, and only when the catalog has the service API.
    permissions = ("openstack.services.container-infra", "openstack.roles.admin")
    policy_rules = (("container-infra", "magnum-service:get_all"),)
