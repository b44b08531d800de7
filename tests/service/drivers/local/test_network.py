"""Bay subnets and node namespaces, on the real kernel."""

from __future__ import annotations

import ipaddress
import json
import secrets
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from magnum_ui.service.drivers.local import network
from magnum_ui.service.drivers.local.commands import SYSTEM_PATH
from tests.service.drivers.local import machine

pytestmark = pytest.mark.skipif(
    not (machine.IS_ROOT and machine.HAS_NETWORK_TOOLS), reason=machine.NOT_ROOT
)


def fresh_name(prefix: str) -> str:
    return prefix + secrets.token_hex(6)  # 3 + 12 = 15 characters, the kernel's limit


@pytest.fixture
def bridges() -> Iterator[list[str]]:
    """Bridge names for a test; whichever still exist afterwards are deleted."""
    names: list[str] = []
    yield names
    for name in names:
        network.remove_forward_rule(name)
        network.release_bay_network(name)


def test_concurrent_allocations_never_share_a_subnet_and_release_frees_them(
    bridges: list[str],
) -> None:
    """Eight bays allocated at once get eight different /24s, each held by its bridge."""
    bridges.extend(fresh_name("mut") for _ in range(8))
    with ThreadPoolExecutor(max_workers=8) as pool:
        subnets = list(
            pool.map(lambda b: network.allocate_bay_network(b, machine.TEST_POOL), bridges)
        )
    assert len(set(subnets)) == 8
    pool_network = ipaddress.IPv4Network(machine.TEST_POOL)
    assert all(s.prefixlen == 24 and s.subnet_of(pool_network) for s in subnets)
    for bridge, subnet in zip(bridges, subnets, strict=True):
        assert network.bridge_address(subnet) in addresses_of(bridge)

    for bridge in bridges:
        network.release_bay_network(bridge)
    assert not set(bridges) & machine.link_names()
    in_use = network.used_networks()
    assert not any(s.overlaps(used) for s in subnets for used in in_use)


def test_a_subnet_already_used_on_the_host_is_skipped(bridges: list[str]) -> None:
    """An address anyone else put in the pool makes its /24 unavailable."""
    first = fresh_name("mut")
    bridges.append(first)
    free = network.allocate_bay_network(first, machine.TEST_POOL)
    network.release_bay_network(first)
    squatter = fresh_name("mud")
    run("ip", "link", "add", "name", squatter, "type", "bridge")  # no dummy module here
    try:
        run("ip", "address", "add", f"{free.network_address + 77}/24", "dev", squatter)
        second = fresh_name("mut")
        bridges.append(second)
        assert network.allocate_bay_network(second, machine.TEST_POOL) != free
    finally:
        run("ip", "link", "delete", squatter)


def test_an_exhausted_pool_is_refused_with_a_clear_error(bridges: list[str]) -> None:
    bridges.extend(fresh_name("mut") for _ in range(2))
    tiny = str(network.allocate_bay_network(bridges[0], machine.TEST_POOL))  # a /24 pool of one
    with pytest.raises(network.NetworkError, match=f"no free /24 is left .* {tiny}"):
        network.allocate_bay_network(bridges[1], tiny)
    assert bridges[1] not in machine.link_names()


def test_forward_rule_is_added_once_and_removed(bridges: list[str]) -> None:
    bridge = fresh_name("mut")
    bridges.append(bridge)
    network.allocate_bay_network(bridge, machine.TEST_POOL)
    network.add_forward_rule(bridge)
    network.add_forward_rule(bridge)
    assert machine.forward_rules().count(f"-i {bridge} -o {bridge} -j ACCEPT") == 1
    network.remove_forward_rule(bridge)
    assert bridge not in machine.forward_rules()


def test_a_node_namespace_sits_on_its_bridge_and_goes_without_a_trace(bridges: list[str]) -> None:
    bridge, netns, veth = fresh_name("mut"), fresh_name("mun"), fresh_name("muv")
    bridges.append(bridge)
    subnet = network.allocate_bay_network(bridge, machine.TEST_POOL)
    address = network.node_address(subnet, 42)
    try:
        network.create_node_network(netns, veth, bridge, address)
        assert str(address.ip).endswith(".52")
        assert address in addresses_of(network.NODE_INTERFACE, netns)
        link = json.loads(machine.ip("-j", "link", "show", "dev", veth))[0]
        assert link["master"] == bridge
        up = json.loads(machine.ip("-n", netns, "-j", "link", "show", "dev", "lo"))[0]
        assert "UP" in up["flags"]
        # No default route: a node reaches its bay and the host, nothing else.
        assert machine.ip("-n", netns, "route", "show", "default").strip() == ""
    finally:
        network.delete_node_network(netns, veth)
    assert netns not in machine.netns_names()
    assert veth not in machine.link_names()
    network.delete_node_network(netns, veth)  # a second delete is fine


def test_a_node_network_that_cannot_be_made_is_undone(bridges: list[str]) -> None:
    """The bridge does not exist: the namespace created first must not stay behind."""
    netns, veth = fresh_name("mun"), fresh_name("muv")
    with pytest.raises(network.CommandFailed, match="master"):
        network.create_node_network(
            netns, veth, "mutnosuchbridge", ipaddress.IPv4Interface("10.214.255.10/24")
        )
    assert netns not in machine.netns_names()
    assert veth not in machine.link_names()


def addresses_of(device: str, netns: str | None = None) -> list[ipaddress.IPv4Interface]:
    args = ["-n", netns] if netns else []
    links = json.loads(machine.ip(*args, "-4", "-j", "address", "show", "dev", device))
    return [
        ipaddress.IPv4Interface(f"{a['local']}/{a['prefixlen']}")
        for link in links
        for a in link["addr_info"]
    ]


def run(*args: str) -> None:
    subprocess.run(list(args), check=True, capture_output=True, env={"PATH": SYSTEM_PATH})
