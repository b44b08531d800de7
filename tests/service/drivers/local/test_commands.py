"""System tools: only Debian's, only argument lists, and failures that say why."""

from __future__ import annotations

import pytest

from magnum_ui.service.drivers.local import commands


def test_a_missing_tool_names_the_package_to_install() -> None:
    with pytest.raises(commands.CommandFailed, match=r"apt-get install no-such-tool"):
        commands.tool("no-such-tool")


def test_tools_are_looked_up_outside_usr_local() -> None:
    """On this machine /usr/local/bin/docker shadows Debian's client."""
    path = commands.tool("true")
    assert not path.startswith("/usr/local/")


def test_a_failing_command_reports_its_stderr() -> None:
    with pytest.raises(
        commands.CommandFailed, match=r"`ls /no/such/path` failed \(exit 2\): .*No such"
    ):
        commands.run(["ls", "/no/such/path"])
    assert commands.succeeds(["true"]) is True
    assert commands.succeeds(["false"]) is False
