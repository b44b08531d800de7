"""Real Heat for the all-in-one: configuration, schema and process.

Heat runs as one process (:mod:`magnum_ui.aio.heat_server`: the engine and
the ``heat-api`` app, talking over oslo.messaging's in-process ``fake:/``
transport) on the private PostgreSQL: on SQLite, which reuses deleted row
ids, stack updates and deletes fail.  Stacks are created with the user's own
token; Heat keeps a trust so it can finish deferred work (and updates) after
that token is gone.  Heat's Keystone users, domain and endpoints are made by
:mod:`magnum_ui.aio.catalog`.
"""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

from magnum_ui.aio import catalog, postgres, service_api
from magnum_ui.aio.config import HOST, REPO, AioConfig
from magnum_ui.aio.files import write_private
from magnum_ui.aio.keystone import REGION
from magnum_ui.aio.processes import Service, StartError, http_ready, run_checked

# Resource types shipped by this project (the local driver's nodes).
PLUGIN_DIR = REPO / "magnum_ui" / "service" / "drivers" / "local" / "heat_plugins"
# Heat's defaults, except that admins (such as the service API's user) may ask
# for every project's stacks with ?global_tenant=True, which Heat's default
# refuses to everyone.  Reading a stack by id needs nothing extra.
POLICY = """\
# Written by magnum_ui.aio; every rule not named here keeps Heat's default.
"stacks:global_index": "rule:context_is_admin"
"""


def home(cfg: AioConfig) -> Path:
    return cfg.state_dir / "heat"


def config_file(cfg: AioConfig) -> Path:
    return home(cfg) / "heat.conf"


def paste_config() -> Path:
    """The api-paste.ini the openstack-heat wheel installs under the venv."""
    path = Path(sys.prefix) / "etc" / "heat" / "api-paste.ini"
    if not path.is_file():
        raise StartError(f"heat: {path} is missing (is openstack-heat installed in this venv?)")
    return path


def auth_encryption_key(cfg: AioConfig) -> str:
    """Heat encrypts stored credentials with a key of exactly 32 characters."""
    return cfg.secret("heat_auth_encryption_key")[:32]


def render_config(cfg: AioConfig) -> str:
    """heat.conf for the one-process Heat (holds passwords: keep it private)."""
    identity = cfg.keystone_url
    password = catalog.password(cfg, catalog.HEAT_USER)
    return f"""[DEFAULT]
use_stderr = true
transport_url = fake:/
plugin_dirs = {PLUGIN_DIR}
auth_encryption_key = {auth_encryption_key(cfg)}
region_name_for_services = {REGION}
stack_user_domain_name = {catalog.HEAT_DOMAIN}
stack_domain_admin = {catalog.HEAT_DOMAIN_ADMIN}
stack_domain_admin_password = {catalog.password(cfg, catalog.HEAT_DOMAIN_ADMIN)}
# Updates re-authenticate with the stack's trust, so they keep working after
# the token that created the stack has expired or been revoked.
reauthentication_auth_method = trusts

[heat_api]
bind_host = {HOST}
bind_port = {cfg.heat_port}

[database]
connection = {postgres.url(cfg, "heat", scheme="postgresql+psycopg2")}

[paste_deploy]
api_paste_config = {paste_config()}

[oslo_policy]
policy_file = {home(cfg) / "policy.yaml"}

[oslo_concurrency]
lock_path = {home(cfg) / "lock"}

[keystone_authtoken]
www_authenticate_uri = {identity}
auth_url = {identity}
auth_type = password
username = {catalog.HEAT_USER}
password = {password}
project_name = {catalog.SERVICE_PROJECT}
user_domain_id = default
project_domain_id = default

[trustee]
auth_type = password
auth_url = {identity}
username = {catalog.HEAT_USER}
password = {password}
user_domain_id = default

[clients_keystone]
auth_uri = {identity.removesuffix("/v3")}
"""


def write_config(cfg: AioConfig) -> None:
    root = home(cfg)
    root.mkdir(parents=True, exist_ok=True)
    (root / "policy.yaml").write_text(POLICY)
    write_private(config_file(cfg), render_config(cfg))


def sync_schema(cfg: AioConfig) -> bool:
    """``heat-manage db_sync`` when the schema is new or Heat changed; True if it ran."""
    write_config(cfg)
    stamp = home(cfg) / ".schema-ready"
    wanted = importlib.metadata.version("openstack-heat")
    if stamp.exists() and stamp.read_text() == wanted:
        return False
    run_checked(
        [str(Path(sys.executable).parent / "heat-manage"), "--config-file",
         str(config_file(cfg)), "db_sync"],
        "heat: db_sync",
        cfg.logs_dir / "heat-setup.log",
    )  # fmt: skip
    stamp.write_text(wanted)
    return True


def service(cfg: AioConfig) -> Service:
    return Service(
        name="heat",
        argv=[sys.executable, "-m", "magnum_ui.aio.heat_server", "--config-file",
              str(config_file(cfg))],
        # Heat creates the local driver's nodes (Magnum::Local::Node) under the state folder;
        # their engines use the registry as their mirror (and reach it through their bridge).
        env={"MAGNUM_UI_LOCAL_NODES_DIR": str(service_api.nodes_dir(cfg)),
             "MAGNUM_UI_LOCAL_REGISTRY": cfg.registry},
        ready=http_ready(f"http://{HOST}:{cfg.heat_port}/healthcheck"),
    )  # fmt: skip
