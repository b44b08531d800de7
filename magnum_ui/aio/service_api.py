"""The service API process of the all-in-one, on the private PostgreSQL.

Its configuration file serves the conductor too, and names the folder where
the local driver keeps its nodes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from magnum_ui.aio import catalog, postgres
from magnum_ui.aio.config import HOST, AioConfig
from magnum_ui.aio.files import write_private
from magnum_ui.aio.processes import Service, StartError, http_ready
from magnum_ui.service.drivers.local import options as local_options
from magnum_ui.service.drivers.local import validation


def nodes_dir(cfg: AioConfig) -> Path:
    """The local driver's state folder (the Heat process creates the nodes there)."""
    try:
        return validation.root(cfg.state_dir / "nodes")
    except validation.InvalidNodeInput as exc:
        raise StartError(f"{exc}; set MAGNUM_UI_STATE_DIR to a shorter path") from None


def config_file(cfg: AioConfig) -> Path:
    return cfg.state_dir / "service" / "magnum-ui.conf"


def write_config(cfg: AioConfig) -> None:
    # One source for the per-project bounds: Heat's node resource reads the
    # same MAGNUM_UI_LOCAL_MAX_* variables from the environment it inherits.
    bounds = local_options.NodeOptions.from_environ()
    write_private(
        config_file(cfg),
        f"""[api]
host = {HOST}
port = {cfg.api_port}
workers = 2

[database]
connection = {postgres.url(cfg, "magnum_ui")}

[conductor]
# One machine: looking at the queue and at stacks four times a second costs
# little and takes most of a second off every operation.
poll_interval = 0.25

[crypto]
encryption_key = {cfg.secret("service_encryption_key", fernet=True)}

[local_driver]
nodes_dir = {nodes_dir(cfg)}
max_nodes_per_project = {bounds.max_nodes_per_project}
max_vcpus_per_project = {bounds.max_vcpus_per_project}
max_ram_mib_per_project = {bounds.max_ram_mib_per_project}

[registry]
address = {cfg.registry}
token_host = {cfg.registry_address}
token_port = {cfg.registry_token_port}
token_key_file = {cfg.state_dir / "registry" / "token-key.pem"}
auth_url = {cfg.keystone_url}
storage_dir = {cfg.state_dir / "registry" / "data"}
project_share_mib = {cfg.registry_share_mib}

[keystone_authtoken]
www_authenticate_uri = {cfg.keystone_url}
auth_url = {cfg.keystone_url}
auth_type = password
username = {catalog.SERVICE_USER}
password = {cfg.secret("keystone_magnum")}
project_name = {catalog.SERVICE_PROJECT}
user_domain_id = default
project_domain_id = default
""",
    )


def service(cfg: AioConfig) -> Service:
    write_config(cfg)
    return Service(
        name="service API",
        argv=[sys.executable, "-m", "magnum_ui.service.cli", "--config-file",
              str(config_file(cfg)), "serve"],
        ready=http_ready(f"http://{HOST}:{cfg.api_port}/"),
    )  # fmt: skip
