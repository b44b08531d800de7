"""Every setting of the service, declared once with its default and meaning.

Settings are oslo.config options read from an INI file (``--config-file`` or
the ``MAGNUM_UI_CONFIG`` environment variable), as in any OpenStack service;
``[keystone_authtoken]`` is keystonemiddleware's own group.  :func:`load`
validates them and raises :class:`ConfigError` with a sentence an operator can
act on.
"""

from __future__ import annotations

import os
import socket
import urllib.parse
from typing import Any

from oslo_config import cfg

from magnum_ui.service.drivers.local import options as local_options

CONF = cfg.CONF

api_opts = [
    cfg.HostAddressOpt("host", default="127.0.0.1", help="Address the API listens on."),
    cfg.PortOpt("port", default=9511, help="Port the API listens on."),
    cfg.IntOpt("workers", default=2, min=1, help="Number of API worker processes."),
    cfg.IntOpt(
        "threads",
        default=16,
        min=1,
        help="Requests each worker serves at once (threads). A connection that sends "
        "nothing holds no thread, and a slow call (a bay's workloads, its progress) "
        "holds one thread, not a worker.",
    ),
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

crypto_opts = [
    cfg.StrOpt(
        "encryption_key",
        secret=True,
        help="Fernet key (32 url-safe base64-encoded bytes) that encrypts secrets at rest: "
        "users' tokens riding with operations and the private keys of cluster CAs. "
        "Generate one with `python -c 'from cryptography.fernet import Fernet; "
        "print(Fernet.generate_key().decode())'`.",
    ),
]

quota_opts = [
    cfg.IntOpt(
        "max_clusters_per_project",
        default=20,
        min=0,
        help="Clusters a project may have when no quota was set for it.",
    ),
]

local_driver_opts = [
    cfg.StrOpt(
        "nodes_dir",
        default=None,
        help="Where Heat's local node resources keep the nodes: give it Heat's "
        "MAGNUM_UI_LOCAL_NODES_DIR. The conductor's reconciliation removes the nodes of no "
        "bay from there; unset, it uses MAGNUM_UI_LOCAL_NODES_DIR from its own environment, "
        "else " + str(local_options.DEFAULT_ROOT) + ".",
    ),
    cfg.IntOpt(
        "max_nodes_per_project",
        default=local_options.DEFAULT_MAX_NODES_PER_PROJECT,
        min=1,
        help="Local nodes (Docker Engines on the Heat host) one project's bays may have "
        "together. A create or resize over it is refused with 403. Heat's "
        "MAGNUM_UI_LOCAL_MAX_NODES_PER_PROJECT is the backstop for templates that name "
        "the node resource themselves: give both the same value.",
    ),
    cfg.IntOpt(
        "max_vcpus_per_project",
        default=local_options.DEFAULT_MAX_VCPUS_PER_PROJECT,
        min=1,
        help="CPUs the local flavors of one project's nodes may add up to (403 over it; "
        "Heat's backstop: MAGNUM_UI_LOCAL_MAX_VCPUS_PER_PROJECT).",
    ),
    cfg.IntOpt(
        "max_ram_mib_per_project",
        default=local_options.DEFAULT_MAX_RAM_MIB_PER_PROJECT,
        min=1,
        help="Memory (MiB) the local flavors of one project's nodes may add up to (403 over "
        "it; Heat's backstop: MAGNUM_UI_LOCAL_MAX_RAM_MIB_PER_PROJECT).",
    ),
]

registry_opts = [
    cfg.StrOpt(
        "address",
        default=None,
        help="Where the image registry is, as bays' engines and docker clients name it "
        "(HOST:PORT, e.g. 10.213.255.254:5050); shown to users with the push commands. "
        "Unset: the cloud offers no registry.",
    ),
    cfg.HostAddressOpt(
        "token_host",
        default="127.0.0.1",
        help="Address the registry's token service (magnum-ui-api registry-tokens) listens "
        "on: where the registry's `auth.token.realm` points, reachable by whoever pulls.",
    ),
    cfg.PortOpt("token_port", default=5051, help="Port of the registry's token service."),
    cfg.StrOpt(
        "token_key_file",
        default=None,
        help="The P-256 private key (PEM, mode 600) that signs registry tokens; the "
        "registry's `auth.token.rootcertbundle` holds its certificate.",
    ),
    cfg.StrOpt(
        "token_issuer",
        default="magnum-ui",
        help="The tokens' issuer: the registry's `auth.token.issuer`.",
    ),
    cfg.StrOpt(
        "token_service",
        default="magnum-ui-registry",
        help="The tokens' audience: the registry's `auth.token.service`.",
    ),
    cfg.IntOpt(
        "token_lifetime",
        default=300,
        min=30,
        help="Seconds a registry token is valid.",
    ),
    cfg.URIOpt(
        "auth_url",
        default=None,
        help="Keystone's v3 URL, where registry users' names and passwords are checked "
        "(users of the Default domain). Required by the token service.",
    ),
    cfg.IntOpt(
        "login_failures",
        default=5,
        min=1,
        help="Wrong passwords one address (a local bay's nodes together) may send the token "
        "service within login_failure_window; past them its logins are refused (429, "
        "Retry-After) without asking Keystone, so a bay cannot guess users' passwords at "
        "speed.",
    ),
    cfg.FloatOpt(
        "login_failure_window",
        default=60.0,
        min=1.0,
        help="Seconds a wrong password counts against its address (see login_failures).",
    ),
    cfg.StrOpt(
        "storage_dir",
        default=None,
        help="The registry's storage root (its `storage.filesystem.rootdirectory`), readable "
        "by the token service: what each project stores is counted there against "
        "project_share_mib. Unset: no share is counted (the registry's disk bounds every "
        "project together).",
    ),
    cfg.IntOpt(
        "project_share_mib",
        default=5120,
        min=1,
        help="MiB of images one project may keep in the registry (every layer linked into its "
        "repositories, unfinished uploads too): a push to a project holding that much is "
        "refused (403 with the reason); pulls go on. Needs storage_dir.",
    ),
]

conductor_opts = [
    cfg.StrOpt(
        "host",
        default=socket.gethostname(),
        help="Name of this conductor, unique among the conductors sharing a database. "
        "A restarted conductor resumes the operations it held under this name.",
    ),
    cfg.FloatOpt(
        "lease_seconds",
        default=60.0,
        min=1.0,
        help="How long a claimed operation stays with a conductor that stops renewing "
        "it (a crashed one) before another conductor takes it over.",
    ),
    cfg.FloatOpt(
        "poll_interval",
        default=1.0,
        min=0.1,
        help="Seconds between two looks at a stack in progress, and at the queue.",
    ),
    cfg.FloatOpt(
        "heartbeat_interval",
        default=10.0,
        min=1.0,
        help="Seconds between two heartbeats (what /v1/mservices reports).",
    ),
    cfg.IntOpt(
        "max_concurrent_operations",
        default=4,
        min=1,
        help="Operations one conductor works on at the same time.",
    ),
    cfg.FloatOpt(
        "reconcile_interval",
        default=300.0,
        min=0.0,
        help="Seconds between two looks for what belongs to no bay: Heat stacks named "
        "bay-<uuid> whose bay is gone, and local nodes of no bay and no stack. What is "
        "found is removed, logged and listed in /v1/mservices. 0 turns it off.",
    ),
    cfg.FloatOpt(
        "health_interval",
        default=15.0,
        min=0.0,
        help="Seconds between two readings of each settled bay's health from its "
        "orchestrator (its API answers, each node is ready), kept in the bay's health_status "
        "and health_status_reason. 0 turns it off.",
    ),
    cfg.FloatOpt(
        "reconcile_grace",
        default=600.0,
        min=0.0,
        help="Seconds a stack or a local bay is left alone after it was made or last "
        "changed before the reconciliation may remove it.",
    ),
    cfg.IntOpt(
        "service_down_time",
        default=60,
        min=1,
        help="Seconds since its last heartbeat after which /v1/mservices reports a "
        "conductor as down. Keep it a few times the conductor's heartbeat interval.",
    ),
]

CONF.register_opts(api_opts, group="api")
CONF.register_opts(conductor_opts, group="conductor")
CONF.register_opts(database_opts, group="database")
CONF.register_opts(crypto_opts, group="crypto")
CONF.register_opts(quota_opts, group="quotas")
CONF.register_opts(local_driver_opts, group="local_driver")
CONF.register_opts(registry_opts, group="registry")

_loaded = False


class ConfigError(Exception):
    """A setting has a value the service cannot run with."""


def list_opts() -> list[tuple[str, list[Any]]]:
    """Entry point for oslo-config-generator (the configuration reference)."""
    return [
        ("api", api_opts),
        ("database", database_opts),
        ("crypto", crypto_opts),
        ("quotas", quota_opts),
        ("local_driver", local_driver_opts),
        ("conductor", conductor_opts),
        ("registry", registry_opts),
    ]


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
    if CONF.crypto.encryption_key:
        _check_fernet_key(CONF.crypto.encryption_key)
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
            # A connection broken by a database restart is replaced, not reused.
            "CONN_HEALTH_CHECKS": True,
            # A database that does not answer fails a request in seconds (a 503).
            "OPTIONS": {"connect_timeout": 5},
        }
    raise ConfigError(
        f"[database] connection: unsupported scheme {parsed.scheme!r} (use sqlite or postgresql)"
    )


def _check_fernet_key(key: str) -> None:
    from cryptography.fernet import Fernet

    try:
        Fernet(key)
    except ValueError:
        raise ConfigError(
            "[crypto] encryption_key is not a Fernet key (32 url-safe base64-encoded bytes)"
        ) from None
