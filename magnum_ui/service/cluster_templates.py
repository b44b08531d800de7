"""Cluster templates (bay models): the rules of making, changing and deleting one.

A template is built by the installed driver its ``coe``, ``server_type`` and
``cluster_distro`` pick (:mod:`magnum_ui.service.drivers`), which must be able
to build what it names (its flavors, volume size); a template that clusters
use may only be renamed, published or hidden, as in Magnum.  No HTTP in here::

    template = cluster_templates.create(ctx, {"name": "m", "coe": "swarm-mode",
                                              "server_type": "local"})
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import NOT_PROVIDED, QuerySet

from magnum_ui.service import drivers, errors, patches, policies, schemas, scoping
from magnum_ui.service.context import RequestContext
from magnum_ui.service.drivers.base import Driver, RequestRefused
from magnum_ui.service.models import ClusterTemplate

# How a template calls itself in messages (the seed-era routes say BayModel).
KIND = "ClusterTemplate"

_STRINGS = (
    "image_id", "keypair_id", "flavor_id", "master_flavor_id", "external_network_id",
    "fixed_network", "fixed_subnet", "network_driver", "volume_driver", "dns_nameserver",
    "docker_storage_driver", "cluster_distro", "http_proxy", "https_proxy", "no_proxy",
    "insecure_registry", "tags", "server_type",
)  # fmt: skip
_BOOLEANS = (
    "registry_enabled", "tls_disabled", "public", "hidden", "master_lb_enabled",
    "floating_ip_enabled",
)  # fmt: skip

# What a client may send to create one; also the OpenAPI request schema.
CREATE_SCHEMA = schemas.body(
    ["coe"],
    name={"oneOf": [schemas.NAME, {"type": "null"}]},
    coe={"type": "string", "maxLength": 255},
    apiserver_port={"type": ["integer", "null"], "minimum": 1024, "maximum": 65535},
    docker_volume_size={
        "type": ["integer", "null"],
        "minimum": 1,
        "maximum": schemas.MAX_VOLUME_GIB,
    },
    labels=schemas.LABELS_OR_NULL,
    driver=schemas.STRING_OR_NULL,
    **{name: schemas.STRING_OR_NULL for name in _STRINGS},
    **{name: {"type": "boolean"} for name in _BOOLEANS},
)

# Magnum's rule: a template some cluster uses may only be renamed, published or hidden.
MUTABLE_IN_USE = ("name", "public", "hidden")
MUTABLE = tuple(CREATE_SCHEMA["properties"])
_PUBLISHING = ("public", "hidden")


def visible(ctx: RequestContext) -> QuerySet[ClusterTemplate]:
    """The templates the caller may list: its project's and public ones (admins: all)."""
    policies.authorize(ctx, "clustertemplate:get_all")
    return scoping.cluster_templates(ctx)


def find(ctx: RequestContext, ident: str) -> ClusterTemplate:
    """The template ``ident`` names, if policy lets the caller see it."""
    template = scoping.find_cluster_template(ctx, ident)
    # A public template is readable by every project, like one of its own.
    owner = {"project_id": ctx.project_id} if template.public else target(template)
    policies.authorize(ctx, "clustertemplate:get", owner)
    return template


def create(ctx: RequestContext, fields: Any) -> ClusterTemplate:
    """A new template, with the installed driver that will build its clusters."""
    policies.authorize(ctx, "clustertemplate:create")
    fields = schemas.validate(fields, CREATE_SCHEMA)
    fields = {k: v for k, v in fields.items() if v is not None}
    if fields.get("public") or fields.get("hidden"):
        policies.authorize(ctx, "clustertemplate:publish")
    _choose_driver(fields)
    return ClusterTemplate.objects.create(project_id=ctx.project_id, user_id=ctx.user_id, **fields)


def update(ctx: RequestContext, ident: str, patch: Any, kind: str = KIND) -> ClusterTemplate:
    """A JSON patch; a template in use may only be renamed, published or hidden."""
    with transaction.atomic():
        template = scoping.find_cluster_template(ctx, ident)
        if template.project_id != ctx.project_id and not ctx.is_admin:
            # Public templates of other projects are visible, not editable.
            raise errors.Forbidden(f"{kind} {ident} belongs to another project.")
        policies.authorize(ctx, "clustertemplate:update", target(template))
        patch = schemas.validate_patch(patch)
        current = {name: getattr(template, name) for name in MUTABLE}
        if template.clusters.exists():
            why = f"{kind} {template.uuid} is used by clusters, so only"
            patched = patches.apply(current, patch, MUTABLE_IN_USE, why)
        else:
            patched = patches.apply(current, patch, MUTABLE, "Only")
        # A removed field goes back to its default, as in Magnum.
        changed = {name: patched.get(name, _default(name)) for name in MUTABLE}
        schemas.validate({k: v for k, v in changed.items() if v is not None}, CREATE_SCHEMA)
        if any(changed[name] != current[name] for name in _PUBLISHING):
            policies.authorize(ctx, "clustertemplate:publish")
        if changed["driver"] == current["driver"] and any(
            changed[k] != current[k] for k in ("coe", "server_type", "cluster_distro")
        ):
            changed["driver"] = None  # the new combination picks its own driver
        _choose_driver(changed)
        for name, value in changed.items():
            setattr(template, name, value)
        template.save()
    return template


def _default(name: str) -> Any:
    default = ClusterTemplate._meta.get_field(name).default
    if default is NOT_PROVIDED:
        return None
    return default() if callable(default) else default


def delete(ctx: RequestContext, ident: str, kind: str = KIND) -> None:
    """Delete a template no cluster uses."""
    with transaction.atomic():
        template = scoping.find_cluster_template(ctx, ident)
        if template.project_id != ctx.project_id and not ctx.is_admin:
            raise errors.Forbidden(f"ClusterTemplate {ident} belongs to another project.")
        policies.authorize(ctx, "clustertemplate:delete", target(template))
        if template.clusters.exists():
            raise errors.Invalid(
                f"{kind} {template.uuid} is used by one or more clusters; delete them first.",
            )
        template.delete()


def _choose_driver(fields: dict[str, Any]) -> None:
    """Pick the installed driver for (server_type, cluster_distro, coe); 400 if none."""
    server_type = fields.get("server_type") or "vm"
    coe = fields["coe"]
    driver = drivers.find(server_type, coe, fields.get("cluster_distro"))
    if driver is None:
        offered = ", ".join(f"{d.coe} on {d.server_type}/{d.os}" for d in drivers.installed())
        raise errors.Invalid(
            f"No installed driver runs coe {coe!r} with server_type {server_type!r}"
            + (
                f" and cluster_distro {fields['cluster_distro']!r}"
                if fields.get("cluster_distro")
                else ""
            )
            + f". Installed: {offered}.",
        )
    named = fields.get("driver")
    if named and named != driver.name:
        # The conductor builds with the named driver: it must be the one that runs these.
        runs = next((d for d in drivers.installed() if d.name == named), None)
        what = (
            f"runs coe {runs.coe!r} on server_type {runs.server_type!r}"
            if runs
            else "is not installed"
        )
        raise errors.Invalid(
            f"driver {named!r} {what}; this template's coe {coe!r} on server_type "
            f"{server_type!r} is built by {driver.name!r}."
        )
    missing = [name for name in driver.required_template_fields if not fields.get(name)]
    if missing:
        raise errors.Invalid(f"The {driver.name} driver needs: {', '.join(missing)}.")
    _check_fields(driver, fields)
    fields.update(server_type=server_type, cluster_distro=driver.os, driver=driver.name)


def _check_fields(driver: type[Driver] | None, fields: dict[str, Any]) -> None:
    """400 when the driver cannot build the template's flavors or volume size."""
    if driver is None:
        return
    try:
        driver.check_fields(fields)
    except RequestRefused as exc:
        raise errors.Invalid(f"The {driver.name} driver cannot build this: {exc}") from None


def target(template: ClusterTemplate) -> dict[str, Any]:
    """What policy checks a template against: its project."""
    return {"project_id": template.project_id}
