"""Horizon with this plugin, as the all-in-one runs it.

The plugin is installed the way an operator installs any Horizon plugin: its
enabled files go into Horizon's ``local/enabled`` (as links) and a settings
snippet into ``local/local_settings.d``.  Static files are collected and
compressed offline, again only when something they depend on changed.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import os
import sys
from pathlib import Path

from magnum_ui.aio.config import HOST, REPO, AioConfig
from magnum_ui.aio.processes import Service, StartError, gunicorn, http_ready, run_checked

PLUGIN = REPO / "magnum_ui" / "dashboard"
SNIPPET_NAME = "_50_magnum_ui_aio.py"
SNIPPET = """\
# Written by magnum_ui.aio: the all-in-one's Horizon settings.  It changes
# nothing unless the all-in-one started this Horizon (MAGNUM_UI_AIO=1).
from magnum_ui.aio.dashboard_settings import apply as _magnum_ui_aio_apply

_magnum_ui_aio_apply(globals())
"""


def horizon_dir() -> Path:
    spec = importlib.util.find_spec("openstack_dashboard")
    if spec is None or not spec.submodule_search_locations:
        raise StartError("dashboard: Horizon (openstack_dashboard) is not installed in this venv")
    return Path(next(iter(spec.submodule_search_locations)))


def enabled_files() -> list[Path]:
    return sorted((PLUGIN / "enabled").glob("_[0-9]*.py"))


def install_plugin() -> None:
    local = horizon_dir() / "local"
    enabled = local / "enabled"
    enabled.mkdir(exist_ok=True)
    for source in enabled_files():
        target = enabled / source.name
        if target.is_symlink() or target.exists():
            if target.resolve() == source.resolve():
                continue
            target.unlink()
        target.symlink_to(source)
    snippets = local / "local_settings.d"
    snippets.mkdir(exist_ok=True)
    snippet = snippets / SNIPPET_NAME
    if not snippet.exists() or snippet.read_text() != SNIPPET:
        snippet.write_text(SNIPPET)


def environment(cfg: AioConfig) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "openstack_dashboard.settings",
        "MAGNUM_UI_AIO": "1",
        "MAGNUM_UI_STATE_DIR": str(cfg.state_dir),
    }


def _fingerprint() -> str:
    """What the collected and compressed static files depend on."""
    digest = hashlib.sha256()
    digest.update(importlib.metadata.version("horizon").encode())
    roots = [REPO / "static", REPO / "templates", PLUGIN / "enabled"]
    files = [REPO / "magnum_ui" / "aio" / "dashboard_settings.py"]
    for root in roots:
        files.extend(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in sorted(files):
        digest.update(str(path.relative_to(REPO)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def collect_static(cfg: AioConfig) -> bool:
    """Collect and compress static files if stale; True when work was done."""
    home = cfg.state_dir / "dashboard"
    home.mkdir(parents=True, exist_ok=True)
    stamp = home / ".static-fingerprint"
    fingerprint = _fingerprint()
    if stamp.exists() and stamp.read_text() == fingerprint:
        return False
    stamp.unlink(missing_ok=True)
    env = {**os.environ, **environment(cfg)}
    log = cfg.logs_dir / "dashboard-static.log"
    django = [sys.executable, "-m", "django"]
    run_checked([*django, "collectstatic", "--noinput", "--clear", "-v0"],
                "dashboard: collectstatic", log, env=env)  # fmt: skip
    run_checked([*django, "compress", "--force"], "dashboard: compress", log, env=env)
    stamp.write_text(fingerprint)
    return True


def service(cfg: AioConfig) -> Service:
    return Service(
        name="dashboard",
        argv=gunicorn("magnum_ui.aio.dashboard_wsgi:application", cfg.dashboard_port, threads=4),
        env=environment(cfg),
        ready=http_ready(f"http://{HOST}:{cfg.dashboard_port}/auth/login/"),
    )  # fmt: skip
