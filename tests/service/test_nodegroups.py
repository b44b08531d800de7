"""The default node groups every cluster has, and how group labels compare with the cluster's."""

from __future__ import annotations

from typing import Any

import pytest

from magnum_ui.service import nodegroup_state, nodegroups
from magnum_ui.service.models import Cluster, NodeGroup
from tests.service.api.helpers import cluster, template

pytestmark = pytest.mark.django_db


def _cluster(**fields: Any) -> Cluster:
    tmpl = template(
        image_id="fcos-38", flavor_id="t-worker", master_flavor_id="t-master", docker_volume_size=5
    )
    return cluster("c1", tmpl, **fields)


def _groups(c: Cluster) -> dict[str, NodeGroup]:
    return {g.name: g for g in NodeGroup.objects.filter(cluster=c)}


def test_create_defaults_makes_a_master_and_a_worker_group() -> None:
    """create_defaults adds default-master and default-worker sized by the cluster's counts."""
    c = _cluster(
        master_count=3,
        node_count=5,
        flavor_id="m1.large",
        master_flavor_id="m1.xlarge",
        docker_volume_size=20,
        labels={"kube_tag": "v1.28"},
        status="CREATE_IN_PROGRESS",
        project_id="p-demo",
    )
    nodegroup_state.create_defaults(c)
    groups = _groups(c)
    assert sorted(groups) == ["default-master", "default-worker"]
    master, worker = groups["default-master"], groups["default-worker"]
    assert (master.role, master.node_count, master.flavor_id) == ("master", 3, "m1.xlarge")
    assert (worker.role, worker.node_count, worker.flavor_id) == ("worker", 5, "m1.large")
    for group in (master, worker):
        assert group.is_default
        assert group.image_id == "fcos-38"
        assert group.docker_volume_size == 20
        assert group.labels == {"kube_tag": "v1.28"}
        assert group.status == "CREATE_IN_PROGRESS"
        assert (group.project_id, group.user_id) == ("p-demo", "u-demo")


def test_create_defaults_falls_back_to_the_template() -> None:
    """Flavors and volume size the cluster leaves empty come from its template."""
    c = _cluster()
    nodegroup_state.create_defaults(c)
    groups = _groups(c)
    assert groups["default-master"].flavor_id == "t-master"
    assert groups["default-worker"].flavor_id == "t-worker"
    assert groups["default-worker"].docker_volume_size == 5


def test_create_defaults_reads_autoscaling_bounds_from_labels() -> None:
    """The worker group takes min/max_node_count from the labels; junk values are ignored."""
    c = _cluster(node_count=2, labels={"min_node_count": "1", "max_node_count": "oops"})
    nodegroup_state.create_defaults(c)
    worker = _groups(c)["default-worker"]
    assert (worker.min_node_count, worker.max_node_count) == (1, None)
    assert _groups(c)["default-master"].min_node_count == 0


def test_labels_are_copied_not_shared() -> None:
    """Changing a group's labels later does not change the cluster's."""
    c = _cluster(labels={"a": "1"})
    nodegroup_state.create_defaults(c)
    worker = _groups(c)["default-worker"]
    worker.labels["b"] = "2"
    worker.save()
    c.refresh_from_db()
    assert c.labels == {"a": "1"}


def test_the_cluster_counts_its_groups() -> None:
    """sync_counts gives the cluster its masters and the sum of every worker group."""
    c = _cluster(master_count=1, node_count=1)
    nodegroup_state.create_defaults(c)
    NodeGroup.objects.create(
        cluster=c, name="gpu", role="worker", node_count=4, project_id="p-demo", user_id="u"
    )
    NodeGroup.objects.filter(cluster=c, name="default-master").update(node_count=3)
    nodegroup_state.sync_counts(c)
    c.refresh_from_db()
    assert (c.master_count, c.node_count) == (3, 5)


def test_settling_a_failure_keeps_the_counts_that_run() -> None:
    """After a failed resize the group counts the nodes the stack reports, not the wish."""
    from magnum_ui.service.drivers.local import LocalSwarmDriver

    c = _cluster(master_count=1, node_count=1, stack_id="s-1")
    nodegroup_state.create_defaults(c)
    NodeGroup.objects.filter(cluster=c, name="default-worker").update(
        node_count=95, status="UPDATE_IN_PROGRESS"
    )
    outputs = {
        "master_names": {"0": "bay-m-0"}, "master_addresses_by_position": {"0": "10.0.0.10"},
        "worker_names": {"0": "bay-w-10", "1": "bay-w-11"},
        "worker_addresses": {"0": "10.0.0.20", "1": "10.0.0.21"},
    }  # fmt: skip
    nodegroup_state.settle(c, LocalSwarmDriver, outputs, "UPDATE", succeeded=False, reason="boom")
    groups = _groups(c)
    worker = groups["default-worker"]
    assert (worker.node_count, worker.status, worker.status_reason) == (2, "UPDATE_FAILED", "boom")
    assert worker.node_names == ["bay-w-10", "bay-w-11"]
    assert worker.node_addresses == ["10.0.0.20", "10.0.0.21"]
    c.refresh_from_db()
    assert (c.master_count, c.node_count) == (1, 2)


def test_settling_a_done_delete_removes_the_group() -> None:
    """A group whose deletion the stack finished is gone; the others are complete."""
    c = _cluster(master_count=1, node_count=1, stack_id="s-1")
    nodegroup_state.create_defaults(c)
    NodeGroup.objects.create(
        cluster=c, name="gpu", role="worker", node_count=2, slot=0,
        status="DELETE_IN_PROGRESS", project_id="p-demo", user_id="u",
    )  # fmt: skip
    nodegroup_state.settle(c, None, None, "UPDATE", succeeded=True)
    groups = _groups(c)
    assert "gpu" not in groups
    assert groups["default-worker"].status == "UPDATE_COMPLETE"


def test_labels_diff_names_overridden_added_and_skipped() -> None:
    """Overridden keys carry the cluster's value, as Magnum reports them."""
    overridden, added, skipped = nodegroups.labels_diff(
        {"a": "1", "b": "2", "c": "3"}, {"a": "1", "b": "20", "d": "4"}
    )
    assert overridden == {"b": "2"}
    assert added == {"d": "4"}
    assert skipped == {"c": "3"}
