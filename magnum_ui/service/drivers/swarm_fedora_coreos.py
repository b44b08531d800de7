"""Docker Swarm mode on Fedora CoreOS Nova servers, built by Heat.

**This driver cannot run on this machine**: there is no Nova, Neutron, Cinder
or Octavia here, and no Fedora CoreOS image.  It is validated structurally
instead (``tests/service/drivers/test_swarm_fedora_coreos.py``), as the
Kubernetes driver is: Heat 27 parses and validates its templates (cloud
lookups answered yes), every resource type is checked against Heat's
registry, each node's Ignition config is rendered and its bootstrap script
read back out of it, and the parameter mapping is unit-tested.  Nobody has
booted a cluster with it.

The stack (``templates/swarm_fedora_coreos/cluster.yaml``) is the Kubernetes
driver's network, security groups, load balancer and nodes
(``templates/fedora_coreos/node.yaml``), with Docker instead of kubeadm: the
first manager runs ``docker swarm init`` and signals the join tokens through
Heat, then the other managers and the workers ``docker swarm join``.  With
``tls_disabled`` every manager serves the Docker API on tcp 2375 (and
``api_address`` is ``tcp://...:2375``); otherwise only the first manager
serves it, on tcp 2376 with ``--tlsverify``, from a CA it makes itself (the
service's cluster CA from ``/v1/certificates`` is not used): the client
certificate waits in ``/home/core/.docker`` on that manager, to be fetched
over SSH.

Refused by the template: ``registry_enabled`` and a ``volume_driver``.
"""

from __future__ import annotations

from magnum_ui.service.drivers.fedora_coreos import FedoraCoreOSDriver


class SwarmFedoraCoreOSDriver(FedoraCoreOSDriver):
    name = "swarm_fedora_coreos_v1"
    coe = "swarm-mode"
    template = "templates/swarm_fedora_coreos/cluster.yaml"
    files = (*FedoraCoreOSDriver.files, "templates/swarm_fedora_coreos/bootstrap.sh")
