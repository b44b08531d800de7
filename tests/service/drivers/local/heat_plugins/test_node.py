"""The Heat resource ``Magnum::Local::Node``, checked in a process where Heat can be imported.

Heat's ``heat.common.config`` and the service's ``magnum_ui.service.conf`` both
register ``[database] connection`` on oslo.config's global ``CONF``, so Heat
cannot be imported in this pytest process, where pytest-django has loaded the
service's settings (in production they never share a process).  The checks
live in ``heat_process_checks.py`` and run in a child pytest without the
Django plugin.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

CHECKS = Path(__file__).with_name("heat_process_checks.py")
REPO = Path(__file__).parents[5]


@pytest.mark.skipif(importlib.util.find_spec("heat") is None, reason="Heat is in the aio extra")
def test_the_heat_resource_passes_its_checks_in_a_process_of_its_own() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", str(CHECKS), "-q", "-p", "no:django",
         "-p", "no:cacheprovider", "-W", "ignore::pytest.PytestConfigWarning"],
        cwd=REPO, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout.splitlines()[-1]
