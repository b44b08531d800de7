"""Heat in the all-in-one: real stacks, created and changed with a user's own token."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import openstack
import pytest

from tests.allinone import AllInOne

pytestmark = pytest.mark.e2e

WAIT = 120  # seconds; a small stack takes a few


def _template(length: int) -> dict[str, Any]:
    """Two resources that need no cloud: a random string and a resource that uses it."""
    return {
        "heat_template_version": "2021-04-16",
        "resources": {
            "secret": {"type": "OS::Heat::RandomString", "properties": {"length": length}},
            "marker": {
                "type": "OS::Heat::None",
                "properties": {"uses": {"get_attr": ["secret", "value"]}},
            },
        },
        "outputs": {"value": {"value": {"get_attr": ["secret", "value"]}}},
    }


def _connect(aio: AllInOne, user: str, password: str, project: str) -> Any:
    return openstack.connect(
        auth_url=aio.keystone_url,
        username=user,
        password=password,
        project_name=project,
        user_domain_id="default",
        project_domain_id="default",
        region_name="RegionOne",
        load_yaml_config=False,
        load_envvars=False,
    )


@pytest.fixture(scope="module")
def demo(aio: AllInOne) -> Iterator[Any]:
    conn = _connect(aio, "demo", aio.password, "demo")
    yield conn
    conn.close()


def _outputs(stack: Any) -> dict[str, Any]:
    return {o["output_key"]: o["output_value"] for o in stack.outputs or []}


def _create(demo: Any, name: str, length: int) -> Any:
    stack = demo.orchestration.create_stack(name=name, template=_template(length))
    return demo.orchestration.wait_for_status(
        stack, "CREATE_COMPLETE", failures=["CREATE_FAILED"], interval=0.2, wait=WAIT
    )


def _gone(demo: Any, name: str) -> bool:
    """Not found by name and not listed: the name is free again."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        listed = [s.name for s in demo.orchestration.stacks()]
        if demo.orchestration.find_stack(name) is None and name not in listed:
            return True
        time.sleep(0.5)
    return False


def test_catalog_has_orchestration(aio: AllInOne, demo: Any) -> None:
    """The catalog's orchestration endpoint is Heat on loopback, for demo's project."""
    url = demo.endpoint_for("orchestration")
    assert url == f"{aio.heat_url}/{demo.current_project_id}"


def test_stack_create_update_delete(demo: Any) -> None:
    """demo creates a stack, updates it in place and deletes it; its name is free again."""
    name = f"e2e-life-{int(time.time())}"
    started = time.monotonic()
    stack = _create(demo, name, 8)
    created = time.monotonic() - started
    assert len(_outputs(demo.orchestration.get_stack(stack.id))["value"]) == 8

    started = time.monotonic()
    demo.orchestration.update_stack(stack, template=_template(24))
    updated = demo.orchestration.wait_for_status(
        demo.orchestration.get_stack(stack.id),
        "UPDATE_COMPLETE",
        failures=["UPDATE_FAILED"],
        interval=0.2,
        wait=WAIT,
    )
    update_seconds = time.monotonic() - started
    # A new length replaces the string, and the resource using it follows.
    assert len(_outputs(updated)["value"]) == 24

    started = time.monotonic()
    demo.orchestration.delete_stack(stack)
    demo.orchestration.wait_for_delete(stack, interval=0.2, wait=WAIT)
    assert _gone(demo, name)
    deleted = time.monotonic() - started
    # Reported, not asserted (see docs/all-in-one.md for the measured times).
    print(f"stack create {created:.1f} s, update {update_seconds:.1f} s, delete {deleted:.1f} s")


def test_service_user_reads_a_projects_stack(aio: AllInOne, demo: Any) -> None:
    """The service API's user (admin in project service) reads demo's stack by id."""
    name = f"e2e-read-{int(time.time())}"
    stack = _create(demo, name, 8)
    magnum = _connect(aio, "magnum", aio.secret("keystone_magnum"), "service")
    try:
        seen = magnum.orchestration.get_stack(stack.id)
        assert (seen.name, seen.status) == (name, "CREATE_COMPLETE")
        assert _outputs(seen) == _outputs(demo.orchestration.get_stack(stack.id))
        assert {r.name for r in magnum.orchestration.resources(stack.id)} == {"secret", "marker"}
    finally:
        magnum.close()
        demo.orchestration.delete_stack(stack)
        demo.orchestration.wait_for_delete(stack, interval=0.2, wait=WAIT)
