"""Horizon enabled file: Admin → Container Infra → Services."""

PANEL = "container_infra.services"
PANEL_GROUP = "container_infra"
PANEL_DASHBOARD = "admin"
ADD_PANEL = "magnum_ui.dashboard.content.admin_services.panel.AdminServices"
