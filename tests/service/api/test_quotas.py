"""``/v1/quotas``: admins manage quotas; a project's readers see their own."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from magnum_ui.service import conf
from magnum_ui.service.models import Quota
from tests.service.api.helpers import ADMIN, READER, detail, get, identity, send

pytestmark = pytest.mark.django_db

AS_ADMIN = identity(project_id="p-admin", roles=ADMIN)


def quota(project_id: str = "p-demo", hard_limit: int = 5) -> Quota:
    return Quota.objects.create(project_id=project_id, resource="Cluster", hard_limit=hard_limit)


def create(client: Client, body: Any, **headers: Any) -> Any:
    return send(client, "POST", "/v1/quotas", body, **{**AS_ADMIN, **headers})


def call(client: Client, method: str, path: str, body: Any = None, **headers: Any) -> Any:
    """``send`` for writes; a plain GET (the test client would put a body in the query)."""
    if method == "GET":
        return get(client, path, **headers)
    return send(client, method, path, body, **headers)


def test_admin_creates_a_quota(client: Client) -> None:
    """POST answers 201 with the quota in magnumclient's attributes."""
    response = create(client, {"project_id": "p-demo", "resource": "Cluster", "hard_limit": 3})
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "project_id", "resource", "hard_limit", "created_at", "updated_at"}
    assert (body["project_id"], body["resource"], body["hard_limit"]) == ("p-demo", "Cluster", 3)
    assert Quota.objects.get(project_id="p-demo").hard_limit == 3


def test_create_defaults_to_cluster_and_one(client: Client) -> None:
    """Without resource and hard_limit, Magnum's defaults apply: Cluster, 1."""
    body = create(client, {"project_id": "p-demo"}).json()
    assert (body["resource"], body["hard_limit"]) == ("Cluster", 1)


def test_create_twice_is_409(client: Client) -> None:
    """A second quota for the same project and resource is a conflict that says what to do."""
    quota()
    response = create(client, {"project_id": "p-demo", "resource": "Cluster", "hard_limit": 3})
    assert response.status_code == 409
    assert "PATCH /v1/quotas/p-demo/Cluster" in detail(response)
    assert Quota.objects.get().hard_limit == 5


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"project_id": "p-demo", "resource": "Pod", "hard_limit": 3}, "resource: 'Pod'"),
        ({"project_id": "p-demo", "hard_limit": 0}, "hard_limit: 0 is less than the minimum"),
        ({"project_id": "p-demo", "hard_limit": "3"}, "hard_limit"),
        ({"project_id": "", "hard_limit": 3}, "project_id"),
        ({"hard_limit": 3}, "'project_id' is a required property"),
        ({"project_id": "p-demo", "id": 4}, "Unknown field(s): id"),
        ([], "is not of type 'object'"),
    ],
)
def test_bad_create_is_400(client: Client, body: Any, fragment: str) -> None:
    """Each bad field is a 400 naming it, and nothing is stored."""
    response = create(client, body)
    assert response.status_code == 400
    assert fragment in detail(response)
    assert not Quota.objects.exists()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/v1/quotas"),
        ("PATCH", "/v1/quotas/p-demo/Cluster"),
        ("DELETE", "/v1/quotas/p-demo/Cluster"),
        ("GET", "/v1/quotas"),
    ],
)
def test_members_cannot_manage_or_list_quotas(client: Client, method: str, path: str) -> None:
    """Creating, changing, deleting and listing quotas is for admins, even in one's own project."""
    quota(hard_limit=5)
    body = {"project_id": "p-demo", "resource": "Cluster", "hard_limit": 50}
    response = call(client, method, path, body)
    assert response.status_code == 403
    assert Quota.objects.get().hard_limit == 5


def test_reader_sees_its_projects_effective_default(client: Client) -> None:
    """Without a quota row, GET reports the configured default (no id), as Magnum."""
    conf.CONF.set_override("max_clusters_per_project", 4, group="quotas")
    try:
        response = get(client, "/v1/quotas/p-demo/Cluster", **identity(roles=READER))
    finally:
        conf.CONF.clear_override("max_clusters_per_project", group="quotas")
    assert response.status_code == 200
    assert response.json() == {"project_id": "p-demo", "resource": "Cluster", "hard_limit": 4}


def test_reader_sees_its_projects_quota(client: Client) -> None:
    """With a quota row, GET reports it with its id."""
    row = quota(hard_limit=9)
    body = get(client, "/v1/quotas/p-demo/Cluster", **identity(roles=READER)).json()
    assert (body["id"], body["hard_limit"]) == (row.id, 9)


def test_another_projects_quota_is_403(client: Client) -> None:
    """A member may not look at another project's quota; an admin may."""
    quota(project_id="p-other", hard_limit=9)
    assert get(client, "/v1/quotas/p-other/Cluster").status_code == 403
    response = get(client, "/v1/quotas/p-other/Cluster", **AS_ADMIN)
    assert response.json()["hard_limit"] == 9


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
def test_unknown_resource_is_400(client: Client, method: str) -> None:
    """Only Cluster has quotas; another resource in the URL is a 400 saying so."""
    response = call(client, method, "/v1/quotas/p-demo/Pod", {"hard_limit": 3}, **AS_ADMIN)
    assert response.status_code == 400
    assert "only for Cluster, not for 'Pod'" in detail(response)


def test_update_as_magnumclient_sends_it(client: Client) -> None:
    """PATCH with the quota document (magnumclient's form) answers 202 with the new limit."""
    quota(hard_limit=5)
    body = {"project_id": "p-demo", "resource": "Cluster", "hard_limit": 8}
    response = send(client, "PATCH", "/v1/quotas/p-demo/Cluster", body, **AS_ADMIN)
    assert response.status_code == 202
    assert response.json()["hard_limit"] == 8
    assert Quota.objects.get().hard_limit == 8


def test_update_with_a_json_patch(client: Client) -> None:
    """An RFC 6902 patch may replace hard_limit, and nothing else."""
    quota(hard_limit=5)
    patch = [{"op": "replace", "path": "/hard_limit", "value": 6}]
    response = send(client, "PATCH", "/v1/quotas/p-demo/Cluster", patch, **AS_ADMIN)
    assert (response.status_code, Quota.objects.get().hard_limit) == (202, 6)
    patch = [{"op": "replace", "path": "/project_id", "value": "p-x"}]
    response = send(client, "PATCH", "/v1/quotas/p-demo/Cluster", patch, **AS_ADMIN)
    assert response.status_code == 400
    assert "'project_id' cannot be changed" in detail(response)
    patch = [{"op": "remove", "path": "/hard_limit"}]
    response = send(client, "PATCH", "/v1/quotas/p-demo/Cluster", patch, **AS_ADMIN)
    assert response.status_code == 400
    assert Quota.objects.get().hard_limit == 6


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"project_id": "p-other", "hard_limit": 8}, "names project_id 'p-other'"),
        ({"hard_limit": -1}, "hard_limit: -1 is less than the minimum"),
        ({"project_id": "p-demo"}, "'hard_limit' is a required property"),
    ],
)
def test_bad_update_is_400(client: Client, body: Any, fragment: str) -> None:
    """A body contradicting the URL, or without a valid hard_limit, changes nothing."""
    quota(hard_limit=5)
    response = send(client, "PATCH", "/v1/quotas/p-demo/Cluster", body, **AS_ADMIN)
    assert response.status_code == 400
    assert fragment in detail(response)
    assert Quota.objects.get().hard_limit == 5


def test_update_or_delete_of_a_missing_quota_is_404(client: Client) -> None:
    """Only a quota that was set can be changed or deleted; the 404 says how to set one."""
    for method in ("PATCH", "DELETE"):
        response = send(client, method, "/v1/quotas/p-demo/Cluster", {"hard_limit": 3}, **AS_ADMIN)
        assert response.status_code == 404
        assert "create one with POST /v1/quotas" in detail(response)


def test_delete_restores_the_default(client: Client) -> None:
    """DELETE answers 204; the project is back at the default limit."""
    quota(hard_limit=50)
    response = send(client, "DELETE", "/v1/quotas/p-demo/Cluster", None, **AS_ADMIN)
    assert (response.status_code, response.content) == (204, b"")
    body = get(client, "/v1/quotas/p-demo/Cluster").json()
    assert body["hard_limit"] == conf.CONF.quotas.max_clusters_per_project


def test_admin_lists_its_project_unless_all_tenants(client: Client) -> None:
    """As in Magnum, an admin's list is its own project's until it asks for all_tenants."""
    quota(project_id="p-admin")
    quota(project_id="p-demo")
    own = get(client, "/v1/quotas", **AS_ADMIN).json()["quotas"]
    assert [q["project_id"] for q in own] == ["p-admin"]
    every = get(client, "/v1/quotas?all_tenants=True", **AS_ADMIN).json()["quotas"]
    assert sorted(q["project_id"] for q in every) == ["p-admin", "p-demo"]


def test_bad_all_tenants_is_400(client: Client) -> None:
    response = get(client, "/v1/quotas?all_tenants=maybe", **AS_ADMIN)
    assert response.status_code == 400
    assert "all_tenants must be true or false" in detail(response)


def test_pagination_by_id_keeps_all_tenants(client: Client) -> None:
    """limit + marker (a quota id) walk every project's quotas once, in id order."""
    rows = [quota(project_id=f"p-{i}") for i in range(5)]
    seen: list[int] = []
    url = "/v1/quotas?all_tenants=1&limit=2"
    while url:
        body = get(client, url, **AS_ADMIN).json()
        seen += [q["id"] for q in body["quotas"]]
        url = body.get("next", "").replace("http://testserver", "")
    assert seen == [row.id for row in rows]


def test_sorting_and_bad_marker(client: Client) -> None:
    """sort_key/sort_dir order the list; a marker that is no quota's id is a 400."""
    for project, limit in (("p-a", 3), ("p-b", 1), ("p-c", 2)):
        quota(project_id=project, hard_limit=limit)
    url = "/v1/quotas?all_tenants=True&sort_key=hard_limit&sort_dir=desc"
    body = get(client, url, **AS_ADMIN).json()
    assert [q["hard_limit"] for q in body["quotas"]] == [3, 2, 1]
    response = get(client, "/v1/quotas?marker=nope", **AS_ADMIN)
    assert response.status_code == 400
