"""The conductor process of the all-in-one, and where the local driver keeps its nodes."""

from __future__ import annotations

import sys
from pathlib import Path

from magnum_ui.aio import service_api
from magnum_ui.aio.config import AioConfig
from magnum_ui.aio.processes import Service, StartError

# The engines' unix sockets live under this folder; a socket path may not
# exceed 108 bytes, which leaves the folder at most 53 characters.
MAX_NODES_DIR = 53


def nodes_dir(cfg: AioConfig) -> Path:
    """The local driver's state folder (the Heat process creates the nodes there)."""
    path = cfg.state_dir / "nodes"
    if len(str(path)) > MAX_NODES_DIR:
        raise StartError(
            f"the local nodes' folder {path} is longer than {MAX_NODES_DIR} characters, "
            "too long for the Docker Engines' sockets; set MAGNUM_UI_STATE_DIR to a shorter path"
        )
    return path


def service(cfg: AioConfig, log: Path) -> Service:
    return Service(
        name="conductor",
        argv=[sys.executable, "-m", "magnum_ui.service.conductor.cli", "--config-file",
              str(service_api.config_file(cfg))],
        ready=lambda: "started" in _tail(log),
        restarts=10,
    )  # fmt: skip


def _tail(log: Path) -> str:
    try:
        with log.open("rb") as text:
            text.seek(0, 2)
            text.seek(max(0, text.tell() - 4096))
            return text.read().decode(errors="replace")
    except OSError:
        return ""
