"""The dashboard's client for the service API (python-magnumclient 5.0 over real HTTP).

The service is replaced by :mod:`.fake_service`, a recorded API on loopback;
the whole chain with the real service, Keystone and Heat runs in ``tests/e2e``.
"""

from __future__ import annotations

import io
import socket
import tarfile
import time
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any
from unittest import mock

import pytest
from keystoneauth1 import exceptions as keystone_exceptions
from magnumclient import exceptions as magnum_exceptions

from magnum_ui.dashboard.api import magnum
from tests.dashboard.api import fake_service
from tests.dashboard.api.fake_service import FakeService

UUID = "5d12f6fd-a196-4bf0-ae4c-1f639a523a52"
BAY = {"uuid": UUID, "name": "one", "project_id": "project-1", "status": "CREATE_IN_PROGRESS"}
# What the client asks first: every page (magnum.EVERY_PAGE).
EVERY_PAGE = f"?limit={magnum.EVERY_PAGE}"
OTHER = {"uuid": "other", "name": "theirs", "project_id": "project-2", "status": "CREATE_COMPLETE"}


@pytest.fixture
def fake() -> Iterator[FakeService]:
    with (
        fake_service.running() as service,
        mock.patch.object(magnum.base, "url_for", return_value=service.url),
    ):
        yield service


def test_client_uses_the_users_token_and_the_catalog_endpoint() -> None:
    """The client calls the catalog's container-infra endpoint with the user's own token."""
    request = SimpleNamespace(user=SimpleNamespace(token=SimpleNamespace(id="user-token")))
    with mock.patch.object(magnum.base, "url_for", return_value="http://api:9511/v1") as url_for:
        client = magnum.client(request)
    url_for.assert_called_once_with(request, "container-infra")
    http = client.http_client
    assert http.endpoint_override == "http://api:9511/v1"
    assert http.session.get_token() == "user-token"
    assert http.api_version == "latest"


def test_patch_operations_replace_values_and_remove_nulls() -> None:
    """{field: value|null} becomes RFC 6902 replace (value) and remove (null) operations."""
    assert magnum.patch_operations({"name": "new", "labels": None, "node_count": 0}) == [
        {"op": "remove", "path": "/labels"},
        {"op": "replace", "path": "/name", "value": "new"},
        {"op": "replace", "path": "/node_count", "value": 0},
    ]


def test_every_call_carries_the_users_token_and_a_microversion(fake: FakeService) -> None:
    fake.answer("GET", "/v1/clustertemplates/detail" + EVERY_PAGE, 200, {"clustertemplates": []})
    assert magnum.bay_model_list(fake.request()).items == []
    headers = fake.seen[0].headers
    assert headers["X-Auth-Token"] == "user-token"
    assert headers["OpenStack-API-Version"] == "container-infra latest"


def test_bay_model_update_sends_a_json_patch(fake: FakeService) -> None:
    """Changing a bay model PATCHes RFC 6902 operations and returns the updated model."""
    updated = {"uuid": UUID, "name": "renamed"}
    fake.answer("PATCH", f"/v1/clustertemplates/{UUID}", 200, updated)
    result = magnum.bay_model_update(fake.request(), UUID, {"name": "renamed", "labels": None})
    assert result == updated
    assert fake.seen[0].body == [
        {"op": "remove", "path": "/labels"},
        {"op": "replace", "path": "/name", "value": "renamed"},
    ]


def test_bay_model_create_get_and_delete(fake: FakeService) -> None:
    model = {"uuid": UUID, "name": "m", "coe": "swarm-mode"}
    fake.answer("POST", "/v1/clustertemplates", 201, model)
    fake.answer("GET", f"/v1/clustertemplates/{UUID}", 200, model)
    fake.answer("DELETE", f"/v1/clustertemplates/{UUID}", 204)
    request = fake.request()
    assert magnum.bay_model_create(request, {"name": "m", "coe": "swarm-mode"}) == model
    assert magnum.bay_model_get(request, UUID) == model
    magnum.bay_model_delete(request, UUID)
    assert [(s.method, s.body) for s in fake.seen] == [
        ("POST", {"name": "m", "coe": "swarm-mode"}),
        ("GET", None),
        ("DELETE", None),
    ]


def test_bay_model_create_refuses_an_unknown_field_before_sending(fake: FakeService) -> None:
    with pytest.raises(magnum_exceptions.InvalidAttribute):
        magnum.bay_model_create(fake.request(), {"colour": "red"})
    assert fake.seen == []


def _named(bay: dict[str, Any], name: str | None = None, coe: str | None = None) -> dict[str, Any]:
    """``bay`` as bay_list gives it: with its bay model's name (its id if unreadable) and COE."""
    return {**bay, "bay_model_name": name or bay.get("cluster_template_id"), "coe": coe}


def test_bay_list_is_the_projects_own_bays(fake: FakeService) -> None:
    """The service shows an admin every project's bays; the project list keeps its own."""
    fake.answer("GET", "/v1/clusters/detail" + EVERY_PAGE, 200, {"clusters": [BAY, OTHER]})
    listing = magnum.bay_list(fake.request("project-1"))
    assert (listing.items, listing.more) == ([_named(BAY)], False)


def test_bay_list_of_every_project(fake: FakeService) -> None:
    fake.answer("GET", "/v1/clusters/detail" + EVERY_PAGE, 200, {"clusters": [BAY, OTHER]})
    listing = magnum.bay_list(fake.request("project-1"), all_projects=True)
    assert listing.items == [_named(BAY), _named(OTHER)]


def test_bay_list_follows_every_page(fake: FakeService) -> None:
    """Past the service's page size, the list follows the next links instead of stopping."""
    second = "/v1/clusters/detail?limit=1&marker=b1"
    fake.answer(
        "GET",
        "/v1/clusters/detail" + EVERY_PAGE,
        200,
        {"clusters": [BAY], "next": fake.url + second[3:]},
    )
    fake.answer("GET", second, 200, {"clusters": [OTHER]})
    listing = magnum.bay_list(fake.request("project-1"), all_projects=True)
    assert listing.items == [_named(BAY), _named(OTHER)]


def test_bay_list_first_page_says_whether_there_is_more(fake: FakeService) -> None:
    """With ``first``, one more than asked is read, to know whether there are more."""
    fake.answer("GET", "/v1/clusters/detail?limit=2", 200, {"clusters": [BAY, OTHER]})
    fake.answer("GET", "/v1/clusters/detail?limit=3", 200, {"clusters": [BAY, OTHER]})
    request = fake.request("project-1")
    first = magnum.bay_list(request, all_projects=True, first=1)
    assert (first.items, first.more) == ([_named(BAY)], True)
    every = magnum.bay_list(request, all_projects=True, first=2)
    assert (len(every.items), every.more) == (2, False)


def test_bay_list_names_each_bays_bay_model(fake: FakeService) -> None:
    """A few bay models are read one by one (once each); unreadable ones leave the id."""
    bays = [
        {**BAY, "cluster_template_id": "m1"},
        {**BAY, "uuid": "b2", "cluster_template_id": "m1"},
        {**BAY, "uuid": "b3", "cluster_template_id": "gone"},
    ]
    fake.answer("GET", "/v1/clusters/detail" + EVERY_PAGE, 200, {"clusters": bays})
    fake.answer(
        "GET", "/v1/clustertemplates/m1", 200, {"uuid": "m1", "name": "small", "coe": "swarm-mode"}
    )
    fake.answer(
        "GET",
        "/v1/clustertemplates/gone",
        404,
        {"errors": [{"status": 404, "title": "Not Found", "detail": "gone"}]},
    )
    listing = magnum.bay_list(fake.request("project-1"))
    assert [(b["bay_model_name"], b["coe"]) for b in listing.items] == [
        ("small", "swarm-mode"),
        ("small", "swarm-mode"),
        ("gone", None),
    ]
    assert sorted(s.path for s in fake.seen if "clustertemplates" in s.path) == [
        "/v1/clustertemplates/gone",
        "/v1/clustertemplates/m1",
    ]


def test_bay_list_of_many_bay_models_lists_them_once(fake: FakeService) -> None:
    """Past a few bay models, they are listed once instead of read one by one."""
    bays = [{**BAY, "uuid": f"b{n}", "cluster_template_id": f"m{n}"} for n in range(8)]
    models = [{"uuid": f"m{n}", "name": f"model-{n}", "coe": "swarm-mode"} for n in range(7)]
    fake.answer("GET", "/v1/clusters/detail" + EVERY_PAGE, 200, {"clusters": bays})
    fake.answer(
        "GET", "/v1/clustertemplates/detail" + EVERY_PAGE, 200, {"clustertemplates": models}
    )
    listing = magnum.bay_list(fake.request("project-1"))
    assert [b["bay_model_name"] for b in listing.items] == [f"model-{n}" for n in range(7)] + ["m7"]
    assert len(fake.seen) == 2


def test_bay_model_list_first_page(fake: FakeService) -> None:
    """The first page is asked in the table's order, one more than shown to know of more."""
    models = [{"uuid": "m1"}, {"uuid": "m2"}]
    page = "/v1/clustertemplates/detail?limit=2&sort_key=name"
    fake.answer("GET", page, 200, {"clustertemplates": models})
    listing = magnum.bay_model_list(fake.request(), first=1, sort_key="name")
    assert (listing.items, listing.more) == ([{"uuid": "m1"}], True)


def test_a_list_with_a_timeout_waits_no_longer_for_the_service() -> None:
    """A service that takes the connection and never answers: a timeout error, in time."""
    request = SimpleNamespace(
        user=SimpleNamespace(token=SimpleNamespace(id="user-token"), project_id="project-1")
    )
    with socket.create_server(("127.0.0.1", 0)) as silent:
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/v1"
        with mock.patch.object(magnum.base, "url_for", return_value=url):
            for list_function in (magnum.bay_model_list, magnum.bay_list):
                started = time.monotonic()
                with pytest.raises(keystone_exceptions.ConnectTimeout):
                    list_function(request, first=20, sort_key="name", timeout=0.2)
                assert time.monotonic() - started < 2


def test_bay_model_list_follows_every_page(fake: FakeService) -> None:
    second = "/v1/clustertemplates/detail?limit=1&marker=m1"
    first = {"clustertemplates": [{"uuid": "m1"}], "next": fake.url + second[3:]}
    fake.answer("GET", "/v1/clustertemplates/detail" + EVERY_PAGE, 200, first)
    fake.answer("GET", second, 200, {"clustertemplates": [{"uuid": "m2"}]})
    assert [m["uuid"] for m in magnum.bay_model_list(fake.request()).items] == ["m1", "m2"]


def test_bay_create_returns_the_whole_bay(fake: FakeService) -> None:
    """The service answers a create with its uuid only; the client reads the bay after."""
    fake.answer("POST", "/v1/clusters", 202, {"uuid": UUID})
    fake.answer("GET", f"/v1/clusters/{UUID}", 200, BAY)
    created = magnum.bay_create(fake.request(), {"cluster_template_id": "m", "node_count": 2})
    assert created == BAY
    assert fake.seen[0].body == {"cluster_template_id": "m", "node_count": 2}


def test_bay_update_patches_then_reads(fake: FakeService) -> None:
    fake.answer("PATCH", f"/v1/clusters/{UUID}", 202, {"uuid": UUID})
    fake.answer("GET", f"/v1/clusters/{UUID}", 200, BAY)
    assert magnum.bay_update(fake.request(), UUID, {"node_count": 3}) == BAY
    assert fake.seen[0].body == [{"op": "replace", "path": "/node_count", "value": 3}]


def test_bay_resize_and_upgrade_post_the_actions(fake: FakeService) -> None:
    """Resize and upgrade POST Magnum's action bodies and return the bay."""
    fake.answer("POST", f"/v1/clusters/{UUID}/actions/resize", 202, {"uuid": UUID})
    fake.answer("POST", f"/v1/clusters/{UUID}/actions/upgrade", 202, {"uuid": UUID})
    fake.answer("GET", f"/v1/clusters/{UUID}", 200, BAY)
    request = fake.request()
    assert magnum.bay_resize(request, UUID, 1, ["node-1"], "default-worker") == BAY
    assert magnum.bay_upgrade(request, UUID, "m-2") == BAY
    posted = [s.body for s in fake.seen if s.method == "POST"]
    assert posted == [
        {"node_count": 1, "nodes_to_remove": ["node-1"], "nodegroup": "default-worker"},
        {"cluster_template": "m-2", "max_batch_size": 1},
    ]


def test_bay_delete(fake: FakeService) -> None:
    fake.answer("DELETE", f"/v1/clusters/{UUID}", 204)
    magnum.bay_delete(fake.request(), UUID)
    assert [(s.method, s.path) for s in fake.seen] == [("DELETE", f"/v1/clusters/{UUID}")]


def test_bay_progress_reads_the_services_route(fake: FakeService) -> None:
    """Progress (a route magnumclient lacks) is read with the client's own session."""
    progress: dict[str, object] = {
        "stack_status": None,
        "percent": 0,
        "resources": [],
        "events": [],
    }
    fake.answer("GET", f"/v1/clusters/{UUID}/progress", 200, progress)
    assert magnum.bay_progress(fake.request(), UUID) == progress
    assert fake.seen[0].headers["X-Auth-Token"] == "user-token"


def test_bay_registry_reads_the_services_route(fake: FakeService) -> None:
    """The bay's registry document (a route magnumclient lacks), with the user's token."""
    registry: dict[str, object] = {"address": None, "namespace": None, "commands": []}
    fake.answer("GET", f"/v1/clusters/{UUID}/registry", 200, registry)
    assert magnum.bay_registry(fake.request(), UUID) == registry
    assert fake.seen[0].headers["X-Auth-Token"] == "user-token"


def test_a_service_error_is_raised_with_its_status_and_detail(fake: FakeService) -> None:
    error = {"errors": [{"status": 503, "title": "Heat is down", "detail": "Heat is down."}]}
    fake.answer("GET", f"/v1/clusters/{UUID}/progress", 503, error)
    with pytest.raises(magnum_exceptions.HttpError) as raised:
        magnum.bay_progress(fake.request(), UUID)
    assert raised.value.http_status == 503
    assert raised.value.details == "Heat is down."


def test_nodegroup_list_reads_every_page_of_details(fake: FakeService) -> None:
    """The bay's node groups, detailed, following the service's next links."""
    groups = [{"uuid": "g", "name": "default-worker", "role": "worker", "node_count": 2}]
    more = [{"uuid": "h", "name": "extra", "role": "worker", "node_count": 1}]
    base = f"/v1/clusters/{UUID}/nodegroups/detail"
    second = f"{base}?limit=1&marker=g"
    first = {"nodegroups": groups, "next": fake.url + second[3:]}
    fake.answer("GET", base + EVERY_PAGE, 200, first)
    fake.answer("GET", second, 200, {"nodegroups": more})
    assert magnum.nodegroup_list(fake.request(), UUID) == groups + more


def test_nodegroup_get_create_update_and_delete(fake: FakeService) -> None:
    """One group: read it, add one, patch its bounds (null removes), remove one."""
    group = {"uuid": "g", "name": "extra", "role": "worker", "node_count": 1}
    base = f"/v1/clusters/{UUID}/nodegroups"
    fake.answer("GET", f"{base}/extra", 200, group)
    fake.answer("POST", f"{base}/", 202, {**group, "status": "CREATE_IN_PROGRESS"})
    fake.answer("PATCH", f"{base}/extra", 202, {**group, "min_node_count": 1})
    fake.answer("DELETE", f"{base}/extra", 204)
    request = fake.request()
    assert magnum.nodegroup_get(request, UUID, "extra") == group
    created = magnum.nodegroup_create(request, UUID, {"name": "extra", "node_count": 1})
    assert created["status"] == "CREATE_IN_PROGRESS"
    changes = {"min_node_count": 1, "max_node_count": None}
    assert magnum.nodegroup_update(request, UUID, "extra", changes)["min_node_count"] == 1
    magnum.nodegroup_delete(request, UUID, "extra")
    assert fake.seen[1].body == {"name": "extra", "node_count": 1}
    assert fake.seen[2].body == [
        {"op": "remove", "path": "/max_node_count"},
        {"op": "replace", "path": "/min_node_count", "value": 1},
    ]
    assert (fake.seen[3].method, fake.seen[3].path) == ("DELETE", f"{base}/extra")


def test_certificates_show_sign_and_rotate(fake: FakeService) -> None:
    """The CA, a signed CSR and a CA rotation go through /v1/certificates."""
    fake.answer("GET", f"/v1/certificates/{UUID}", 200, {"cluster_uuid": UUID, "pem": "CA"})
    fake.answer("POST", "/v1/certificates", 201, {"cluster_uuid": UUID, "pem": "SIGNED"})
    fake.answer("PATCH", f"/v1/certificates/{UUID}", 202)
    request = fake.request()
    assert magnum.bay_certificate(request, UUID) == {"pem": "CA"}
    assert magnum.bay_certificate_sign(request, UUID, "CSR") == {"pem": "SIGNED"}
    magnum.bay_certificate_rotate(request, UUID)
    assert fake.seen[1].body == {"cluster_uuid": UUID, "csr": "CSR"}
    assert (fake.seen[2].method, fake.seen[2].path) == ("PATCH", f"/v1/certificates/{UUID}")


def test_config_archive_packs_the_files_in_one_folder(fake: FakeService) -> None:
    """The configuration is a tar.gz of one folder named after the bay; the key is owner-only."""
    files = {"ca.pem": "CA", "cert.pem": "CERT", "key.pem": "KEY", "env.sh": "export X=1\n"}
    config = {"cluster_uuid": UUID, "coe": "swarm-mode", "files": files}
    fake.answer("GET", f"/v1/clusters/{UUID}/config", 200, config)
    fake.answer("GET", f"/v1/clusters/{UUID}", 200, BAY)
    name, data = magnum.bay_config_archive(fake.request(), UUID)
    assert name == "one-config.tar.gz"
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        members = {m.name: m for m in archive.getmembers()}
        assert sorted(members) == sorted(f"one-config/{n}" for n in files)
        key = members["one-config/key.pem"]
        assert key.mode == 0o600
        assert members["one-config/env.sh"].mode == 0o644
        extracted = archive.extractfile(key)
        assert extracted is not None
        assert extracted.read() == b"KEY"


def test_config_archive_names_cannot_climb_out_of_the_folder(fake: FakeService) -> None:
    """A file name with slashes or dots stays inside the archive's folder."""
    config = {"cluster_uuid": UUID, "coe": "kubernetes", "files": {"../../etc/x": "no"}}
    fake.answer("GET", "/v1/clusters/a/config", 200, config)
    fake.answer("GET", "/v1/clusters/a", 200, {**BAY, "name": "../up"})
    _name, data = magnum.bay_config_archive(fake.request(), "a")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        assert archive.getnames() == ["_up-config/_.._etc_x"]


def test_config_archive_of_a_bay_without_a_name_is_named_after_its_uuid(
    fake: FakeService,
) -> None:
    """A bay with no name gives its UUID to the archive and its folder."""
    fake.answer("GET", f"/v1/clusters/{UUID}/config", 200, {"files": {"ca.pem": "CA"}})
    fake.answer("GET", f"/v1/clusters/{UUID}", 200, {**BAY, "name": None})
    name, _data = magnum.bay_config_archive(fake.request(), UUID)
    assert name == f"{UUID}-config.tar.gz"


def test_quotas(fake: FakeService) -> None:
    """Quotas: every project's list, one quota, create, a JSON-patch update, delete."""
    quota = {"id": 1, "project_id": "p-2", "resource": "Cluster", "hard_limit": 3}
    fake.answer("GET", f"/v1/quotas{EVERY_PAGE}&all_tenants=True", 200, {"quotas": [quota]})
    fake.answer("GET", "/v1/quotas/p-2/Cluster", 200, quota)
    fake.answer("POST", "/v1/quotas", 201, quota)
    fake.answer("PATCH", "/v1/quotas/p-2/Cluster", 202, {**quota, "hard_limit": 5})
    fake.answer("DELETE", "/v1/quotas/p-2/Cluster", 204)
    request = fake.request()
    assert magnum.quota_list(request).items == [quota]
    assert magnum.quota_get(request, "p-2", "Cluster") == quota
    assert magnum.quota_create(request, {"project_id": "p-2", "hard_limit": 3}) == quota
    assert magnum.quota_update(request, "p-2", "Cluster", {"hard_limit": 5})["hard_limit"] == 5
    magnum.quota_delete(request, "p-2", "Cluster")
    assert fake.seen[3].body == [{"op": "replace", "path": "/hard_limit", "value": 5}]
    assert fake.seen[4].method == "DELETE"


def test_service_list(fake: FakeService) -> None:
    services = [{"id": 1, "binary": "magnum-conductor", "state": "up"}]
    fake.answer("GET", "/v1/mservices/" + EVERY_PAGE, 200, {"mservices": services})
    assert magnum.service_list(fake.request()).items == services


def test_stats_give_bays_nodes_and_the_projects_quota(fake: FakeService) -> None:
    """Stats are the project's counts and its bay quota with the bays in use."""
    fake.answer("GET", "/v1/stats?project_id=project-1", 200, {"clusters": 2, "nodes": 5})
    quota = {"project_id": "project-1", "resource": "Cluster", "hard_limit": 3}
    fake.answer("GET", "/v1/quotas/project-1/Cluster", 200, quota)
    assert magnum.stats(fake.request()) == {
        "bays": 2,
        "nodes": 5,
        "quota": {"hard_limit": 3, "in_use": 2},
    }


def test_stats_without_the_right_to_read_the_quota(fake: FakeService) -> None:
    """A user whom policy refuses the quota still sees the counts; the quota is null."""
    fake.answer("GET", "/v1/stats?project_id=project-1", 200, {"clusters": 0, "nodes": 0})
    refused = {"errors": [{"status": 403, "title": "Policy", "detail": "Policy doesn't allow"}]}
    fake.answer("GET", "/v1/quotas/project-1/Cluster", 403, refused)
    assert magnum.stats(fake.request()) == {"bays": 0, "nodes": 0, "quota": None}
