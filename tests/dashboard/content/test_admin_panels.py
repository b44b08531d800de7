"""Admin → Container Infra: the Bays, Quotas and Services panels.

The panels come from our enabled files, loaded by Horizon's own loader in
``tests/dashboard/settings.py``; the users are openstack_auth users built in
memory (no Keystone).
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace
from typing import Any

import horizon
import pytest
from django.urls import resolve, reverse
from openstack_auth.user import User

from magnum_ui.dashboard.content.admin_bays.panel import AdminBays
from magnum_ui.dashboard.content.admin_quotas.panel import AdminQuotas
from magnum_ui.dashboard.content.admin_services.panel import AdminServices

PANELS = {
    "container_infra.bays": AdminBays,
    "container_infra.quotas": AdminQuotas,
    "container_infra.services": AdminServices,
}
# The routes of container-infra.module.js: the panels must be served there.
ANGULAR_ROUTES = {
    "container_infra.bays": "/admin/container_infra/bays/",
    "container_infra.quotas": "/admin/container_infra/quotas/",
    "container_infra.services": "/admin/container_infra/services/",
}


@pytest.fixture(autouse=True)
def _horizon_site() -> None:
    """Horizon registers dashboards and panels when its URLs are first read."""
    resolve("/admin/")


def _user(roles: list[str], services: list[str]) -> User:
    catalog: list[dict[str, Any]] = [
        {"type": service, "endpoints": [{"region": "RegionOne", "url": "http://x"}]}
        for service in services
    ]
    # A token that has not expired makes the user authenticated.
    token = SimpleNamespace(
        expires=datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=1)
    )
    return User(
        id="u1",
        token=token,
        user="someone",
        enabled=True,
        roles=[{"name": role} for role in roles],
        service_catalog=catalog,
        services_region="RegionOne",
    )


def test_admin_dashboard_has_the_container_infra_group() -> None:
    """The Admin dashboard gets a Container Infra group holding the three panels, in order."""
    admin = horizon.get_dashboard("admin")
    group = admin.get_panel_group("container_infra")
    assert str(group.name) == "Container Infra"
    assert [panel.slug for panel in group] == list(PANELS)
    for slug, panel_class in PANELS.items():
        assert isinstance(admin.get_panel(slug), panel_class)


def test_project_dashboard_keeps_only_its_own_panels() -> None:
    """The admin panels are not added to the Project dashboard's Container Infra group."""
    group = horizon.get_dashboard("project").get_panel_group("container_infra")
    assert not [panel for panel in group if panel.slug.startswith("container_infra.")]


@pytest.mark.parametrize("slug", list(PANELS))
def test_panel_is_served_where_the_angular_route_expects_it(slug: str) -> None:
    """Each panel's index URL is the route the Angular module maps to its template."""
    assert reverse(f"horizon:admin:{slug}:index") == ANGULAR_ROUTES[slug]


@pytest.mark.parametrize("panel_class", list(PANELS.values()))
def test_panel_needs_the_admin_role_and_the_service(panel_class: type[horizon.Panel]) -> None:
    """Only an admin of a cloud whose catalog has container-infra may open the panel."""
    permissions = panel_class.permissions
    assert _user(["admin"], ["container-infra"]).has_perms(permissions)
    assert not _user(["member"], ["container-infra"]).has_perms(permissions)
    assert not _user(["admin"], ["identity"]).has_perms(permissions)


@pytest.mark.parametrize("panel_class", list(PANELS.values()))
def test_panel_policy_rule_exists_in_the_service(panel_class: type[horizon.Panel]) -> None:
    """Each panel asks a container-infra rule the service API really defines."""
    from magnum_ui.service import policies

    defined = {rule.name for rule in policies.list_rules()}
    ((scope, rule),) = panel_class.policy_rules
    assert scope == "container-infra"
    assert rule in defined
