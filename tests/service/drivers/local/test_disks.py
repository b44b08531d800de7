"""A file system of its own size, made, mounted again after an unmount, and grown.

Real loop mounts (the tests run as root, as the all-in-one does).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from magnum_ui.service.drivers.local import disks

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="loop mounts need root")


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path
    subprocess.run(["umount", str(tmp_path / "data")], capture_output=True, check=False)


def test_a_disk_mounted_again_keeps_its_files_and_a_mounted_one_is_left_alone(
    folder: Path,
) -> None:
    image, data = folder / "disk.img", folder / "data"
    disks.create(image, data, 1)
    (data / "kept").write_text("yes")
    disks.mount(image, data)  # already mounted: nothing happens
    subprocess.run(["umount", str(data)], check=True)
    assert not (data / "kept").exists()
    disks.mount(image, data)
    assert (data / "kept").read_text() == "yes"
    assert 0.9 < disks.size_gib(data) <= 1


def test_a_disk_that_cannot_be_mounted_says_so(folder: Path) -> None:
    image = folder / "not-a-disk.img"
    image.write_bytes(b"\0" * 4096)
    with pytest.raises(disks.DiskError, match="mounting"):
        disks.mount(image, folder / "data")
