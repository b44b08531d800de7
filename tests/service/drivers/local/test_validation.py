"""Every value a template can choose is checked against the exact shape the driver generates."""

from __future__ import annotations

from pathlib import Path

import pytest

from magnum_ui.service.drivers.local import validation
from magnum_ui.service.drivers.local.validation import InvalidNodeInput

UUID = "3f2a1b4c-0d1e-4f5a-8b9c-0a1b2c3d4e5f"


def test_good_values_come_back_canonical() -> None:
    assert validation.cluster_uuid(UUID.upper()) == UUID
    assert validation.index(0) == 0
    assert validation.index(239) == 239
    assert validation.group("gpu-2") == "gpu-2"
    assert validation.group("") is None
    assert validation.role("worker") == "worker"
    assert validation.project_id("AB12" * 8) == "ab12" * 8
    assert validation.owner(None) is None
    assert validation.root("/var/lib/magnum-ui/local-nodes") == Path(
        "/var/lib/magnum-ui/local-nodes"
    )


@pytest.mark.parametrize(
    "value",
    [UUID + "\n", "{" + UUID + "}", UUID.replace("-", ""), "../" + UUID, "", None, 7, "x" * 36],
)
def test_cluster_uuid_must_be_a_dashed_uuid(value: object) -> None:
    with pytest.raises(InvalidNodeInput, match="cluster_uuid must be a uuid"):
        validation.cluster_uuid(value)


@pytest.mark.parametrize("value", [-1, 240, 1.0, "1", True, None])
def test_index_must_be_an_integer_from_0_to_239(value: object) -> None:
    """A node's index is a plain integer of its bay's 240 addresses."""
    with pytest.raises(InvalidNodeInput, match="index must be an integer from 0 to 239"):
        validation.index(value)


@pytest.mark.parametrize("value", ["GPU", "gpu\n", "-gpu", "gpu-", "a" * 25, "g/x", 7])
def test_a_group_name_must_be_fit_for_a_hostname(value: object) -> None:
    """An added group's name goes into node names: lower-case, digits, inner dashes, 24 at most."""
    with pytest.raises(InvalidNodeInput, match="group must be 1 to 24 lower-case letters"):
        validation.group(value)


@pytest.mark.parametrize("value", ["manager", "Master", "", None, "master "])
def test_role_must_be_master_or_worker(value: object) -> None:
    with pytest.raises(InvalidNodeInput, match="role must be one of master, worker"):
        validation.role(value)


@pytest.mark.parametrize("value", ["", "g" * 32, "ab-cd", "a" * 65, "ab\n", None, 12])
def test_project_id_must_be_hex(value: object) -> None:
    with pytest.raises(InvalidNodeInput, match="project_id must be a Keystone project id"):
        validation.project_id(value)


def test_owner_must_be_a_uuid_when_given() -> None:
    with pytest.raises(InvalidNodeInput, match="owner must be a uuid"):
        validation.owner("someone")


def test_root_must_be_absolute_and_short_enough_for_unix_sockets() -> None:
    with pytest.raises(InvalidNodeInput, match="absolute"):
        validation.root("relative/nodes")
    with pytest.raises(InvalidNodeInput, match="108 bytes"):
        validation.root("/" + "d" * 60)


def test_a_long_hostile_value_is_cut_short_in_the_message() -> None:
    with pytest.raises(InvalidNodeInput) as failure:
        validation.role("x" * 10_000)
    assert len(str(failure.value)) < 200
