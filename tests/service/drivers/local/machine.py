"""What the local nodes leave on this machine: the tests' eyes on the kernel.

Each question is asked of the kernel directly (``ip``, ``iptables``, /proc),
never of the library's own records, so a test fails if the library forgets
something it no longer knows about.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from magnum_ui.service.drivers.local import cgroups, engines, nodes, sweep, userns
from magnum_ui.service.drivers.local.commands import SYSTEM_PATH
from magnum_ui.service.drivers.local.state import StateDir

# Never the all-in-one's default pool: test bays stay apart from real ones, and
# allocation checks the kernel, so two test runs never share a /24 either.
TEST_POOL = "10.214.0.0/16"

IS_ROOT = os.geteuid() == 0
HAS_DOCKERD = shutil.which("dockerd", path=SYSTEM_PATH) is not None
HAS_NETWORK_TOOLS = all(shutil.which(t, path=SYSTEM_PATH) for t in ("ip", "iptables"))
HAS_BUSYBOX = Path("/bin/busybox").is_file()

NOT_ROOT = "creates network namespaces, bridges and iptables rules: needs root"
NO_DOCKER = "needs Debian's docker.io (dockerd), iproute2, iptables and busybox-static"


def ip(*args: str) -> str:
    return subprocess.run(
        ["ip", *args], capture_output=True, text=True, check=True, env={"PATH": SYSTEM_PATH}
    ).stdout


def netns_names() -> set[str]:
    return {line.split()[0] for line in ip("netns", "list").splitlines() if line.strip()}


def link_names() -> set[str]:
    return {link["ifname"] for link in json.loads(ip("-j", "link", "show"))}


def forward_rules() -> str:
    return subprocess.run(
        ["iptables", "-w", "5", "-S", "FORWARD"], capture_output=True, text=True, check=True,
        env={"PATH": SYSTEM_PATH},
    ).stdout  # fmt: skip


def processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if text.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@dataclass
class KernelNames:
    """Every machine-wide name a root's bays and nodes use, read before they are deleted."""

    netns: set[str] = field(default_factory=set)
    links: set[str] = field(default_factory=set)
    bridges: set[str] = field(default_factory=set)
    cgroups: set[str] = field(default_factory=set)
    users: set[str] = field(default_factory=set)
    plugin_sockets: set[str] = field(default_factory=set)

    def __or__(self, other: KernelNames) -> KernelNames:
        return KernelNames(
            self.netns | other.netns,
            self.links | other.links,
            self.bridges | other.bridges,
            self.cgroups | other.cgroups,
            self.users | other.users,
            self.plugin_sockets | other.plugin_sockets,
        )

    def add(self, root: Path) -> KernelNames:
        state = StateDir(root)
        for bay in state.bays():
            self.bridges.add(bay.bridge)
            self.links.add(bay.bridge)
            if bay.user:
                self.users.add(bay.user)
        for record in state.nodes():
            self.add_node(record.netns, record.veth, record.key)
        return self

    def add_node(self, netns: str, veth: str, key: str) -> None:
        self.netns.add(netns)
        self.links.add(veth)
        self.cgroups.update(cgroups.node_folders(key))
        self.plugin_sockets.add(str(engines.plugin_socket(key)))


def leftovers(root: Path, names: KernelNames) -> list[str]:
    """Everything of ``root``'s bays still on the machine, described; empty when all is gone."""
    found = [f"network namespace {n}" for n in sorted(names.netns & netns_names())]
    found += [f"link {n}" for n in sorted(names.links & link_names())]
    rules = forward_rules()
    found += [f"FORWARD rule for {b}" for b in sorted(names.bridges) if f"-i {b} " in rules]
    found += [f"process {pid}" for pid in processes_mentioning(str(root))]
    found += [f"mount {m}" for m in sweep.mounts_under(root)]
    found += [f"cgroup {c}" for c in sorted(names.cgroups) if os.path.exists(c)]
    found += [f"user {u}" for u in sorted(names.users) if userns.user_exists(u)]
    found += [f"plugin socket {p}" for p in sorted(names.plugin_sockets) if os.path.exists(p)]
    if root.exists():
        found += [f"file {p}" for p in sorted(root.rglob("*"))]
    return found


def new_root() -> Path:
    """A fresh state folder, short enough for the engines' unix sockets."""
    return Path(tempfile.mkdtemp(prefix="mui-", dir="/tmp"))


def destroy(root: Path) -> None:
    """Remove every bay of ``root`` and then, whatever the library missed, by force."""
    names = KernelNames().add(root)
    clusters = {n.cluster_uuid for n in nodes.list_nodes(root)} | set(nodes.list_bays(root))
    for cluster in clusters:
        try:
            nodes.delete_bay(root, cluster)
        except Exception as exc:  # a teardown must go on: report and force
            print(f"delete_bay({cluster}) failed during clean-up: {exc}")
    for pid in processes_mentioning(str(root)):
        os.kill(pid, signal.SIGKILL)
    sweep.unmount_all_under(root)
    for netns in names.netns & netns_names():
        subprocess.run(["ip", "netns", "delete", netns], check=False, env={"PATH": SYSTEM_PATH})
    for link in names.links & link_names():
        subprocess.run(["ip", "link", "delete", link], check=False, env={"PATH": SYSTEM_PATH})
    for bridge in names.bridges:
        rule = ["iptables", "-w", "5", "-D", "FORWARD", "-i", bridge, "-o", bridge, "-j", "ACCEPT"]
        while subprocess.run(rule, capture_output=True, check=False).returncode == 0:
            pass
    sweep.remove_cgroups(sorted(names.cgroups))
    for user in names.users:
        if userns.user_exists(user):
            subprocess.run(["userdel", user], check=False, env={"PATH": SYSTEM_PATH})
    for socket in names.plugin_sockets:
        Path(socket).unlink(missing_ok=True)
    shutil.rmtree(root, ignore_errors=True)
