"""The state folder's permissions: secrets are root's alone from their first byte."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from unittest import mock

from magnum_ui.aio import files


def test_a_private_file_is_created_0600_and_never_exists_open(tmp_path: Path) -> None:
    """write_private creates the file 0600 before writing, and replaces it atomically."""
    target = tmp_path / "service" / "magnum-ui.conf"
    modes: list[int] = []
    real_open = os.open

    def watching(path: str, flags: int, mode: int = 0o777) -> int:
        modes.append(mode)
        return real_open(path, flags, mode)

    with mock.patch.object(files.os, "open", side_effect=watching):
        files.write_private(target, "password = s3cret\n")
    assert modes == [0o600]  # the mode is given at creation, not set afterwards
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    files.write_private(target, "password = other\n")
    assert target.read_text() == "password = other\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["magnum-ui.conf"]


def test_preparing_the_state_folder_closes_what_an_older_version_left_open(
    tmp_path: Path,
) -> None:
    """The umask becomes 077, .state 0711, root's folders 0700 and their files lose others' bits."""
    state = tmp_path / "state"
    (state / "keystone").mkdir(parents=True)
    (state / "keystone" / "keystone.db").write_text("hashes")
    (state / "keystone" / "keystone.db").chmod(0o644)
    (state / "keystone").chmod(0o755)
    (state / "secrets.json").write_text("{}")
    (state / "secrets.json").chmod(0o644)
    (state / "nodes").mkdir(mode=0o711)
    old = os.umask(0o022)
    try:
        files.prepare_state_dir(state)
        assert os.umask(0o022) == files.UMASK
    finally:
        os.umask(old)
    assert stat.S_IMODE(state.stat().st_mode) == 0o711
    assert stat.S_IMODE((state / "keystone").stat().st_mode) == 0o700
    assert stat.S_IMODE((state / "keystone" / "keystone.db").stat().st_mode) == 0o600
    assert stat.S_IMODE((state / "secrets.json").stat().st_mode) == 0o600
    assert stat.S_IMODE((state / "nodes").stat().st_mode) == 0o711  # left to the local driver
