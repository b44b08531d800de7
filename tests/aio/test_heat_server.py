"""The one-process Heat: its HTTP server stops without cutting requests short; its steps."""

from __future__ import annotations

import threading
import time
import urllib.request
from collections.abc import Callable, Iterable
from typing import Any
from wsgiref.simple_server import make_server

import pytest

from magnum_ui.aio import heat_server
from magnum_ui.aio.heat_server import ThreadingWSGIServer


def test_stopping_finishes_the_requests_in_flight() -> None:
    """shutdown() + server_close() return only after a running request has been answered."""
    entered, answered = threading.Event(), threading.Event()

    def slow_app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        entered.set()
        time.sleep(0.5)
        start_response("200 OK", [("Content-Type", "text/plain")])
        answered.set()
        return [b"done"]

    server = make_server("127.0.0.1", 0, slow_app, server_class=ThreadingWSGIServer)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    replies: list[bytes] = []

    def ask() -> None:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            replies.append(response.read())

    client = threading.Thread(target=ask)
    client.start()
    assert entered.wait(5)
    server.shutdown()
    server.server_close()
    assert answered.is_set()
    client.join(timeout=5)
    assert replies == [b"done"]


def test_heat_steps_are_made_quicker_once_and_only_from_heats_own_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """TaskRunner waits STEP_SECONDS between steps; a Heat whose default is not 1 s stops us."""
    from heat.engine import scheduler

    monkeypatch.setattr(scheduler.TaskRunner.__call__, "__defaults__",
                        scheduler.TaskRunner.__call__.__defaults__)  # fmt: skip
    heat_server._quicker_steps(heat_server.STEP_SECONDS)
    assert scheduler.TaskRunner.__call__.__defaults__[0] == heat_server.STEP_SECONDS
    with pytest.raises(SystemExit, match=r"TaskRunner\.__call__ changed"):
        heat_server._quicker_steps(heat_server.STEP_SECONDS)
