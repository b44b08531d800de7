"""``magnum-ui-api serve``: the API command of the service."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from magnum_ui.service import cli


def test_serve_forks_its_workers_without_a_database_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Connections opened by migrate are closed before gunicorn forks its workers."""
    calls: list[str] = []

    def record(name: str) -> Any:
        return lambda *args, **kwargs: calls.append(name)

    monkeypatch.setattr("django.core.management.call_command", record("migrate"))
    monkeypatch.setattr("django.db.connections.close_all", record("close connections"))
    monkeypatch.setattr("gunicorn.app.wsgiapp.run", record("gunicorn"))
    monkeypatch.setattr("sys.argv", ["magnum-ui-api"])

    assert cli.main(["serve"]) == 0
    assert calls == ["migrate", "close connections", "gunicorn"]


def test_serve_runs_threaded_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """gthread workers: an idle or slow client holds a thread, never a whole worker."""
    argv: list[str] = []
    monkeypatch.setattr("django.core.management.call_command", lambda *a, **k: None)
    monkeypatch.setattr("gunicorn.app.wsgiapp.run", lambda: argv.extend(sys.argv))
    monkeypatch.setattr("sys.argv", ["magnum-ui-api"])

    assert cli.main(["serve"]) == 0
    options = dict(zip(argv[1::2], argv[2::2], strict=False))
    assert (options["--worker-class"], options["--threads"], options["--workers"]) == (
        "gthread", "16", "2",
    )  # fmt: skip


def test_serve_keeps_idle_connections_longer_than_its_clients_pause(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Idle keep-alive connections outlive the dashboard's 10 s polls (gunicorn's 2 s did not)."""
    argv: list[str] = []
    monkeypatch.setattr("django.core.management.call_command", lambda *a, **k: None)
    monkeypatch.setattr("gunicorn.app.wsgiapp.run", lambda: argv.extend(sys.argv))
    monkeypatch.setattr("sys.argv", ["magnum-ui-api"])

    assert cli.main(["serve"]) == 0
    assert int(argv[argv.index("--keep-alive") + 1]) > 10


def test_registry_tokens_serves_the_token_app_alone_without_a_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """registry-tokens runs no migration and binds [registry] token_host:token_port."""
    argv: list[str] = []
    migrated: list[int] = []
    monkeypatch.setattr("django.core.management.call_command", lambda *a, **k: migrated.append(1))
    monkeypatch.setattr("gunicorn.app.wsgiapp.run", lambda: argv.extend(sys.argv))
    monkeypatch.setattr("sys.argv", ["magnum-ui-api"])

    assert cli.main(["registry-tokens"]) == 0
    assert migrated == []
    assert argv[argv.index("--bind") + 1] == "127.0.0.1:5051"
    assert "--preload" in argv
    assert argv[-1] == "magnum_ui.service.api.registry_tokens:build_application()"
