"""``/v1/stats``: clusters and nodes of a project, or of the whole cloud for admins."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.service.api.helpers import ADMIN, READER, cluster, detail, get, identity, template

pytestmark = pytest.mark.django_db

V14 = {"HTTP_OPENSTACK_API_VERSION": "container-infra 1.4"}


def stats(client: Client, query: str = "", **headers: Any) -> Any:
    return get(client, f"/v1/stats{query}", **{**V14, **headers})


@pytest.fixture
def two_projects() -> None:
    """p-demo: 2 clusters, 3+1 and 2+3 nodes; p-other: 1 cluster, 1+1 nodes."""
    mine = template()
    cluster("a", mine, node_count=3, master_count=1)
    cluster("b", mine, node_count=2, master_count=3)
    cluster("c", template("t2", project_id="p-other"), project_id="p-other")


@pytest.mark.usefixtures("two_projects")
def test_reader_sees_its_own_project() -> None:
    """Without project_id a reader gets its project's totals, masters counted as nodes."""
    client = Client()
    response = stats(client, **identity(roles=READER))
    assert response.status_code == 200
    assert response.json() == {"clusters": 2, "nodes": 9}
    assert stats(client, "?project_id=p-demo").json() == {"clusters": 2, "nodes": 9}


@pytest.mark.usefixtures("two_projects")
def test_another_project_is_403_for_non_admins(client: Client) -> None:
    """A member asking for another project's stats is refused, as in Magnum."""
    response = stats(client, "?project_id=p-other")
    assert response.status_code == 403
    assert "stats:get_all" in detail(response)


@pytest.mark.usefixtures("two_projects")
def test_admin_sees_all_or_one_project(client: Client) -> None:
    """An admin gets every project's totals, or one project's with project_id."""
    admin = identity(project_id="p-admin", roles=ADMIN)
    assert stats(client, **admin).json() == {"clusters": 3, "nodes": 11}
    assert stats(client, "?project_id=p-other", **admin).json() == {"clusters": 1, "nodes": 2}


def test_empty_project_is_zeroes(client: Client) -> None:
    """A project without clusters reads 0 and 0, not null."""
    assert stats(client).json() == {"clusters": 0, "nodes": 0}


def test_needs_a_role_in_the_project(client: Client) -> None:
    """A token without reader, member or admin role gets 403."""
    assert stats(client, **identity(roles="heat_stack_user")).status_code == 403


def test_unknown_type_is_400(client: Client) -> None:
    response = stats(client, "?type=pods")
    assert response.status_code == 400
    assert "type 'pods'" in detail(response)


def test_needs_microversion_1_4(client: Client) -> None:
    """Stats appeared in 1.4; an older microversion does not see them."""
    response = get(client, "/v1/stats", HTTP_OPENSTACK_API_VERSION="container-infra 1.3")
    assert response.status_code == 404
    assert "1.4" in detail(response)


def test_query_count_does_not_grow_with_clusters(client: Client) -> None:
    """Totals are aggregates: one query whether there is one cluster or many."""
    tmpl = template()
    cluster("first", tmpl)
    with CaptureQueriesContext(connection) as few:
        stats(client)
    for i in range(10):
        cluster(f"c{i}", tmpl)
    with CaptureQueriesContext(connection) as many:
        body = stats(client).json()
    assert body["clusters"] == 11
    assert len(many) == len(few) == 1
