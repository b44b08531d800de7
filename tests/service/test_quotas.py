"""The cluster quota: the effective limit and the check cluster creation makes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from magnum_ui.service import conf, errors, quotas
from magnum_ui.service.models import Quota
from tests.service.api.helpers import cluster, template

pytestmark = pytest.mark.django_db


@pytest.fixture
def default_limit() -> Iterator[int]:
    """``[quotas] max_clusters_per_project`` set to 2 for one test."""
    conf.CONF.set_override("max_clusters_per_project", 2, group="quotas")
    yield 2
    conf.CONF.clear_override("max_clusters_per_project", group="quotas")


def test_limit_without_a_quota_is_the_configured_default(default_limit: int) -> None:
    """A project nobody set a quota for may have max_clusters_per_project clusters."""
    assert quotas.cluster_limit("p-demo") == default_limit


def test_limit_is_the_projects_quota_when_set(default_limit: int) -> None:
    """A quota row wins over the default, and only for its own project and resource."""
    Quota.objects.create(project_id="p-demo", resource="Cluster", hard_limit=7)
    Quota.objects.create(project_id="p-demo", resource="Other", hard_limit=9)
    assert quotas.cluster_limit("p-demo") == 7
    assert quotas.cluster_limit("p-other") == default_limit


def test_check_passes_below_the_limit(default_limit: int) -> None:
    """With one cluster of two allowed, creating another is allowed."""
    cluster("c1", template())
    quotas.check_cluster_quota("p-demo")


def test_check_refuses_at_the_limit_with_a_sentence(default_limit: int) -> None:
    """At the limit the check is a 403 that says the limit, the count and what to do."""
    tmpl = template()
    cluster("c1", tmpl)
    cluster("c2", tmpl)
    with pytest.raises(errors.ServiceError) as caught:
        quotas.check_cluster_quota("p-demo")
    assert caught.value.status == 403
    assert caught.value.detail == (
        "Quota exceeded: project p-demo may have 2 clusters and has 2; "
        "delete one or ask an admin to raise the quota."
    )


def test_check_counts_only_the_projects_clusters(default_limit: int) -> None:
    """Clusters of another project do not use up this project's quota."""
    tmpl = template(project_id="p-other")
    cluster("o1", tmpl, project_id="p-other")
    cluster("o2", tmpl, project_id="p-other")
    quotas.check_cluster_quota("p-demo")
    with pytest.raises(errors.ServiceError):
        quotas.check_cluster_quota("p-other")


def test_check_follows_a_raised_quota(default_limit: int) -> None:
    """A project at the default limit may create more once an admin raises its quota."""
    tmpl = template()
    cluster("c1", tmpl)
    cluster("c2", tmpl)
    Quota.objects.create(project_id="p-demo", resource="Cluster", hard_limit=3)
    quotas.check_cluster_quota("p-demo")
    cluster("c3", tmpl)
    with pytest.raises(errors.ServiceError, match="may have 3 clusters and has 3"):
        quotas.check_cluster_quota("p-demo")


def test_check_says_cluster_in_the_singular() -> None:
    """A quota of one reads "may have 1 cluster"."""
    Quota.objects.create(project_id="p-demo", resource="Cluster", hard_limit=1)
    cluster("c1", template())
    with pytest.raises(errors.ServiceError, match="may have 1 cluster and has 1;"):
        quotas.check_cluster_quota("p-demo")


@pytest.mark.django_db(transaction=True)
def test_check_outside_a_transaction_is_a_programming_error() -> None:
    """The check's locks would be gone before the insert, so it refuses to run unguarded."""
    with pytest.raises(RuntimeError, match="inside the cluster's transaction"):
        quotas.check_cluster_quota("p-demo")
