"""The Heat resource ``Magnum::Local::Node``: found by Heat, strict schema, thin wiring.

Run by ``test_node.py`` in a pytest process of its own, without pytest-django:
Heat cannot be imported where the service's settings are loaded (see there).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from magnum_ui.service.drivers.local import nodes, tls, updates
from magnum_ui.service.drivers.local.state import (
    CREATING,
    READY,
    EngineProcess,
    NodeRecord,
    StateDir,
)

resource = pytest.importorskip("heat.engine.resource", reason="Heat is in the aio extra")
from heat.common import exception, plugin_loader  # noqa: E402
from heat.engine import properties  # noqa: E402

from magnum_ui.service.drivers.local.heat_plugins import node  # noqa: E402
from tests.service.drivers.local.conftest import BayCA  # noqa: E402
from tests.service.drivers.local.test_tls import FakeSession  # noqa: E402

PLUGIN_DIR = Path(node.__file__).parent
CLUSTER = "3f2a1b4c-0d1e-4f5a-8b9c-0a1b2c3d4e5f"
RESOURCE_UUID = "0a0a0a0a-0000-4000-8000-000000000000"
PROJECT = "ab12" * 8
GOOD = {"cluster_uuid": CLUSTER, "index": 3, "role": "worker", "flavor": "local.tiny",
        "volume_size": 2, "group": "", "position": 0, "ca_serial": "",
        "max_batch_size": 1, "insecure_registry": ""}  # fmt: skip


def test_heat_finds_the_type_in_its_plugin_dirs() -> None:
    """The folder Heat's ``plugin_dirs`` points at maps the type name to the class."""
    package = plugin_loader.create_subpackage([str(PLUGIN_DIR)], "heat.engine", "mui_test_plugins")
    mapping: dict[str, Any] = {}
    for module in plugin_loader.load_modules(package):
        mapping.update(getattr(module, "resource_mapping", dict)())
    assert mapping["Magnum::Local::Node"].__name__ == "LocalNode"
    assert issubclass(mapping["Magnum::Local::Node"], resource.Resource)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"cluster_uuid": "../etc"}, "cluster_uuid: Must be a uuid"),
        ({"cluster_uuid": CLUSTER + "\n"}, "cluster_uuid: Must be a uuid"),
        ({"index": 240}, "index"),
        ({"group": "GPU"}, "group"),
        ({"group": "gpu\n"}, "group"),
        ({"index": -1}, "index"),
        ({"role": "manager"}, "role"),
        ({"flavor": "m1.small"}, "flavor"),
        ({"flavor": "local.small\n"}, "flavor"),
        ({"volume_size": 101}, "volume_size"),
        ({"volume_size": -1}, "volume_size"),
        ({"insecure_registry": "http://reg:5000"}, "insecure_registry"),
        ({"insecure_registry": "reg:5000 --debug"}, "insecure_registry"),
        ({"insecure_registry": "r" * 256}, "insecure_registry"),
    ],
)
def test_the_schema_refuses_what_the_library_would(changes: dict[str, Any], message: str) -> None:
    schema = node.LocalNode.properties_schema
    properties.Properties(schema, GOOD).validate()
    with pytest.raises(exception.StackValidationFailed, match=message):
        properties.Properties(schema, {**GOOD, **changes}).validate()


def fake_resource(session: Any, uuid: str | None = RESOURCE_UUID) -> Any:
    """A LocalNode without a stack: its properties, context and data are plain objects."""
    # Resource.__new__ picks a class from the stack's environment: bypass it.
    found = object.__new__(node.LocalNode)
    found.properties = dict(GOOD)
    found.context = SimpleNamespace(
        keystone_session=session, project_id=PROJECT, region_name="RegionOne"
    )
    found.uuid, found.id, found.resource_id, found.action = uuid, None, None, "CREATE"
    stored: dict[str, str] = {}
    found.data_set = stored.__setitem__
    found.data = lambda: stored
    return found


@pytest.fixture
def state_dir(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("MAGNUM_UI_LOCAL_NODES_DIR", "/srv/mui-test-nodes")
    monkeypatch.setenv("MAGNUM_UI_LOCAL_MAX_NODES_PER_PROJECT", "7")
    monkeypatch.setenv("MAGNUM_UI_LOCAL_REGISTRY", "10.213.255.254:5050")
    return "/srv/mui-test-nodes"


def test_create_passes_the_properties_project_owner_and_settings_and_exposes_the_node(
    monkeypatch: pytest.MonkeyPatch, state_dir: str, ca: BayCA
) -> None:
    """The certificate is asked of the service with the resource's own session."""
    session = FakeSession(ca)
    calls: list[dict[str, Any]] = []

    def create_node(root: Path, cluster: str, index: int, role: str, certs: Any, project: str,
                    **kwargs: Any) -> nodes.NodeInfo:  # fmt: skip
        plan = nodes.NodePlan(cluster, index, role, "bay-3f2a1b4c-worker-3", "10.213.0.13")
        material = certs(plan)
        assert isinstance(material, tls.NodeCertificates)
        calls.append({"root": root, "args": (cluster, index, role, project), **kwargs})
        return nodes.NodeInfo(plan.name, plan.address, "tcp://10.213.0.13:2376", cluster, index,
                              role, "ready")  # fmt: skip

    monkeypatch.setattr(nodes, "create_node", create_node)
    created = fake_resource(session)
    created.handle_create()

    assert calls[0]["root"] == Path(state_dir)
    assert calls[0]["args"] == (CLUSTER, 3, "worker", PROJECT)
    assert calls[0]["owner"] == RESOURCE_UUID
    assert calls[0]["options"].max_nodes_per_project == 7
    assert calls[0]["options"].registry == "10.213.255.254:5050"
    assert calls[0]["insecure_registry"] is None  # the property's default, ""
    assert (calls[0]["flavor"], calls[0]["volume_gib"]) == ("local.tiny", 2)
    assert (calls[0]["group"], calls[0]["position"]) == (None, 0)  # a default group's node
    assert [method for method, _, _ in session.calls] == ["POST", "GET"]
    assert session.calls[0][2]["endpoint_filter"]["region_name"] == "RegionOne"
    assert created.resource_id == "bay-3f2a1b4c-worker-3"
    assert created._resolve_attribute("docker_host") == "tcp://10.213.0.13:2376"
    assert created._resolve_attribute("address") == "10.213.0.13"


def test_delete_removes_only_the_node_this_resource_owns(
    monkeypatch: pytest.MonkeyPatch, state_dir: str
) -> None:
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(nodes, "delete_node", lambda *args, **kwargs: calls.append((args, kwargs)))
    fake_resource(None).handle_delete()
    (root, cluster, index), kwargs = calls[0]
    assert (root, cluster, index) == (Path(state_dir), CLUSTER, 3)
    assert kwargs["owner"] == RESOURCE_UUID


def test_a_resource_without_a_uuid_owns_nothing() -> None:
    with pytest.raises(exception.Error, match="no uuid"):
        fake_resource(None, uuid=None).handle_create()


def test_an_update_changes_the_node_in_place_with_the_new_values(
    monkeypatch: pytest.MonkeyPatch, state_dir: str
) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(updates, "update_node", lambda *args, **kwargs: calls.append(kwargs))
    changed = fake_resource(None)
    changed.handle_update(None, None, {"max_batch_size": 3})
    assert calls == []  # only the batch size: nothing to do to the node
    changed.handle_update(None, None, {"flavor": "local.medium", "ca_serial": "ab"})
    assert (calls[0]["flavor"], calls[0]["volume_gib"]) == ("local.medium", 2)
    assert calls[0]["rekey"]
    assert calls[0]["owner"] == RESOURCE_UUID


@pytest.mark.parametrize(
    ("action", "owner", "ready", "replaced"),
    [
        ("UPDATE", RESOURCE_UUID, True, False),  # it stands: try the change again on it
        ("UPDATE", RESOURCE_UUID, False, True),  # half made or half removed: a new node
        ("UPDATE", "another", True, True),  # not this resource's node
        ("CREATE", RESOURCE_UUID, True, True),  # never finished: Heat's default
    ],
)
def test_a_failed_node_is_replaced_only_if_it_does_not_stand(
    monkeypatch: pytest.MonkeyPatch, action: str, owner: str, ready: bool, replaced: bool
) -> None:
    root = Path(tempfile.mkdtemp(prefix="mui-"))  # short: the sockets' paths must fit
    monkeypatch.setenv("MAGNUM_UI_LOCAL_NODES_DIR", str(root))
    folder = StateDir(root)
    record = NodeRecord(
        CLUSTER, 3, "worker", PROJECT, owner, folder.node_key(CLUSTER, 3), "bay-3f2a1b4c-worker-3",
        "10.213.0.13", "mun0", "muv0", state=READY if ready else CREATING,
        engine=EngineProcess(pid=1, start_time=1),
    )  # fmt: skip
    folder.save_node(record)
    failed = fake_resource(None)
    failed.action = action
    try:
        assert failed.needs_replace_failed() is replaced
    finally:
        shutil.rmtree(root)


@pytest.mark.parametrize(
    ("stack", "name", "adopted"),
    [("stack-1", "master", True), ("stack-2", "master", False), ("stack-1", "other", False)],
)
def test_a_replacement_takes_over_the_node_only_from_its_own_predecessor(
    monkeypatch: pytest.MonkeyPatch, state_dir: str, stack: str, name: str, adopted: bool
) -> None:
    earlier = "0b0b0b0b-0000-4000-8000-000000000000"
    calls: list[str] = []
    info = nodes.NodeInfo("bay-3f2a1b4c-worker-3", "10.213.0.13", "tcp://10.213.0.13:2376",
                          CLUSTER, 3, "worker", "ready")  # fmt: skip
    monkeypatch.setattr(updates, "recorded_owner", lambda *_: (earlier, info.name))
    monkeypatch.setattr(
        node.resource_objects.Resource, "get_all_by_physical_resource_id",
        lambda context, found: [SimpleNamespace(uuid=earlier, stack_id=stack, name=name)],
    )  # fmt: skip

    def adopt_node(*args: Any, previous: str, owner: str, **kwargs: Any) -> nodes.NodeInfo:
        calls.append(f"adopt {previous} -> {owner}")
        return info

    def create_node(*args: Any, **kwargs: Any) -> nodes.NodeInfo:
        calls.append("create")
        return info

    monkeypatch.setattr(updates, "adopt_node", adopt_node)
    monkeypatch.setattr(nodes, "create_node", create_node)
    replacement = fake_resource(None)
    own_stack = type("Stack", (), {"id": "stack-1"})()  # Heat keeps a weak reference to it
    replacement.stack, replacement.name = own_stack, "master"
    replacement.handle_create()
    assert calls == ([f"adopt {earlier} -> {RESOURCE_UUID}"] if adopted else ["create"])
    assert replacement.resource_id == info.name
