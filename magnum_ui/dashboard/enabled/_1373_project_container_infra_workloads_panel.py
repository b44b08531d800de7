"""Horizon enabled file: Project → Container Infra → Workloads."""

PANEL = "workloads"
PANEL_GROUP = "container_infra"
PANEL_DASHBOARD = "project"
ADD_PANEL = "magnum_ui.dashboard.content.workloads.panel.Workloads"
ADD_SCSS_FILES = ["dashboard/container-infra/workloads/workloads.scss"]
