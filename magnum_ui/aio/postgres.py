"""The private PostgreSQL server of the all-in-one.

It runs as the ``postgres`` system user (PostgreSQL refuses root) with its
data and socket under ``<state>/postgres``, listens on 127.0.0.1 only and
asks every client for a password (scram-sha-256).  Each database is owned by
a login role of the same name with a password of its own, so the service API
cannot reach Heat's tables, nor Heat the service's.
"""

from __future__ import annotations

import glob
import os
import pwd
import signal
from pathlib import Path

from magnum_ui.aio.config import HOST, AioConfig
from magnum_ui.aio.files import write_private
from magnum_ui.aio.processes import Service, StartError, run_checked

OS_USER = "postgres"
# Database names, each also the name of its owner role.
DATABASES = ("magnum_ui", "heat", "keystone")


def bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=_major)
    if not found:
        raise StartError("postgres: no PostgreSQL server found (apt-get install postgresql)")
    return Path(found[-1]).parent


def _major(path: str) -> int:
    return int(Path(path).parent.parent.name)


def home(cfg: AioConfig) -> Path:
    return cfg.state_dir / "postgres"


def socket_dir(cfg: AioConfig) -> Path:
    return home(cfg) / "socket"


def password(cfg: AioConfig, database: str) -> str:
    """Password of the role that owns ``database``."""
    return cfg.secret(f"postgres_{database}")


def url(cfg: AioConfig, database: str, scheme: str = "postgresql") -> str:
    """Connection URL of one database as its owner, through the Unix socket.

    ``scheme`` names the SQLAlchemy dialect and driver, e.g. ``postgresql+psycopg2``.
    """
    return (
        f"{scheme}://{database}:{password(cfg, database)}@/{database}"
        f"?host={socket_dir(cfg)}&port={cfg.postgres_port}"
    )


def prepare(cfg: AioConfig) -> None:
    """Create the cluster on first run; make its folders the server's own."""
    try:
        entry = pwd.getpwnam(OS_USER)
    except KeyError:
        raise StartError(
            "postgres: the 'postgres' system user is missing (apt-get install postgresql)"
        ) from None
    root = home(cfg)
    data = root / "data"
    for path in (root, socket_dir(cfg)):
        path.mkdir(parents=True, exist_ok=True)
        os.chown(path, entry.pw_uid, entry.pw_gid)
    # The server must be able to walk to its data directory.
    for parent in (cfg.state_dir, *cfg.state_dir.parents):
        if parent.stat().st_mode & 0o001 == 0 and parent != Path("/"):
            raise StartError(
                f"postgres: the 'postgres' user cannot enter {parent}; "
                "choose MAGNUM_UI_STATE_DIR under a world-searchable folder"
            )
    if (data / "PG_VERSION").exists():
        return
    pwfile = root / "superuser-password"
    write_private(pwfile, cfg.secret("postgres_superuser") + "\n")
    os.chown(pwfile, entry.pw_uid, entry.pw_gid)
    run_checked(
        [
            str(bin_dir() / "initdb"),
            "--pgdata", str(data),
            "--username", "postgres",
            "--auth", "scram-sha-256",
            "--pwfile", str(pwfile),
            "--encoding", "UTF8",
            "--no-instructions",
        ],
        "postgres: initdb",
        cfg.logs_dir / "postgres.log",
        user=OS_USER, group=OS_USER, extra_groups=[],
    )  # fmt: skip
    pwfile.unlink()


def service(cfg: AioConfig) -> Service:
    return Service(
        name="postgres",
        argv=[
            str(bin_dir() / "postgres"),
            "-D", str(home(cfg) / "data"),
            "-k", str(socket_dir(cfg)),
            "-p", str(cfg.postgres_port),
            "-c", f"listen_addresses={HOST}",
            "-c", "fsync=off",  # a throwaway local cloud: speed over crash safety of the OS
        ],
        ready=lambda: _accepts(cfg),
        user=OS_USER,
        stop_signal=signal.SIGINT,  # "fast" shutdown: do not wait for clients
    )  # fmt: skip


def _accepts(cfg: AioConfig) -> bool:
    import psycopg2

    try:
        psycopg2.connect(
            dbname="postgres",
            user="postgres",
            password=cfg.secret("postgres_superuser"),
            host=str(socket_dir(cfg)),
            port=cfg.postgres_port,
            connect_timeout=2,
        ).close()
    except psycopg2.OperationalError:
        return False
    return True


def ensure_databases(cfg: AioConfig) -> None:
    """Create the databases and their owner roles if they are missing (idempotent)."""
    import psycopg2
    from psycopg2 import sql

    conn = psycopg2.connect(
        dbname="postgres",
        user="postgres",
        password=cfg.secret("postgres_superuser"),
        host=str(socket_dir(cfg)),
        port=cfg.postgres_port,
    )
    conn.autocommit = True
    with conn.cursor() as cur:
        for name in DATABASES:
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,))
            if cur.fetchone() is None:
                cur.execute(
                    sql.SQL("CREATE ROLE {} LOGIN PASSWORD %s").format(sql.Identifier(name)),
                    (password(cfg, name),),
                )
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            if cur.fetchone() is None:
                cur.execute(
                    sql.SQL("CREATE DATABASE {} OWNER {}").format(
                        sql.Identifier(name), sql.Identifier(name)
                    )
                )
    conn.close()
