"""How many clusters a project may have, and the check that keeps it there.

Magnum has quotas for one resource, ``Cluster``.  A project without a quota
row gets ``[quotas] max_clusters_per_project``.

Cluster creation calls :func:`check_cluster_quota` inside the transaction that
inserts the cluster.  Two creations racing for the last free slot must not both
pass, so on PostgreSQL the check first takes a transaction-scoped advisory lock
for the project (the quota row may not exist, so a row lock alone cannot
serialize the counts) and then reads the project's quota row with
``SELECT ... FOR UPDATE``, which also orders the check against an admin
changing the limit at the same moment.  Both locks are released when the
caller's transaction ends.  SQLite serializes writers by itself.
"""

from __future__ import annotations

from django.db import connection

from magnum_ui.service import errors
from magnum_ui.service.conf import CONF
from magnum_ui.service.models import Cluster, Quota

# The only resource Magnum keeps quotas for.
CLUSTER = "Cluster"

# First key of our advisory locks, so they never collide with another
# application's locks on the same database ("mq" in ASCII).
_LOCK_SPACE = 0x6D71


def default_cluster_limit() -> int:
    """Clusters a project may have when no admin set a quota for it."""
    return int(CONF.quotas.max_clusters_per_project)


def cluster_limit(project_id: str, lock: bool = False) -> int:
    """The number of clusters ``project_id`` may have: its quota, else the default.

    ``lock`` reads the quota row ``FOR UPDATE`` (the caller must be in a transaction).
    """
    quotas = Quota.objects.filter(project_id=project_id, resource=CLUSTER)
    if lock:
        quotas = quotas.select_for_update()
    hard_limit = quotas.values_list("hard_limit", flat=True).first()
    return default_cluster_limit() if hard_limit is None else int(hard_limit)


def check_cluster_quota(project_id: str) -> None:
    """403 when ``project_id`` already has as many clusters as its quota allows.

    Call it inside the transaction that creates the cluster, before the insert.
    """
    if not connection.in_atomic_block:
        # Outside a transaction the locks would be released before the insert.
        raise RuntimeError("check_cluster_quota must run inside the cluster's transaction")
    serialize_project(project_id)
    limit = cluster_limit(project_id, lock=True)
    count = Cluster.objects.filter(project_id=project_id).count()
    if count >= limit:
        raise errors.Forbidden(
            f"Quota exceeded: project {project_id} may have {limit} "
            f"cluster{'' if limit == 1 else 's'} and has {count}; "
            "delete one or ask an admin to raise the quota.",
        )


def serialize_project(project_id: str) -> None:
    """Make concurrent quota checks of one project wait for each other (PostgreSQL)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [_LOCK_SPACE, project_id])
