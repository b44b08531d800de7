"""A node's Docker Engine: starting it detached in its namespace, and stopping it for good.

The engine is Debian's ``dockerd`` with everything of its own: data-root,
exec-root, pidfile, unix socket, config file, containerd namespaces and
cgroup parent, and the TLS listener on the node's address.  It is launched as

    nsenter --net=/run/netns/NS -- unshare --uts -- python launcher.py NAME dockerd ...

in a new session, so it outlives Heat (and a restart of Heat), has its own
hostname (Swarm names nodes by it) and sees the host's /sys and cgroups
(``ip netns exec`` would remount /sys and hide them).  ``--bridge none
--iptables=false`` keep it from touching the host's firewall or addresses.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from ipaddress import IPv4Address
from pathlib import Path

from magnum_ui.service.drivers.local import sweep
from magnum_ui.service.drivers.local.commands import CLEAN_ENV, tool
from magnum_ui.service.drivers.local.network import netns_path
from magnum_ui.service.drivers.local.state import EngineProcess
from magnum_ui.service.drivers.local.tls import NodeCertificates

TLS_PORT = 2376
LAUNCHER = Path(__file__).with_name("launcher.py")
POLL_INTERVAL = 0.05
STOP_GRACE = 20.0  # dockerd's own shutdown; containers are killed meanwhile
SWEEP_TIMEOUT = 5.0


class EngineError(RuntimeError):
    """An engine did not start, or something of it could not be removed."""


@dataclass(frozen=True)
class EngineLayout:
    """Where one engine keeps its files: all below the node's folder."""

    folder: Path

    @property
    def socket(self) -> Path:
        return self.folder / "docker.sock"

    @property
    def unix_url(self) -> str:
        return f"unix://{self.socket}"

    @property
    def tls(self) -> Path:
        return self.folder / "tls"

    @property
    def log(self) -> Path:
        return self.folder / "dockerd.log"


@dataclass(frozen=True)
class EngineSpec:
    layout: EngineLayout
    hostname: str
    netns: str
    address: IPv4Address
    # Names the engine's cgroup parent and containerd namespaces: unique on the machine.
    key: str
    extra_args: tuple[str, ...] = field(default=())


def write_tls(layout: EngineLayout, certs: NodeCertificates) -> None:
    """The engine's CA, certificate and key as files only root can read."""
    layout.tls.mkdir(mode=0o700, parents=True, exist_ok=True)
    for name, text in (("ca.pem", certs.ca_pem), ("cert.pem", certs.cert_pem),
                       ("key.pem", certs.key_pem)):  # fmt: skip
        path = layout.tls / name
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(text)


def dockerd_args(spec: EngineSpec) -> list[str]:
    folder, tls = spec.layout.folder, spec.layout.tls
    return [
        # A config of its own: /etc/docker/daemon.json is the host's engine's.
        "--config-file", str(folder / "daemon.json"),
        "--data-root", str(folder / "data"),
        # Kept short ("x"): containerd's sockets live under it and must fit in 108 bytes.
        "--exec-root", str(folder / "x"),
        "--pidfile", str(folder / "dockerd.pid"),
        "-H", spec.layout.unix_url,
        "-H", f"tcp://{spec.address}:{TLS_PORT}",
        "--tlsverify",
        "--tlscacert", str(tls / "ca.pem"),
        "--tlscert", str(tls / "cert.pem"),
        "--tlskey", str(tls / "key.pem"),
        "--bridge", "none",
        "--iptables=false",
        "--ip-masq=false",
        "--ip-forward=false",
        "--cgroup-parent", f"magnum-ui-{spec.key}",
        # Should a system containerd be running, dockerd would share it: keep apart.
        "--containerd-namespace", f"mui-{spec.key}",
        "--containerd-plugins-namespace", f"mui-{spec.key}-plugins",
        "--swarm-default-advertise-addr", str(spec.address),
        *spec.extra_args,
    ]  # fmt: skip


def start(spec: EngineSpec) -> EngineProcess:
    """Launch the engine detached; it is not answering yet (see :func:`wait_until_answering`)."""
    folder = spec.layout.folder
    for sub in ("data", "x"):
        (folder / sub).mkdir(mode=0o700, parents=True, exist_ok=True)
    # dockerd 20.10 keeps the key that makes its engine ID in /etc/docker/key.json
    # unless told otherwise: every node would share one ID and write outside its folder.
    config = {"deprecated-key-path": str(folder / "key.json")}
    (folder / "daemon.json").write_text(json.dumps(config) + "\n")
    argv = [
        tool("nsenter"), f"--net={netns_path(spec.netns)}", "--",
        tool("unshare"), "--uts", "--",
        # -I -S: the standard library only, whatever Heat's environment holds.
        sys.executable, "-I", "-S", str(LAUNCHER), spec.hostname,
        tool("dockerd"), *dockerd_args(spec),
    ]  # fmt: skip
    log_fd = os.open(spec.layout.log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        child = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=log_fd,
            stderr=subprocess.STDOUT,
            env=CLEAN_ENV,
            # setsid(): its own session, so Heat's signals and exit leave it running.
            start_new_session=True,
        )
    finally:
        os.close(log_fd)
    started = sweep.start_time(child.pid)
    if started is None:  # cannot happen before we reap it, but say so if it does
        raise EngineError(f"dockerd (pid {child.pid}) vanished right after launch")
    return EngineProcess(
        pid=child.pid,
        start_time=started,
        cgroups=sweep.cgroup_dirs(f"magnum-ui-{spec.key}"),
    )


def wait_until_answering(layout: EngineLayout, process: EngineProcess, timeout: float) -> None:
    """Poll the engine's unix socket until it answers ``/_ping``; fail fast if it exits."""
    deadline = time.monotonic() + timeout
    while True:
        if _answers(layout.socket):
            return
        if not sweep.is_running(process.pid, process.start_time):
            raise EngineError(f"dockerd exited during start-up: {log_tail(layout)}")
        if time.monotonic() > deadline:
            raise EngineError(f"dockerd did not answer within {timeout:g} s: {log_tail(layout)}")
        time.sleep(POLL_INTERVAL)


def stop(process: EngineProcess | None, netns: str) -> None:
    """Stop the engine and everything it started; raise if a process survives.

    dockerd stops Swarm tasks with their grace period (10 s by default), so
    while it shuts down the node's containers are killed outright: the node is
    being deleted and nothing in it is kept.
    """
    dirs = process.cgroups if process is not None else []
    if process is not None and sweep.is_running(process.pid, process.start_time):
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE
        while sweep.is_running(process.pid, process.start_time):
            if time.monotonic() > deadline:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(process.pid, signal.SIGKILL)
                break
            sweep.kill(sweep.cgroup_pids(dirs))
            time.sleep(POLL_INTERVAL)
    # What a killed (or crashed) dockerd leaves: containerd, shims, containers.
    deadline = time.monotonic() + SWEEP_TIMEOUT
    while True:
        left = (sweep.netns_pids(netns_path(netns)) | sweep.cgroup_pids(dirs)) - {os.getpid()}
        if process is not None and sweep.is_running(process.pid, process.start_time):
            left.add(process.pid)
        if not left:
            break
        if time.monotonic() > deadline:
            raise EngineError(f"processes {sorted(left)} of the engine survive SIGKILL")
        sweep.kill(left)
        time.sleep(POLL_INTERVAL)
    sweep.remove_cgroups(dirs)


def remove_files(layout: EngineLayout) -> None:
    """Unmount what the engine left under its folder, then delete the folder."""
    try:
        sweep.unmount_all_under(layout.folder)
    except OSError as exc:
        raise EngineError(str(exc)) from None
    remaining = sweep.mounts_under(layout.folder)
    if remaining:
        # rmtree would descend into a mounted file system: refuse.
        raise EngineError(f"still mounted under {layout.folder}: {', '.join(remaining)}")
    if layout.folder.exists():
        shutil.rmtree(layout.folder)


def log_tail(layout: EngineLayout, lines: int = 6) -> str:
    """The last lines dockerd wrote, for an error message."""
    try:
        text = layout.log.read_text(errors="replace")
    except FileNotFoundError:
        return "(no log)"
    tail = [line.strip() for line in text.strip().splitlines()[-lines:]]
    return " | ".join(tail) or "(empty log)"


def _answers(path: Path) -> bool:
    """Whether a Docker API answers 200 to ``GET /_ping`` on the unix socket ``path``."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(1.0)
            conn.connect(str(path))
            conn.sendall(b"GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n")
            status = conn.recv(64).split(b"\r\n", 1)[0]
    except OSError:
        return False
    return status.startswith(b"HTTP/1.") and status.split()[1:2] == [b"200"]
