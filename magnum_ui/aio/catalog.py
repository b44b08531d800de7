"""Users, projects, roles and the service catalog of the all-in-one (idempotent).

* ``admin`` in project ``admin`` (made by ``keystone-manage bootstrap``);
* ``demo`` in project ``demo`` with role ``member``;
* the service user ``magnum`` (admin in project ``service``), whose password
  is a random secret of the state directory;
* the ``container-infra`` service with its endpoints;
* for Heat: the service user ``heat`` (admin in project ``service``; Heat
  also acts as it when it uses a stack's trust), the roles Heat's policies
  name, the ``heat`` domain that holds the users Heat makes for stacks, with
  its admin ``heat_domain_admin``, and the ``orchestration`` service.

Heat 27's default policy lets any ``member`` of a project create stacks, so
``demo`` needs no ``heat_stack_owner`` role.
"""

from __future__ import annotations

from typing import Any

from magnum_ui.aio.config import AioConfig
from magnum_ui.aio.keystone import REGION

SERVICE_USER = "magnum"
SERVICE_PROJECT = "service"
HEAT_USER = "heat"
HEAT_DOMAIN = "heat"  # holds the users Heat makes for stacks
HEAT_DOMAIN_ADMIN = "heat_domain_admin"
ROLES = ("admin", "member", "reader", "heat_stack_owner", "heat_stack_user")


def connect(cfg: AioConfig) -> Any:
    import openstack

    return openstack.connect(
        **cfg.admin_credentials(),
        region_name=REGION,
        load_yaml_config=False,
        load_envvars=False,
    )


def seed(cfg: AioConfig) -> None:
    stamp = cfg.state_dir / "keystone" / ".catalog-seeded"
    wanted = f"{_digest(cfg.password)} {cfg.api_url} {cfg.heat_url}"
    if stamp.exists() and stamp.read_text() == wanted:
        return
    conn = connect(cfg)
    identity = conn.identity
    roles = {name: _role(identity, name) for name in ROLES}
    demo_project = _project(identity, "demo", "The demo user's project")
    service_project = _project(identity, SERVICE_PROJECT, "Service users")
    demo = _user(identity, "demo", cfg.password, demo_project, reset_password=True)
    identity.assign_project_role_to_user(demo_project, demo, roles["member"])
    for name in (SERVICE_USER, HEAT_USER):
        user = _user(identity, name, password(cfg, name), service_project, reset_password=False)
        identity.assign_project_role_to_user(service_project, user, roles["admin"])
    _heat_domain(identity, password(cfg, HEAT_DOMAIN_ADMIN), roles["admin"])
    _endpoints(
        identity, "magnum", "container-infra", "Container Infrastructure (Magnum UI)", cfg.api_url
    )
    _endpoints(identity, "heat", "orchestration", "Orchestration (Heat)", cfg.heat_url)
    conn.close()
    stamp.write_text(wanted)


def password(cfg: AioConfig, user: str) -> str:
    """The generated password of a service user (``magnum``, ``heat``, ...)."""
    return cfg.secret(f"keystone_{user}")


def _digest(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()


def _role(identity: Any, name: str) -> Any:
    return identity.find_role(name) or identity.create_role(name=name)


def _project(identity: Any, name: str, description: str) -> Any:
    found = identity.find_project(name, domain_id="default")
    return found or identity.create_project(name=name, domain_id="default", description=description)


def _heat_domain(identity: Any, password: str, admin: Any) -> None:
    """The domain of the users Heat makes for stacks, and the user that manages them."""
    domain = identity.find_domain(HEAT_DOMAIN) or identity.create_domain(
        name=HEAT_DOMAIN, description="Users Heat creates for stacks"
    )
    user = _user(
        identity,
        HEAT_DOMAIN_ADMIN,
        password,
        project=None,
        reset_password=False,
        domain_id=domain.id,
    )
    identity.assign_domain_role_to_user(domain, user, admin)


def _user(
    identity: Any,
    name: str,
    password: str,
    project: Any,
    reset_password: bool,
    domain_id: str = "default",
) -> Any:
    found = identity.find_user(name, domain_id=domain_id)
    if found is None:
        return identity.create_user(
            name=name,
            password=password,
            domain_id=domain_id,
            default_project_id=project.id if project else None,
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
