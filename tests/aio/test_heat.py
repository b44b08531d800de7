"""Heat's configuration, schema stamp and database URL in the all-in-one."""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest
import yaml

from magnum_ui.aio import heat, postgres
from magnum_ui.aio.config import AioConfig


@pytest.fixture
def cfg(tmp_path: Path) -> AioConfig:
    return AioConfig(
        state_dir=tmp_path,
        password="pw",
        keystone_port=35000,
        api_port=39511,
        dashboard_port=38000,
        postgres_port=35433,
        heat_port=38004,
        start_timeout=5,
    )


def _written(cfg: AioConfig) -> configparser.ConfigParser:
    heat.write_config(cfg)
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(heat.config_file(cfg))
    return parser


def test_config_runs_heat_in_one_process_on_postgres(cfg: AioConfig) -> None:
    """No broker (fake:/), PostgreSQL through psycopg2, the chosen port, the wheel's paste file."""
    conf = _written(cfg)
    assert conf["DEFAULT"]["transport_url"] == "fake:/"
    assert conf["database"]["connection"].startswith("postgresql+psycopg2://heat:")
    assert "/heat?host=" in conf["database"]["connection"]
    assert (conf["heat_api"]["bind_host"], conf["heat_api"]["bind_port"]) == ("127.0.0.1", "38004")
    assert Path(conf["paste_deploy"]["api_paste_config"]).is_file()


def test_config_uses_trusts_and_this_projects_resource_types(cfg: AioConfig) -> None:
    """Updates re-authenticate with trusts; the local driver's resource folder is loaded."""
    conf = _written(cfg)["DEFAULT"]
    assert conf["reauthentication_auth_method"] == "trusts"
    assert Path(conf["plugin_dirs"]) == heat.PLUGIN_DIR
    assert heat.PLUGIN_DIR.is_dir()
    assert conf["stack_user_domain_name"] == "heat"
    assert conf["stack_domain_admin"] == "heat_domain_admin"


def test_config_holds_generated_secrets_and_is_private(cfg: AioConfig) -> None:
    """Passwords come from the state's secrets; the file is readable by its owner only."""
    conf = _written(cfg)
    assert conf["keystone_authtoken"]["password"] == cfg.secret("keystone_heat")
    assert conf["trustee"]["password"] == cfg.secret("keystone_heat")
    assert conf["DEFAULT"]["stack_domain_admin_password"] == cfg.secret(
        "keystone_heat_domain_admin"
    )
    assert heat.config_file(cfg).stat().st_mode & 0o077 == 0


def test_auth_encryption_key_has_the_32_characters_heat_demands(cfg: AioConfig) -> None:
    key = heat.auth_encryption_key(cfg)
    assert len(key) == 32
    assert heat.auth_encryption_key(cfg) == key


def test_policy_lets_admins_list_every_projects_stacks(cfg: AioConfig) -> None:
    """Only stacks:global_index is overridden; every other rule keeps Heat's default."""
    conf = _written(cfg)
    policy = yaml.safe_load(Path(conf["oslo_policy"]["policy_file"]).read_text())
    assert policy == {"stacks:global_index": "rule:context_is_admin"}


def test_schema_is_synced_once_per_heat_version(
    cfg: AioConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """db_sync runs on the first start and again only when Heat's version changes."""
    calls: list[list[str]] = []
    monkeypatch.setattr(heat, "run_checked", lambda argv, what, log: calls.append(list(argv)))
    assert heat.sync_schema(cfg) is True
    assert calls[0][-1] == "db_sync"
    assert calls[0][1:3] == ["--config-file", str(heat.config_file(cfg))]
    assert heat.sync_schema(cfg) is False
    (heat.home(cfg) / ".schema-ready").write_text("26.0.0")
    assert heat.sync_schema(cfg) is True
    assert len(calls) == 2


def test_each_database_is_reached_as_its_own_role(cfg: AioConfig) -> None:
    """Heat and the service API log in as different roles with different passwords."""
    service = postgres.url(cfg, "magnum_ui")
    heat_url = postgres.url(cfg, "heat", scheme="postgresql+psycopg2")
    assert service.startswith(f"postgresql://magnum_ui:{cfg.secret('postgres_magnum_ui')}@/")
    assert heat_url.startswith(f"postgresql+psycopg2://heat:{cfg.secret('postgres_heat')}@/heat")
    assert cfg.secret("postgres_magnum_ui") != cfg.secret("postgres_heat")


def test_heat_has_its_port_and_catalog_url(cfg: AioConfig) -> None:
    assert cfg.ports()["heat"] == 38004
    assert cfg.heat_url == "http://127.0.0.1:38004/v1/%(tenant_id)s"
