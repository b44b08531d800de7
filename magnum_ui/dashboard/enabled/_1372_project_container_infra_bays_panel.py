"""Horizon enabled file: Project → Container Infra → Bays."""

PANEL = "bays"
PANEL_GROUP = "container_infra"
PANEL_DASHBOARD = "project"
ADD_PANEL = "magnum_ui.dashboard.content.bays.panel.Bays"
