"""Become a node's dockerd: join its cgroups, name its host, start its policy plugin, exec.

Usage (run by path inside ``nsenter --net=... unshare --uts``)::

    python -I -S launcher.py --hostname NAME [--join CGROUP_PROCS ...]
        [--policy SCRIPT SOCKET] -- DOCKERD [ARG ...]

In order, so that nothing of the engine ever runs unbounded or unchecked:

1. write itself into each ``--join`` file (the node's ``engine`` cgroups):
   dockerd, containerd, the shims and the plugin all inherit them;
2. set the hostname of its fresh UTS namespace (Swarm names a node by it, and
   util-linux has no way to set it before exec'ing a program);
3. start the bay's authorization plugin (``SCRIPT SOCKET PID``) and wait
   until its socket answers: dockerd refuses to start without it, and every
   API request then passes through it;
4. exec dockerd, which keeps this process's pid (so the caller's pid is
   dockerd's, and the plugin, told that pid, exits when dockerd is gone).

Runs with the standard library only (``-S``: no site-packages) and never
through a shell.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time

PLUGIN_TIMEOUT = 10.0


def main(argv: list[str]) -> None:
    args = _parser().parse_args(argv)
    # REMAINDER keeps the "--" that ends the launcher's own options.
    program, *program_args = args.program[1:] if args.program[:1] == ["--"] else args.program
    # The engine's files are made with the usual 022; the caller's 077 would
    # leave dockerd's folders closed to the users its containers run as.
    os.umask(0o022)
    for procs in args.join:
        with open(procs, "w") as handle:
            handle.write(str(os.getpid()))
    socket.sethostname(args.hostname)
    if args.policy:
        script, path = args.policy
        _start_plugin(script, path)
    # An argument list, no shell; the program is the absolute path of dockerd.
    os.execv(program, [program, *program_args])  # noqa: S606


def _start_plugin(script: str, path: str) -> None:
    """Start the plugin (it outlives this exec as dockerd's child) and wait for its socket."""
    plugin = subprocess.Popen(
        [sys.executable, "-I", "-S", script, path, str(os.getpid())],
        stdin=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + PLUGIN_TIMEOUT
    while not _answers(path):
        if plugin.poll() is not None:
            sys.exit(f"the bay's policy plugin exited ({plugin.returncode}) before it answered")
        if time.monotonic() > deadline:
            plugin.kill()
            sys.exit(f"the bay's policy plugin did not answer within {PLUGIN_TIMEOUT:g} s")
        time.sleep(0.01)


def _answers(path: str) -> bool:
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.connect(path)
    except OSError:
        return False
    return True


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="launcher.py")
    parser.add_argument("--hostname", required=True)
    parser.add_argument("--join", action="append", default=[], metavar="CGROUP_PROCS")
    parser.add_argument("--policy", nargs=2, metavar=("SCRIPT", "SOCKET"))
    parser.add_argument("program", nargs=argparse.REMAINDER)
    return parser


if __name__ == "__main__":
    main(sys.argv[1:])
