"""Whether Heat took the stack update an earlier attempt sent: followed, never sent twice.

A stack update whose call failed without an answer (it timed out, the
connection broke) may still be carried out: Heat holds the request while its
database or Keystone does not answer, and applies it once they do, after the
conductor has given up on the call.  Sending it again is not harmless: Heat's
convergence engine accepts a second update while the first runs and cancels
the first mid-way ("Stack UPDATE cancelled"), failing the stack.  A retry
that reads the stack at rest cannot tell "sent, not taken yet" from "never
sent" by its status alone.

So just before its update call an operation records the stack's
``updated_time`` (``Operation.update_sent``), and Heat stamps a new one when
it takes an update.  A later attempt whose token is still unused reads the
stack and :func:`taken` says:

* ``True`` -- the stack is in progress, or its ``updated_time`` moved on: the
  update was taken (and may be over): follow it;
* ``False`` -- no update was sent (nothing recorded): send it;
* ``None`` -- sent, not seen: Heat may still hold the request.  The worker
  watches the stack for :func:`grace` seconds and sends again only if the
  stack stays as it was (the request was lost).

For example, a resize whose update call times out while PostgreSQL is frozen
is tried again 5 s later; Heat applies the update when PostgreSQL thaws, and
the retry, finding ``updated_time`` unchanged, waits until it moves instead of
sending a second update.
"""

from __future__ import annotations

from typing import Any

from magnum_ui.service.heat import client as heat
from magnum_ui.service.heat import stacks


def record(state: stacks.StackState) -> dict[str, Any]:
    """What is kept of the stack just before the update is sent."""
    return {"updated_time": state.updated_time}


def taken(sent: dict[str, Any] | None, state: stacks.StackState) -> bool | None:
    """Whether Heat took the update recorded as ``sent``, seeing the stack as ``state``."""
    if state.in_progress:
        return True
    if sent is None:
        return False
    if state.updated_time != sent.get("updated_time"):
        return True
    return None


def grace() -> float:
    """How long an update sent, not seen, is waited for: as long as one call may take."""
    return heat.call_timeout()
