"""Requests as keystonemiddleware hands them to the service.

keystonemiddleware itself (and real Keystone) are exercised by
``tests/e2e``; these unit tests give the Django app the identity headers
that keystonemiddleware sets after validating a token.
"""

from __future__ import annotations

from typing import Any

from django.test import Client

from magnum_ui.service.models import Cluster, ClusterTemplate


def identity(
    project_id: str = "p-demo", roles: str = "member", user_id: str = "u-demo"
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
