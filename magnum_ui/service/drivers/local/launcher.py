"""Set the hostname of a fresh UTS namespace, then become dockerd.

Usage: ``python -I -S launcher.py HOSTNAME DOCKERD [ARG ...]``, run by path
inside ``unshare --uts``: util-linux has no way to set the new namespace's
hostname before exec'ing a program, and Swarm names a node by its engine's
hostname, so without this every node would be called like the host.  Runs
with the standard library only (``-S``: no site-packages), and exec's, so the
process keeps its pid: the caller's pid is dockerd's.
"""

from __future__ import annotations

import os
import socket
import sys


def main(argv: list[str]) -> None:
    hostname, program, *args = argv
    socket.sethostname(hostname)
    # An argument list, no shell; the program is the absolute path of dockerd.
    os.execv(program, [program, *args])  # noqa: S606


if __name__ == "__main__":
    main(sys.argv[1:])
