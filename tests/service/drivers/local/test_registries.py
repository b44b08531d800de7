"""The registries a local node's engine uses: validated names and dockerd's arguments."""

from __future__ import annotations

import ipaddress

import pytest

from magnum_ui.service.drivers.local import registries


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("10.213.255.254:5050", "10.213.255.254:5050"),
        ("Registry.Example.com", "registry.example.com"),
        ("my-registry:5000", "my-registry:5000"),
        ("", None),
        (None, None),
    ],
)
def test_a_registry_is_host_and_optional_port(given: object, kept: str | None) -> None:
    """Host names (lower-cased) and addresses, with or without a port; empty is none."""
    assert registries.registry(given) == kept


@pytest.mark.parametrize(
    "given",
    ["http://x:5000", "x:99999", "x:", "-x", "x y", "x;rm -rf /", "a" * 256, 5000, "x:5000/path"],
)
def test_anything_else_is_refused(given: object) -> None:
    """Schemes, paths, spaces, bad ports, over-long names and non-strings are not registries."""
    with pytest.raises(registries.InvalidRegistry):
        registries.registry(given)


def test_the_clouds_registry_must_be_an_address() -> None:
    """Nodes resolve no names: the mirror is reached by its IPv4 address."""
    assert registries.mirror_address("10.213.255.254:5050") == ipaddress.IPv4Address(
        "10.213.255.254"
    )
    with pytest.raises(registries.InvalidRegistry, match="IPV4-ADDRESS:PORT"):
        registries.mirror_address("registry.example.com:5000")


def test_the_mirror_is_also_an_insecure_registry_and_the_bay_models_is_added() -> None:
    """Every engine pulls through the cloud's registry over HTTP, and may reach the bay model's."""
    assert registries.engine_args("10.213.255.254:5050", "reg.example.com:5000") == (
        "--registry-mirror", "http://10.213.255.254:5050",
        "--insecure-registry", "10.213.255.254:5050",
        "--insecure-registry", "reg.example.com:5000",
    )  # fmt: skip


def test_the_same_registry_is_named_once_and_none_gives_nothing() -> None:
    """A bay model naming the cloud's registry adds nothing; no registry, no argument."""
    assert registries.engine_args("10.0.0.1:5050", "10.0.0.1:5050").count("10.0.0.1:5050") == 1
    assert registries.engine_args(None, None) == ()
    assert registries.engine_args(None, "reg:5000") == ("--insecure-registry", "reg:5000")
