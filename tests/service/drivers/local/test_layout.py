"""A local bay's layout: index ranges per node group, and the template written for them."""

from __future__ import annotations

import pytest
import yaml

from magnum_ui.service.drivers.local import layout, validation


def test_the_ranges_fill_the_index_space_without_overlapping() -> None:
    """Masters, default workers and every added group's slot have ranges of their own."""
    ranges = [
        range(0, layout.MASTERS_MAX),
        range(layout.WORKER_OFFSET, layout.WORKER_OFFSET + layout.WORKERS_MAX),
    ]
    ranges += [range(layout.group_offset(s), layout.group_offset(s) + layout.GROUP_NODES_MAX)
               for s in range(layout.GROUPS_MAX)]  # fmt: skip
    seen: set[int] = set()
    for indexes in ranges:
        assert not seen & set(indexes)
        seen |= set(indexes)
    assert max(seen) < validation.MAX_NODES_PER_BAY
    with pytest.raises(ValueError, match="slot 7"):
        layout.group_offset(layout.GROUPS_MAX)


def test_a_bay_without_added_groups_keeps_its_two_resource_groups() -> None:
    """No added group: masters and workers only, the limits written as constraints."""
    doc = yaml.safe_load(layout.template([]))
    assert set(doc["resources"]) == {"masters", "workers"}
    assert doc["parameters"]["node_count"]["constraints"] == [
        {"range": {"min": 0, "max": layout.WORKERS_MAX}}
    ]
    assert doc["outputs"]["node_addresses"] == {"value": {"get_attr": ["workers", "address"]}}


def test_each_added_group_gets_its_resource_group_parameters_and_outputs() -> None:
    """Slots 0 and 3: two ResourceGroups at their offsets, and every worker's address listed."""
    doc = yaml.safe_load(layout.template([3, 0]))
    node = doc["resources"]["ng3"]["properties"]["resource_def"]["properties"]
    assert node["offset"] == layout.group_offset(3)
    assert node["group"] == {"get_param": "ng3_name"}
    assert node["insecure_registry"] == {"get_param": "insecure_registry"}
    assert doc["resources"]["ng0"]["properties"]["count"] == {"get_param": "ng0_count"}
    for name in ("ng0_name", "ng0_count", "ng0_flavor", "ng0_volume", "ng0_remove"):
        assert name in doc["parameters"]
    assert doc["parameters"]["ng0_count"]["constraints"] == [
        {"range": {"min": 0, "max": layout.GROUP_NODES_MAX}}
    ]
    assert {"ng0_names", "ng0_addresses", "ng3_names", "ng3_addresses"} <= set(doc["outputs"])
    assert doc["outputs"]["node_addresses"]["value"]["list_concat"] == [
        {"get_attr": ["workers", "address"]},
        {"get_attr": ["ng0", "address"]},
        {"get_attr": ["ng3", "address"]},
    ]
