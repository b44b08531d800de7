"""The OpenAPI description: complete, valid, current, and true to real responses."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.test import Client
from django.urls import URLPattern
from jsonschema import Draft202012Validator

from magnum_ui.docs import openapi
from magnum_ui.service import conf, nodegroup_state
from magnum_ui.service.api import urls
from magnum_ui.service.models import ConductorService, Quota
from tests.service.api.helpers import ADMIN, cluster, identity, template

DOCUMENT_FILE = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.json"
METHODS = ("get", "post", "put", "patch", "delete")
LATEST = {"HTTP_OPENSTACK_API_VERSION": "container-infra latest"}
AS_ADMIN = identity(project_id="p-admin", roles=ADMIN)


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return openapi.build()


def _template(pattern: URLPattern) -> str:
    """``^v1/clusters/(?P<ident>[^/]+)/?$`` -> ``/v1/clusters/{ident}``."""
    body = str(pattern.pattern).removeprefix("^").removesuffix("$").removesuffix("/?")
    body = re.sub(r"\(\?P<(\w+)>\[\^/\]\+\)", r"{\1}", body)
    assert not re.search(r"[()\[\]?*+^$\\]", body), f"cannot describe route {pattern.pattern}"
    return "/" + body


def _routed_methods(client: Client, path: str) -> set[str]:
    """What a route answers, from the Allow header of its 405 to an OPTIONS request."""
    concrete = re.sub(r"\{\w+\}", "x", path)
    response = client.options(concrete, **AS_ADMIN)
    assert response.status_code == 405, f"OPTIONS {concrete}: {response.status_code}"
    return {m.strip().lower() for m in response["Allow"].split(",")}


def _routes() -> dict[str, URLPattern]:
    return {_template(p): p for p in urls.urlpatterns if isinstance(p, URLPattern)}


def test_every_route_is_described_with_each_method(client: Client, document: Any) -> None:
    """Each route of urls.urlpatterns appears in paths, with exactly the methods it answers."""
    paths = document["paths"]
    for path in _routes():
        assert path in paths, f"{path} is routed but not described"
        described = {m for m in paths[path] if m in METHODS}
        assert described == _routed_methods(client, path), path


def test_every_described_path_is_routed(document: Any) -> None:
    """No path in the document is missing from urls.urlpatterns."""
    assert set(document["paths"]) - set(_routes()) == set()


def test_document_validates_against_the_openapi_3_1_meta_schema(document: Any) -> None:
    """The document is valid OpenAPI 3.1 (the OAS meta-schema that schemathesis ships)."""
    from schemathesis.specs.openapi.definitions import OPENAPI_31

    errors = sorted(Draft202012Validator(OPENAPI_31).iter_errors(document), key=str)
    assert [e.message for e in errors] == []


def test_every_schema_is_valid_json_schema_2020_12(document: Any) -> None:
    """Components and inline request/response schemas are themselves valid JSON Schemas."""
    for name, schema in document["components"]["schemas"].items():
        Draft202012Validator.check_schema(schema)
        assert name.isidentifier()
    for _, _, operation in _operations(document):
        for media in _media(operation):
            Draft202012Validator.check_schema(media["schema"])


def test_every_reference_resolves(document: Any) -> None:
    """Each $ref points at something the document defines."""
    refs = re.findall(r'"\$ref": "#/([^"]+)"', json.dumps(document))
    assert refs
    for target in refs:
        node = document
        for part in target.split("/"):
            assert part in node, f"#/{target} does not resolve"
            node = node[part]


def test_operations_are_named_once_and_declare_their_path_parameters(document: Any) -> None:
    """operationIds are unique; every {name} in a path is a required path parameter."""
    ids = [op["operationId"] for _, _, op in _operations(document)]
    assert len(ids) == len(set(ids))
    for path, _, operation in _operations(document):
        declared = {p["name"] for p in operation["parameters"] if p.get("in") == "path"}
        assert declared == set(re.findall(r"\{(\w+)\}", path)), path
        assert all(p["required"] for p in operation["parameters"] if p.get("in") == "path")


def test_version_documents_are_public_and_the_rest_need_a_token(document: Any) -> None:
    """Only / and /v1 opt out of the document-wide X-Auth-Token requirement."""
    public = {path for path, _, op in _operations(document) if op.get("security") == []}
    assert public == {"/", "/v1"}
    assert document["security"] == [{"keystone": []}]


def test_the_committed_file_is_what_the_code_generates() -> None:
    """docs/api/openapi.json is what ``python -m magnum_ui.docs.openapi`` prints."""
    assert DOCUMENT_FILE.read_text() == openapi.render(), (
        "regenerate: python -m magnum_ui.docs.openapi > docs/api/openapi.json"
    )


@pytest.fixture
def world(db: None) -> Iterator[dict[str, str]]:
    """One of everything the API can show, in project p-demo."""
    conf.CONF.set_override("encryption_key", Fernet.generate_key().decode(), group="crypto")
    tmpl = template(labels={"kube_tag": "v1.28"}, image_id="fcos", flavor_id="m1.small")
    bay = cluster("c1", tmpl, labels={"a": "b"}, master_addresses=["10.0.0.1"])
    nodegroup_state.create_defaults(bay)
    Quota.objects.create(project_id="p-demo", resource="Cluster", hard_limit=5)
    ConductorService.objects.create(host="conductor-1")
    yield {"template": tmpl.uuid, "cluster": bay.uuid}
    conf.CONF.clear_override("encryption_key", group="crypto")


READS = [
    ("/", "get", "/"),
    ("/v1", "get", "/v1"),
    ("/v1/clustertemplates", "get", "/v1/clustertemplates"),
    ("/v1/clustertemplates/detail", "get", "/v1/clustertemplates/detail"),
    ("/v1/clustertemplates/{template}", "get", "/v1/clustertemplates/{ident}"),
    ("/v1/baymodels/{template}", "get", "/v1/baymodels/{ident}"),
    ("/v1/baymodels", "get", "/v1/baymodels"),
    ("/v1/clusters", "get", "/v1/clusters"),
    ("/v1/clusters/detail", "get", "/v1/clusters/detail"),
    ("/v1/clusters/{cluster}", "get", "/v1/clusters/{ident}"),
    ("/v1/bays", "get", "/v1/bays"),
    ("/v1/bays/{cluster}", "get", "/v1/bays/{ident}"),
    ("/v1/clusters/{cluster}/nodegroups", "get", "/v1/clusters/{cluster_ident}/nodegroups"),
    (
        "/v1/clusters/{cluster}/nodegroups/detail",
        "get",
        "/v1/clusters/{cluster_ident}/nodegroups/detail",
    ),
    (
        "/v1/clusters/{cluster}/nodegroups/default-worker",
        "get",
        "/v1/clusters/{cluster_ident}/nodegroups/{ident}",
    ),
    ("/v1/certificates/{cluster}", "get", "/v1/certificates/{ident}"),
    ("/v1/quotas", "get", "/v1/quotas"),
    ("/v1/quotas/p-demo/Cluster", "get", "/v1/quotas/{project_id}/{resource}"),
    ("/v1/quotas/p-none/Cluster", "get", "/v1/quotas/{project_id}/{resource}"),
    ("/v1/stats", "get", "/v1/stats"),
    ("/v1/mservices", "get", "/v1/mservices"),
]


@pytest.mark.parametrize(("url", "method", "described"), READS)
def test_real_responses_match_their_description(
    client: Client, document: Any, world: dict[str, str], url: str, method: str, described: str
) -> None:
    """What the API answers validates against the response schema the document gives."""
    # Quotas and conductors are the operator's business.
    headers = AS_ADMIN if "mservices" in url or "quotas" in url else identity()
    response = client.get(url.format(**world), **headers, **LATEST)
    operation = document["paths"][described][method]
    assert str(response.status_code) in operation["responses"], response.content
    schema = operation["responses"][str(response.status_code)]["content"]["application/json"]
    errors = list(_validator(document, schema["schema"]).iter_errors(response.json()))
    assert [f"{list(e.absolute_path)}: {e.message}" for e in errors] == []


def test_an_error_matches_the_described_error_body(client: Client, document: Any, db: None) -> None:
    """Magnum's error body validates against the Error schema every 4XX response names."""
    response = client.get("/v1/clusters/nope", **identity())
    assert response.status_code == 404
    schema = document["components"]["responses"]["Error"]["content"]["application/json"]
    assert list(_validator(document, schema["schema"]).iter_errors(response.json())) == []


def _validator(document: Any, schema: dict[str, Any]) -> Draft202012Validator:
    # The components travel with the schema so that its "#/components/..." refs resolve.
    return Draft202012Validator({**schema, "components": document["components"]})


def _operations(document: Any) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def _media(operation: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if "requestBody" in operation:
        yield from operation["requestBody"]["content"].values()
    for response in operation["responses"].values():
        yield from response.get("content", {}).values()
