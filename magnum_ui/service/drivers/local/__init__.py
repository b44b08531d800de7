"""The local driver: Docker Swarm bays whose nodes are Docker Engines on this machine.

Each node is a ``Magnum::Local::Node`` Heat resource (``heat_plugins/node.py``)
over the library in this package: a Docker Engine in its own network
namespace, on a bridge of its own bay, joined into the bay's Swarm, confined
to its flavor and the bay's policy.  The stack is written for the bay's node
groups (``layout.py``); scaling is a stack update of a group's count, and
``nodes_to_remove`` picks which of its nodes go.  The service's side of the
driver is :class:`~.driver.LocalSwarmDriver`.
"""

from magnum_ui.service.drivers.local.driver import LocalSwarmDriver

__all__ = ["LocalSwarmDriver"]
