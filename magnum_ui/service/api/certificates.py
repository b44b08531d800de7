"""``/v1/certificates``: a cluster's CA certificate, signing CSRs, rotating the CA.

As Magnum serves it to python-magnumclient and openstacksdk:

* ``GET /v1/certificates/{cluster}`` answers ``{"cluster_uuid", "pem", "links"}``.
* ``POST /v1/certificates`` takes ``{"cluster_uuid", "csr"}`` (the seed-era
  ``bay_uuid`` too) and answers 201 with the signed ``pem`` added.  An unknown
  cluster is a 400 there, as in Magnum: the cluster is a field of the body.
* ``PATCH /v1/certificates/{cluster}`` (no body) replaces the CA and answers
  202 with ``{"uuid"}`` of the cluster.  Rotation arrived with microversion
  1.5, but Magnum serves it at every version, and magnumclient's Python API
  sends no version header unless asked to, so it is not gated here either.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.urls import re_path

from magnum_ui.service import certificates, clusters, errors, policies, schemas, scoping
from magnum_ui.service.api import bodies, collections, context
from magnum_ui.service.api.declarations import LINKS, STR, Documented, Operation, obj, query, ref
from magnum_ui.service.api.routing import methods
from magnum_ui.service.models import Cluster

# The only CA a cluster has here; Magnum's Kubernetes drivers also keep an
# etcd and a front-proxy CA, which clients ask for by name.
CA_CERT_TYPE = "kubernetes"

# What a client may send to have a CSR signed; also the OpenAPI request schema.
CREATE_SCHEMA = schemas.body(
    ["csr"],
    cluster_uuid=schemas.IDENT_OR_NULL,
    bay_uuid=schemas.IDENT_OR_NULL,
    csr={"type": "string", "minLength": 1, "maxLength": 65536},
    ca_cert_type=schemas.STRING_OR_NULL,
)


def show(request: HttpRequest, ident: str) -> JsonResponse:
    cluster = clusters.find(context.get(request), ident, "certificate:get")
    _check_ca_cert_type(request.GET.get("ca_cert_type"))
    ca = certificates.ensure_ca(cluster)
    return JsonResponse(
        {"cluster_uuid": cluster.uuid, "pem": ca.cert_pem, "links": _links(request, cluster)}
    )


def sign(request: HttpRequest) -> JsonResponse:
    ctx = context.get(request)
    fields = schemas.validate(bodies.json_body(request), CREATE_SCHEMA)
    key, ident = _cluster_field(fields)
    try:
        cluster = scoping.find_cluster(context.get(request), ident)
    except errors.NotFound as exc:
        # As in Magnum: the URL exists, the body names a cluster that does not.
        raise errors.Invalid(exc.detail) from None
    policies.authorize(ctx, "certificate:create", clusters.target(cluster))
    _check_ca_cert_type(fields.get("ca_cert_type"))
    try:
        pem = certificates.sign_csr(cluster, fields["csr"])
    except certificates.InvalidCSR as exc:
        raise errors.Invalid(str(exc)) from None
    body: dict[str, Any] = {"cluster_uuid": cluster.uuid}
    if key == "bay_uuid":
        # A seed-era client reads the cluster back under the name it sent.
        body["bay_uuid"] = cluster.uuid
    body.update(csr=fields["csr"], pem=pem, links=_links(request, cluster))
    return JsonResponse(body, status=201)


def rotate(request: HttpRequest, ident: str) -> JsonResponse:
    cluster = certificates.start_rotation(context.get(request), ident)
    return JsonResponse({"uuid": cluster.uuid}, status=202)


def _cluster_field(fields: dict[str, Any]) -> tuple[str, str]:
    """Which key named the cluster (``cluster_uuid`` or the seed-era ``bay_uuid``) and its value."""
    current, seed_era = fields.get("cluster_uuid"), fields.get("bay_uuid")
    if current and seed_era and current != seed_era:
        raise errors.Invalid(
            "cluster_uuid and bay_uuid name different clusters; send only cluster_uuid."
        )
    if current:
        return "cluster_uuid", current
    if seed_era:
        return "bay_uuid", seed_era
    raise errors.Invalid("cluster_uuid is required: the uuid or name of the cluster to sign for.")


def _check_ca_cert_type(value: str | None) -> None:
    if value and value != CA_CERT_TYPE:
        raise errors.Invalid(
            f"ca_cert_type {value!r} is not available: each cluster here has a single CA, "
            f"{CA_CERT_TYPE!r}; leave ca_cert_type out or use that.",
        )


def _links(request: HttpRequest, cluster: Cluster) -> list[dict[str, str]]:
    return collections.link(request, f"certificates/{cluster.uuid}")


ROUTES = [
    re_path(r"^v1/certificates/?$", methods(POST=sign)),
    re_path(r"^v1/certificates/(?P<ident>[^/]+)/?$", methods(GET=show, PATCH=rotate)),
]


CERTIFICATE = obj(
    ["cluster_uuid", "pem", "links"], cluster_uuid=STR, bay_uuid=STR, csr=STR, pem=STR, links=LINKS
)


def openapi() -> Documented:
    return Documented(
        [
            Operation("POST", "/v1/certificates", "Certificates",
                      "Sign a CSR with a cluster's CA", 201, ref("Certificate"),
                      body=ref("CertificateCreate")),
            Operation("GET", "/v1/certificates/{ident}", "Certificates",
                      "A cluster's CA certificate", 200, ref("Certificate"),
                      query=[query("ca_cert_type", {"type": "string"}, "Which CA.")]),
            Operation("PATCH", "/v1/certificates/{ident}", "Certificates",
                      "Replace a cluster's CA", 202, ref("Accepted")),
        ],
        {"CertificateCreate": CREATE_SCHEMA, "Certificate": CERTIFICATE},
    )  # fmt: skip
