"""Users, projects, roles and the service catalog of the all-in-one (idempotent).

* ``admin`` in project ``admin`` (made by ``keystone-manage bootstrap``);
* ``demo`` in project ``demo`` with role ``member``;
* the service user ``magnum`` (admin in project ``service``), whose password
  is a random secret of the state directory;
* the ``container-infra`` service with its endpoints.
"""

from __future__ import annotations

from typing import Any

from magnum_ui.aio.config import AioConfig
from magnum_ui.aio.keystone import REGION

SERVICE_USER = "magnum"
SERVICE_PROJECT = "service"
ROLES = ("admin", "member", "reader")


def connect(cfg: AioConfig) -> Any:
    import openstack

    return openstack.connect(
        auth_url=cfg.keystone_url,
        username="admin",
        password=cfg.password,
        project_name="admin",
        user_domain_id="default",
        project_domain_id="default",
        region_name=REGION,
        load_yaml_config=False,
        load_envvars=False,
    )


def seed(cfg: AioConfig) -> None:
    stamp = cfg.state_dir / "keystone" / ".catalog-seeded"
    wanted = f"{_digest(cfg.password)} {cfg.api_url}"
    if stamp.exists() and stamp.read_text() == wanted:
        return
    conn = connect(cfg)
    identity = conn.identity
    roles = {name: _role(identity, name) for name in ROLES}
    demo_project = _project(identity, "demo", "The demo user's project")
    service_project = _project(identity, SERVICE_PROJECT, "Service users")
    demo = _user(identity, "demo", cfg.password, demo_project, reset_password=True)
    identity.assign_project_role_to_user(demo_project, demo, roles["member"])
    magnum = _user(
        identity,
        SERVICE_USER,
        cfg.secret("keystone_magnum"),
        service_project,
        reset_password=False,
    )
    identity.assign_project_role_to_user(service_project, magnum, roles["admin"])
    _endpoints(
        identity, "magnum", "container-infra", "Container Infrastructure (Magnum UI)", cfg.api_url
    )
    conn.close()
    stamp.write_text(wanted)


def _digest(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()


def _role(identity: Any, name: str) -> Any:
    return identity.find_role(name) or identity.create_role(name=name)


def _project(identity: Any, name: str, description: str) -> Any:
    found = identity.find_project(name, domain_id="default")
    return found or identity.create_project(name=name, domain_id="default", description=description)


def _user(identity: Any, name: str, password: str, project: Any, reset_password: bool) -> Any:
    found = identity.find_user(name, domain_id="default")
    if found is None:
        return identity.create_user(
            name=name, password=password, domain_id="default", default_project_id=project.id
        )
    if reset_password:
        # Keep the password in step with MAGNUM_UI_PASSWORD, which may change.
        return identity.update_user(found, password=password)
    return found


def _endpoints(identity: Any, name: str, service_type: str, description: str, url: str) -> None:
    service = next(iter(identity.services(type=service_type)), None)
    if service is None:
        service = identity.create_service(name=name, type=service_type, description=description)
    existing = {e.interface: e for e in identity.endpoints(service_id=service.id)}
    for interface in ("public", "internal", "admin"):
        endpoint = existing.get(interface)
        if endpoint is None:
            identity.create_endpoint(
                service_id=service.id, interface=interface, url=url, region_id=REGION
            )
        elif endpoint.url != url:
            identity.update_endpoint(endpoint, url=url)
