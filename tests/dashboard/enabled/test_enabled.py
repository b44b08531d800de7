"""The enabled files, read by Horizon's own loader as a deployment reads them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openstack_dashboard.utils import settings as settings_utils

from magnum_ui.dashboard import enabled


def _plugin() -> dict[str, Any]:
    config: dict[str, Any] = {}
    settings_utils.update_dashboards([enabled], config, [])
    return config


def test_the_angular_module_is_added_once() -> None:
    """The plugin's AngularJS module is added once, for all its panels."""
    assert _plugin()["angular_modules"] == ["horizon.dashboard.container-infra"]


def test_js_yaml_is_served_with_horizons_libraries() -> None:
    """js-yaml comes from its XStatic package and lands in the page's library files."""
    config = _plugin()
    horizon_config: dict[str, Any] = {}
    dirs = settings_utils.get_xstatic_dirs(config["xstatic_modules"], horizon_config)
    assert config["xstatic_modules"] == [("xstatic.pkg.js_yaml", ["js-yaml.js"])]
    assert horizon_config["xstatic_lib_files"] == ["horizon/lib/js_yaml/js-yaml.js"]
    prefix, folder = dirs[0]
    assert prefix == "horizon/lib/js_yaml"
    assert "js-yaml 3." in (Path(folder) / "js-yaml.js").read_text()[:80]
