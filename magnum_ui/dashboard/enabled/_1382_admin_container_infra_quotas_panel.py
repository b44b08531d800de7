"""Horizon enabled file: Admin → Container Infra → Quotas."""

PANEL = "container_infra.quotas"
PANEL_GROUP = "container_infra"
PANEL_DASHBOARD = "admin"
ADD_PANEL = "magnum_ui.dashboard.content.admin_quotas.panel.AdminQuotas"
