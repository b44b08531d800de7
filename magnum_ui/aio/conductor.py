"""The conductor process of the all-in-one."""

from __future__ import annotations

import sys
from pathlib import Path

from magnum_ui.aio import service_api
from magnum_ui.aio.config import AioConfig
from magnum_ui.aio.processes import Service


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
