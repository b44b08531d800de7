"""A recorded container-infra API on loopback, for testing the dashboard's client.

It answers each ``(method, path)`` with a canned ``(status, body)`` and keeps
every request it saw, so tests run the real python-magnumclient and
keystoneauth over real HTTP without the service, its database or Keystone
(those run together in ``tests/e2e``).
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from typing import Any

Answer = tuple[int, Any]


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


@dataclass
class FakeService:
    answers: dict[tuple[str, str], Answer] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    url: str = ""

    def answer(self, method: str, path: str, status: int, body: Any = None) -> None:
        self.answers[(method, path)] = (status, body)

    def request(self, project_id: str = "project-1") -> Any:
        """A Horizon-like request of a user of ``project_id`` whose catalog points here."""
        user = SimpleNamespace(token=SimpleNamespace(id="user-token"), project_id=project_id)
        return SimpleNamespace(user=user)


def _handler(fake: FakeService) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else None
            fake.seen.append(Seen(self.command, self.path, dict(self.headers), body))
            status, answer = fake.answers.get(
                (self.command, self.path),
                (404, {"errors": [{"status": 404, "title": "Not recorded", "detail": self.path}]}),
            )
            data = b"" if answer is None else json.dumps(answer).encode()
            self.send_response(status)
            if data:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = do_DELETE = _serve

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@contextlib.contextmanager
def running() -> Iterator[FakeService]:
    """``with running() as fake:`` serves a :class:`FakeService` on a free loopback port."""
    fake = FakeService()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    fake.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
    )
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
