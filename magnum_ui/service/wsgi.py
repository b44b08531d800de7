"""WSGI entry of the API: keystonemiddleware in front of the Django app.

keystonemiddleware runs with ``delay_auth_decision`` so that the public
version documents stay reachable; :class:`KeystoneContextMiddleware` refuses
everything else that Keystone did not confirm, in Magnum's error body.
"""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magnum_ui.service.settings")

from django.core.wsgi import get_wsgi_application
from keystonemiddleware import auth_token

from magnum_ui.service import conf


def build_application() -> auth_token.AuthProtocol:
    config = conf.load()
    django_app = get_wsgi_application()
    return auth_token.AuthProtocol(
        django_app, {"oslo_config_config": config, "delay_auth_decision": True}
    )


application = build_application()
