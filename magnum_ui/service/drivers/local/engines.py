"""A node's Docker Engine: starting it detached and confined, and stopping it for good.

The engine is Debian's ``dockerd`` with everything of its own: data-root (on
the node's own disk, :mod:`.disks`), exec-root, pidfile, unix socket, config
file, containerd namespaces, cgroups (:mod:`.cgroups`) and the TLS listener on
the node's address.  It is launched as

    nsenter --net=/run/netns/NS -- unshare --uts -- python launcher.py --hostname NAME
        --join .../engine/cgroup.procs --policy bay_policy.py SOCKET -- dockerd ...

in a new session, so it outlives Heat (and a restart of Heat), has its own
hostname (Swarm names nodes by it) and sees the host's /sys and cgroups
(``ip netns exec`` would remount /sys and hide them).  ``--bridge none
--iptables=false`` keep it from touching the host's firewall or addresses.

The engine is confined as the bay's owner, who holds a client certificate
for it, is an adversary: ``--userns-remap`` runs every container as the
bay's unprivileged ids (:mod:`.userns`), and ``--authorization-plugin``
sends every API request through the bay's policy (:mod:`.bay_policy`), which
refuses what would reach the host (privileged containers, host namespaces and
mounts, devices, capabilities, plugins, another cgroup parent, ...).
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
from collections.abc import Callable
from dataclasses import dataclass, field
from ipaddress import IPv4Address
from pathlib import Path

from magnum_ui.service.drivers.local import cgroups, disks, sweep
from magnum_ui.service.drivers.local.commands import CLEAN_ENV, tool
from magnum_ui.service.drivers.local.flavors import LocalFlavor
from magnum_ui.service.drivers.local.network import netns_path
from magnum_ui.service.drivers.local.state import EngineProcess
from magnum_ui.service.drivers.local.tls import NodeCertificates

TLS_PORT = 2376
LAUNCHER = Path(__file__).with_name("launcher.py")
POLICY_PLUGIN = Path(__file__).with_name("bay_policy_plugin.py")
# dockerd looks for a legacy plugin's socket here, whatever its own exec-root.
PLUGIN_SOCKETS = Path("/run/docker/plugins")
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

    @property
    def data(self) -> Path:
        """The data-root: the mount point of the node's disk."""
        return self.folder / "data"

    @property
    def disk(self) -> Path:
        return self.folder / "disk.img"


@dataclass(frozen=True)
class EngineSpec:
    layout: EngineLayout
    hostname: str
    netns: str
    address: IPv4Address
    # Names the engine's cgroups, plugin and containerd namespaces: unique on the machine.
    key: str
    flavor: LocalFlavor
    disk_gib: int
    remap: str  # dockerd's --userns-remap, "user:group" of the bay's id range
    group: str = ""  # the node group, shown as an engine label (docker node inspect)
    extra_args: tuple[str, ...] = field(default=())

    @property
    def plugin(self) -> str:
        """The name of the bay's policy plugin for this engine."""
        return f"mui-{self.key}"


def plugin_socket(key: str) -> Path:
    return PLUGIN_SOCKETS / f"mui-{key}.sock"


def write_tls(layout: EngineLayout, certs: NodeCertificates) -> None:
    """The engine's CA, certificate and key as files only root can read."""
    layout.tls.mkdir(mode=0o700, parents=True, exist_ok=True)
    for name, text in (("ca.pem", certs.ca_pem), ("cert.pem", certs.cert_pem),
                       ("key.pem", certs.key_pem)):  # fmt: skip
        path = layout.tls / name
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(text)


def dockerd_args(spec: EngineSpec, node_cgroups: cgroups.NodeCgroups) -> list[str]:
    folder, tls = spec.layout.folder, spec.layout.tls
    return [
        # A config of its own: /etc/docker/daemon.json is the host's engine's.
        "--config-file", str(folder / "daemon.json"),
        "--data-root", str(spec.layout.data),
        # Kept short ("x"): containerd's sockets live under it and must fit in 108 bytes.
        "--exec-root", str(folder / "x"),
        "--pidfile", str(folder / "dockerd.pid"),
        "-H", spec.layout.unix_url,
        # Root's alone: the unix socket skips TLS and with it the bay's Swarm rules.
        "--group", "root",
        "-H", f"tcp://{spec.address}:{TLS_PORT}",
        "--tlsverify",
        "--tlscacert", str(tls / "ca.pem"),
        "--tlscert", str(tls / "cert.pem"),
        "--tlskey", str(tls / "key.pem"),
        "--bridge", "none",
        "--iptables=false",
        "--ip-masq=false",
        "--ip-forward=false",
        "--cgroup-parent", node_cgroups.container_parent,
        "--userns-remap", spec.remap,
        "--authorization-plugin", spec.plugin,
        # Should a system containerd be running, dockerd would share it: keep apart.
        "--containerd-namespace", f"mui-{spec.key}",
        "--containerd-plugins-namespace", f"mui-{spec.key}-plugins",
        "--swarm-default-advertise-addr", str(spec.address),
        "--label", f"org.openstack.magnum-ui.nodegroup={spec.group}",
        *spec.extra_args,
    ]  # fmt: skip


def prepare(spec: EngineSpec) -> cgroups.NodeCgroups:
    """The node's disk (mounted on the data-root) and cgroups, before its engine starts.

    Each part is found and removed by :func:`stop` and :func:`remove_files`
    when something later fails, so the caller's undo needs nothing more.
    """
    folder = spec.layout.folder
    (folder / "x").mkdir(mode=0o700, parents=True, exist_ok=True)
    disks.create(spec.layout.disk, spec.layout.data, spec.disk_gib)
    return cgroups.create(spec.key, spec.flavor)


def start(spec: EngineSpec, node_cgroups: cgroups.NodeCgroups) -> EngineProcess:
    """Launch the engine detached; it is not answering yet (see :func:`wait_until_answering`)."""
    folder = spec.layout.folder
    # dockerd 20.10 keeps the key that makes its engine ID in /etc/docker/key.json
    # unless told otherwise: every node would share one ID and write outside its folder.
    config = {"deprecated-key-path": str(folder / "key.json")}
    (folder / "daemon.json").write_text(json.dumps(config) + "\n")
    PLUGIN_SOCKETS.mkdir(mode=0o755, parents=True, exist_ok=True)
    joins = [arg for procs in node_cgroups.engine_procs for arg in ("--join", procs)]
    argv = [
        tool("nsenter"), f"--net={netns_path(spec.netns)}", "--",
        tool("unshare"), "--uts", "--",
        # -I -S: the standard library only, whatever Heat's environment holds.
        sys.executable, "-I", "-S", str(LAUNCHER), "--hostname", spec.hostname, *joins,
        "--policy", str(POLICY_PLUGIN), str(plugin_socket(spec.key)), "--",
        tool("dockerd"), *dockerd_args(spec, node_cgroups),
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
    return EngineProcess(pid=child.pid, start_time=started, cgroups=list(node_cgroups.folders))


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


def stop(process: EngineProcess | None, netns: str, key: str) -> None:
    """Stop the engine and everything it started; raise if a process survives.

    dockerd stops Swarm tasks with their grace period (10 s by default), so
    while it shuts down the node's containers are killed outright: the node is
    being deleted and nothing in it is kept.
    """
    # The folders exist from before the engine's start: a failed start leaves them too.
    dirs = sorted({*(process.cgroups if process is not None else []), *cgroups.node_folders(key)})
    _end(process, netns, dirs, gently=False)
    cgroups.remove(dirs)
    plugin_socket(key).unlink(missing_ok=True)


def restart(
    spec: EngineSpec, process: EngineProcess | None, node_cgroups: cgroups.NodeCgroups,
    timeout: float, while_stopped: Callable[[], None] | None = None,
) -> EngineProcess:  # fmt: skip
    """Stop the engine gently (dockerd stops its containers), start it again, wait for it.

    The node keeps its network, disk, cgroups and Swarm membership: the new
    dockerd reads its state back from the same data-root.  ``while_stopped``
    runs in between (growing the disk).
    """
    _end(process, spec.netns, list(node_cgroups.folders), gently=True)
    if while_stopped is not None:
        while_stopped()
    started = start(spec, node_cgroups)
    wait_until_answering(spec.layout, started, timeout)
    return started


def _end(process: EngineProcess | None, netns: str, dirs: list[str], gently: bool) -> None:
    """SIGTERM dockerd and wait, then SIGKILL whatever of the engine is left."""
    if process is not None and sweep.is_running(process.pid, process.start_time):
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE
        while sweep.is_running(process.pid, process.start_time):
            if time.monotonic() > deadline:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(process.pid, signal.SIGKILL)
                break
            if not gently:
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
