"""The image every local node starts with: ``magnum-ui/busybox:latest``.

No registry is reachable from this machine, so each node gets one small image
at creation: a root file system made of Debian's statically linked
``/bin/busybox`` (package ``busybox-static``) and a symlink per applet, which
``docker import`` turns into an image.  With it a bay runs services at once::

    docker service create --replicas 2 magnum-ui/busybox sleep 3600

Users with a registry pull whatever else they need, as usual.  The tarball is
built in memory once per ``busybox-static`` version (a few milliseconds, about
2 MB) and is byte-for-byte the same each time, so every node ends up with the
same image id.
"""

from __future__ import annotations

import functools
import io
import tarfile
from pathlib import Path
from typing import Any

from magnum_ui.service.drivers.local.commands import CommandFailed, run

REPOSITORY = "magnum-ui/busybox"
TAG = "latest"
IMAGE = f"{REPOSITORY}:{TAG}"
PACKAGE = "busybox-static"
BUSYBOX = Path("/bin/busybox")

_DIRECTORIES = {
    "bin": 0o755, "sbin": 0o755, "usr": 0o755, "usr/bin": 0o755, "usr/sbin": 0o755,
    "etc": 0o755, "dev": 0o755, "proc": 0o555, "sys": 0o555, "var": 0o755,
    "home": 0o755, "root": 0o700, "tmp": 0o1777,
}  # fmt: skip
# Enough for `docker run --user nobody` and for tools that look users up.
_FILES = {
    "etc/passwd": (
        "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n"
    ),
    "etc/group": "root:x:0:\nnogroup:x:65534:\n",
}


class ImageError(RuntimeError):
    """The image could not be built or loaded."""


def package_version() -> str:
    """The installed ``busybox-static`` version, which keys the cached tarball."""
    try:
        version = run(["dpkg-query", "-W", "-f=${Version}", PACKAGE]).strip()
    except CommandFailed as exc:
        raise ImageError(f"{PACKAGE} is not installed (apt-get install {PACKAGE}): {exc}") from None
    if not version or not BUSYBOX.is_file():
        raise ImageError(f"{PACKAGE} is not installed (apt-get install {PACKAGE})")
    return version


def rootfs_tarball() -> bytes:
    return _build(package_version())


def load_into(client: Any) -> None:
    """Import the image into a node's engine (``client``: a ``docker.DockerClient``)."""
    version = package_version()
    client.api.import_image_from_data(
        _build(version),
        repository=REPOSITORY,
        tag=TAG,
        changes=['CMD ["sh"]', f'LABEL org.openstack.magnum-ui.busybox-static="{version}"'],
    )


@functools.lru_cache(maxsize=2)
def _build(version: str) -> bytes:
    """The root file system as an uncompressed tarball (``version`` keys the cache)."""
    applets = run([str(BUSYBOX), "--list-full"]).split()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT) as tar:
        for name, mode in sorted(_DIRECTORIES.items()):
            tar.addfile(_entry(name, tarfile.DIRTYPE, mode))
        entry = _entry("bin/busybox", tarfile.REGTYPE, 0o755)
        entry.size = BUSYBOX.stat().st_size
        with BUSYBOX.open("rb") as binary:
            tar.addfile(entry, binary)
        for name, text in sorted(_FILES.items()):
            data = text.encode()
            entry = _entry(name, tarfile.REGTYPE, 0o644)
            entry.size = len(data)
            tar.addfile(entry, io.BytesIO(data))
        # `--list-full` also names "linuxrc" at the top: only applets in a folder are kept.
        for path in sorted(set(applets)):
            if "/" in path and path != "bin/busybox" and path.split("/")[0] in _DIRECTORIES:
                link = _entry(path, tarfile.SYMTYPE, 0o777)
                link.linkname = "/bin/busybox"
                tar.addfile(link)
    return buffer.getvalue()


def _entry(name: str, kind: bytes, mode: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.mode, info.mtime = kind, mode, 0  # fixed: the same bytes every time
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info
