"""Drivers: what turns a cluster template into running nodes.

A driver is found by ``(server_type, os, coe)`` among the classes registered
under the ``magnum_ui.drivers`` entry-point group.  A third-party driver
registers itself in its own package::

    [options.entry_points]
    magnum_ui.drivers =
        my_k8s = my_package.driver:MyKubernetesDriver

where ``MyKubernetesDriver`` subclasses :class:`magnum_ui.service.drivers.base.Driver`
and sets ``server_type``, ``os`` and ``coe``.
"""

from __future__ import annotations

import functools
from importlib.metadata import entry_points
from typing import Any

from magnum_ui.service.drivers.base import Driver

GROUP = "magnum_ui.drivers"


@functools.cache
def installed() -> tuple[type[Driver], ...]:
    """Every installed driver class, in a stable order."""
    found = [ep.load() for ep in sorted(entry_points(group=GROUP), key=lambda ep: ep.name)]
    return tuple(d for d in found if isinstance(d, type) and issubclass(d, Driver))


def coes() -> list[str]:
    return sorted({d.coe for d in installed()})


def find(server_type: str, coe: str, os: str | None = None) -> type[Driver] | None:
    """The driver for this combination (``os`` None: the first for server_type and coe)."""
    for driver in installed():
        if driver.server_type == server_type and driver.coe == coe and os in (None, driver.os):
            return driver
    return None


def for_template(template: Any) -> type[Driver] | None:
    """The driver a cluster template was created with (its ``driver``), else its combination."""
    found = next((d for d in installed() if d.name == template.driver), None)
    if found is None:
        found = find(template.server_type, template.coe, template.cluster_distro)
    return found
