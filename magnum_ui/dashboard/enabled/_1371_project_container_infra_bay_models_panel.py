"""Horizon enabled file: Project → Container Infra → Bay Models.

It also adds the plugin's Django app, its AngularJS module and the library
that module uses (js-yaml), once for all the plugin's panels.
"""

PANEL = "bay_models"
PANEL_GROUP = "container_infra"
PANEL_DASHBOARD = "project"
ADD_PANEL = "magnum_ui.dashboard.content.bay_models.panel.BayModels"

# Django picks DashboardConfig from magnum_ui/dashboard/apps.py by itself.
ADD_INSTALLED_APPS = ["magnum_ui.dashboard"]
ADD_ANGULAR_MODULES = ["horizon.dashboard.container-infra"]
# js-yaml (window.jsyaml) shows a workload's details as YAML: Horizon serves
# and compresses it with its own libraries (package XStatic-JS-Yaml).
ADD_XSTATIC_MODULES = [("xstatic.pkg.js_yaml", ["js-yaml.js"])]
AUTO_DISCOVER_STATIC_FILES = True
