"""Which registry actions a caller gets, scope by scope.

A scope is what Docker asks for: ``repository:<name>:<actions>`` (for
example ``repository:2f1c.../web:pull,push``).  A repository's first path
component is its namespace:

- ``library``: anyone pulls, anonymous callers too (the images the cloud
  offers, such as ``busybox``); nobody pushes there with a token of ours
  (the operator seeds it);
- a project id: a member (or admin) of that project pulls and pushes, a
  reader pulls, anyone else gets nothing;
- anything else: nothing.

Whatever is not granted is left out of the token, and the registry refuses
it ("requested access to the resource is denied").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

LIBRARY = "library"
PUSH_ROLES = frozenset({"member", "admin"})
PULL_ROLES = PUSH_ROLES | {"reader"}
ACTIONS = ("pull", "push")
# Keystone's project ids: 32 lower-case hex digits (what a namespace must be).
PROJECT_ID = re.compile(r"[0-9a-f]{32}")
# The registry's own grammar for repository names (lower-case path components).
_REPOSITORY = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*")


@dataclass(frozen=True)
class Scope:
    type: str
    name: str
    actions: tuple[str, ...]

    @property
    def namespace(self) -> str:
        return self.name.split("/", 1)[0]


class InvalidScope(ValueError):
    """A scope that is not ``type:name:actions``."""


def parse(raw: str) -> Scope:
    """One ``scope`` query value; the name may not contain colons, the actions are a list."""
    kind, _, rest = raw.partition(":")
    name, _, actions = rest.rpartition(":")
    if not kind or not name or not actions:
        raise InvalidScope(f"scope {raw!r} is not type:name:actions")
    return Scope(kind, name, tuple(a for a in actions.split(",") if a))


ProjectRoles = Callable[[str], frozenset[str]]
"""The caller's roles on a project id (empty: none, or an anonymous caller)."""


def grant(scope: Scope, project_roles: ProjectRoles) -> tuple[str, ...]:
    """The actions of ``scope`` the caller gets, in the order asked."""
    if scope.type != "repository" or not _REPOSITORY.fullmatch(scope.name):
        return ()
    if scope.namespace == LIBRARY:
        allowed: Iterable[str] = ("pull",)
    elif PROJECT_ID.fullmatch(scope.namespace) and "/" in scope.name:
        roles = project_roles(scope.namespace)
        allowed = [
            action
            for action, needs in (("pull", PULL_ROLES), ("push", PUSH_ROLES))
            if roles & needs
        ]
    else:
        return ()
    return tuple(a for a in dict.fromkeys(scope.actions) if a in allowed)
