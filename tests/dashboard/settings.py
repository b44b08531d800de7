"""Django settings for the dashboard half's tests: Horizon's test settings plus our app."""

from openstack_dashboard.test import settings as horizon_test_settings
from openstack_dashboard.test.settings import *  # noqa: F403

INSTALLED_APPS = ["magnum_ui.dashboard", *horizon_test_settings.INSTALLED_APPS]
