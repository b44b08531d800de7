"""The busybox image every node gets, built from Debian's busybox-static."""

from __future__ import annotations

import io
import tarfile

import pytest

from magnum_ui.service.drivers.local import image
from tests.service.drivers.local import machine

pytestmark = pytest.mark.skipif(not machine.HAS_BUSYBOX, reason="needs busybox-static")


def test_the_rootfs_is_busybox_with_its_applets_and_the_same_bytes_every_time() -> None:
    data = image.rootfs_tarball()
    assert data == image._build.__wrapped__(image.package_version())  # not only the cache
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        members = {m.name: m for m in tar.getmembers()}
        busybox = members["bin/busybox"]
        assert busybox.isfile()
        assert busybox.size == image.BUSYBOX.stat().st_size
        for applet in ("bin/sh", "bin/sleep", "usr/bin/env"):
            assert members[applet].issym()
            assert members[applet].linkname == "/bin/busybox"
        assert members["tmp"].mode == 0o1777
        passwd = tar.extractfile("etc/passwd")
        assert passwd is not None
        assert passwd.read().startswith(b"root:x:0:0:")
    assert "linuxrc" not in members


def test_the_cache_is_keyed_by_the_package_version() -> None:
    version = image.package_version()
    assert version.startswith("1:")  # Debian's epoch for busybox
    assert image._build(version) is image._build(version)
