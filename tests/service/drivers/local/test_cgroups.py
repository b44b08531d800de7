"""A node's cgroups: the flavor's limits written where the kernel (v1 or v2) reads them."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from magnum_ui.service.drivers.local import cgroups, flavors
from magnum_ui.service.drivers.local.cgroups import Hierarchy
from tests.service.drivers.local import machine

SMALL = flavors.get("local.small")
MIB = 1024 * 1024


def v1_tree(root: Path) -> list[Hierarchy]:
    """Stand-in folders shaped like a cgroup v1 machine (one hierarchy per controller)."""
    found = []
    for name in ("cpu", "memory", "pids", "devices"):
        (root / name).mkdir()
        found.append(Hierarchy(root / name, frozenset({name}), unified=False))
    (root / "unified").mkdir()
    found.append(Hierarchy(root / "unified", frozenset(), unified=True))
    return found


def read(path: Path) -> str:
    return path.read_text().strip()


def test_v1_limits_the_node_and_bounds_its_containers_below_it(tmp_path: Path) -> None:
    """On cgroup v1 the node gets the flavor plus the engine's allowance, containers the flavor."""
    tree = v1_tree(tmp_path)
    made = cgroups.create("abcdef012345", SMALL, tree)
    node = "magnum-ui-abcdef012345"
    memory = (SMALL.ram_mib + flavors.ENGINE_RAM_MIB) * MIB
    assert read(tmp_path / "memory" / node / "memory.limit_in_bytes") == str(memory)
    assert read(tmp_path / "memory" / node / "containers" / "memory.limit_in_bytes") == str(
        SMALL.ram_mib * MIB
    )
    assert read(tmp_path / "cpu" / node / "cpu.cfs_quota_us") == "100000"
    assert read(tmp_path / "cpu" / node / "cpu.cfs_period_us") == "100000"
    assert read(tmp_path / "pids" / node / "pids.max") == str(SMALL.pids + flavors.ENGINE_PIDS)
    assert read(tmp_path / "pids" / node / "containers" / "pids.max") == str(SMALL.pids)
    assert made.container_parent == f"/{node}/containers"
    # The engine joins the limited hierarchies (and the unified one), not devices.
    assert sorted(made.engine_procs) == sorted(
        str(tmp_path / h / node / "engine" / "cgroup.procs")
        for h in ("cpu", "memory", "pids", "unified")
    )
    assert set(made.folders) == {str(tmp_path / h / node) for h in os.listdir(tmp_path)}


def test_v2_enables_the_controllers_and_writes_the_unified_limits(tmp_path: Path) -> None:
    """On cgroup v2 the node's subtree gets cpu, memory and pids and the same bounds."""
    tree = [Hierarchy(tmp_path, frozenset({"cpu", "memory", "pids", "io"}), unified=True)]
    tiny = flavors.get("local.tiny")
    made = cgroups.create("abcdef012345", tiny, tree)
    node = tmp_path / "magnum-ui-abcdef012345"
    assert read(tmp_path / "cgroup.subtree_control") == "+cpu +memory +pids"
    assert read(node / "cgroup.subtree_control") == "+cpu +memory +pids"
    assert read(node / "cpu.max") == "50000 100000"
    assert read(node / "memory.max") == str((tiny.ram_mib + flavors.ENGINE_RAM_MIB) * MIB)
    assert read(node / "containers" / "memory.max") == str(tiny.ram_mib * MIB)
    assert read(node / "containers" / "pids.max") == str(tiny.pids)
    assert made.engine_procs == (str(node / "engine" / "cgroup.procs"),)


def test_v2_without_a_needed_controller_says_which(tmp_path: Path) -> None:
    """A v2 hierarchy that lacks the pids controller is refused with its name."""
    tree = [Hierarchy(tmp_path, frozenset({"cpu", "memory"}), unified=True)]
    with pytest.raises(cgroups.CgroupError, match="pids"):
        cgroups.create("abcdef012345", SMALL, tree)


@pytest.mark.skipif(not machine.IS_ROOT, reason=machine.NOT_ROOT)
def test_the_kernel_holds_the_limits_and_the_folders_go_away() -> None:
    """On this machine's real cgroups the limits read back, and removing leaves nothing."""
    key = uuid.uuid4().hex[:12]
    made = cgroups.create(key, flavors.get("local.tiny"))
    try:
        held = cgroups.limits(key)
        assert any(v == str(512 * MIB) for k, v in held.items() if k.startswith("containers/"))
        assert held.get("containers/pids.max") == "512"
        assert all(os.path.isdir(folder) for folder in made.folders)
    finally:
        cgroups.remove(made.folders)
    assert not any(os.path.exists(folder) for folder in made.folders)
