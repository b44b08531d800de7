"""The Heat driver's declarative parameter mapping."""

from __future__ import annotations

from typing import ClassVar

import pytest

from magnum_ui.service.drivers.base import (
    HeatDriver,
    MappingError,
    Param,
    from_cluster,
    from_labels,
    from_template,
)
from magnum_ui.service.models import Cluster, ClusterTemplate


def _pair(**labels: str) -> tuple[Cluster, ClusterTemplate]:
    template = ClusterTemplate(coe="swarm-mode", flavor_id="m1.small", keypair_id="tk", labels={})
    cluster = Cluster(cluster_template=template, node_count=3, keypair=None, labels=labels)
    return cluster, template


class Example(HeatDriver):
    name = "example"
    server_type, os, coe = "vm", "example-os", "swarm-mode"
    parameters: ClassVar[tuple[Param, ...]] = (
        Param("number_of_nodes", cluster="node_count"),
        Param("flavor", cluster="flavor_id", template="flavor_id"),
        Param("key_name", cluster="keypair", template="keypair_id"),
        Param("volume_gb", label="volume_gb", cast=int),
        Param("strategy", label="strategy", default="spread"),
        Param("name_twice", compute=lambda c, t: f"{c.node_count}-{t.coe}"),
    )


def test_sources_in_order_cluster_template_label_default() -> None:
    """The cluster's field wins, then the template's, then the label (cast), then the default."""
    cluster, template = _pair(volume_gb="20")
    assert Example.stack_parameters(cluster, template) == {
        "number_of_nodes": 3,
        "flavor": "m1.small",
        "key_name": "tk",
        "volume_gb": 20,
        "strategy": "spread",
        "name_twice": "3-swarm-mode",
    }


def test_extra_values_are_added() -> None:
    cluster, template = _pair()
    assert Example.stack_parameters(cluster, template, nodes_to_remove=["2"])[
        "nodes_to_remove"
    ] == ["2"]


def test_a_label_that_does_not_cast_names_itself() -> None:
    cluster, template = _pair(volume_gb="big")
    with pytest.raises(
        MappingError, match="label volume_gb='big' is not a valid value for volume_gb"
    ):
        Example.stack_parameters(cluster, template)


def test_a_required_parameter_without_a_source_names_its_sources() -> None:
    class Needs(Example):
        parameters = (Param("image", template="image_id", label="image", required=True),)

    cluster, template = _pair()
    with pytest.raises(
        MappingError, match="image needs the template field image_id or label image"
    ):
        Needs.stack_parameters(cluster, template)


def test_same_name_parameters_take_the_field_or_label_of_their_name() -> None:
    """from_cluster, from_template and from_labels make one parameter a name, from that source."""
    assert from_cluster("fixed_network") == (
        Param("fixed_network", cluster="fixed_network", template="fixed_network"),
    )
    assert from_template("http_proxy", "no_proxy") == (
        Param("http_proxy", template="http_proxy"),
        Param("no_proxy", template="no_proxy"),
    )
    assert from_labels("kube_tag") == (Param("kube_tag", label="kube_tag"),)


def test_outputs_become_cluster_fields() -> None:
    fields = Example.cluster_fields({"api_address": "tcp://10.0.0.2:2376", "other": 1})
    assert fields == {"api_address": "tcp://10.0.0.2:2376"}
