"""Settings of the all-in-one, each read once from the environment (:data:`ENVIRONMENT`)."""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from ipaddress import IPv4Address
from pathlib import Path
from typing import Any

from magnum_ui.aio.files import write_private

HOST = "127.0.0.1"
DEFAULT_REGISTRY_ADDRESS = IPv4Address("10.213.255.254")


@dataclass(frozen=True)
class Variable:
    """One environment variable of the all-in-one: its default and what it sets."""

    name: str
    default: str
    meaning: str


# Every variable the all-in-one reads: `--help` lists them and the
# configuration reference (docs/configuration.md) is generated from them.
ENVIRONMENT = (
    Variable("MAGNUM_UI_STATE_DIR", "<repository>/.state", "every file the cloud keeps"),
    Variable("MAGNUM_UI_PASSWORD", "password", "password of admin and demo"),
    Variable("MAGNUM_UI_KEYSTONE_PORT", "5000", "Keystone (identity)"),
    Variable("MAGNUM_UI_API_PORT", "9511", "service API (container-infra)"),
    Variable("MAGNUM_UI_DASHBOARD_PORT", "8000", "Horizon"),
    Variable("MAGNUM_UI_POSTGRES_PORT", "5433", "private PostgreSQL"),
    Variable("MAGNUM_UI_HEAT_PORT", "8004", "Heat (orchestration)"),
    Variable(
        "MAGNUM_UI_REGISTRY_ADDRESS",
        "10.213.255.254",
        "the image registry's host address, the one bays' nodes reach (a /32 of the "
        "local nodes' pool, on an interface of its own)",
    ),
    Variable("MAGNUM_UI_REGISTRY_PORT", "5050", "image registry (on the registry address)"),
    Variable(
        "MAGNUM_UI_REGISTRY_TOKEN_PORT",
        "5051",
        "the registry's token service (on the registry address)",
    ),
    Variable(
        "MAGNUM_UI_REGISTRY_STORAGE_GIB",
        "20",
        "GiB the registry may store, every project's images together (a file system of "
        "that size; larger takes effect at the next start, smaller never)",
    ),
    Variable(
        "MAGNUM_UI_REGISTRY_PROJECT_SHARE_MIB",
        "5120",
        "MiB of images one project may keep in the registry; a push past it is refused with "
        "the reason, so no project can fill the registry for the others",
    ),
    Variable("MAGNUM_UI_START_TIMEOUT", "90", "seconds a service may take"),
)


def environment_help() -> str:
    """The variables as a plain-text table, for ``--help``."""
    rows = [("environment variable", "default", "meaning")]
    rows += [(v.name, v.default, v.meaning) for v in ENVIRONMENT]
    width = [max(len(row[i]) for row in rows) for i in range(2)]
    return "\n".join(f"{a:<{width[0]}}  {b:<{width[1]}}  {c}" for a, b, c in rows)


REPO = Path(__file__).resolve().parents[2]


class ConfigError(Exception):
    """An environment variable has a value the all-in-one cannot use."""


def _amount(name: str, default: int, unit: str, most: int) -> int:
    raw = os.environ.get(name, str(default))
    if not raw.isdigit() or not 1 <= int(raw) <= most:
        raise ConfigError(f"{name} must be a whole number of {unit} from 1 to {most}, not {raw!r}")
    return int(raw)


def _registry_address() -> IPv4Address:
    raw = os.environ.get("MAGNUM_UI_REGISTRY_ADDRESS", str(DEFAULT_REGISTRY_ADDRESS))
    try:
        address = IPv4Address(raw)
    except ValueError:
        raise ConfigError(f"MAGNUM_UI_REGISTRY_ADDRESS={raw!r} is not an IPv4 address") from None
    if not address.is_private or address.is_loopback:
        raise ConfigError(
            f"MAGNUM_UI_REGISTRY_ADDRESS={raw} must be a private address outside 127.0.0.0/8 "
            "(the bays' nodes reach it through their bridge)"
        )
    return address


def _port(name: str, default: int) -> int:
    raw = os.environ.get(name, str(default))
    try:
        port = int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise ConfigError(f"{name}={port} is outside 1..65535")
    return port


@dataclass(frozen=True)
class AioConfig:
    state_dir: Path
    password: str
    keystone_port: int
    api_port: int
    dashboard_port: int
    postgres_port: int
    heat_port: int
    start_timeout: float
    registry_address: IPv4Address = DEFAULT_REGISTRY_ADDRESS
    registry_port: int = 5050
    registry_token_port: int = 5051
    registry_storage_gib: int = 20
    registry_share_mib: int = 5120

    @classmethod
    def from_env(cls) -> AioConfig:
        state = Path(os.environ.get("MAGNUM_UI_STATE_DIR") or REPO / ".state").resolve()
        password = os.environ.get("MAGNUM_UI_PASSWORD", "password")
        if not password:
            raise ConfigError("MAGNUM_UI_PASSWORD must not be empty")
        try:
            timeout = float(os.environ.get("MAGNUM_UI_START_TIMEOUT", "90"))
        except ValueError:
            raise ConfigError("MAGNUM_UI_START_TIMEOUT must be a number of seconds") from None
        return cls(
            state_dir=state,
            password=password,
            keystone_port=_port("MAGNUM_UI_KEYSTONE_PORT", 5000),
            api_port=_port("MAGNUM_UI_API_PORT", 9511),
            dashboard_port=_port("MAGNUM_UI_DASHBOARD_PORT", 8000),
            postgres_port=_port("MAGNUM_UI_POSTGRES_PORT", 5433),
            heat_port=_port("MAGNUM_UI_HEAT_PORT", 8004),
            start_timeout=timeout,
            registry_address=_registry_address(),
            registry_port=_port("MAGNUM_UI_REGISTRY_PORT", 5050),
            registry_token_port=_port("MAGNUM_UI_REGISTRY_TOKEN_PORT", 5051),
            registry_storage_gib=_amount("MAGNUM_UI_REGISTRY_STORAGE_GIB", 20, "GiB", 100_000),
            registry_share_mib=_amount(
                "MAGNUM_UI_REGISTRY_PROJECT_SHARE_MIB", 5120, "MiB", 100_000_000
            ),
        )

    @property
    def registry(self) -> str:
        """The registry as docker names it: ``ADDRESS:PORT``."""
        return f"{self.registry_address}:{self.registry_port}"

    @property
    def logs_dir(self) -> Path:
        return self.state_dir / "logs"

    @property
    def run_dir(self) -> Path:
        return self.state_dir / "run"

    @property
    def keystone_url(self) -> str:
        return f"http://{HOST}:{self.keystone_port}/v3"

    @property
    def api_url(self) -> str:
        return f"http://{HOST}:{self.api_port}/v1"

    @property
    def dashboard_url(self) -> str:
        return f"http://{HOST}:{self.dashboard_port}/"

    @property
    def heat_url(self) -> str:
        """Heat's endpoint as the catalog has it: Keystone fills in the project."""
        return f"http://{HOST}:{self.heat_port}/v1/%(tenant_id)s"

    def admin_credentials(self) -> dict[str, Any]:
        """Keystone password credentials of ``admin`` in project ``admin``."""
        return {
            "auth_url": self.keystone_url,
            "username": "admin",
            "password": self.password,
            "project_name": "admin",
            "user_domain_id": "default",
            "project_domain_id": "default",
        }

    def ports(self) -> dict[str, int]:
        return {
            "postgres": self.postgres_port,
            "keystone": self.keystone_port,
            "service API": self.api_port,
            "dashboard": self.dashboard_port,
            "heat": self.heat_port,
        }

    def registry_ports(self) -> dict[str, int]:
        """The ports on :attr:`registry_address` (not on 127.0.0.1)."""
        return {"registry": self.registry_port, "registry tokens": self.registry_token_port}

    def secret(self, name: str, fernet: bool = False) -> str:
        """A random secret made on first use and kept in the state directory.

        ``fernet``: 32 random bytes in url-safe base64, the form Fernet keys take.
        """
        path = self.state_dir / "secrets.json"
        values: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}
        if name not in values:
            raw = secrets.token_bytes(32)
            values[name] = (
                base64.urlsafe_b64encode(raw).decode() if fernet else secrets.token_urlsafe(32)
            )
            write_private(path, json.dumps(values, indent=1))
        return values[name]
