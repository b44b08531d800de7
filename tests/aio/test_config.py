"""The all-in-one's settings from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

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
