"""A bay's client configuration: what a user needs to talk to the bay's orchestrator.

Each call issues a fresh client certificate from the bay's CA (the private
key is made here and returned once; the service keeps no copy):

* Swarm bays: ``ca.pem``, ``cert.pem``, ``key.pem`` and ``env.sh`` exporting
  ``DOCKER_HOST``, ``DOCKER_TLS_VERIFY`` and ``DOCKER_CERT_PATH``;
* Kubernetes bays: a ``config`` kubeconfig with the CA and the certificate
  embedded (user in the ``system:masters`` group, as Magnum's admin config).
"""

from __future__ import annotations

import base64

import yaml

from magnum_ui.service import certificates
from magnum_ui.service.models import Cluster

KUBERNETES = "kubernetes"


def files(cluster: Cluster, user_name: str) -> dict[str, str]:
    """File name -> content, for the bay's orchestrator."""
    ca = certificates.ensure_ca(cluster).cert_pem
    if cluster.cluster_template.coe == KUBERNETES:
        cert, key = certificates.issue_client_certificate(cluster, user_name, "system:masters")
        return {"config": _kubeconfig(cluster, ca, cert, key)}
    cert, key = certificates.issue_client_certificate(cluster, user_name)
    host = cluster.api_address or ""
    env = (
        f"# Docker client settings for bay {cluster.name} ({cluster.uuid}).\n"
        "# Use: cd into this folder, then `. ./env.sh` and run docker as usual.\n"
        f"export DOCKER_HOST={host}\n"
        "export DOCKER_TLS_VERIFY=1\n"
        'export DOCKER_CERT_PATH="$(pwd)"\n'
    )
    return {"ca.pem": ca, "cert.pem": cert, "key.pem": key, "env.sh": env}


def _kubeconfig(cluster: Cluster, ca: str, cert: str, key: str) -> str:
    def b64(text: str) -> str:
        return base64.b64encode(text.encode()).decode()

    name = cluster.name or cluster.uuid
    config = {
        "apiVersion": "v1",
        "kind": "Config",
        "clusters": [
            {
                "name": name,
                "cluster": {
                    "server": cluster.api_address or "",
                    "certificate-authority-data": b64(ca),
                },
            }
        ],
        "users": [
            {
                "name": "admin",
                "user": {"client-certificate-data": b64(cert), "client-key-data": b64(key)},
            }
        ],
        "contexts": [{"name": "default", "context": {"cluster": name, "user": "admin"}}],
        "current-context": "default",
    }
    return str(yaml.safe_dump(config, default_flow_style=False))
