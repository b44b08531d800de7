"""Finding an engine's processes, cgroups and mounts."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from magnum_ui.service.drivers.local import sweep


def test_a_process_is_known_by_pid_and_start_time_and_zombies_are_dead() -> None:
    child = subprocess.Popen(["sleep", "30"])
    try:
        started = sweep.start_time(child.pid)
        assert started is not None
        assert sweep.is_running(child.pid, started)
        assert not sweep.is_running(child.pid, started + 1)  # a recycled pid is not ours
        child.kill()
        child.wait()
        assert not sweep.is_running(child.pid, started)
    finally:
        child.kill()


def test_cgroup_folders_are_resolved_under_every_hierarchy_we_are_in() -> None:
    dirs = sweep.cgroup_dirs("magnum-ui-test")
    lines = Path("/proc/self/cgroup").read_text().splitlines()
    assert len(dirs) == len(lines)
    for folder in dirs:
        assert folder.endswith("/magnum-ui-test")
        assert os.path.isdir(os.path.dirname(folder))  # the parent is our own cgroup


def test_mount_points_are_read_with_their_escapes() -> None:
    assert sweep._unescape("/tmp/a\\040b") == "/tmp/a b"
    assert sweep._unescape("/plain") == "/plain"
    assert sweep.mounts_under(Path("/proc"))[-1] == "/proc"
    assert sweep.mounts_under(Path("/nonexistent-folder")) == []
