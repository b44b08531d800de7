"""Finding an engine's processes, cgroups and mounts."""

from __future__ import annotations

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


def test_mount_points_are_read_with_their_escapes() -> None:
    assert sweep._unescape("/tmp/a\\040b") == "/tmp/a b"
    assert sweep._unescape("/plain") == "/plain"
    assert sweep.mounts_under(Path("/proc"))[-1] == "/proc"
    assert sweep.mounts_under(Path("/nonexistent-folder")) == []
