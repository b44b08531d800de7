"""What the cloud drivers' tests share: model instances, Heat's verdict, common checks.

The cloud drivers cannot run here (no Nova), so their tests check what can be
checked without a cloud, with Heat's own code.  Heat cannot be imported into
the test process, though: it registers its options in oslo.config's global
``CONF``, where this service already has a ``[database] connection`` of its
own, and oslo.config refuses the second one.  So Heat runs in a child
process: :func:`heat_check` runs this file as a script, hands it a template,
its files and a list of cases, and gets back, as JSON:

* ``versions``: every template version Heat 27 knows;
* ``resource_types``: every resource type in Heat's global environment, as
  Heat's plugin loading (``heat.engine.resources.initialise()``) builds it;
* ``all_functions``: every intrinsic and condition function name of any
  template version (to tell a function from a one-key mapping of data);
* ``files``: for the main template (key ``""``) and each nested ``.yaml``
  file, as ``heat.common.template_format.parse`` read it: its version,
  top-level sections, resource types, the functions and condition functions
  that version has (less those it marks as removed), and the keys of every
  one-key mapping in its resources, outputs and conditions;
* ``cases``: for each case, the error of Heat's validation of a stack made
  from that template and those parameters (None when it is valid), the
  resources that exist once conditions are applied, the values the custom
  constraints (``glance.image``, ``nova.flavor``...) were asked about, and
  the resource properties the case asked to be rendered.

Validation is ``Template.validate()`` then ``Stack.validate()``, which also
validates nested stacks (template resources, a ResourceGroup's member).
Nothing reaches a cloud: custom constraints, the service catalog check, Nova's
image/flavor lookup and its absolute limits answer "fine" (custom constraints
are recorded instead), and ``get_attr`` of a resource that was never created
resolves to None.

:class:`DriverChecks` holds the checks every cloud driver gets; a driver's
test module subclasses it and says which driver and cases.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import pytest
import yaml

if TYPE_CHECKING:
    from magnum_ui.service.drivers.base import HeatDriver
    from magnum_ui.service.models import Cluster, ClusterTemplate

TEMPLATE_FIELDS: dict[str, Any] = {
    "name": "fcos",
    "project_id": "p1",
    "user_id": "u1",
    "image_id": "fedora-coreos-41",
    "keypair_id": "template-key",
    "flavor_id": "m1.medium",
    "master_flavor_id": "m1.large",
    "external_network_id": "public",
    "dns_nameserver": "9.9.9.9",
    "labels": {},
}
CLUSTER_FIELDS: dict[str, Any] = {
    "name": "c1",
    "project_id": "p1",
    "user_id": "u1",
    "status": "CREATE_IN_PROGRESS",
    "node_count": 2,
    "master_count": 1,
    "create_timeout": 60,
}
# What Nova's absolute limits would say (Heat checks server metadata against them).
NOVA_LIMITS = {"maxServerMeta": 128, "maxPersonality": 5, "maxPersonalitySize": 10240}
# Sections a HOT template may have.
HOT_SECTIONS = {
    "heat_template_version", "description", "parameter_groups", "parameters",
    "resources", "outputs", "conditions",
}  # fmt: skip
# Nova refuses user data over 64 KiB once base64-encoded.
MAX_USER_DATA = 65535


def models(
    template: dict[str, Any] | None = None, **cluster: Any
) -> tuple[Cluster, ClusterTemplate]:
    """An unsaved cluster and its template, from the defaults above and these fields."""
    from magnum_ui.service.models import Cluster, ClusterTemplate

    tmpl = ClusterTemplate(**{**TEMPLATE_FIELDS, **(template or {})})
    return Cluster(cluster_template=tmpl, **{**CLUSTER_FIELDS, **cluster}), tmpl


def heat_check(
    driver: type[HeatDriver],
    cases: list[dict[str, Any]],
    template: str | None = None,
    files: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Heat's report on the driver's templates (or on these instead).

    A case is ``{"name", "parameters"}``, optionally ``"template"`` (a key of
    the files, to validate a nested template as a stack of its own; the main
    template otherwise) and ``"render"`` (``[resource, property]`` pairs whose
    values the report gives under ``"resource.property"``).
    """
    payload = {
        "template": driver.template_text() if template is None else template,
        "files": driver.template_files() if files is None else files,
        "cases": cases,
    }
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve())],
        input=json.dumps(payload), capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise AssertionError(f"the Heat child process failed:\n{done.stderr[-5000:]}")
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def single_key_maps(node: Any) -> set[str]:
    """The keys of every one-key mapping in a parsed template (where functions live)."""
    found: set[str] = set()
    if isinstance(node, dict):
        if len(node) == 1:
            found.update(node)
        for value in node.values():
            found |= single_key_maps(value)
    elif isinstance(node, list):
        for value in node:
            found |= single_key_maps(value)
    return found


def data_url_text(url: str) -> str:
    """The text of a ``data:,`` URL, read as strictly as Ignition's parser reads it.

    Ignition (vincent-petithory/dataurl) refuses control characters, space,
    ``<>#"{}|\\^[]`` and the backquote, and anything beyond ASCII; ``%`` must
    start an escape of two hex digits.
    """
    assert url.startswith("data:,"), url[:40]
    body = url[len("data:,") :]
    refused = sorted({c for c in body if ord(c) < 0x20 or ord(c) > 0x7E or c in ' <>#"{}|\\^[]`'})
    assert refused == [], f"characters a data URL cannot hold: {refused}"
    assert re.fullmatch(r"(?:[^%]|%[0-9A-Fa-f]{2})*", body), "a % that starts no escape"
    return urllib.parse.unquote(body, errors="strict")


class DriverChecks:
    """The structural checks of a cloud driver; a test module subclasses this.

    ``cases`` maps a case name to the template and cluster fields (over
    :data:`TEMPLATE_FIELDS` and :data:`CLUSTER_FIELDS`) whose mapped
    parameters must make a valid stack, and ``expected`` to resources that
    must (True) or must not (False) be in that stack; ``refused`` maps a case
    name to stack parameters (over the first case's) that Heat must refuse
    and a piece of the error.
    """

    driver: ClassVar[type[HeatDriver]]
    script: ClassVar[str]  # the driver's bootstrap.sh, a path in its package
    roles: ClassVar[tuple[str, ...]]
    cases: ClassVar[dict[str, tuple[dict[str, Any], dict[str, Any]]]]
    expected: ClassVar[dict[str, dict[str, bool]]]
    refused: ClassVar[dict[str, tuple[dict[str, Any], str]]]

    NODE: ClassVar[dict[str, Any]] = {
        "name_prefix": "c1-master",
        "index": 2,
        "index_offset": 1,
        "role": "init",
        "server_image": "fedora-coreos-41",
        "flavor": "m1.large",
        "ssh_key_name": "key",
        "network": "net",
        "subnet": "subnet",
        "security_groups": ["internal", "master"],
        "external_network": "public",
        "floating_ip_enabled": True,
        "api_pool": "pool",
        "api_port": 6443,
        "docker_volume_size": 20,
        "join": '{"bootstrap": {"token": "t"}}',
        "settings": {"cluster_uuid": "uuid-1", "api_sans": ["10.0.0.5", ""], "tls_disabled": False},
    }

    @classmethod
    def parameters(cls, name: str) -> dict[str, Any]:
        template, cluster = cls.cases[name]
        c, t = models(template, **cluster)
        return cls.driver.stack_parameters(c, t)

    @pytest.fixture(scope="class")
    @classmethod
    def report(cls) -> dict[str, Any]:
        first = next(iter(cls.cases))
        cases: list[dict[str, Any]] = [
            {"name": name, "parameters": cls.parameters(name)} for name in cls.cases
        ]
        cases += [
            {"name": f"refused-{name}", "parameters": {**cls.parameters(first), **params}}
            for name, (params, _) in cls.refused.items()
        ]
        render = [["ignition", "config"], ["server", "name"]]
        cases += [
            {"name": "node", "template": "node.yaml", "parameters": cls.NODE, "render": render},
            {
                "name": "bare-node",
                "template": "node.yaml",
                "parameters": {
                    **cls.NODE,
                    "api_pool": "",
                    "docker_volume_size": 0,
                    "floating_ip_enabled": False,
                    "boot_volume_size": 30,
                },
                "render": [["server", "image"], ["server", "block_device_mapping_v2"]],
            },
        ]
        return heat_check(cls.driver, cases)

    @pytest.fixture(scope="class")
    @classmethod
    def ignition(cls, report: dict[str, Any]) -> dict[str, Any]:
        node = report["cases"]["node"]
        assert node["error"] is None
        config = node["rendered"]["ignition.config"]
        assert len(base64.b64encode(config.encode())) <= MAX_USER_DATA
        parsed: dict[str, Any] = json.loads(config)
        return parsed

    @classmethod
    def ignition_file(cls, ignition: dict[str, Any], path: str) -> str:
        (found,) = [f for f in ignition["storage"]["files"] if f["path"] == path]
        return data_url_text(found["contents"]["source"])

    # --- the templates, as Heat reads them ------------------------------------

    def test_every_file_is_hot_of_a_version_heat_27_knows(self, report: dict[str, Any]) -> None:
        assert set(report["files"]) == {"", "node.yaml"}
        for name, found in report["files"].items():
            assert found["version"] == "2021-04-16", name
            assert f"heat_template_version.{found['version']}" in report["versions"]
            assert set(found["sections"]) <= HOT_SECTIONS, name

    def test_every_function_used_exists_in_that_version(self, report: dict[str, Any]) -> None:
        known = set(report["all_functions"])
        for name, found in report["files"].items():
            for section in ("resources", "outputs"):
                used = set(found["maps"][section]) & known
                assert used <= set(found["functions"]), (name, section)
            conditions = set(found["maps"]["conditions"]) & known
            assert conditions <= set(found["condition_functions"]) | {"get_param"}, name
        assert {"yaql", "list_concat", "if", "map_merge"} <= set(report["files"][""]["functions"])

    def test_every_resource_type_is_a_listed_file_or_in_heats_registry(
        self, report: dict[str, Any]
    ) -> None:
        nested = {name for name in self.driver.template_files() if name.endswith(".yaml")}
        registry = set(report["resource_types"])
        assert "OS::Octavia::PoolMember" in registry  # the registry really is Heat's
        for name, found in report["files"].items():
            unknown = [t for t in found["types"] if t not in nested and t not in registry]
            assert unknown == [], name
        main = set(report["files"][""]["types"]) | set(report["files"]["node.yaml"]["types"])
        assert {
            "OS::Nova::Server", "OS::Neutron::Net", "OS::Neutron::Subnet", "OS::Neutron::Router",
            "OS::Neutron::RouterInterface", "OS::Neutron::Port", "OS::Neutron::FloatingIP",
            "OS::Neutron::SecurityGroup", "OS::Cinder::Volume", "OS::Cinder::VolumeAttachment",
            "OS::Octavia::LoadBalancer", "OS::Octavia::Listener", "OS::Octavia::Pool",
            "OS::Octavia::PoolMember", "OS::Heat::ResourceGroup", "OS::Heat::SoftwareConfig",
            "OS::Heat::WaitCondition", "node.yaml",
        } <= main  # fmt: skip

    def test_the_mapping_and_the_template_parameters_agree(self) -> None:
        parameters = yaml.safe_load(self.driver.template_text())["parameters"]
        declared = [p.name for p in self.driver.parameters]
        assert len(declared) == len(set(declared))
        assert [name for name in declared if name not in parameters] == []
        undefaulted = [name for name, spec in parameters.items() if "default" not in spec]
        assert [name for name in undefaulted if name not in declared] == []
        # The conductor adds it when a resize names the nodes to remove.
        assert parameters["nodes_to_remove"]["type"] == "comma_delimited_list"

    def test_outputs_are_the_ones_the_conductor_reads(self) -> None:
        outputs = yaml.safe_load(self.driver.template_text())["outputs"]
        assert set(self.driver.outputs) <= set(outputs)

    # --- stacks made from mapped clusters -------------------------------------

    def test_mapped_clusters_make_valid_stacks(self, report: dict[str, Any]) -> None:
        for name in self.cases:
            found = report["cases"][name]
            assert found["error"] is None, name
            wanted = self.expected.get(name, {})
            present = {r: r in found["resources"] for r in wanted}
            assert present == wanted, name

    def test_heat_would_look_the_names_up_in_the_cloud(self, report: dict[str, Any]) -> None:
        lookups = report["cases"][next(iter(self.cases))]["lookups"]
        for pair in (
            ["glance.image", "fedora-coreos-41"],
            ["nova.flavor", "m1.large"],
            ["nova.flavor", "m1.medium"],
            ["nova.keypair", "template-key"],
            ["neutron.network", "public"],
        ):
            assert pair in lookups

    def test_heat_refuses_what_the_driver_cannot_do(self, report: dict[str, Any]) -> None:
        for name, (_, message) in self.refused.items():
            error = report["cases"][f"refused-{name}"]["error"]
            assert error is not None, name
            assert message in error, (name, error)

    def test_the_validation_would_catch_a_broken_node_template(self) -> None:
        """The checks above are worth something: Heat does reject a mistake in node.yaml."""
        files = self.driver.template_files()
        broken = files["node.yaml"].replace("floating_network:", "floating_netwrok:")
        assert broken != files["node.yaml"]
        first = next(iter(self.cases))
        case = {"name": "broken", "parameters": self.parameters(first)}
        found = heat_check(self.driver, [case], files={**files, "node.yaml": broken})
        assert "floating_netwrok" in found["cases"]["broken"]["error"]

    # --- one node ---------------------------------------------------------------

    def test_a_node_is_valid_and_named_from_its_index(self, report: dict[str, Any]) -> None:
        node = report["cases"]["node"]
        assert node["error"] is None
        assert node["rendered"]["server.name"] == "c1-master-3"
        everything = {"floating_ip", "docker_volume", "docker_volume_attachment",
                      "api_pool_member", "ready", "ready_handle", "ignition", "server"}  # fmt: skip
        assert everything <= set(node["resources"])

    def test_a_bare_node_boots_from_a_volume_and_has_nothing_optional(
        self, report: dict[str, Any]
    ) -> None:
        node = report["cases"]["bare-node"]
        assert node["error"] is None
        optional = {"floating_ip", "docker_volume", "docker_volume_attachment", "api_pool_member"}
        assert optional & set(node["resources"]) == set()
        assert node["rendered"]["server.image"] is None
        (device,) = node["rendered"]["server.block_device_mapping_v2"]
        assert (device["image"], device["volume_size"], device["boot_index"]) == (
            "fedora-coreos-41", 30, 0,
        )  # fmt: skip

    def test_the_ignition_config_runs_the_bootstrap_script(self, ignition: dict[str, Any]) -> None:
        assert ignition["ignition"]["version"] == "3.4.0"
        (unit,) = ignition["systemd"]["units"]
        assert unit["enabled"] is True
        assert "ExecStart=/usr/local/bin/magnum-bootstrap\n" in unit["contents"]
        modes = {f["path"]: f["mode"] for f in ignition["storage"]["files"]}
        assert modes["/usr/local/bin/magnum-bootstrap"] == 0o755
        assert modes["/etc/magnum/params.json"] == 0o600
        script = self.ignition_file(ignition, "/usr/local/bin/magnum-bootstrap")
        files = self.driver.template_files()
        assert script == files["bootstrap-common.sh"] + files["bootstrap.sh"]
        assert self.driver.read(self.script) == files["bootstrap.sh"]
        zincati = self.ignition_file(ignition, "/etc/zincati/config.d/90-magnum-ui.toml")
        assert zincati == "[updates]\nenabled = false\n"

    def test_the_node_settings_reach_the_node(self, ignition: dict[str, Any]) -> None:
        params = json.loads(self.ignition_file(ignition, "/etc/magnum/params.json"))
        assert params["cluster_uuid"] == "uuid-1"
        assert params["role"] == "init"
        assert params["join"] == self.NODE["join"]
        # Filled in by Heat once the port, volume and handle exist:
        assert {"node_ip", "floating_ip", "volume_id", "signal_url", "signal_token"} <= set(params)

    def test_the_bootstrap_script_is_bash_and_handles_each_role(
        self, ignition: dict[str, Any], tmp_path: Path
    ) -> None:
        script = self.ignition_file(ignition, "/usr/local/bin/magnum-bootstrap")
        assert script.startswith("#!/bin/bash\n")
        assert all(c == "\n" or " " <= c <= "~" for c in script)
        path = tmp_path / "magnum-bootstrap"
        path.write_text(script)
        subprocess.run(["bash", "-n", str(path)], check=True)
        for role in self.roles:
            assert re.search(rf"^\s*(\S+ \| )?{re.escape(role)}( \| \S+)?\)$", script, re.M), role

    @pytest.mark.skipif(shutil.which("jq") is None, reason="needs jq, as the nodes have")
    def test_the_script_reads_its_settings_as_written(
        self, ignition: dict[str, Any], tmp_path: Path
    ) -> None:
        """The script's ``param`` (jq) against the params.json Heat rendered."""
        script = self.ignition_file(ignition, "/usr/local/bin/magnum-bootstrap")
        param = re.search(r"^param\(\) \{\n.*?^\}\n", script, re.M | re.S)
        assert param is not None
        (tmp_path / "params.json").write_text(
            self.ignition_file(ignition, "/etc/magnum/params.json")
        )
        reads = "; ".join(f"param {k}" for k in ("role", "api_sans", "tls_disabled", "node_ip"))
        done = subprocess.run(
            ["bash", "-c", f"set -Eeuo pipefail\n{param.group(0)}\n{reads}"],
            env={"PARAMS": str(tmp_path / "params.json"), "PATH": "/usr/bin:/bin"},
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        assert done.stdout.split("\n") == ["init", "10.0.0.5", "false", "", ""]


# --- the child process -----------------------------------------------------------


def _child(payload: dict[str, Any]) -> dict[str, Any]:  # pragma: no cover - runs in the child
    import logging
    import warnings

    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)

    from heat.common import context, messaging, template_format
    from heat.engine import constraints, environment, function, resources, stack, template
    from heat.engine import resource as resource_module
    from heat.engine.clients.os import nova
    from heat.engine.hot import functions as hot_functions
    from heat.engine.resources.openstack.nova import server

    resources.initialise()
    messaging.setup("fake:/")  # ResourceGroup builds an RPC client while validating

    lookups: list[list[Any]] = []

    def custom_constraint(self: Any, value: Any, schema: Any, ctx: Any) -> bool:
        self.custom_constraint  # noqa: B018 - an unknown constraint name raises here
        lookups.append([self.name, value])
        return True

    constraints.CustomConstraint._is_valid = custom_constraint
    resource_module.Resource._validate_service_availability = lambda *args, **kw: None
    server.Server._validate_image_flavor = lambda *args: None
    nova.NovaClientPlugin.absolute_limits = lambda self: NOVA_LIMITS

    ctx = context.RequestContext(
        user_id="u1", project_id="p1", auth_token="token", is_admin=False, overwrite=False
    )
    files: dict[str, str] = payload["files"]
    texts = {"": payload["template"], **{k: v for k, v in files.items() if k.endswith(".yaml")}}
    versions = template._get_template_extension_manager()
    gone = (hot_functions.Removed, function.Invalid)

    report: dict[str, Any] = {
        "versions": sorted(versions.names()),
        "resource_types": sorted(resources.global_env().registry._registry),
        "all_functions": sorted(
            {
                name
                for ext in versions
                for table in ("functions", "condition_functions")
                for name in getattr(ext.plugin, table, {})
            }
        ),
        "files": {},
        "cases": {},
    }
    for name, text in texts.items():
        parsed = template_format.parse(text)
        tmpl = template.Template(parsed, files=files)
        tmpl.validate()
        report["files"][name] = {
            "version": str(parsed.get("heat_template_version")),
            "sections": sorted(parsed),
            "types": sorted({r["type"] for r in parsed.get("resources", {}).values()}),
            "functions": sorted(n for n, f in tmpl.functions.items() if not issubclass(f, gone)),
            "condition_functions": sorted(
                n
                for n, f in getattr(tmpl, "condition_functions", {}).items()
                if not issubclass(f, gone)
            ),
            "maps": {
                section: sorted(single_key_maps(parsed.get(section)))
                for section in ("resources", "outputs", "conditions")
            },
        }
    for case in payload["cases"]:
        del lookups[:]
        result: dict[str, Any] = {"error": None, "resources": [], "rendered": {}}
        try:
            parsed = template_format.parse(texts[case.get("template", "")])
            env = environment.Environment(case["parameters"])
            tmpl = template.Template(parsed, files=files, env=env)
            tmpl.validate()
            built = stack.Stack(ctx, case["name"], tmpl)
            built.validate()
            result["resources"] = sorted(built)
            for res, prop in case.get("render", []):
                result["rendered"][f"{res}.{prop}"] = built[res].properties[prop]
        except Exception as exc:
            result["error"] = f"{type(exc).__name__}: {exc}"
        result["lookups"] = list(lookups)
        report["cases"][case["name"]] = result
    return report


if __name__ == "__main__":  # pragma: no cover - the child process
    _real_stdout = sys.stdout
    sys.stdout = sys.stderr  # whatever Heat prints must not mix with the answer
    _answer = _child(json.load(sys.stdin))
    _real_stdout.write(json.dumps(_answer, default=str))
