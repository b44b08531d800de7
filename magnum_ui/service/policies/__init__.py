"""Authorization: oslo.policy rules in code, one module per resource.

Defaults follow Magnum's secure-RBAC defaults: ``reader`` reads within its
project, ``member`` also writes there, ``admin`` does anything anywhere.
Operators override any rule in a policy file (``[oslo_policy] policy_file``).
"""

from __future__ import annotations

import importlib
import threading
from typing import Any

from oslo_policy import policy

from magnum_ui.service import conf, errors
from magnum_ui.service.context import RequestContext

# Each module defines RULES: list[policy.RuleDefault].
MODULES = (
    "base",
    "cluster_templates",
    "clusters",
    "nodegroups",
    "certificates",
    "quotas",
    "stats",
    "services",
    "drivers",
    "workloads",
)

_enforcer: policy.Enforcer | None = None
_making = threading.Lock()


def list_rules() -> list[policy.RuleDefault]:
    """Every rule with its default (also the oslo.policy generator's entry point)."""
    rules: list[policy.RuleDefault] = []
    for name in MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        rules.extend(module.RULES)
    return rules


def enforcer() -> policy.Enforcer:
    """The process's enforcer, made once and whole before any thread may use it.

    The API serves requests in threads: an enforcer published before its
    defaults were registered and its rules loaded denied the first requests
    of a worker at random (a member refused ``clustertemplate:get_all``).
    """
    global _enforcer
    if _enforcer is None:
        with _making:
            if _enforcer is None:
                made = policy.Enforcer(conf.CONF)
                made.register_defaults(list_rules())
                made.load_rules()
                _enforcer = made
    return _enforcer


def allowed(ctx: RequestContext, rule: str, target: dict[str, Any] | None = None) -> bool:
    creds = {"roles": list(ctx.roles), "project_id": ctx.project_id, "user_id": ctx.user_id}
    return bool(enforcer().enforce(rule, target or {"project_id": ctx.project_id}, creds))


def authorize(ctx: RequestContext, rule: str, target: dict[str, Any] | None = None) -> None:
    """Raise a 403 in Magnum's body unless ``rule`` allows the caller on ``target``."""
    if not allowed(ctx, rule, target):
        raise errors.Forbidden(f"Policy doesn't allow {rule} to be performed.")
