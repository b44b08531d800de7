"""A node's disk: a file system of its own size holding the engine's data-root.

Images, containers' writable layers, volumes and logs all live under
dockerd's data-root, so a node whose data-root is a file system of N GiB
cannot store more than N GiB, whatever its containers write: they get
"No space left on device" and the host's disk is untouched.  The file system
is ext4 in a sparse file in the node's folder, loop-mounted on ``data/``::

    disk = create(folder / "disk.img", folder / "data", 10)   # about 20 ms
    # ... the engine runs; the file takes host space only as it fills ...
    grow(folder / "disk.img", folder / "data", 20)             # engine stopped
    # teardown: sweep.unmount_all_under(folder), then the folder goes

The mount uses ``mount -o loop``, whose loop device frees itself at unmount.
"""

from __future__ import annotations

import os
from pathlib import Path

from magnum_ui.service.drivers.local.commands import CommandFailed, run

GIB = 1024**3


class DiskError(RuntimeError):
    """The node's file system could not be made or mounted; the message says why."""


def create(image: Path, mount_point: Path, size_gib: int) -> None:
    """Make a ``size_gib`` ext4 file system in ``image`` and mount it on ``mount_point``.

    On failure nothing stays mounted; the image file is left for the caller's
    clean-up of the node's folder.
    """
    fd = os.open(image, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.ftruncate(fd, size_gib * GIB)  # sparse: no block is written yet
    finally:
        os.close(fd)
    mount_point.mkdir(parents=True, exist_ok=True)
    mount_point.chmod(0o711)  # whatever the umask: dockerd wants its data-root passable
    try:
        run([
            "mkfs.ext4", "-q", "-F",
            # No reserved blocks (nothing on it runs as the host's root), and the
            # inode tables and journal are zeroed lazily: the format takes ~10 ms.
            "-m", "0", "-E", "lazy_itable_init=1,lazy_journal_init=1,root_owner=0:0",
            str(image),
        ])  # fmt: skip
        # nodev: device files on the node's disk mean nothing to the host.
        run(["mount", "-t", "ext4", "-o", "loop,nodev,noatime", str(image), str(mount_point)])
    except CommandFailed as exc:
        raise DiskError(f"making the node's {size_gib} GiB disk failed: {exc}") from None


def mount(image: Path, mount_point: Path) -> None:
    """Mount a file system :func:`create` made earlier (its files kept), unless it is mounted."""
    if os.path.ismount(mount_point):
        return
    mount_point.mkdir(parents=True, exist_ok=True)
    try:
        run(["mount", "-t", "ext4", "-o", "loop,nodev,noatime", str(image), str(mount_point)])
    except CommandFailed as exc:
        raise DiskError(f"mounting {image} failed: {exc}") from None


def smaller_than(image: Path, size_gib: int) -> bool:
    """Whether the disk is smaller than ``size_gib`` (so :func:`grow` has work to do)."""
    return image.stat().st_size < size_gib * GIB


def grow(image: Path, mount_point: Path, size_gib: int) -> None:
    """Make the file system ``size_gib`` large; nothing may use it (the engine is stopped).

    It grows unmounted: checked, grown, mounted again.  Growing a mounted ext4
    needs CAP_SYS_RESOURCE, which a container running the all-in-one often lacks.
    """
    if not smaller_than(image, size_gib):
        return
    try:
        run(["umount", "--recursive", str(mount_point)])
        os.truncate(image, size_gib * GIB)
        run(["e2fsck", "-f", "-p", str(image)], timeout=120.0)
        run(["resize2fs", str(image)], timeout=120.0)
        run(["mount", "-t", "ext4", "-o", "loop,nodev,noatime", str(image), str(mount_point)])
    except CommandFailed as exc:
        raise DiskError(f"growing the node's disk to {size_gib} GiB failed: {exc}") from None


def size_gib(mount_point: Path) -> float:
    """The mounted file system's size, in GiB (for tests and diagnostics)."""
    stats = os.statvfs(mount_point)
    return stats.f_blocks * stats.f_frsize / GIB
