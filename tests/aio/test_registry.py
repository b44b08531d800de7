"""The all-in-one's registry: its configuration, its files and its interface name."""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Iterator
from ipaddress import IPv4Address
from pathlib import Path

import pytest
import yaml

from magnum_ui.aio import registry
from magnum_ui.aio.config import AioConfig
from magnum_ui.service.drivers.local import disks


@pytest.fixture
def cfg(tmp_path: Path) -> Iterator[AioConfig]:
    config = AioConfig(
        state_dir=tmp_path, password="pw", keystone_port=35000, api_port=39511,
        dashboard_port=38000, postgres_port=35433, heat_port=38004, start_timeout=5,
        registry_address=IPv4Address("10.213.254.7"), registry_port=35050,
        registry_token_port=35051, registry_storage_gib=1,
    )  # fmt: skip
    yield config
    registry.unmount_storage(config)  # what prepare() mounted


def test_the_registry_trusts_our_token_service_and_listens_on_its_address(
    cfg: AioConfig,
) -> None:
    """Token auth with our realm, service, issuer and certificate; storage under the state."""
    written = yaml.safe_load(registry.render_config(cfg))
    assert written["http"]["addr"] == "10.213.254.7:35050"
    assert written["auth"]["token"] == {
        "realm": "http://10.213.254.7:35051/token",
        "service": "magnum-ui-registry",
        "issuer": "magnum-ui",
        "rootcertbundle": str(cfg.state_dir / "registry" / "token.crt"),
    }
    assert written["storage"]["filesystem"]["rootdirectory"] == str(
        cfg.state_dir / "registry" / "data"
    )
    assert len(written["http"]["secret"]) >= 32


def test_prepare_keeps_the_signing_key_from_the_registrys_user(cfg: AioConfig) -> None:
    """The key is root's (600); the registry (nobody) owns its data, config and certificate."""
    registry.prepare(cfg)
    folder = cfg.state_dir / "registry"
    key = folder / "token-key.pem"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert key.stat().st_uid == 0
    nobody = (folder / "data").stat().st_uid
    assert nobody != 0
    assert {(folder / n).stat().st_uid for n in ("config.yml", "token.crt")} == {nobody}
    assert stat.S_IMODE((folder / "config.yml").stat().st_mode) == 0o600
    assert "BEGIN CERTIFICATE" in (folder / "token.crt").read_text()


def test_the_images_have_a_file_system_of_their_own_kept_across_starts(cfg: AioConfig) -> None:
    """Storage is an ext4 of registry_storage_gib on data/; unmounted at stop, its files
    are there again at the next start, and a larger size grows it."""
    registry.prepare(cfg)
    data = cfg.state_dir / "registry" / "data"
    assert os.path.ismount(data)
    assert 0.9 < disks.size_gib(data) <= 1
    (data / "pushed").write_text("an image")
    registry.unmount_storage(cfg)
    assert not os.path.ismount(data)
    registry.prepare(dataclasses.replace(cfg, registry_storage_gib=2))
    assert (data / "pushed").read_text() == "an image"
    assert 1.9 < disks.size_gib(data) <= 2


def test_the_interface_name_fits_linux_and_names_the_address(cfg: AioConfig) -> None:
    """mur + the address in hex: 11 characters, one per address."""
    assert registry.interface(cfg) == "mur0ad5fe07"
    assert len(registry.interface(cfg)) <= 15


def test_the_address_and_its_rules_come_once_and_go_entirely(tmp_path: Path) -> None:
    """Added twice, one interface and two rules; removed, nothing of either is left."""
    import subprocess

    cfg = AioConfig(
        state_dir=tmp_path, password="pw", keystone_port=1, api_port=2, dashboard_port=3,
        postgres_port=4, heat_port=5, start_timeout=5,
        registry_address=IPv4Address("10.213.252.201"), registry_port=35050,
        registry_token_port=35051,
    )  # fmt: skip

    def rules() -> list[str]:
        listed = subprocess.run(["iptables", "-S", "INPUT"], capture_output=True, text=True)
        return [r for r in listed.stdout.splitlines() if "10.213.252.201" in r]

    def addresses() -> str:
        return subprocess.run(["ip", "-4", "-o", "address"], capture_output=True,
                              text=True).stdout  # fmt: skip

    try:
        registry.add_address(cfg)
        registry.add_address(cfg)
        assert len(rules()) == 2
        assert all("35050,35051" in r or "! -p tcp" in r for r in rules())
        assert f"{registry.interface(cfg)}    inet 10.213.252.201/32" in addresses()
    finally:
        registry.remove_address(cfg)
    assert rules() == []
    assert "10.213.252.201" not in addresses()
