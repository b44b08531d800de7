"""Horizon enabled file: Admin → Container Infra → Bays."""

PANEL = "container_infra.bays"
PANEL_GROUP = "container_infra"
PANEL_DASHBOARD = "admin"
ADD_PANEL = "magnum_ui.dashboard.content.admin_bays.panel.AdminBays"
