"""Fuzzing every operation of the OpenAPI description in-process: no input makes a 5xx.

schemathesis generates valid and invalid requests from ``openapi.build()`` and
sends them to the Django WSGI app with a confirmed admin identity (what
keystonemiddleware hands over). Bounded: a fixed, derandomized number of
examples per operation, no shrinking, and a per-example deadline. Half of the
generated path identifiers are swapped for objects that exist, so that bodies
reach the code behind the lookups too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import schemathesis
from cryptography.fernet import Fernet
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from magnum_ui.docs import openapi
from magnum_ui.service import conf, nodegroup_state
from tests.service.api.helpers import ADMIN, cluster, identity, template

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 40
APP = get_wsgi_application()
# helpers.identity() gives WSGI environ keys; a client sends them as headers.
HEADERS = {
    key.removeprefix("HTTP_").replace("_", "-").title(): value
    for key, value in identity(project_id="p-admin", roles=ADMIN, user_id="u-admin").items()
}
HEADERS["OpenStack-API-Version"] = "container-infra latest"
# What a path identifier becomes when it is swapped for an object that exists.
EXISTING = {
    "cluster_ident": "fuzzed",
    "project_id": "p-admin",
    "resource": "Cluster",
}


def no_server_error_but_an_unreachable_bay(ctx: Any, response: Any, case: Any) -> bool | None:
    """As not_a_server_error, but a workload route may answer 503: the fuzzed bay's
    orchestrator address is a closed port on 127.0.0.1 (never anything off this machine)."""
    if response.status_code == 503 and "/workloads" in case.path:
        return None
    return not_a_server_error(ctx, response, case)


# No 5xx, and what does come back is what the description promises.
CHECKS = [
    no_server_error_but_an_unreachable_bay,
    status_code_conformance,
    response_schema_conformance,
]

schema = schemathesis.openapi.from_dict(openapi.build())


@pytest.fixture(autouse=True)
def objects() -> Iterator[None]:
    """A template, a running cluster with its node groups, and the key secrets need."""
    conf.CONF.set_override("encryption_key", Fernet.generate_key().decode(), group="crypto")
    tmpl = template("fuzzed", project_id="p-admin", image_id="img", external_network_id="pub")
    running = cluster("fuzzed", tmpl, project_id="p-admin", api_address="https://127.0.0.1:1")
    nodegroup_state.create_defaults(running)
    yield
    conf.CONF.clear_override("encryption_key", group="crypto")


def _existing(path: str, name: str, generated: Any) -> Any:
    if int(hashlib.sha256(repr(generated).encode()).hexdigest(), 16) % 2:
        return generated
    if name == "ident":
        return "default-worker" if "/nodegroups/" in path else "fuzzed"
    return EXISTING.get(name, generated)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=timedelta(seconds=10),
    phases=[Phase.generate],
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_request_makes_a_server_error(case: Any) -> None:
    """Whatever is sent, valid or not, the answer is never a 5xx and matches the description."""
    if case.path_parameters:
        case.path_parameters = {
            name: _existing(case.path, name, value) for name, value in case.path_parameters.items()
        }
    case.call_and_validate(app=APP, headers=HEADERS, checks=CHECKS)
