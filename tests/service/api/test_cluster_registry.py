"""Where a bay's images come from: the registry, the project's namespace, the push commands."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client

from magnum_ui.service import conf
from magnum_ui.service.registry import signing, storage
from tests.service.api.helpers import READER, cluster, get, identity, template
from tests.service.registry import test_storage
from tests.service.registry.test_catalog import fake_registry

__all__ = ["fake_registry"]  # the stand-in registry's fixture, used below

pytestmark = pytest.mark.django_db
REGISTRY = "10.213.255.254:5050"


@pytest.fixture
def registry() -> Iterator[str]:
    conf.CONF.set_override("address", REGISTRY, group="registry")
    yield REGISTRY
    conf.CONF.clear_override("address", group="registry")


def test_a_bay_names_its_projects_namespace_and_the_commands(client: Client, registry: str) -> None:
    """The namespace is the bay's project id; the commands log in, tag and push there."""
    bay = cluster("bay", template(insecure_registry=registry), project_id="p-demo")
    body = get(client, "/v1/clusters/bay/registry").json()
    assert body == {
        "cluster_uuid": bay.uuid,
        "address": REGISTRY,
        "namespace": f"{REGISTRY}/p-demo",
        "library": f"{REGISTRY}/library",
        "commands": [
            f"docker login {REGISTRY}",
            f"docker tag IMAGE {REGISTRY}/p-demo/IMAGE",
            f"docker push {REGISTRY}/p-demo/IMAGE",
        ],
        "insecure_registry": REGISTRY,
        "images": [],  # no [registry] token_key_file: the catalog is not read
        "stored_mib": None,  # no [registry] storage_dir: the share is not counted
        "share_mib": None,
    }


def test_readers_may_read_it(client: Client, registry: str) -> None:
    """It holds nothing secret: whoever reads the bay reads it."""
    cluster("bay", template())
    assert get(client, "/v1/clusters/bay/registry", **identity(roles=READER)).status_code == 200


def test_another_projects_bay_is_not_found(client: Client, registry: str) -> None:
    """Another project's bay is a 404, as for every route about one bay."""
    cluster("theirs", template("t2", project_id="p-other"), project_id="p-other")
    assert get(client, "/v1/clusters/theirs/registry").status_code == 404


def test_without_a_registry_everything_is_null(client: Client) -> None:
    """A cloud with no [registry] address offers nothing to push to."""
    cluster("bay", template())
    body = get(client, "/v1/clusters/bay/registry").json()
    assert (body["address"], body["namespace"], body["commands"]) == (None, None, [])
    assert body["insecure_registry"] is None


def test_the_images_the_project_may_use_come_from_the_catalog(
    client: Client, fake_registry: str, tmp_path: Path
) -> None:
    """With the signing key, the catalog's library/ and own images are listed for the form."""
    signing.load_or_create_key(tmp_path / "key.pem")
    project = "7c2f9696aa774e4799cc6412c8fca105"
    conf.CONF.set_override("address", fake_registry, group="registry")
    conf.CONF.set_override("token_key_file", str(tmp_path / "key.pem"), group="registry")
    try:
        cluster("bay", template(project_id=project), project_id=project)
        body = get(client, "/v1/clusters/bay/registry", **identity(project_id=project)).json()
    finally:
        conf.CONF.clear_override("address", group="registry")
        conf.CONF.clear_override("token_key_file", group="registry")
    assert body["images"][:2] == ["alpine", "busybox"]
    assert body["images"][2:] == [f"{fake_registry}/{project}/api/v2",
                                  f"{fake_registry}/{project}/web"]  # fmt: skip


def test_what_the_project_stores_of_its_share_is_counted_in_the_registrys_files(
    client: Client, registry: str, tmp_path: Path
) -> None:
    """With [registry] storage_dir: the project's MiB and its share; without it: nulls."""
    project = "7c2f9696aa774e4799cc6412c8fca105"
    cluster("bay", template(project_id=project), project_id=project)
    asked = identity(project_id=project)
    body = get(client, "/v1/clusters/bay/registry", **asked).json()
    assert (body["stored_mib"], body["share_mib"]) == (None, None)
    digest = test_storage.blob(tmp_path, b"x" * (3 * storage.MIB // 2))
    test_storage.link(tmp_path, project, "web", "_layers", digest)
    conf.CONF.set_override("storage_dir", str(tmp_path), group="registry")
    conf.CONF.set_override("project_share_mib", 2, group="registry")
    try:
        body = get(client, "/v1/clusters/bay/registry", **asked).json()
        assert (body["stored_mib"], body["share_mib"]) == (1.5, 2)
        conf.CONF.set_override("storage_dir", str(tmp_path / "gone"), group="registry")
        body = get(client, "/v1/clusters/bay/registry", **asked).json()
        assert (body["stored_mib"], body["share_mib"]) == (None, None)
    finally:
        conf.CONF.clear_override("storage_dir", group="registry")
        conf.CONF.clear_override("project_share_mib", group="registry")
