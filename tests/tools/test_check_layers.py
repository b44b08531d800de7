"""The layer check of ``make lint``: forbidden arrows and import cycles are found."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "check_layers.py"
_spec = importlib.util.spec_from_file_location("check_layers", SCRIPT)
assert _spec is not None
assert _spec.loader is not None
layers = importlib.util.module_from_spec(_spec)
sys.modules["check_layers"] = layers
_spec.loader.exec_module(layers)


def arrow(source: str, target: str) -> object:
    return layers.Arrow(source, target, layers.ROOT / "magnum_ui" / "x.py", 1)


def test_the_service_core_importing_the_http_layer_is_an_offence() -> None:
    """A domain module importing the API package is reported; the API's own modules are not."""
    found = [
        arrow("magnum_ui.service.operations", "magnum_ui.service.api.errors"),
        arrow("magnum_ui.service.api.clusters", "magnum_ui.service.api.bodies"),
    ]
    (problem,) = layers.offences(found)
    assert "magnum_ui.service.operations imports magnum_ui.service.api.errors" in problem


def test_the_service_importing_the_all_in_one_or_adapters_importing_http_are_offences() -> None:
    """service -> aio and workloads -> django.http are reported with their reasons."""
    found = [
        arrow("magnum_ui.service.conf", "magnum_ui.aio.config"),
        arrow("magnum_ui.service.workloads.swarm", "django.http"),
        arrow("magnum_ui.aio.seed", "magnum_ui.service.conf"),  # the other way is fine
    ]
    problems = layers.offences(found)
    assert len(problems) == 2
    assert "never imports the all-in-one" in problems[0]
    assert "know no HTTP" in problems[1]


def test_a_circle_of_imports_is_found_and_a_package_importing_its_own_module_is_not() -> None:
    """a -> b -> c -> a is one cycle; a package's __init__ importing its submodule is none."""
    found = [
        arrow("magnum_ui.a", "magnum_ui.b"),
        arrow("magnum_ui.b", "magnum_ui.c"),
        arrow("magnum_ui.c", "magnum_ui.a"),
        arrow("magnum_ui.pkg", "magnum_ui.pkg.mod"),
        arrow("magnum_ui.pkg.mod", "magnum_ui.pkg"),
    ]
    assert layers.cycles(found) == [["magnum_ui.a", "magnum_ui.b", "magnum_ui.c"]]


def test_the_project_as_it_stands_passes() -> None:
    """The committed code has no forbidden arrow and no cycle."""
    assert layers.main() == 0
