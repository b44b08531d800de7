"""Counting a project's share of the registry in the registry's own files.

The tree is written as Docker's distribution lays it out (repositories'
links, blobs' data, uploads under way); the registry itself runs in
tests/e2e/test_registry.py.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import SimpleNamespace

import pytest

from magnum_ui.service import conf
from magnum_ui.service.registry import storage

DEMO = "7c2f9696aa774e4799cc6412c8fca105"
OTHER = "0123456789abcdef0123456789abcdef"
V2 = Path("docker/registry/v2")


def blob(root: Path, content: bytes) -> str:
    """Store a blob's data as the registry does; its hex digest."""
    digest = hashlib.sha256(content).hexdigest()
    data = root / V2 / "blobs/sha256" / digest[:2] / digest / "data"
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_bytes(content)
    return digest


def link(root: Path, project: str, repository: str, kind: str, digest: str) -> None:
    """A repository's link to a blob: kind is "_layers" or "_manifests/revisions"."""
    path = root / V2 / "repositories" / project / repository / kind / "sha256" / digest / "link"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"sha256:{digest}")


def test_a_projects_layers_and_manifests_count_once_each(tmp_path: Path) -> None:
    """A layer two of its repositories share counts once; its manifests count too."""
    layer = blob(tmp_path, b"L" * 3000)
    manifest = blob(tmp_path, b"M" * 200)
    for repository in ("web", "tools/web"):
        link(tmp_path, DEMO, repository, "_layers", layer)
    link(tmp_path, DEMO, "web", "_manifests/revisions", manifest)
    assert storage.used_bytes(tmp_path, DEMO) == 3200


def test_another_projects_blobs_are_not_counted_but_a_shared_one_counts_for_both(
    tmp_path: Path,
) -> None:
    """Each project pays for what its own repositories link, even a blob another pushed too."""
    shared = blob(tmp_path, b"S" * 1000)
    theirs = blob(tmp_path, b"T" * 5000)
    link(tmp_path, DEMO, "web", "_layers", shared)
    link(tmp_path, OTHER, "web", "_layers", shared)
    link(tmp_path, OTHER, "db", "_layers", theirs)
    assert storage.used_bytes(tmp_path, DEMO) == 1000
    assert storage.used_bytes(tmp_path, OTHER) == 6000


def test_unfinished_uploads_count_and_collected_blobs_do_not(tmp_path: Path) -> None:
    """A push left half-way holds disk; a blob a garbage collection removed holds none."""
    upload = tmp_path / V2 / "repositories" / DEMO / "web/_uploads/0b1c/data"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(b"u" * 700)
    (upload.parent / "startedat").write_text("2026-12-05T10:00:00Z")
    link(tmp_path, DEMO, "web", "_layers", "ab" * 32)  # its data is gone
    assert storage.used_bytes(tmp_path, DEMO) == 700


def test_a_link_that_is_not_a_digest_counts_nothing(tmp_path: Path) -> None:
    """Only "sha256:<64 hex>" is read: no path in a link can point the count elsewhere."""
    secret = blob(tmp_path, b"X" * 900)
    path = tmp_path / V2 / "repositories" / DEMO / "web/_layers/sha256" / secret / "link"
    path.parent.mkdir(parents=True)
    path.write_text(f"sha256:../../{secret}")
    assert storage.used_bytes(tmp_path, DEMO) == 0


def test_a_project_that_never_pushed_stores_nothing(tmp_path: Path) -> None:
    assert storage.used_bytes(tmp_path, DEMO) == 0


def test_only_a_project_id_is_a_namespace(tmp_path: Path) -> None:
    """A name that could climb out of the repositories folder is not walked: nothing."""
    link(tmp_path, DEMO, "web", "_layers", blob(tmp_path, b"d" * 10))
    assert storage.used_bytes(tmp_path, DEMO) == 10
    assert storage.used_bytes(tmp_path, f"../repositories/{DEMO}") == 0
    assert storage.used_bytes(tmp_path, "p-demo") == 0


def test_a_project_at_its_share_is_refused_with_what_it_stores(tmp_path: Path) -> None:
    """Below the share: None; at it: the reason, with the project, its use and the share."""
    share = storage.Share(tmp_path, limit_mib=1)
    link(tmp_path, DEMO, "web", "_layers", blob(tmp_path, b"a" * (storage.MIB - 1)))
    assert share.refusal(DEMO) is None
    link(tmp_path, DEMO, "web", "_layers", blob(tmp_path, b"b"))
    reason = share.refusal(DEMO)
    assert reason is not None
    assert f"project {DEMO} stores 1.0 MiB of images and may store 1 MiB" in reason
    assert "operator" in reason
    assert share.refusal(OTHER) is None


def test_the_storage_dir_must_be_a_folder_it_reads(tmp_path: Path) -> None:
    assert storage.root(str(tmp_path)) == tmp_path
    with pytest.raises(conf.ConfigError, match="storage_dir"):
        storage.root(str(tmp_path / "missing"))


def test_the_share_is_what_registry_options_configure(tmp_path: Path) -> None:
    """No storage_dir: no share counted; one: its folder and project_share_mib."""
    options = SimpleNamespace(storage_dir=None, project_share_mib=64)
    assert storage.share_of(options) is None
    options.storage_dir = str(tmp_path)
    assert storage.share_of(options) == storage.Share(tmp_path, 64)
    options.storage_dir = str(tmp_path / "missing")
    with pytest.raises(conf.ConfigError, match="storage_dir"):
        storage.share_of(options)
