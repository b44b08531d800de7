"""Finding and removing what an engine leaves on the machine: processes, cgroups, mounts.

A stopped dockerd is not the end of a node: containerd, containerd-shims and
container processes may outlive it (above all when it was killed), runc
leaves one empty cgroup folder per hierarchy, and Swarm leaves bind mounts
(``<exec-root>/netns/...``) that must be unmounted before the node's folder
can be deleted.  These functions find each of them by what the node owns
(its network namespace, its cgroup parent, its folder), so a teardown works
after a crash or a restart of Heat as well as right after a create.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import signal
from pathlib import Path

_MNT_DETACH = 2  # umount2(2): detach now, finish when no longer busy
_libc = ctypes.CDLL(None, use_errno=True)


# --- processes ----------------------------------------------------------------


def start_time(pid: int) -> int | None:
    """Field 22 of /proc/<pid>/stat (clock ticks after boot), None if no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    # The command name (field 2) is in parentheses and may hold spaces.
    fields = stat[stat.rindex(")") + 2 :].split()
    return int(fields[19])


def is_running(pid: int, started: int) -> bool:
    """Whether the process ``pid`` that started at ``started`` is alive (zombies are not)."""
    with contextlib.suppress(ChildProcessError):
        # Reaps it if it is our own exited child, which would otherwise linger as a zombie.
        os.waitpid(pid, os.WNOHANG)
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    rest = stat[stat.rindex(")") + 2 :].split()
    return rest[0] not in ("Z", "X") and int(rest[19]) == started


def kill(pids: set[int], sig: int = signal.SIGKILL) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)


def netns_pids(netns_file: Path) -> set[int]:
    """Every process living in the network namespace pinned at ``netns_file``."""
    try:
        wanted = os.stat(netns_file)
    except FileNotFoundError:
        return set()
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ns = os.stat(entry / "ns" / "net")
        except OSError:
            continue  # exited meanwhile, or a kernel thread
        if (ns.st_ino, ns.st_dev) == (wanted.st_ino, wanted.st_dev):
            found.add(int(entry.name))
    return found


# --- cgroups ------------------------------------------------------------------


def cgroup_pids(dirs: list[str]) -> set[int]:
    """Every process in the cgroup folders ``dirs`` or below them."""
    found: set[int] = set()
    for top in dirs:
        for folder, _, files in os.walk(top):
            if "cgroup.procs" in files:
                with contextlib.suppress(OSError):
                    text = Path(folder, "cgroup.procs").read_text()
                    found.update(int(pid) for pid in text.split())
    return found


def remove_cgroups(dirs: list[str]) -> None:
    """Remove the (empty) cgroup folders, deepest first; missing ones are fine."""
    for top in dirs:
        for folder, _, _ in os.walk(top, topdown=False):
            with contextlib.suppress(FileNotFoundError):
                os.rmdir(folder)


# Mount options of a cgroup v1 hierarchy that are not controllers.
V1_NON_CONTROLLERS = {"rw", "ro", "nosuid", "nodev", "noexec", "relatime", "clone_children"}


# --- mounts -------------------------------------------------------------------


def mounts_under(folder: Path) -> list[str]:
    """Mount points at or below ``folder``, deepest first."""
    prefix = os.path.realpath(folder)
    found = [
        fields[4]
        for fields, _, _ in mountinfo()
        if fields[4] == prefix or fields[4].startswith(prefix + "/")
    ]
    return sorted(set(found), key=len, reverse=True)


def unmount_all_under(folder: Path) -> None:
    """Detach every mount at or below ``folder`` (Swarm's netns bind mounts, overlays)."""
    for mount_point in mounts_under(folder):
        if _libc.umount2(os.fsencode(mount_point), _MNT_DETACH) != 0:
            code = ctypes.get_errno()
            if code not in (errno.EINVAL, errno.ENOENT):  # not a mount (any more)
                raise OSError(code, f"cannot unmount {mount_point}: {os.strerror(code)}")


def mountinfo() -> list[tuple[list[str], str, str]]:
    """(fields before the separator, fstype, super options) of each line of our mountinfo."""
    entries = []
    for line in Path("/proc/self/mountinfo").read_text().splitlines():
        before, _, after = line.partition(" - ")
        fields = [_unescape(field) for field in before.split()]
        fstype, _, super_options = [*after.split(), "", "", ""][:3]
        entries.append((fields, fstype, super_options))
    return entries


def _unescape(field: str) -> str:
    """mountinfo writes space, tab, newline and backslash as octal escapes."""
    if "\\" not in field:
        return field
    raw = field.encode()
    out, i = bytearray(), 0
    while i < len(raw):
        if raw[i : i + 1] == b"\\" and raw[i + 1 : i + 4].isdigit():
            out.append(int(raw[i + 1 : i + 4], 8))
            i += 4
        else:
            out.append(raw[i])
            i += 1
    return os.fsdecode(bytes(out))
