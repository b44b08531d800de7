"""Every setting of the service, declared once with its default and meaning.

Settings are oslo.config options read from an INI file (``--config-file`` or
the ``MAGNUM_UI_CONFIG`` environment variable), as in any OpenStack service;
``[keystone_authtoken]`` is keystonemiddleware's own group.  :func:`load`
validates them and raises :class:`ConfigError` with a sentence an operator can
act on.
"""

from __future__ import annotations

import os
import urllib.parse
from typing import Any

from oslo_config import cfg

CONF = cfg.CONF

api_opts = [
    cfg.HostAddressOpt("host", default="127.0.0.1", help="Address the API listens on."),
    cfg.PortOpt("port", default=9511, help="Port the API listens on."),
    cfg.IntOpt("workers", default=2, min=1, help="Number of API worker processes."),
    cfg.IntOpt(
        "max_request_body_size",
        default=114688,
        min=1024,
        help="Largest request body accepted, in bytes; larger ones get 413.",
    ),
    cfg.IntOpt(
        "max_limit",
        default=1000,
        min=1,
        help="Largest page a collection returns, whatever `limit` asks for.",
    ),
    cfg.URIOpt(
        "public_url",
        default=None,
        help="Base URL clients use to reach the API, for links in responses. "
        "Defaults to the URL of the incoming request.",
    ),
]

database_opts = [
    cfg.StrOpt(
        "connection",
        default="sqlite:///magnum_ui.sqlite3",
        secret=True,
        help="Database URL: sqlite:///PATH, or "
        "postgresql://USER:PASSWORD@HOST:PORT/NAME (for a Unix socket, "
        "postgresql://USER@/NAME?host=SOCKET_DIR&port=PORT).",
    ),
]

CONF.register_opts(api_opts, group="api")
CONF.register_opts(database_opts, group="database")

_loaded = False


class ConfigError(Exception):
    """A setting has a value the service cannot run with."""


def list_opts() -> list[tuple[str, list[Any]]]:
    """Entry point for oslo-config-generator (the configuration reference)."""
    return [("api", api_opts), ("database", database_opts)]


def load(config_file: str | None = None) -> cfg.ConfigOpts:
    """Parse the configuration once per process and validate it."""
    global _loaded
    if _loaded:
        return CONF
    path = config_file or os.environ.get("MAGNUM_UI_CONFIG")
    files = [path] if path else []
    if path and not os.path.isfile(path):
        raise ConfigError(f"configuration file {path} does not exist")
    CONF([], project="magnum-ui", default_config_files=files)
    database_settings(CONF.database.connection)
    _loaded = True
    return CONF


def database_settings(url: str) -> dict[str, Any]:
    """Translate ``[database] connection`` into Django's DATABASES entry."""
    parsed = urllib.parse.urlsplit(url)
    query = dict(urllib.parse.parse_qsl(parsed.query))
    if parsed.scheme == "sqlite":
        path = url.split("sqlite:///", 1)[-1] if url.startswith("sqlite:///") else ""
        if not path:
            raise ConfigError(f"[database] connection {url!r}: use sqlite:///PATH")
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": path}
    if parsed.scheme in ("postgresql", "postgres", "postgresql+psycopg2"):
        name = parsed.path.lstrip("/")
        if not name:
            raise ConfigError(f"[database] connection {url!r} names no database")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": urllib.parse.unquote(parsed.username or ""),
            "PASSWORD": urllib.parse.unquote(parsed.password or ""),
            "HOST": query.get("host") or parsed.hostname or "",
            "PORT": str(query.get("port") or parsed.port or ""),
            "CONN_MAX_AGE": 60,
        }
    raise ConfigError(
        f"[database] connection: unsupported scheme {parsed.scheme!r} (use sqlite or postgresql)"
    )
