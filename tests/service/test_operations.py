"""The API-to-conductor hand-off: one claimant per operation, leases, the token's life."""

from __future__ import annotations

import time

import pytest
from django.db import IntegrityError, transaction

from magnum_ui.service import errors, operations
from magnum_ui.service.context import RequestContext
from magnum_ui.service.models import Operation
from tests.service.api.helpers import cluster, template

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("encryption_key")]

CTX = RequestContext(user_id="u", project_id="p-demo", roles=("member",), auth_token="secret-token")


@pytest.fixture
def queued() -> Operation:
    return operations.enqueue(cluster("c", template()), "create", {}, CTX)


def test_only_one_conductor_claims_an_operation(queued: Operation) -> None:
    first = operations.claim("conductor-a", lease_seconds=30)
    second = operations.claim("conductor-b", lease_seconds=30)
    assert first is not None
    assert first.pk == queued.pk
    assert second is None


def test_an_expired_lease_is_taken_over_and_the_old_holder_can_change_nothing(
    queued: Operation,
) -> None:
    """After conductor A's lease runs out, B claims it; A can neither renew nor finish."""
    assert operations.claim("conductor-a", lease_seconds=0.01) is not None
    time.sleep(0.05)
    taken = operations.claim("conductor-b", lease_seconds=30)
    assert taken is not None
    assert taken.attempts == 2
    assert not operations.renew(queued, "conductor-a", 30)
    assert not operations.finish(queued, "conductor-a", succeeded=True)
    assert operations.finish(queued, "conductor-b", succeeded=True)
    assert Operation.objects.get(pk=queued.pk).state == "done"


def test_one_unfinished_operation_per_cluster_is_a_database_rule(queued: Operation) -> None:
    """The partial unique index refuses a second unfinished operation, even bypassing the API."""
    with pytest.raises(IntegrityError), transaction.atomic():
        Operation.objects.create(cluster=queued.cluster, kind="delete", project_id="p", user_id="u")
    with pytest.raises(errors.ServiceError) as busy:
        operations.enqueue(queued.cluster, "update", {}, CTX)
    assert busy.value.status == 409


def test_the_token_is_encrypted_readable_once_claimed_and_erased(queued: Operation) -> None:
    stored = Operation.objects.get(pk=queued.pk).auth_token
    assert stored is not None
    assert "secret-token" not in stored
    claimed = operations.claim("conductor-a", 30)
    assert claimed is not None
    assert operations.take_token(claimed) == "secret-token"
    operations.erase_token(claimed, "conductor-a")
    assert operations.take_token(claimed) is None


def test_finishing_erases_the_token(queued: Operation) -> None:
    claimed = operations.claim("conductor-a", 30)
    assert claimed is not None
    operations.finish(claimed, "conductor-a", succeeded=False, result="stack failed")
    done = Operation.objects.get(pk=queued.pk)
    assert (done.state, done.result, done.auth_token) == ("failed", "stack failed", None)


def test_repr_never_shows_the_token(queued: Operation) -> None:
    assert "secret" not in repr(queued)
    assert "secret" not in repr(CTX)
