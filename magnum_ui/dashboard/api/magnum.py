"""The dashboard's only way to the service: python-magnumclient 5.x.

Each call builds a keystoneauth session from the logged-in user's token, so
the service applies policy and project scoping for that user.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from keystoneauth1 import session as ks_session
from keystoneauth1 import token_endpoint
from magnumclient.v1 import client as magnum_client
from openstack_dashboard.api import base

SERVICE_TYPE = "container-infra"


def client(request: HttpRequest) -> magnum_client.Client:
    endpoint = base.url_for(request, SERVICE_TYPE)
    auth = token_endpoint.Token(endpoint, request.user.token.id)
    insecure = getattr(settings, "OPENSTACK_SSL_NO_VERIFY", False)
    cacert = getattr(settings, "OPENSTACK_SSL_CACERT", None)
    session = ks_session.Session(auth=auth, verify=False if insecure else (cacert or True))
    # "latest": the service answers with the newest microversion both sides know.
    return magnum_client.Client(session=session, endpoint_override=endpoint, api_version="latest")


def _as_dicts(resources: list[Any]) -> list[dict[str, Any]]:
    return [resource.to_dict() for resource in resources]


def bay_model_list(request: HttpRequest) -> list[dict[str, Any]]:
    """Every bay model (cluster template) the user may see."""
    return _as_dicts(client(request).cluster_templates.list(detail=True))


def bay_list(request: HttpRequest) -> list[dict[str, Any]]:
    """Every bay (cluster) of the user's project."""
    return _as_dicts(client(request).clusters.list(detail=True))
