"""Horizon settings of the all-in-one.

:mod:`magnum_ui.aio.dashboard` installs a one-line snippet in Horizon's
``local/local_settings.d``; Horizon runs it inside its own settings module,
which calls :func:`apply` with the settings namespace.  Outside the
all-in-one (no ``MAGNUM_UI_AIO`` in the environment) it changes nothing.
"""

from __future__ import annotations

import os
from typing import Any

from magnum_ui.aio.config import HOST, AioConfig


def apply(settings: dict[str, Any]) -> None:
    if os.environ.get("MAGNUM_UI_AIO") != "1":
        return
    cfg = AioConfig.from_env()
    webroot = settings.get("WEBROOT", "/")
    settings.update(
        DEBUG=False,
        SECRET_KEY=cfg.secret("horizon_secret_key"),
        ALLOWED_HOSTS=[HOST, "localhost"],
        OPENSTACK_HOST=HOST,
        OPENSTACK_KEYSTONE_URL=cfg.keystone_url,
        OPENSTACK_KEYSTONE_DEFAULT_ROLE="member",
        OPENSTACK_ENDPOINT_TYPE="publicURL",
        # No memcached here: per-process memory cache, sessions in signed cookies.
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies",
        # Offline compression: pages render in ~0.2 s instead of 2-3 s.
        COMPRESS_ENABLED=True,
        COMPRESS_OFFLINE=True,
        STATIC_ROOT=str(cfg.state_dir / "dashboard" / "static"),
        AVAILABLE_THEMES=[("default", "Default", "themes/default")],
        SELECTABLE_THEMES=[("default", "Default", "themes/default")],
        DEFAULT_THEME="default",
        TIME_ZONE="UTC",
        LOGGING={
            "version": 1,
            "disable_existing_loggers": False,
            "handlers": {"console": {"class": "logging.StreamHandler"}},
            "root": {"handlers": ["console"], "level": "WARNING"},
        },
    )
    # Horizon's policy checks of the plugin ([["container-infra", rule]]) read
    # the plugin's policy files; this runs inside Horizon's settings.
    from magnum_ui.dashboard import conf as plugin_conf  # noqa: TID251

    plugin_conf.register(settings)
    # With only Keystone and our service in the catalog, Horizon's default
    # landing page (Compute overview) is forbidden: land on the Bays panel.
    settings["HORIZON_CONFIG"]["user_home"] = webroot + "project/bays/"
