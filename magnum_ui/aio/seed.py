"""What a new all-in-one offers out of the box: the public ``local-swarm`` bay model."""

from __future__ import annotations

from keystoneauth1 import session
from keystoneauth1.identity import v3

from magnum_ui.aio.config import AioConfig

TEMPLATE = {
    "name": "local-swarm",
    "coe": "swarm-mode",
    "server_type": "local",
    # The local flavors bound each node's CPU, memory and disk (see the driver's flavors).
    "flavor_id": "local.small",
    "master_flavor_id": "local.small",
    "public": True,
    "labels": {},
}


def template(cfg: AioConfig) -> dict[str, object]:
    """The bay model; its engines may pull from the all-in-one's registry without TLS."""
    return {**TEMPLATE, "insecure_registry": cfg.registry}


def local_swarm(cfg: AioConfig) -> None:
    """Create the bay model through the service API as admin, unless it exists (idempotent)."""
    stamp = cfg.state_dir / "service" / ".local-swarm-seeded"
    if stamp.exists():
        return
    api = session.Session(auth=v3.Password(**cfg.admin_credentials()))
    headers = {"OpenStack-API-Version": "container-infra latest"}
    found = api.get(f"{cfg.api_url}/clustertemplates/local-swarm", headers=headers, raise_exc=False)
    if found.status_code == 404:
        api.post(f"{cfg.api_url}/clustertemplates", json=template(cfg), headers=headers)
    elif found.status_code not in (200, 409):
        found.raise_for_status()
    stamp.write_text("ok\n")
