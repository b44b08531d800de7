"""The devstack plugin's phases, run by bash against a fake devstack in a throwaway root.

What is real here: bash sources ``devstack/settings`` and ``devstack/plugin.sh``
(and through it ``devstack/lib/magnum-ui``) exactly as stack.sh, unstack.sh and
clean.sh do, phase after phase in one shell; the INI files it writes are real
files (the service's own :func:`magnum_ui.service.conf.load` reads the result);
the Horizon folders, Heat's ``heat.conf`` and the systemd drop-in are real files
under the throwaway root; with SQLite, ``magnum-ui-api migrate`` really runs and
creates the schema; ``clean`` really runs the local driver's node sweep (on an
empty folder).

What is fake (``tests/devstack/fake-devstack.sh``): every devstack function that
would reach Keystone, a database server, pip, apt or systemd records its call
instead (``create_service_user``, ``get_or_create_*``, ``recreate_database``,
``setup_develop``, ``install_package``, ``run_process``/``stop_process``,
``systemctl``, ``openstack``, ``curl``).  A real devstack never ran here, so
that those calls have the effect devstack documents is checked on paper only.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet

from tests.devstack import ini

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
STACK = ("pre-install", "install", "post-config", "extra", "test-config")
ALL_SERVICES = "key,horizon,h-api,h-eng,mysql"
OURS = "magnum-ui,magnum-ui-api,magnum-ui-cond"
HEAT_PLUGIN_DIR = str(REPO / "magnum_ui/service/drivers/local/heat_plugins")


@dataclass
class FakeDevstack:
    """A throwaway root with devstack's folders, and a way to run the plugin in it."""

    root: Path
    settings: dict[str, str] = field(default_factory=dict)

    @property
    def calls_file(self) -> Path:
        return self.root / "calls.tsv"

    @property
    def conf(self) -> Path:
        return self.root / "etc/magnum-ui/magnum-ui.conf"

    @property
    def state(self) -> Path:
        return self.root / "data/magnum-ui"

    @property
    def dashboard(self) -> Path:
        return self.root / "opt/stack/horizon/openstack_dashboard"

    @property
    def heat_conf(self) -> Path:
        return self.root / "etc/heat/heat.conf"

    @property
    def systemd(self) -> Path:
        return self.root / "etc/systemd/system"

    @property
    def drop_in(self) -> Path:
        return self.systemd / "devstack@h-eng.service.d/magnum-ui-local-nodes.conf"

    def environment(self) -> dict[str, str]:
        env = {
            "PATH": os.environ["PATH"],
            "HOME": str(self.root),
            "FAKE_CALLS": str(self.calls_file),
            "FAKE_ROOT": str(self.root),
            "FAKE_DIR": str(HERE),
            "FAKE_PYTHON": sys.executable,
            "FAKE_BIN_DIR": str(self.root / "bin"),
            "PYTHON": sys.executable,
            "PYTHONPATH": str(REPO),
            "DEST": str(self.root / "opt/stack"),
            "DATA_DIR": str(self.root / "data"),
            "STACK_USER": subprocess.run(
                ["id", "-un"], capture_output=True, text=True, check=True
            ).stdout.strip(),
            "SERVICE_HOST": "10.0.0.5",
            "SERVICE_PROTOCOL": "http",
            "SERVICE_LISTEN_ADDRESS": "10.0.0.6",
            "API_WORKERS": "3",
            "SERVICE_PASSWORD": "service-secret",
            "SERVICE_DOMAIN_NAME": "Default",
            "SERVICE_PROJECT_NAME": "service",
            "KEYSTONE_SERVICE_URI": "http://10.0.0.5/identity",
            "REGION_NAME": "RegionOne",
            "DATABASE_PASSWORD": "db-secret",
            "SERVICE_TIMEOUT": "60",
            "HORIZON_DIR": str(self.root / "opt/stack/horizon"),
            "HEAT_CONF": str(self.heat_conf),
            "SYSTEMD_DIR": str(self.systemd),
            "MAGNUM_UI_CONF_DIR": str(self.root / "etc/magnum-ui"),
            "ENABLED_SERVICES": ALL_SERVICES,
            "DISABLED_SERVICES": "",
        }
        env.update(self.settings)
        return env

    def run(self, *phases: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
        """Source settings, then plugin.sh once per phase, in one bash (as stack.sh does)."""
        lines = [
            "set -o errexit",
            f"source {HERE / 'fake-devstack.sh'}",
            f"source {REPO / 'devstack/settings'}",
        ]
        lines += [f"source {REPO / 'devstack/plugin.sh'} {' '.join(p)}" for p in phases]
        return subprocess.run(
            ["bash", "-c", "\n".join(lines)],
            env=self.environment(),
            capture_output=True,
            text=True,
            timeout=120,
        )

    def stack(self) -> subprocess.CompletedProcess[str]:
        done = self.run(*(("stack", phase) for phase in STACK))
        assert done.returncode == 0, done.stderr
        return done

    def calls(self, name: str) -> list[list[str]]:
        if not self.calls_file.exists():
            return []
        rows = [line.split("\t") for line in self.calls_file.read_text().splitlines()]
        return [row[1:] for row in rows if row[0] == name]


@pytest.fixture
def devstack() -> Iterator[FakeDevstack]:
    # A short root: the local nodes' folder must stay under 53 characters.
    root = Path(tempfile.mkdtemp(prefix="ds-", dir="/tmp"))
    fake = FakeDevstack(root)
    fake.dashboard.joinpath("local/enabled").mkdir(parents=True)
    fake.dashboard.joinpath("conf").mkdir(parents=True)
    fake.heat_conf.parent.mkdir(parents=True)
    fake.heat_conf.write_text("[DEFAULT]\ntransport_url = rabbit://stackrabbit@10.0.0.5\n")
    # The console scripts record their calls; test_stack_migrates_the_sqlite_database
    # points FAKE_BIN_DIR at the real ones.
    (root / "bin").mkdir()
    for name in ("magnum-ui-api", "magnum-ui-conductor"):
        script = root / "bin" / name
        script.write_text(f'#!/bin/bash\nprintf "{name}\\t%s\\n" "$*" >> "$FAKE_CALLS"\n')
        script.chmod(0o755)
    yield fake
    shutil.rmtree(root, ignore_errors=True)


def local_nodes(fake: FakeDevstack) -> FakeDevstack:
    fake.settings["MAGNUM_UI_LOCAL_NODES"] = "True"
    return fake


# --- stack -------------------------------------------------------------------


def test_stack_writes_a_configuration_the_service_accepts(devstack: FakeDevstack) -> None:
    """post-config writes every setting the service needs, private, and the service loads it."""
    devstack.stack()
    conf = devstack.conf
    assert oct(conf.stat().st_mode & 0o777) == "0o600"
    assert ini.get(conf, "api", "host") == "10.0.0.6"
    assert ini.get(conf, "api", "port") == "9511"
    assert ini.get(conf, "api", "workers") == "3"
    assert ini.get(conf, "api", "public_url") == "http://10.0.0.5:9511"
    assert ini.get(conf, "quotas", "max_clusters_per_project") == "20"
    Fernet(ini.get(conf, "crypto", "encryption_key"))  # raises if not a Fernet key
    # devstack's database is MySQL here, which the service does not speak: SQLite.
    assert ini.get(conf, "database", "connection") == (
        f"sqlite:///{devstack.state}/magnum_ui.sqlite3"
    )
    assert ini.get(conf, "keystone_authtoken", "username") == "magnum-ui"
    assert ini.get(conf, "keystone_authtoken", "password") == "service-secret"
    assert ini.get(conf, "keystone_authtoken", "www_authenticate_uri") == (
        "http://10.0.0.5/identity"
    )
    assert ini.get(conf, "keystone_authtoken", "region_name") == "RegionOne"
    loaded = subprocess.run(
        [sys.executable, "-c",
         "import sys; from magnum_ui.service import conf; c = conf.load(sys.argv[1]);"
         " print(c.api.port, c.api.workers, c.conductor.host)", str(conf)],
        capture_output=True, text=True, check=True, cwd=REPO,
    )  # fmt: skip
    assert loaded.stdout.split()[:2] == ["9511", "3"]


def test_stack_migrates_the_sqlite_database(devstack: FakeDevstack) -> None:
    """extra runs the service's migrations for real: the SQLite file holds the schema."""
    devstack.settings["FAKE_BIN_DIR"] = str(VENV_BIN)
    devstack.stack()
    database = devstack.state / "magnum_ui.sqlite3"
    with sqlite3.connect(database) as db:
        applied = {row[0] for row in db.execute("SELECT app FROM django_migrations")}
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert "magnum_service" in applied
    assert {"magnum_service_cluster", "magnum_service_operation"} <= tables


def test_stack_registers_the_service_in_keystone(devstack: FakeDevstack) -> None:
    """post-config makes the admin service user and the container-infra service and endpoints."""
    devstack.stack()
    assert devstack.calls("create_service_user") == [["magnum-ui", "admin"]]
    assert devstack.calls("get_or_create_service") == [
        ["magnum", "container-infra", "Container Infrastructure Management (Magnum UI)"]
    ]
    url = "http://10.0.0.5:9511/v1"
    assert devstack.calls("get_or_create_endpoint") == [
        ["service-id-of-magnum", "RegionOne", url, url, url]
    ]


def test_stack_installs_the_package_from_the_checkout(devstack: FakeDevstack) -> None:
    """install puts this checkout into devstack's Python with setup_develop (pip -e)."""
    devstack.stack()
    assert devstack.calls("setup_develop") == [[str(REPO)]]


def test_stack_enables_the_panels_in_horizon(devstack: FakeDevstack) -> None:
    """post-config links every enabled file of the plugin into Horizon's local/enabled."""
    devstack.stack()
    shipped = sorted((REPO / "magnum_ui/dashboard/enabled").glob("_[0-9]*.py"))
    assert shipped
    for source in shipped:
        link = devstack.dashboard / "local/enabled" / source.name
        assert link.resolve() == source.resolve()


def test_stack_installs_the_horizon_policy_files(devstack: FakeDevstack) -> None:
    """post-config copies both container-infra policy files into Horizon and registers them."""
    devstack.stack()
    conf = REPO / "magnum_ui/dashboard/conf"
    copies = {
        devstack.dashboard / "conf/container-infra_policy.yaml": conf
        / "container-infra_policy.yaml",
        devstack.dashboard / "conf/default_policies/container-infra.yaml": conf
        / "default_policies/container-infra.yaml",
    }
    for copy, shipped in copies.items():
        assert copy.read_bytes() == shipped.read_bytes()
    snippet = devstack.dashboard / "local/local_settings.d/_50_magnum_ui.py"
    namespace: dict[str, Any] = {
        "POLICY_FILES": {"identity": "keystone_policy.yaml"},
        "DEFAULT_POLICY_FILES": {"identity": "default_policies/keystone.yaml"},
    }
    exec(snippet.read_text(), namespace)  # noqa: S102 - Horizon execs these snippets too
    assert namespace["POLICY_FILES"] == {
        "identity": "keystone_policy.yaml",
        "container-infra": "container-infra_policy.yaml",
    }
    assert namespace["DEFAULT_POLICY_FILES"]["container-infra"] == (
        "default_policies/container-infra.yaml"
    )


def test_stack_starts_api_then_conductor_as_devstack_units(devstack: FakeDevstack) -> None:
    """extra runs magnum-ui-api and magnum-ui-conductor with the config file, as devstack@ units."""
    devstack.stack()
    conf, bin_dir = devstack.conf, devstack.root / "bin"
    assert devstack.calls("run_process") == [
        ["magnum-ui-api", f"{bin_dir}/magnum-ui-api --config-file {conf} serve"],
        ["magnum-ui-cond", f"{bin_dir}/magnum-ui-conductor --config-file {conf}"],
    ]
    assert devstack.calls("wait_for_service") == [["60", "http://10.0.0.5:9511/"]]
    for name in ("magnum-ui-api", "magnum-ui-cond"):
        assert devstack.systemd.joinpath(f"devstack@{name}.service").is_file()
    assert ["start", "devstack@magnum-ui-cond.service"] in devstack.calls("systemctl")


def test_stack_without_local_nodes_leaves_heat_alone(devstack: FakeDevstack) -> None:
    """By default Heat's configuration, its unit and the host's packages stay as they were."""
    before = devstack.heat_conf.read_text()
    devstack.stack()
    assert devstack.heat_conf.read_text() == before
    assert not devstack.drop_in.exists()
    assert devstack.calls("install_package") == []
    assert devstack.calls("curl") == []


def test_stack_with_local_nodes_adds_the_resource_type_to_heat(devstack: FakeDevstack) -> None:
    """MAGNUM_UI_LOCAL_NODES=True adds our plugin_dirs entry, keeping Heat's defaults."""
    local_nodes(devstack).stack()
    dirs = ini.get(devstack.heat_conf, "DEFAULT", "plugin_dirs").split(",")
    assert dirs[-1] == HEAT_PLUGIN_DIR
    assert "/usr/lib/heat" in dirs
    assert ini.get(devstack.heat_conf, "DEFAULT", "transport_url").startswith("rabbit://")
    assert devstack.calls("install_package") == [
        [
            "docker.io",
            "iproute2",
            "iptables",
            "busybox-static",
            "util-linux",
            "e2fsprogs",
            "mount",
            "passwd",
        ]
    ]


def test_stack_with_local_nodes_runs_heat_engine_as_root(devstack: FakeDevstack) -> None:
    """A drop-in for devstack@h-eng makes it root with the local nodes' settings, then reloads."""
    local_nodes(devstack).stack()
    text = devstack.drop_in.read_text()
    assert "User=root" in text
    assert f"Environment=MAGNUM_UI_LOCAL_NODES_DIR={devstack.state}/local-nodes" in text
    assert "Environment=MAGNUM_UI_LOCAL_MAX_NODES_PER_PROJECT=20" in text
    assert "Environment=MAGNUM_UI_LOCAL_MAX_VCPUS_PER_PROJECT=20" in text
    assert "Environment=MAGNUM_UI_LOCAL_MAX_RAM_MIB_PER_PROJECT=20480" in text
    # The service API refuses over the same bounds at request time.
    assert ini.get(devstack.conf, "local_driver", "max_vcpus_per_project") == "20"
    assert "Environment=MAGNUM_UI_LOCAL_SUBNET_POOL=10.213.0.0/16" in text
    assert ["daemon-reload"] in devstack.calls("systemctl")
    assert (devstack.state / "local-nodes").is_dir()


def test_stack_twice_adds_the_heat_plugin_dir_once(devstack: FakeDevstack) -> None:
    """Running stack again (stack.sh after unstack.sh) does not repeat the plugin_dirs entry."""
    local_nodes(devstack).stack()
    devstack.stack()
    dirs = ini.get(devstack.heat_conf, "DEFAULT", "plugin_dirs").split(",")
    assert dirs.count(HEAT_PLUGIN_DIR) == 1


def test_stack_with_local_nodes_creates_the_local_swarm_bay_model(devstack: FakeDevstack) -> None:
    """extra asks for local-swarm and, on a 404, creates it as admin through the API."""
    local_nodes(devstack).stack()
    gets = [c for c in devstack.calls("curl") if "POST" not in c]
    posts = [c for c in devstack.calls("curl") if "POST" in c]
    assert gets[0][-1] == "http://10.0.0.5:9511/v1/clustertemplates/local-swarm"
    assert len(posts) == 1
    assert posts[0][-1] == "http://10.0.0.5:9511/v1/clustertemplates"
    assert '"server_type": "local"' in posts[0][posts[0].index("-d") + 1]
    assert "X-Auth-Token: fake-admin-token" in posts[0]


def test_stack_keeps_an_existing_local_swarm_bay_model(devstack: FakeDevstack) -> None:
    """When local-swarm exists already (200), nothing is posted."""
    local_nodes(devstack).settings["FAKE_CURL_STATUS"] = "200"
    devstack.stack()
    assert len(devstack.calls("curl")) == 1


def test_stack_uses_devstack_postgresql(devstack: FakeDevstack) -> None:
    """With devstack's PostgreSQL the database is recreated there and migrated by the API's CLI."""
    devstack.settings.update(
        ENABLED_SERVICES="key,horizon,h-eng,postgresql", DATABASE_TYPE="postgresql"
    )
    devstack.stack()
    assert ini.get(devstack.conf, "database", "connection") == (
        "postgresql://root:db-secret@127.0.0.1/magnum_ui?client_encoding=utf8"
    )
    assert devstack.calls("recreate_database") == [["magnum_ui"]]
    assert devstack.calls("magnum-ui-api") == [[f"--config-file {devstack.conf} migrate"]]


def test_stack_keeps_given_database_and_key(devstack: FakeDevstack) -> None:
    """MAGNUM_UI_DATABASE_CONNECTION and MAGNUM_UI_ENCRYPTION_KEY from local.conf are kept."""
    key = Fernet.generate_key().decode()
    url = f"sqlite:///{devstack.root}/shared.sqlite3"
    devstack.settings.update(MAGNUM_UI_DATABASE_CONNECTION=url, MAGNUM_UI_ENCRYPTION_KEY=key)
    devstack.stack()
    assert ini.get(devstack.conf, "database", "connection") == url
    assert ini.get(devstack.conf, "crypto", "encryption_key") == key
    assert devstack.calls("recreate_database") == []


def conductor_only(fake: FakeDevstack) -> FakeDevstack:
    fake.settings.update(
        ENABLED_SERVICES="key,magnum-ui-cond",
        DISABLED_SERVICES="magnum-ui,magnum-ui-api",
        MAGNUM_UI_CONDUCTOR_HOST="conductor-2",
    )
    return fake


def test_conductor_only_node(devstack: FakeDevstack) -> None:
    """A node running only magnum-ui-cond gets the configuration and the conductor, nothing else."""
    key = Fernet.generate_key().decode()
    conductor_only(devstack).settings.update(
        DATABASE_TYPE="postgresql", MAGNUM_UI_ENCRYPTION_KEY=key
    )
    devstack.stack()
    assert ini.get(devstack.conf, "conductor", "host") == "conductor-2"
    assert ini.get(devstack.conf, "database", "connection").startswith("postgresql://")
    assert ini.get(devstack.conf, "crypto", "encryption_key") == key
    assert devstack.calls("recreate_database") == []
    assert devstack.calls("create_service_user") == []
    assert devstack.calls("wait_for_service") == []
    assert devstack.calls("magnum-ui-api") == []  # no migrations on a conductor-only node
    assert not devstack.systemd.joinpath("devstack@magnum-ui-api.service").exists()
    assert devstack.systemd.joinpath("devstack@magnum-ui-cond.service").is_file()
    assert not list((devstack.dashboard / "local/enabled").iterdir())


@pytest.mark.parametrize(
    ("settings", "reason"),
    [
        ({"MAGNUM_UI_ENCRYPTION_KEY": "k"}, "needs the API node's database"),
        ({"DATABASE_TYPE": "postgresql"}, "needs the API node's key"),
    ],
)
def test_conductor_only_node_needs_the_shared_database_and_key(
    devstack: FakeDevstack, settings: dict[str, str], reason: str
) -> None:
    """pre-install stops a conductor-only node that would get a private database or key."""
    conductor_only(devstack).settings.update(settings)
    done = devstack.run(("stack", "pre-install"))
    assert done.returncode != 0
    assert reason in done.stderr


def test_disabled_plugin_does_nothing(devstack: FakeDevstack) -> None:
    """With the three services disabled, no phase writes or calls anything."""
    devstack.settings["DISABLED_SERVICES"] = OURS
    devstack.stack()
    assert not devstack.conf.exists()
    assert {c.split("\t")[0] for c in devstack.calls_file.read_text().splitlines()} == {
        "define_plugin",
        "plugin_requires",
    }


def test_stack_refuses_to_run_beside_magnum(devstack: FakeDevstack) -> None:
    """pre-install stops stack.sh when upstream Magnum's API is enabled too."""
    devstack.settings["ENABLED_SERVICES"] = ALL_SERVICES + ",magnum-api,magnum-cond"
    done = devstack.run(("stack", "pre-install"))
    assert done.returncode != 0
    assert "both serve the container-infra API" in done.stderr


def test_stack_refuses_a_too_long_local_nodes_dir(devstack: FakeDevstack) -> None:
    """pre-install stops when the nodes' folder would make socket paths too long."""
    local_nodes(devstack).settings["MAGNUM_UI_LOCAL_NODES_DIR"] = "/var/lib/" + "x" * 60
    done = devstack.run(("stack", "pre-install"))
    assert done.returncode != 0
    assert "too long for the Docker Engines' sockets" in done.stderr


# --- unstack and clean --------------------------------------------------------


def test_unstack_stops_api_and_conductor(devstack: FakeDevstack) -> None:
    """unstack stops both units and leaves configuration and data for the next stack."""
    devstack.stack()
    devstack.calls_file.unlink()
    done = devstack.run(("unstack",))
    assert done.returncode == 0, done.stderr
    assert devstack.calls("stop_process") == [["magnum-ui-api"], ["magnum-ui-cond"]]
    assert devstack.calls("systemctl") == [
        ["stop", "devstack@magnum-ui-api.service"],
        ["stop", "devstack@magnum-ui-cond.service"],
    ]
    assert devstack.conf.exists()
    assert devstack.state.is_dir()


def test_clean_removes_what_stack_made(devstack: FakeDevstack) -> None:
    """unstack then clean remove the panels, the Heat changes, configuration and data."""
    local_nodes(devstack).stack()
    assert devstack.run(("unstack",)).returncode == 0
    done = devstack.run(("clean",))
    assert done.returncode == 0, done.stderr
    assert not devstack.conf.parent.exists()
    assert not devstack.state.exists()
    assert not devstack.drop_in.exists()
    assert not devstack.drop_in.parent.exists()
    assert list((devstack.dashboard / "local/enabled").iterdir()) == []
    assert not (devstack.dashboard / "local/local_settings.d/_50_magnum_ui.py").exists()
    assert not (devstack.dashboard / "conf/container-infra_policy.yaml").exists()
    assert not (devstack.dashboard / "conf/default_policies/container-infra.yaml").exists()
    dirs = ini.get(devstack.heat_conf, "DEFAULT", "plugin_dirs").split(",")
    assert HEAT_PLUGIN_DIR not in dirs
    assert "/usr/lib/heat" in dirs
    assert ini.get(devstack.heat_conf, "DEFAULT", "transport_url").startswith("rabbit://")


def test_plugin_is_shellcheck_clean() -> None:
    """shellcheck finds nothing in devstack/ (the Makefile's lint runs the same)."""
    if shutil.which("shellcheck") is None:
        pytest.skip("shellcheck is not installed (apt install shellcheck)")
    done = subprocess.run(
        ["shellcheck", "-x", "-s", "bash", "devstack/plugin.sh", "devstack/lib/magnum-ui",
         "devstack/settings", "tests/devstack/fake-devstack.sh"],
        cwd=REPO, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout
