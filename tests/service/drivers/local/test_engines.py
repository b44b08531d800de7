"""The engine's launch arguments, readiness and failure reports, without starting dockerd."""

from __future__ import annotations

import itertools
import socket
import subprocess
import threading
from ipaddress import IPv4Address
from pathlib import Path

import pytest

from magnum_ui.service.drivers.local import cgroups, engines, flavors, sweep
from magnum_ui.service.drivers.local.state import EngineProcess


def spec(folder: Path) -> engines.EngineSpec:
    layout = engines.EngineLayout(folder)
    address = IPv4Address("10.213.0.10")
    return engines.EngineSpec(
        layout, "bay-3f2a1b4c-master-0", "mui-abc", address, "abcdef012345",
        flavor=flavors.get("local.tiny"), disk_gib=5, remap="muu0123456789ab:muu0123456789ab",
    )  # fmt: skip


def test_dockerd_gets_its_own_everything_and_tls_on_the_node_address(tmp_path: Path) -> None:
    """The engine's files, cgroup parent, plugin and id range are its own; TLS on its address."""
    node_cgroups = cgroups.NodeCgroups("magnum-ui-abcdef012345", (), ())
    args = engines.dockerd_args(spec(tmp_path), node_cgroups)
    pairs = dict(itertools.pairwise(args))
    assert pairs["--data-root"] == str(tmp_path / "data")
    assert pairs["--exec-root"] == str(tmp_path / "x")
    assert pairs["--pidfile"] == str(tmp_path / "dockerd.pid")
    assert pairs["--cgroup-parent"] == "/magnum-ui-abcdef012345/containers"
    assert pairs["--userns-remap"] == "muu0123456789ab:muu0123456789ab"
    assert pairs["--authorization-plugin"] == "mui-abcdef012345"
    assert pairs["--bridge"] == "none"
    assert f"unix://{tmp_path}/docker.sock" in args
    assert "tcp://10.213.0.10:2376" in args
    assert {"--tlsverify", "--iptables=false"} <= set(args)


def test_certificates_are_written_for_root_only(tmp_path: Path) -> None:
    """The node's CA, certificate and key are files only root can read."""
    from magnum_ui.service.drivers.local.tls import NodeCertificates

    layout = engines.EngineLayout(tmp_path)
    engines.write_tls(layout, NodeCertificates("CA", "CERT", "KEY"))
    for name in ("ca.pem", "cert.pem", "key.pem"):
        assert (layout.tls / name).stat().st_mode & 0o777 == 0o600
    assert (layout.tls / "key.pem").read_text() == "KEY"


def test_an_answer_on_the_socket_means_ready(tmp_path: Path) -> None:
    """An engine whose socket answers /_ping with 200 is ready."""
    path = tmp_path / "docker.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)

    def answer() -> None:
        conn, _ = server.accept()
        with conn:
            conn.recv(1024)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK")

    thread = threading.Thread(target=answer)
    thread.start()
    try:
        process = EngineProcess(pid=1, start_time=sweep.start_time(1) or 0)
        engines.wait_until_answering(engines.EngineLayout(tmp_path), process, timeout=5)
    finally:
        thread.join()
        server.close()


def test_an_engine_that_exits_is_reported_at_once_with_its_log(tmp_path: Path) -> None:
    """An engine that exits during start-up is reported at once, with the end of its log."""
    layout = engines.EngineLayout(tmp_path)
    layout.log.write_text('level=fatal msg="unknown flag: --bogus"\n')
    child = subprocess.Popen(["true"])
    started = sweep.start_time(child.pid) or 0
    child.wait()
    with pytest.raises(
        engines.EngineError, match=r"exited during start-up: .*unknown flag: --bogus"
    ):
        engines.wait_until_answering(layout, EngineProcess(child.pid, started), timeout=30)


def test_stopping_an_engine_that_is_already_gone_is_fine(tmp_path: Path) -> None:
    """Stopping and removing an engine that is gone already succeeds (deletes are idempotent)."""
    engines.stop(EngineProcess(pid=2**22 + 7, start_time=1), "mui-no-such-netns", "0123456789ab")
    engines.stop(None, "mui-no-such-netns", "0123456789ab")
    (tmp_path / "node").mkdir()
    engines.remove_files(engines.EngineLayout(tmp_path / "node"))
    engines.remove_files(engines.EngineLayout(tmp_path / "node"))
    assert not (tmp_path / "node").exists()
