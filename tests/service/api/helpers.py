"""Requests as keystonemiddleware hands them to the service.

keystonemiddleware itself (and real Keystone) are exercised by
``tests/e2e``; these unit tests give the Django app the identity headers
that keystonemiddleware sets after validating a token.
"""

from __future__ import annotations

from typing import Any

from django.test import Client

from magnum_ui.service.models import Cluster, ClusterTemplate

# Keystone puts implied roles in tokens: admin implies member, member implies reader.
READER = "reader"
MEMBER = "member,reader"
ADMIN = "admin,member,reader"


def identity(
    project_id: str = "p-demo", roles: str = MEMBER, user_id: str = "u-demo"
) -> dict[str, str]:
    return {
        "HTTP_X_IDENTITY_STATUS": "Confirmed",
        "HTTP_X_PROJECT_ID": project_id,
        "HTTP_X_USER_ID": user_id,
        "HTTP_X_ROLES": roles,
    }


def get(client: Client, path: str, **headers: Any) -> Any:
    return client.get(path, **{**identity(), **headers})


def template(name: str = "tmpl", project_id: str = "p-demo", **fields: Any) -> ClusterTemplate:
    return ClusterTemplate.objects.create(
        name=name,
        project_id=project_id,
        user_id="u-demo",
        coe=fields.pop("coe", "swarm-mode"),
        **fields,
    )


def cluster(name: str, tmpl: ClusterTemplate, project_id: str = "p-demo", **fields: Any) -> Cluster:
    return Cluster.objects.create(
        name=name,
        project_id=project_id,
        user_id="u-demo",
        cluster_template=tmpl,
        status=fields.pop("status", "CREATE_COMPLETE"),
        **fields,
    )


def send(client: Client, method: str, path: str, body: Any, **headers: Any) -> Any:
    """A JSON request with the demo member's identity (override with headers)."""
    import json

    return getattr(client, method.lower())(
        path,
        data=json.dumps(body),
        content_type="application/json",
        **{**identity(), **headers},
    )


def detail(response: Any) -> str:
    """The detail of Magnum's error body."""
    return str(response.json()["errors"][0]["detail"])


def finish_work(cluster: Cluster, status: str = "UPDATE_COMPLETE") -> None:
    """Play the conductor's part: close the cluster's operations and set its status."""
    from magnum_ui.service.models import Operation

    Operation.objects.filter(cluster=cluster).update(state="done", auth_token=None)
    Cluster.objects.filter(pk=cluster.pk).update(status=status)
