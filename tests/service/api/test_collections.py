"""Listing cluster templates and clusters: authentication, scoping, pagination."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.service.api.helpers import cluster, get, identity, template

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/v1/clusters", "/v1/clustertemplates", "/v1/bays"])
def test_collections_need_a_confirmed_token(client: Client, path: str) -> None:
    """Without an identity keystonemiddleware confirmed, the answer is 401 in Magnum's body."""
    response = client.get(path, HTTP_X_IDENTITY_STATUS="Invalid")
    assert response.status_code == 401
    assert response.json()["errors"][0]["title"].startswith("Authentication required")


def test_empty_collections(client: Client) -> None:
    """A new project sees empty lists (what the dashboard shows on first login)."""
    assert get(client, "/v1/clusters").json() == {"clusters": []}
    assert get(client, "/v1/clustertemplates").json() == {"clustertemplates": []}


def test_clusters_are_scoped_to_the_project(client: Client) -> None:
    """Another project's cluster never appears in a list."""
    mine = template("mine")
    cluster("ours", mine)
    theirs = template("theirs", project_id="p-other")
    cluster("theirs", theirs, project_id="p-other")
    names = [c["name"] for c in get(client, "/v1/clusters").json()["clusters"]]
    assert names == ["ours"]


def test_public_templates_are_visible_to_every_project(client: Client) -> None:
    template("private-other", project_id="p-other")
    template("public-other", project_id="p-other", public=True)
    template("mine")
    body = get(client, "/v1/clustertemplates").json()
    assert sorted(t["name"] for t in body["clustertemplates"]) == ["mine", "public-other"]


def test_list_is_a_summary_and_detail_is_complete(client: Client) -> None:
    """/clusters omits status_reason and addresses; /clusters/detail has them."""
    cluster("c1", template(), status_reason="all good")
    summary = get(client, "/v1/clusters").json()["clusters"][0]
    detail = get(client, "/v1/clusters/detail").json()["clusters"][0]
    assert "status_reason" not in summary
    assert detail["status_reason"] == "all good"
    assert summary["links"][0]["href"].endswith(f"/v1/clusters/{summary['uuid']}")


def test_seed_era_names_on_bays(client: Client) -> None:
    """/v1/bays calls the template baymodel_id and the timeout bay_create_timeout."""
    tmpl = template()
    cluster("b1", tmpl, create_timeout=60)
    bay = get(client, "/v1/bays").json()["bays"][0]
    assert bay["baymodel_id"] == tmpl.uuid
    assert bay["bay_create_timeout"] == 60
    assert "cluster_template_id" not in bay


def test_pagination_follows_next_links(client: Client) -> None:
    """limit + marker walk the whole list once, in order, with a next link per full page."""
    tmpl = template()
    for i in range(5):
        cluster(f"c{i}", tmpl)
    seen = []
    url = "/v1/clusters?limit=2"
    while url:
        body = get(client, url).json()
        seen += [c["name"] for c in body["clusters"]]
        url = body.get("next", "").replace("http://testserver", "")
    assert seen == ["c0", "c1", "c2", "c3", "c4"]


def test_sort_by_name_descending(client: Client) -> None:
    tmpl = template()
    for name in ("b", "c", "a"):
        cluster(name, tmpl)
    body = get(client, "/v1/clusters?sort_key=name&sort_dir=desc").json()
    assert [c["name"] for c in body["clusters"]] == ["c", "b", "a"]


def test_names_sort_regardless_of_case_and_page_in_that_order(client: Client) -> None:
    """sort_key=name orders "alpha", "Beta", "gamma" (as the dashboard's tables do), and
    limit + marker walk that order."""
    tmpl = template()
    for name in ("gamma", "Beta", "alpha", "beta"):
        cluster(name, tmpl)
    seen = []
    url = "/v1/clusters?sort_key=name&limit=1"
    while url:
        body = get(client, url).json()
        seen += [c["name"] for c in body["clusters"]]
        url = body.get("next", "").replace("http://testserver", "")
    assert seen == ["alpha", "Beta", "beta", "gamma"]
    body = get(client, "/v1/clusters?sort_key=name&sort_dir=desc").json()
    assert [c["name"] for c in body["clusters"]] == ["gamma", "beta", "Beta", "alpha"]


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("limit=0", "positive"),
        ("limit=x", "integer"),
        ("sort_key=password", "sort_key"),
        ("sort_dir=up", "sort_dir"),
        ("marker=not-a-uuid", "marker"),
    ],
)
def test_bad_paging_is_400(client: Client, query: str, fragment: str) -> None:
    response = get(client, f"/v1/clusters?{query}")
    assert response.status_code == 400
    assert fragment in response.json()["errors"][0]["detail"]


def test_listing_many_clusters_uses_constant_queries(client: Client) -> None:
    """Listing costs the same number of queries for 3 clusters as for 60."""
    tmpl = template()

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert get(client, "/v1/clusters/detail").status_code == 200
        return len(queries)

    for i in range(3):
        cluster(f"a{i}", tmpl)
    few = count()
    for i in range(57):
        cluster(f"b{i}", tmpl)
    assert count() == few


def test_unknown_route_is_404_in_magnum_body(client: Client) -> None:
    response = client.get("/v1/nothing-here", **identity())
    assert response.status_code == 404
    assert response.json()["errors"][0]["status"] == 404


def test_wrong_method_is_405(client: Client) -> None:
    response = client.put("/v1/clusters", **identity())
    assert response.status_code == 405
    assert response["Allow"] == "GET, POST"
