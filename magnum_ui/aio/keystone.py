"""Real Keystone for the all-in-one: configuration, bootstrap and process.

Keystone keeps its data in the all-in-one's PostgreSQL (database ``keystone``),
as Heat and the service do: on SQLite, a few bays made and deleted at once
had it answer "database is locked" to Heat's project deletions, leaving
stacks behind.  A state folder made before keeps its SQLite file
(``<state>/keystone/keystone.db``) until ``make reset``.  It issues fernet
tokens, whose keys live under ``<state>/keystone``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from magnum_ui.aio import postgres
from magnum_ui.aio.config import HOST, AioConfig
from magnum_ui.aio.files import write_private
from magnum_ui.aio.processes import Service, gunicorn, http_ready, run_checked

REGION = "RegionOne"


def home(cfg: AioConfig) -> Path:
    return cfg.state_dir / "keystone"


def config_file(cfg: AioConfig) -> Path:
    return home(cfg) / "keystone.conf"


def _bin(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def database_url(cfg: AioConfig) -> str:
    legacy = home(cfg) / "keystone.db"
    if legacy.exists():
        return f"sqlite:///{legacy}"
    return postgres.url(cfg, "keystone", scheme="postgresql+psycopg2")


def write_config(cfg: AioConfig) -> None:
    root = home(cfg)
    root.mkdir(parents=True, exist_ok=True)
    write_private(
        config_file(cfg),
        f"""[DEFAULT]
use_stderr = true

[database]
connection = {database_url(cfg)}

[identity]
# Heat logs its service users in with their passwords several times per stack
# action (trusts, nested stacks); at bcrypt's default cost (12: a quarter of a
# second of CPU each) that was seconds of every bay operation.  The cost of 4
# keeps bcrypt; the service users' passwords are long random secrets, which no
# cost factor protects further, and the database is the private PostgreSQL.
password_hash_rounds = 4

[token]
provider = fernet
expiration = 28800

[fernet_tokens]
key_repository = {root / "fernet-keys"}

[fernet_receipts]
key_repository = {root / "fernet-keys"}

[credential]
key_repository = {root / "credential-keys"}

[cache]
# In the one Keystone process (see service()): without it every token issued
# or validated took 0.4 s of database reads, several times per bay operation.
enabled = true
backend = oslo_cache.dict
""",
    )


def bootstrap(cfg: AioConfig) -> None:
    """First run: schema, keys and the admin; later runs: only the admin password.

    ``keystone-manage bootstrap`` is idempotent and resets the admin password,
    so a changed ``MAGNUM_UI_PASSWORD`` takes effect on the next run.
    """
    write_config(cfg)
    log = cfg.logs_dir / "keystone-setup.log"
    manage = [_bin("keystone-manage"), "--config-file", str(config_file(cfg))]
    marker = home(cfg) / ".schema-ready"
    if not marker.exists():
        run_checked([*manage, "db_sync"], "keystone: db_sync", log)
        for repo in ("fernet_setup", "credential_setup"):
            run_checked(
                [*manage, repo, "--keystone-user", "root", "--keystone-group", "root"],
                f"keystone: {repo}",
                log,
            )
        marker.write_text("ok\n")
    # A digest of the admin password, but still nobody else's business.
    stamp = home(cfg) / ".admin-password"
    digest = _digest(cfg.password)
    if stamp.exists() and stamp.read_text() == digest:
        return
    url = f"http://{HOST}:{cfg.keystone_port}/v3"
    run_checked(
        [
            *manage, "bootstrap",
            "--bootstrap-username", "admin",
            "--bootstrap-project-name", "admin",
            "--bootstrap-role-name", "admin",
            "--bootstrap-service-name", "keystone",
            "--bootstrap-region-id", REGION,
            "--bootstrap-admin-url", url,
            "--bootstrap-public-url", url,
            "--bootstrap-internal-url", url,
        ],
        "keystone: bootstrap",
        log,
        # In the environment, not the argument list, so `ps` never shows it.
        env={**os.environ, "OS_BOOTSTRAP_PASSWORD": cfg.password},
    )  # fmt: skip
    write_private(stamp, digest)


def _digest(password: str) -> str:
    import hashlib

    return hashlib.sha256(password.encode()).hexdigest()


def service(cfg: AioConfig) -> Service:
    # One process, so its in-memory cache is the only one: what Keystone forgets
    # on a change (a revoked token, a removed role) is forgotten everywhere.
    app = "magnum_ui.aio.keystone_wsgi:application"
    return Service(
        name="keystone",
        argv=gunicorn(app, cfg.keystone_port, threads=8, workers=1),
        env={"OS_KEYSTONE_CONFIG_FILES": str(config_file(cfg))},
        ready=http_ready(f"http://{HOST}:{cfg.keystone_port}/v3"),
    )  # fmt: skip
