"""The bay's policy plugin: Docker's authorization plugin protocol on a unix socket.

The launcher starts it beside each node's dockerd, before dockerd (which will not start
without it), as::

    python -I -S bay_policy_plugin.py /run/docker/plugins/mui-KEY.sock DOCKERD_PID

It answers ``Plugin.Activate``, and ``AuthZPlugin.AuthZReq`` with :func:`.bay_policy.decide`,
one call at a time, and stops once DOCKERD_PID is gone.  Standard library only: it runs
isolated from Heat's environment (``-I -S``), so it finds :mod:`.bay_policy` beside itself.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import os
import re
import socketserver
import stat
import sys
from typing import Any

try:
    from magnum_ui.service.drivers.local import bay_policy
except ImportError:  # run as a script with -I -S: the rules are the file beside this one
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import bay_policy  # type: ignore[no-redef]

PLUGIN_CONTENT_TYPE = "application/vnd.docker.plugins.v1+json"
MAX_REQUEST_BYTES = 4 * 1024 * 1024
POLL_SECONDS = 0.5
CONNECTION_TIMEOUT_SECONDS = 10.0  # a silent client must not hold the only thread for long


class _Handler(http.server.BaseHTTPRequestHandler):
    """Docker's plugin protocol: a JSON call in, a JSON answer out."""

    protocol_version = "HTTP/1.1"
    timeout = CONNECTION_TIMEOUT_SECONDS

    def do_POST(self) -> None:
        """Answer one plugin call, then close: an idle keep-alive would hold the only thread."""
        length = self.headers.get("Content-Length", "")
        if not re.fullmatch("[0-9]{1,12}", length) or int(length) > MAX_REQUEST_BYTES:
            status, answer = 413, {"Err": f"a call needs a length of at most {MAX_REQUEST_BYTES}"}
        else:
            status, answer = _call(self.path, self.rfile.read(int(length)))
        body = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", PLUGIN_CONTENT_TYPE)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Stay quiet about normal calls; errors still reach stderr."""


def _call(path: str, payload: bytes) -> tuple[int, dict[str, Any]]:
    """The status and answer of one plugin call."""
    if path == "/Plugin.Activate":
        return 200, {"Implements": ["authz"]}
    if path == "/AuthZPlugin.AuthZRes":
        return 200, {"Allow": True}  # the request was decided before it ran
    if path != "/AuthZPlugin.AuthZReq":
        return 404, {"Err": f"{path} is not a call of this plugin"}
    try:
        request = json.loads(payload)
    except (ValueError, RecursionError):
        request = None
    if not isinstance(request, dict):
        return 200, {
            "Allow": False,
            "Msg": f"{bay_policy.PREFIX}the authorization request is not JSON",
        }
    decision = bay_policy.decide(request)
    return 200, {"Allow": decision.allow, "Msg": decision.reason}


class _Server(socketserver.UnixStreamServer):
    """One call at a time; ``handle_request`` returns every half second to look at the parent."""

    timeout = POLL_SECONDS


def serve(socket_path: str, parent_pid: int) -> None:
    """Answer dockerd on ``socket_path`` (mode 0600) until process ``parent_pid`` is gone."""
    with contextlib.suppress(FileNotFoundError):
        if stat.S_ISSOCK(os.lstat(socket_path).st_mode):
            os.unlink(socket_path)  # left by a plugin that did not stop cleanly
    umask = os.umask(0o177)
    try:
        server = _Server(socket_path, _Handler)
    finally:
        os.umask(umask)
    bound = os.stat(socket_path)
    child = os.getppid() == parent_pid
    try:
        while _alive(parent_pid, child):
            server.handle_request()
    finally:
        server.server_close()
        with contextlib.suppress(FileNotFoundError):
            if os.path.samestat(os.stat(socket_path), bound):  # not a successor's socket
                os.unlink(socket_path)


def _alive(parent_pid: int, child: bool) -> bool:
    """Whether the parent is still there: by parenthood if it is ours, else by its pid."""
    if child:
        return os.getppid() == parent_pid  # right even while it is an unreaped zombie
    try:
        os.kill(parent_pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def main(argv: list[str]) -> None:
    """``bay_policy_plugin.py SOCKET_PATH PARENT_PID``: serve until the parent is gone."""
    if len(argv) != 2 or not re.fullmatch("[0-9]{1,10}", argv[1]):
        raise SystemExit("usage: bay_policy_plugin.py SOCKET_PATH PARENT_PID")
    serve(argv[0], int(argv[1]))


if __name__ == "__main__":
    main(sys.argv[1:])
