"""The state folder: machine-wide names, records, and the root's lock."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from magnum_ui.service.drivers.local.state import (
    BayRecord,
    EngineProcess,
    NodeRecord,
    StateDir,
)

CLUSTER = "3f2a1b4c-0d1e-4f5a-8b9c-0a1b2c3d4e5f"


def test_interface_names_fit_the_kernel_and_never_repeat(tmp_path: Path) -> None:
    """Different roots, clusters or indexes never share a name; none exceeds 15 characters."""
    states = [StateDir(tmp_path / "a"), StateDir(tmp_path / "b")]
    clusters = [CLUSTER, "00000000-0000-4000-8000-000000000000"]
    bridges = {s.bridge_name(c) for s in states for c in clusters}
    keys = {s.node_key(c, i) for s in states for c in clusters for i in range(100)}
    assert len(bridges) == 4
    assert len(keys) == 400
    assert max(len(b) for b in bridges) <= 15
    assert max(len(f"muv{k}") for k in keys) <= 15


def test_the_same_folder_spelled_twice_gives_the_same_names(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert StateDir(tmp_path / "real").node_key(CLUSTER, 3) == StateDir(tmp_path / "link").node_key(
        CLUSTER, 3
    )


def test_records_round_trip_and_are_private(tmp_path: Path) -> None:
    state = StateDir(tmp_path)
    node = NodeRecord(
        cluster_uuid=CLUSTER, index=1, role="worker", project_id="ab", owner=None,
        key=state.node_key(CLUSTER, 1), name="bay-3f2a1b4c-worker-1", address="10.213.0.11",
        netns="mui-x", veth="muvx", engine=EngineProcess(pid=5, start_time=9, cgroups=["/c"]),
    )  # fmt: skip
    state.save_node(node)
    state.save_bay(BayRecord(CLUSTER, "ab", "10.213.0.0/24", "mubx"))
    assert state.node(CLUSTER, 1) == node
    assert state.nodes() == [node]
    assert state.nodes("00000000-0000-4000-8000-000000000000") == []
    assert [b.bridge for b in state.bays()] == ["mubx"]
    record = state.node_dir(node.key) / "node.json"
    assert record.stat().st_mode & 0o077 == 0
    # Others may pass through a node's folder (the engine's remapped root must), never list it.
    assert state.node_dir(node.key).stat().st_mode & 0o777 == 0o711
    assert (tmp_path / "nodes").stat().st_mode & 0o777 == 0o711


def test_forgetting_the_last_bay_leaves_the_root_empty(tmp_path: Path) -> None:
    state = StateDir(tmp_path)
    state.save_bay(BayRecord(CLUSTER, "ab", "10.213.0.0/24", "mubx"))
    state.forget_bay(CLUSTER)
    state.tidy()
    assert list(tmp_path.iterdir()) == []


def test_the_lock_lets_one_holder_in_at_a_time(tmp_path: Path) -> None:
    """Two threads (two open files) exclude each other, as two Heat workers would."""
    state = StateDir(tmp_path)
    inside: list[str] = []
    overlap = threading.Event()

    def hold(name: str) -> None:
        with state.lock():
            if inside:
                overlap.set()
            inside.append(name)
            time.sleep(0.1)
            inside.remove(name)

    threads = [threading.Thread(target=hold, args=(str(i),)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not overlap.is_set()
