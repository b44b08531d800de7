"""Heat through openstacksdk, with the two identities the conductor uses.

* Stack writes run with the requesting user's own token, so stacks belong to
  the user's project and Heat keeps its own trust for deferred work.
* Reads (status, outputs, resources, events) run with the service user's
  credentials from ``[keystone_authtoken]``: Heat lets an admin read any
  project's stack by id.
"""

from __future__ import annotations

import contextlib
import functools
from typing import Any

import openstack
from keystoneauth1 import loading, session
from keystoneauth1.identity import v3
from oslo_config import cfg

from magnum_ui.service import conf

GROUP = "keystone_authtoken"


class TokenExpired(Exception):
    """The user's token can no longer be used (it expired or was revoked)."""


def _register() -> None:
    # Option by option: in the API process keystonemiddleware has registered
    # some of them (auth_type, cafile, ...) its own way, and registering a
    # list stops at the first such one, leaving e.g. ``timeout`` unknown.
    for opt in (*loading.get_auth_common_conf_options(), *loading.get_session_conf_options()):
        with contextlib.suppress(cfg.DuplicateOptError):
            conf.CONF.register_opt(opt, group=GROUP)


@functools.cache
def _service_auth() -> Any:
    _register()
    return loading.load_auth_from_conf_options(conf.CONF, GROUP)


@functools.cache
def service_connection() -> Any:
    """openstacksdk as the service user (cached for the process)."""
    sess = loading.load_session_from_conf_options(conf.CONF, GROUP, auth=_service_auth())
    sess.timeout = sess.timeout or call_timeout()
    return openstack.connection.Connection(session=sess, region_name=_region())


def user_connection(token: str, project_id: str) -> Any:
    """openstacksdk as the user who asked for the work, scoped to the cluster's project."""
    _service_auth()  # registers the auth plugin's options, auth_url among them
    auth_url = conf.CONF[GROUP].auth_url
    auth = v3.Token(auth_url=auth_url, token=token, project_id=project_id)
    return openstack.connection.Connection(
        session=session.Session(auth=auth, timeout=call_timeout()), region_name=_region()
    )


def call_timeout() -> float:
    """How long one call to Heat or Keystone may take: well under a conductor's lease.

    ``[keystone_authtoken] timeout`` when set; otherwise a third of
    ``[conductor] lease_seconds``, so that a hung call ends (and is tried
    again) long before another conductor could take the operation over.
    """
    _register()
    configured: float | None = conf.CONF[GROUP].timeout
    return configured or conf.CONF.conductor.lease_seconds / 3


def _region() -> str | None:
    try:
        region: str | None = conf.CONF[GROUP].region_name
    except Exception:
        return None
    return region
