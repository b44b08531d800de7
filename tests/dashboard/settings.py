"""Django settings for the dashboard half's tests: Horizon's test settings plus our app."""

from typing import Any

from openstack_dashboard.test import settings as horizon_test_settings
from openstack_dashboard.test.settings import *  # noqa: F403
from openstack_dashboard.utils import settings as settings_utils

from magnum_ui.dashboard import conf as magnum_ui_conf
from magnum_ui.dashboard import enabled

INSTALLED_APPS = ["magnum_ui.dashboard", *horizon_test_settings.INSTALLED_APPS]

# Our panels and panel groups, read from the enabled files as a deployment
# reads them (the app is listed above already, so its name is not re-added).
_plugin: dict[str, Any] = {}
settings_utils.update_dashboards([enabled], _plugin, [])
horizon_test_settings.HORIZON_CONFIG["panel_customization"] += _plugin["panel_customization"]

# Horizon checks [["container-infra", rule]] against the plugin's policy files.
magnum_ui_conf.register(globals())
