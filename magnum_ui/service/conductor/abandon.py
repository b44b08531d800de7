"""Deleting the stack a create made for a bay deleted meanwhile, and seeing it gone.

A DELETE that lands while the create's stack call is in flight supersedes the
create; the delete's worker looks for the stack by name and may find none yet,
so the bay goes with no stack deleted.  The create's worker then holds the only
reference to the stack Heat made: it deletes it and follows that delete to its
end without a lease (the operation is no longer its own), sending it again when
it fails as a bay's delete does (Heat's clean-up of a stack deleted while it
was made can fail once: "Error deleting project: Authorization failed").  What
still stands after that is the reconciliation's.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from magnum_ui.service.heat import client as heat
from magnum_ui.service.heat import stacks

LOG = logging.getLogger(__name__)

# Seconds the delete is followed before it is left to the reconciliation.
WAIT = 600.0


def delete(conn: Any, stack_id: str, cluster_uuid: str, poll: float, resends: int) -> bool:
    """Delete ``stack_id`` as the requester (``conn``); True once Heat no longer has it."""
    LOG.info("cluster %s: deleted while its stack was made; deleting stack %s",
             cluster_uuid, stack_id)  # fmt: skip
    deadline = time.monotonic() + WAIT
    try:
        service = heat.service_connection()
        for _ in range(resends + 1):
            conn.orchestration.delete_stack(stack_id)
            state = stacks.read(service, stack_id)
            while state.in_progress and time.monotonic() < deadline:
                time.sleep(poll)
                state = stacks.read(service, stack_id)
            if state.status in ("DELETE_COMPLETE", "GONE"):
                return True
            LOG.warning("cluster %s: the delete of abandoned stack %s: %s %s",
                        cluster_uuid, stack_id, state.status, state.reason)  # fmt: skip
            if state.in_progress:
                break  # out of time
    except Exception as exc:  # Heat or Keystone away: the reconciliation removes it
        LOG.warning("cluster %s: deleting abandoned stack %s failed: %s",
                    cluster_uuid, stack_id, exc)  # fmt: skip
    return False
