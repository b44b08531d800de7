"""The wheel carries everything Horizon needs, and its enabled files work.

The wheel is built from this checkout and installed (without dependencies)
into an empty folder; Horizon's own plugin loader then reads the installed
enabled files and discovers the installed AngularJS sources.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=REPO, check=True, capture_output=True,
    )  # fmt: skip
    (found,) = out.glob("magnum_ui-*.whl")
    return found


def test_wheel_contents(wheel: Path) -> None:
    """Static files, panels, enabled files, the service and its migrations are in; tests are not."""
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = [
        "magnum_ui/dashboard/static/dashboard/container-infra/container-infra.module.js",
        "magnum_ui/dashboard/static/dashboard/container-infra/bays/panel.html",
        "magnum_ui/dashboard/static/dashboard/container-infra/bay-models/panel.html",
        "magnum_ui/dashboard/templates/README.md",
        "magnum_ui/dashboard/enabled/_1370_project_container_infra_panel_group.py",
        "magnum_ui/dashboard/enabled/_1371_project_container_infra_bay_models_panel.py",
        "magnum_ui/dashboard/enabled/_1372_project_container_infra_bays_panel.py",
        "magnum_ui/dashboard/content/bays/panel.py",
        "magnum_ui/service/migrations/0001_initial.py",
        "magnum_ui/service/wsgi.py",
        "magnum_ui/aio/__main__.py",
    ]
    assert [name for name in expected if name not in names] == []
    assert not [n for n in names if n.startswith(("tests/", "node_modules/", ".state/"))]
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "magnum-ui-api = magnum_ui.service.cli:main" in text


def test_installed_wheel_gives_horizon_its_panels(wheel: Path, tmp_path: Path) -> None:
    """Horizon's loader, given the installed enabled files, adds our app, module and JS."""
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet",
         "--target", str(target), str(wheel)],
        check=True, capture_output=True,
    )  # fmt: skip
    probe = """
import json, sys
import magnum_ui.dashboard.enabled as enabled
from openstack_dashboard.utils import settings as settings_utils
config, apps = {}, []
settings_utils.update_dashboards([enabled], config, apps)
print(json.dumps({"file": enabled.__file__, "apps": apps,
                  "modules": config["angular_modules"], "js": config["js_files"]}))
"""
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, cwd=tmp_path, check=True, capture_output=True,
        text=True,
    )  # fmt: skip
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["file"].startswith(str(target))
    assert found["apps"] == ["magnum_ui.dashboard"]
    assert found["modules"] == ["horizon.dashboard.container-infra"]
    assert "dashboard/container-infra/container-infra.module.js" in found["js"]
    assert not [f for f in found["js"] if f.endswith(".spec.js")]
