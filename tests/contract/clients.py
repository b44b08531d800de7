"""Real OpenStack clients pointed at the all-in-one, and the conductor's part played in SQL.

No conductor runs in the all-in-one yet, so a cluster stays ``*_IN_PROGRESS``
after each write; :func:`finish` does what a conductor would do when the work
is done (status ``*_COMPLETE``, the operation ``done``), so the next action
is accepted.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from keystoneauth1 import session as ksa_session
from keystoneauth1.identity import v3
from magnumclient.v1 import client as magnum_client

from tests.allinone import AllInOne

OPENSTACK = Path(sys.executable).parent / "openstack"
PROJECTS = {"demo": "demo", "admin": "admin"}
TABLES = ("operation", "nodegroup", "clusterca", "cluster", "clustertemplate", "quota")
# Conductors the tests register (a real one, once the all-in-one runs one, is left alone).
TEST_CONDUCTORS = "contract-test-%"


def session(aio: AllInOne, user: str = "demo") -> ksa_session.Session:
    """A keystoneauth session for ``user``; one per user, so its token is fetched once."""
    return _session(aio.keystone_url, aio.password, user)


@functools.cache
def _session(keystone_url: str, password: str, user: str) -> ksa_session.Session:
    auth = v3.Password(
        auth_url=keystone_url,
        username=user,
        password=password,
        project_name=PROJECTS[user],
        user_domain_id="default",
        project_domain_id="default",
    )
    return ksa_session.Session(auth=auth)


def project_id(aio: AllInOne, user: str) -> str:
    return str(session(aio, user).get_project_id())


def magnum(aio: AllInOne, user: str = "demo", api_version: str | None = None) -> Any:
    """python-magnumclient's Python API, as Horizon and scripts build it."""
    return magnum_client.Client(session=session(aio, user), api_version=api_version)


def sdk(aio: AllInOne, user: str = "demo") -> Any:
    """An openstacksdk connection (its container-infra proxy finds us in the catalog)."""
    import openstack

    return openstack.connect(
        auth_url=aio.keystone_url,
        username=user,
        password=aio.password,
        project_name=PROJECTS[user],
        user_domain_id="default",
        project_domain_id="default",
        region_name="RegionOne",
        load_yaml_config=False,
        load_envvars=False,
    )


def cli_run(aio: AllInOne, user: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``openstack <args>`` as a person runs it, with OS_* variables for ``user``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OS_")}
    env.update(
        OS_AUTH_URL=aio.keystone_url,
        OS_USERNAME=user,
        OS_PASSWORD=aio.password,
        OS_PROJECT_NAME=PROJECTS[user],
        OS_USER_DOMAIN_ID="default",
        OS_PROJECT_DOMAIN_ID="default",
        OS_IDENTITY_API_VERSION="3",
        OS_REGION_NAME="RegionOne",
        OS_CLIENT_CONFIG_FILE="/dev/null",
    )
    return subprocess.run(
        [str(OPENSTACK), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def cli(aio: AllInOne, user: str, *args: str, as_json: bool = True) -> Any:
    """The command's output (parsed with ``-f json`` when ``as_json``); fails the test on error."""
    done = cli_run(aio, user, *args, *(("-f", "json") if as_json else ()))
    assert done.returncode == 0, f"openstack {' '.join(args)}:\n{done.stderr}"
    if not as_json:
        return done.stdout
    # Some commands print a sentence ("Request to create ... accepted") before the document.
    start = min(i for i in (done.stdout.find("{"), done.stdout.find("[")) if i >= 0)
    return json.loads(done.stdout[start:])


def finish(aio: AllInOne, cluster_uuid: str, status: str = "CREATE_COMPLETE") -> None:
    """Play the conductor: the cluster's pending work is done and it is reachable."""
    aio.sql(
        "UPDATE magnum_service_operation SET state = 'done' WHERE state IN ('pending', "
        "'running') AND cluster_id = (SELECT id FROM magnum_service_cluster WHERE uuid = %s)",
        (cluster_uuid,),
    )
    aio.sql(
        "UPDATE magnum_service_nodegroup SET status = %s WHERE cluster_id = "
        "(SELECT id FROM magnum_service_cluster WHERE uuid = %s)",
        (status, cluster_uuid),
    )
    aio.sql(
        "UPDATE magnum_service_cluster SET status = %s, "
        "api_address = COALESCE(api_address, 'https://127.0.0.1:6443') WHERE uuid = %s",
        (status, cluster_uuid),
    )


def status(aio: AllInOne, cluster_uuid: str) -> tuple[str, list[str]]:
    """The cluster's status and the kinds of its unfinished operations."""
    rows = aio.sql("SELECT status FROM magnum_service_cluster WHERE uuid = %s", (cluster_uuid,))
    kinds = aio.sql(
        "SELECT kind FROM magnum_service_operation WHERE state IN ('pending', 'running') AND "
        "cluster_id = (SELECT id FROM magnum_service_cluster WHERE uuid = %s)",
        (cluster_uuid,),
    )
    return str(rows[0][0]), [str(k[0]) for k in kinds]


def wipe(aio: AllInOne) -> None:
    """Play the conductor finishing every delete: the service's tables are left empty."""
    for table in TABLES:
        aio.sql(f"DELETE FROM magnum_service_{table}")  # noqa: S608 - fixed table names
    aio.sql("DELETE FROM magnum_service_conductorservice WHERE host LIKE %s", (TEST_CONDUCTORS,))


def csr(common_name: str) -> str:
    """A PEM certificate signing request, as kubectl's users make one."""
    key = ec.generate_private_key(ec.SECP256R1())
    request = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)]))
        .sign(key, hashes.SHA256())
    )
    return request.public_bytes(serialization.Encoding.PEM).decode()
