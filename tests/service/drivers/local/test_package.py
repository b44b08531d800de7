"""The local driver package: its entry point, and a library free of Django and Heat."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

from magnum_ui.service.drivers.local import LocalSwarmDriver

LIBRARY = ["bays", "commands", "engines", "image", "network", "nodes", "options", "state",
           "swarm", "sweep", "tls", "validation"]  # fmt: skip


def test_the_entry_point_still_names_the_local_swarm_driver() -> None:
    (found,) = [ep for ep in entry_points(group="magnum_ui.drivers") if ep.name == "local_swarm"]
    assert found.load() is LocalSwarmDriver


def test_the_library_imports_neither_django_nor_heat() -> None:
    """It runs inside Heat's process, which has no Django settings (and vice versa)."""
    imports = "; ".join(f"import magnum_ui.service.drivers.local.{m}" for m in LIBRARY)
    check = "import sys; print(sorted({m.split('.')[0] for m in sys.modules} & {'django', 'heat'}))"
    result = subprocess.run(
        [sys.executable, "-c", f"{imports}; {check}"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
