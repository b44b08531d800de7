"""The all-in-one's settings from the environment."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from magnum_ui.aio import service_api
from magnum_ui.aio.config import AioConfig, ConfigError


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without variables: the documented ports and password, state in .state."""
    for name in ("MAGNUM_UI_STATE_DIR", "MAGNUM_UI_PASSWORD", "MAGNUM_UI_API_PORT"):
        monkeypatch.delenv(name, raising=False)
    cfg = AioConfig.from_env()
    assert cfg.password == "password"
    assert cfg.api_url == "http://127.0.0.1:9511/v1"
    assert cfg.state_dir.name == ".state"


@pytest.mark.parametrize(("value", "fragment"), [("http", "not a port"), ("70000", "outside")])
def test_bad_port_says_which_variable(
    monkeypatch: pytest.MonkeyPatch, value: str, fragment: str
) -> None:
    monkeypatch.setenv("MAGNUM_UI_API_PORT", value)
    with pytest.raises(ConfigError, match=f"MAGNUM_UI_API_PORT.*{fragment}"):
        AioConfig.from_env()


def test_empty_password_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAGNUM_UI_PASSWORD", "")
    with pytest.raises(ConfigError, match="must not be empty"):
        AioConfig.from_env()


def test_secrets_are_made_once_and_kept_private(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A secret is random, stable across calls and stored readable by root only."""
    monkeypatch.setenv("MAGNUM_UI_STATE_DIR", str(tmp_path))
    cfg = AioConfig.from_env()
    first = cfg.secret("a")
    assert cfg.secret("a") == first
    assert cfg.secret("b") != first
    assert (tmp_path / "secrets.json").stat().st_mode & 0o077 == 0


def test_the_registry_has_an_address_of_its_own_and_two_ports(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """By default 10.213.255.254:5050 (tokens on :5051); each part can be changed."""
    for name in ("MAGNUM_UI_REGISTRY_ADDRESS", "MAGNUM_UI_REGISTRY_PORT",
                 "MAGNUM_UI_REGISTRY_TOKEN_PORT"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    assert AioConfig.from_env().registry == "10.213.255.254:5050"
    monkeypatch.setenv("MAGNUM_UI_REGISTRY_ADDRESS", "10.99.0.7")
    monkeypatch.setenv("MAGNUM_UI_REGISTRY_TOKEN_PORT", "6001")
    cfg = AioConfig.from_env()
    assert cfg.registry == "10.99.0.7:5050"
    assert cfg.registry_ports() == {"registry": 5050, "registry tokens": 6001}


@pytest.mark.parametrize(
    ("value", "fragment"),
    [("registry", "not an IPv4 address"), ("127.0.0.5", "outside 127"), ("8.8.8.8", "private")],
)
def test_a_registry_address_the_nodes_cannot_use_is_refused(
    monkeypatch: pytest.MonkeyPatch, value: str, fragment: str
) -> None:
    """Loopback is unreachable from the nodes, a public address is someone else's."""
    monkeypatch.setenv("MAGNUM_UI_REGISTRY_ADDRESS", value)
    with pytest.raises(ConfigError, match=f"MAGNUM_UI_REGISTRY_ADDRESS.*{fragment}"):
        AioConfig.from_env()


def test_each_projects_share_of_the_registry_is_5_gib_unless_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The service's [registry] counts in the registry's data folder against the variable."""
    monkeypatch.delenv("MAGNUM_UI_REGISTRY_PROJECT_SHARE_MIB", raising=False)
    assert AioConfig.from_env().registry_share_mib == 5120
    # Short: the nodes' folder in the configuration must leave room for sockets.
    with tempfile.TemporaryDirectory(prefix="mu-", dir="/tmp") as state:
        monkeypatch.setenv("MAGNUM_UI_STATE_DIR", state)
        monkeypatch.setenv("MAGNUM_UI_REGISTRY_PROJECT_SHARE_MIB", "64")
        cfg = AioConfig.from_env()
        service_api.write_config(cfg)
        written = service_api.config_file(cfg).read_text()
    assert f"storage_dir = {Path(state) / 'registry' / 'data'}\n" in written
    assert "project_share_mib = 64\n" in written
    monkeypatch.setenv("MAGNUM_UI_REGISTRY_PROJECT_SHARE_MIB", "0")
    with pytest.raises(ConfigError, match="PROJECT_SHARE_MIB must be a whole number of MiB"):
        AioConfig.from_env()
