"""The bay's policy plugin as dockerd meets it: Docker's plugin protocol over a unix socket."""

from __future__ import annotations

import base64
import contextlib
import http.client
import json
import os
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from magnum_ui.service.drivers.local import bay_policy, bay_policy_plugin

SCRIPT = Path(bay_policy_plugin.__file__)
PLUGIN_TYPE = "application/vnd.docker.plugins.v1+json"
# Starts the plugin as its own child, as the launcher does (dockerd is the plugin's parent).
PARENT = (
    "import os, subprocess, sys; p = subprocess.Popen([sys.executable, '-I', '-S', "
    "*sys.argv[1:], str(os.getpid())]); print(p.pid, flush=True); sys.stdin.read()"
)


class UnixConnection(http.client.HTTPConnection):
    """An HTTP connection over a unix socket, as dockerd's plugin client makes."""

    def __init__(self, path: Path) -> None:
        super().__init__("plugin", timeout=5)
        self.socket_path = path

    def connect(self) -> None:
        """Connect to the plugin's socket instead of a TCP port."""
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(5)
        self.sock.connect(str(self.socket_path))


def call(path: Path, endpoint: str, payload: Any = None) -> tuple[int, str | None, Any]:
    """POST ``payload`` (JSON, or bytes as they are) to the plugin: status, type and answer."""
    connection = UnixConnection(path)
    try:
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        connection.request("POST", endpoint, body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type"), json.loads(response.read())
    finally:
        connection.close()


def authz(method: str, uri: str, body: Any = None) -> dict[str, Any]:
    """An AuthZReq payload as dockerd sends it."""
    headers = {"Content-Type": "application/json"}
    payload = {"RequestMethod": method, "RequestUri": uri, "User": "bay-owner",
               "UserAuthNMethod": "TLS", "RequestHeaders": headers}  # fmt: skip
    if body is not None:
        payload["RequestBody"] = base64.b64encode(json.dumps(body).encode()).decode()
    return payload


def answers(path: Path) -> bool:
    """Whether something accepts connections on the unix socket ``path``."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(str(path))
        except OSError:
            return False
    return True


def within(seconds: float, condition: Callable[[], bool]) -> bool:
    """Whether ``condition`` holds within ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def gone(pid: int) -> bool:
    """Whether process ``pid`` has exited (a zombie nobody reaped yet counts as exited)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (FileNotFoundError, ProcessLookupError):
        return True


@pytest.fixture
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a short path: a unix socket's path has at most 107 bytes."""
    return tmp_path_factory.mktemp("bp")


@pytest.fixture
def parent() -> Iterator[subprocess.Popen[bytes]]:
    """A process standing in for dockerd, killed and reaped at the end if a test did not."""
    process = subprocess.Popen(["sleep", "60"])
    yield process
    process.kill()
    process.wait()


@pytest.fixture
def plugin(folder: Path, parent: subprocess.Popen[bytes]) -> Iterator[Path]:
    """The plugin serving in a thread on a socket in ``folder`` until ``parent`` is gone."""
    path = folder / "policy.sock"
    thread = threading.Thread(
        target=bay_policy_plugin.serve, args=(str(path), parent.pid), daemon=True
    )
    thread.start()
    assert within(5, lambda: answers(path))
    yield path
    parent.kill()
    parent.wait()
    thread.join(timeout=2)
    assert not thread.is_alive()


def test_the_plugin_says_it_implements_authz(plugin: Path) -> None:
    """Plugin.Activate answers that the plugin implements authz, as a plugin JSON document."""
    assert call(plugin, "/Plugin.Activate") == (200, PLUGIN_TYPE, {"Implements": ["authz"]})


def test_the_plugin_allows_and_refuses_requests(plugin: Path) -> None:
    """AuthZReq answers Allow with an empty Msg, or a refusal with the policy's message."""
    allowed = call(plugin, "/AuthZPlugin.AuthZReq", authz("GET", "/v1.41/containers/json"))
    assert allowed == (200, PLUGIN_TYPE, {"Allow": True, "Msg": ""})
    body = {"Image": "busybox", "HostConfig": {"Binds": ["/:/host"]}}
    _, _, refused = call(plugin, "/AuthZPlugin.AuthZReq", authz("POST", "/containers/create", body))
    message = 'host bind mounts are not allowed (HostConfig.Binds "/:/host")'
    assert refused == {"Allow": False, "Msg": bay_policy.PREFIX + message}


def test_every_response_is_allowed(plugin: Path) -> None:
    """AuthZRes always allows: every request was decided before it ran."""
    payload = authz("POST", "/containers/create") | {"ResponseStatusCode": 201}
    assert call(plugin, "/AuthZPlugin.AuthZRes", payload) == (200, PLUGIN_TYPE, {"Allow": True})


@pytest.mark.parametrize(
    "payload", [b"not json", b"[1, 2]", b"", authz("POST", "/volumes/create") | {"RequestBody": 7}]
)
def test_a_malformed_request_is_refused_and_the_plugin_carries_on(
    plugin: Path, payload: Any
) -> None:
    """A call the plugin cannot read is refused with a reason, and the next one is answered."""
    status, _, answer = call(plugin, "/AuthZPlugin.AuthZReq", payload)
    assert status == 200
    assert answer["Allow"] is False
    assert answer["Msg"].startswith(bay_policy.PREFIX)
    assert call(plugin, "/Plugin.Activate")[0] == 200


def test_unknown_calls_are_not_found(plugin: Path) -> None:
    """A call the plugin does not implement answers 404 with an error."""
    status, content_type, answer = call(plugin, "/VolumeDriver.Create", {"Name": "x"})
    assert (status, content_type, list(answer)) == (404, PLUGIN_TYPE, ["Err"])


def test_an_oversized_call_is_refused_unread(plugin: Path) -> None:
    """A call declaring more than 4 MiB is answered 413 without reading it."""
    connection = UnixConnection(plugin)
    connection.putrequest("POST", "/AuthZPlugin.AuthZReq")
    connection.putheader("Content-Length", str(5 * 1024 * 1024))
    connection.endheaders()
    assert connection.getresponse().status == 413
    connection.close()


def test_the_socket_is_for_its_owner_only(plugin: Path) -> None:
    """The socket is created with mode 0600."""
    assert stat.S_IMODE(plugin.stat().st_mode) == 0o600


def test_a_stale_socket_is_replaced(folder: Path, parent: subprocess.Popen[bytes]) -> None:
    """A socket file left by a plugin that died is removed, and the plugin binds in its place."""
    path = folder / "policy.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as stale:
        stale.bind(str(path))
    thread = threading.Thread(
        target=bay_policy_plugin.serve, args=(str(path), parent.pid), daemon=True
    )
    thread.start()
    assert within(5, lambda: answers(path))
    parent.kill()
    parent.wait()
    thread.join(timeout=2)
    assert not thread.is_alive()
    assert not path.exists()


def test_the_script_runs_isolated_and_stops_when_its_parent_is_gone(
    folder: Path, parent: subprocess.Popen[bytes]
) -> None:
    """Run as dockerd runs it, the script answers quietly, and exits within 2 s of its parent."""
    path = folder / "policy.sock"
    command = [sys.executable, "-I", "-S", str(SCRIPT), str(path), str(parent.pid)]
    with subprocess.Popen(command, stderr=subprocess.PIPE) as script:
        assert within(5, lambda: answers(path))
        assert call(path, "/Plugin.Activate")[2] == {"Implements": ["authz"]}
        _, _, answer = call(path, "/AuthZPlugin.AuthZReq", authz("POST", "/v1.41/plugins/pull"))
        assert answer["Allow"] is False
        parent.kill()
        parent.wait()
        _, stderr = script.communicate(timeout=2)
    assert (script.returncode, stderr) == (0, b"")
    assert not path.exists()


def test_the_script_notices_its_own_parent_die_before_it_is_reaped(folder: Path) -> None:
    """When dockerd is its parent, the script exits within 2 s even while dockerd is a zombie."""
    path = folder / "policy.sock"
    command = [sys.executable, "-c", PARENT, str(SCRIPT), str(path)]
    with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE) as dockerd:
        assert dockerd.stdin is not None
        assert dockerd.stdout is not None
        script_pid = int(dockerd.stdout.readline())
        try:
            assert within(5, lambda: answers(path))
            dockerd.stdin.close()  # it exits, and stays unreaped until wait() below
            assert within(5, lambda: gone(dockerd.pid))
            assert within(2, lambda: gone(script_pid))
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.kill(script_pid, 9)


def test_the_script_wants_a_socket_path_and_a_pid() -> None:
    """Run with the wrong arguments, the script says how to run it."""
    with pytest.raises(SystemExit, match=r"^usage: bay_policy_plugin\.py SOCKET_PATH PARENT_PID$"):
        bay_policy_plugin.main(["/run/docker/plugins/x.sock"])
