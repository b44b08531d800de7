"""Running the system tools the local nodes need (``ip``, ``iptables``, ``dpkg-query``).

Every call is an argument list resolved against the Debian system directories
only: this code runs as root inside Heat, whose ``PATH`` we do not control, and
on this machine another ``docker`` sits earlier on ``PATH`` than Debian's.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence

# Debian's own binaries, never /usr/local.
SYSTEM_PATH = "/usr/sbin:/usr/bin:/sbin:/bin"
# The Debian package to install when a tool is missing, for the error message.
PACKAGES = {
    "ip": "iproute2",
    "iptables": "iptables",
    "dockerd": "docker.io",
    "docker": "docker.io",
    "nsenter": "util-linux",
    "unshare": "util-linux",
    "dpkg-query": "dpkg",
    "mkfs.ext4": "e2fsprogs",
    "resize2fs": "e2fsprogs",
    "e2fsck": "e2fsprogs",
    "umount": "mount",
    "mount": "mount",
    "losetup": "mount",
    "useradd": "passwd",
    "usermod": "passwd",
    "userdel": "passwd",
}
# The environment of every child: nothing inherited from Heat's process.
CLEAN_ENV = {"PATH": SYSTEM_PATH, "LANG": "C.UTF-8"}


class CommandFailed(RuntimeError):
    """A system tool is missing or exited with an error; the message has its stderr."""


def tool(name: str) -> str:
    """The absolute path of a system tool, or :class:`CommandFailed` naming its package."""
    found = shutil.which(name, path=SYSTEM_PATH)
    if found is None:
        package = PACKAGES.get(name, name)
        raise CommandFailed(f"{name} is not installed (apt-get install {package})")
    return found


def run(args: Sequence[str], *, check: bool = True, timeout: float = 30.0) -> str:
    """Run ``args`` (the first is a tool name) and return its stdout.

    With ``check`` a non-zero exit raises :class:`CommandFailed` whose message
    is the command and what it wrote to stderr.
    """
    argv = [tool(args[0]), *args[1:]]
    try:
        done = subprocess.run(
            argv,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=CLEAN_ENV,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise CommandFailed(f"`{' '.join(args)}` did not finish within {timeout:g} s") from None
    if check and done.returncode != 0:
        reason = done.stderr.strip() or done.stdout.strip() or "no message"
        raise CommandFailed(f"`{' '.join(args)}` failed (exit {done.returncode}): {reason}")
    return done.stdout


def succeeds(args: Sequence[str]) -> bool:
    """Whether ``args`` exits with 0 (for questions such as "does this link exist")."""
    try:
        run(args)
    except CommandFailed:
        return False
    return True
