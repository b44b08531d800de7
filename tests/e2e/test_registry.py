"""Images as users write them: the all-in-one's registry, from inside a real bay.

One real bay of the seeded ``local-swarm`` model, made by ``demo``; its
owner's downloaded configuration drives the bay's engine with the Docker
SDK, as ``docker --tlsverify`` would.  The engine pulls and pushes through
the registry on its own address, with tokens our service issues after
asking Keystone.  A second project, ``images-other``, and its member
``other`` are made for the isolation checks.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tarfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docker
import docker.errors
import pytest
from keystoneauth1 import session
from keystoneauth1.identity import v3

from magnum_ui.service.drivers.local import disks
from magnum_ui.service.drivers.local.network import netns_path
from magnum_ui.service.drivers.local.state import StateDir
from tests.allinone import AllInOne
from tests.e2e.test_bays import bay_docker, call, created_bay, nodes_dir, running_tasks

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def demo(aio: AllInOne) -> session.Session:
    return aio.demo_session()


@pytest.fixture(scope="module")
def other(aio: AllInOne) -> Iterator[dict[str, str]]:
    """Project ``images-other`` with its member ``other``, removed afterwards."""
    admin = session.Session(auth=v3.Password(
        auth_url=aio.keystone_url, username="admin", password=aio.password,
        project_name="admin", user_domain_id="default", project_domain_id="default",
    ))  # fmt: skip
    url = aio.keystone_url
    project = admin.post(f"{url}/projects", json={"project": {"name": "images-other",
                         "domain_id": "default"}}).json()["project"]  # fmt: skip
    user = admin.post(f"{url}/users", json={"user": {"name": "other", "domain_id": "default",
                      "password": "other-secret"}}).json()["user"]  # fmt: skip
    roles = admin.get(f"{url}/roles?name=member").json()["roles"]
    admin.put(f"{url}/projects/{project['id']}/users/{user['id']}/roles/{roles[0]['id']}")
    try:
        yield {"username": "other", "password": "other-secret", "project_id": project["id"]}
    finally:
        admin.delete(f"{url}/users/{user['id']}")
        admin.delete(f"{url}/projects/{project['id']}")


@pytest.fixture(scope="module")
def bay(demo: session.Session, aio: AllInOne) -> Iterator[dict[str, Any]]:
    body = {"name": "e2e-images", "cluster_template_id": "local-swarm", "node_count": 0}
    with created_bay(demo, aio, body) as created:
        yield created


@pytest.fixture(scope="module")
def config(
    demo: session.Session, aio: AllInOne, bay: dict[str, Any], tmp_path_factory: Any
) -> Path:
    """The bay owner's downloaded client configuration."""
    answer = call(demo, aio, "GET", f"/clusters/{bay['uuid']}/config")
    assert answer.status_code == 200, answer.text
    folder: Path = tmp_path_factory.mktemp("bay-config")
    for name, text in answer.json()["files"].items():
        (folder / name).write_text(text)
    return folder


def engine(bay: dict[str, Any], config: Path) -> docker.DockerClient:
    """A fresh client: docker-py keeps the credentials of login() per client."""
    return bay_docker(bay["api_address"], config)


@pytest.fixture(scope="module")
def pushed(aio: AllInOne, demo: session.Session, bay: dict[str, Any], config: Path) -> str:
    """demo's own image, pushed from the bay's engine as demo: <registry>/<demo's project>/hello."""
    client = engine(bay, config)
    client.images.pull("busybox", tag="latest")
    name = f"{aio.registry}/{demo.get_project_id()}/hello"
    client.images.get("busybox:latest").tag(name, "v1")
    auth = {"username": "demo", "password": aio.password}
    lines = list(client.images.push(name, tag="v1", auth_config=auth, stream=True, decode=True))
    assert not [line for line in lines if "error" in line], lines
    client.images.remove(f"{name}:v1")
    return f"{name}:v1"


def service_runs(client: docker.DockerClient, image: str, name: str) -> None:
    service = client.services.create(image, ["sleep", "600"], name=name)
    try:
        (task,) = running_tasks(client, name, 1)
        assert task["Spec"]["ContainerSpec"]["Image"].startswith(image)
    finally:
        service.remove()


def test_the_seeded_bay_model_names_the_registry(demo: session.Session, aio: AllInOne) -> None:
    """local-swarm's insecure_registry is the all-in-one's registry."""
    found = call(demo, aio, "GET", "/clustertemplates/local-swarm").json()
    assert found["insecure_registry"] == aio.registry


def test_image_busybox_runs_in_a_new_bay(bay: dict[str, Any], config: Path, aio: AllInOne) -> None:
    """`image: busybox` resolves through the engine's mirror to library/busybox and runs."""
    client = engine(bay, config)
    registry_config = client.info()["RegistryConfig"]
    assert registry_config["Mirrors"] == [f"http://{aio.registry}/"]
    assert aio.registry in registry_config["IndexConfigs"]
    service_runs(client, "busybox", "e2e-busybox")
    assert client.containers.run("busybox", ["echo", "hi"], remove=True) == b"hi\n"


def test_an_image_pushed_as_demo_runs_on_demos_bay(
    bay: dict[str, Any], config: Path, pushed: str, aio: AllInOne
) -> None:
    """After docker login as demo, a Swarm service of demo's pushed image gets running tasks."""
    client = engine(bay, config)
    assert client.login("demo", aio.password, registry=aio.registry)["Status"] == (
        "Login Succeeded"
    )
    service_runs(client, pushed, "e2e-pushed")


def test_another_projects_member_can_neither_pull_nor_push(
    bay: dict[str, Any], config: Path, pushed: str, other: dict[str, str], aio: AllInOne,
    demo: session.Session,
) -> None:  # fmt: skip
    """other (member of another project) and anonymous callers are denied demo's namespace."""
    client = engine(bay, config)
    credentials = {"username": other["username"], "password": other["password"]}
    for auth in (credentials, None):
        with pytest.raises(docker.errors.APIError, match="denied"):
            client.images.pull(pushed, auth_config=auth)
    intruder = f"{aio.registry}/{demo.get_project_id()}/planted"
    client.images.get("busybox:latest").tag(intruder, "v1")
    lines = list(client.images.push(intruder, tag="v1", auth_config=credentials, stream=True,
                                    decode=True))  # fmt: skip
    assert any("denied" in line.get("error", "") for line in lines), lines
    # other's own namespace is theirs: the refusal above is isolation, not a broken push.
    own = f"{aio.registry}/{other['project_id']}/mine"
    client.images.get("busybox:latest").tag(own, "v1")
    lines = list(client.images.push(own, tag="v1", auth_config=credentials, stream=True,
                                    decode=True))  # fmt: skip
    assert not [line for line in lines if "error" in line], lines


def test_a_project_at_its_share_pushes_no_more_and_still_pulls(
    bay: dict[str, Any], config: Path, pushed: str, other: dict[str, str], aio: AllInOne,
    demo: session.Session,
) -> None:  # fmt: skip
    """other's 70 MB layer takes its project past its 64 MiB share (tests/allinone.py): its
    next push is refused with what it stores, what it has still pulls, and demo, another
    project, still pushes."""
    client = engine(bay, config)
    credentials = {"username": other["username"], "password": other["password"]}
    big = f"{aio.registry}/{other['project_id']}/big"
    # The bay's policy refuses builds: the image is loaded, as its message advises.
    client.images.load(image_archive(f"{big}:v1", os.urandom(70_000_000)))
    lines = list(client.images.push(big, tag="v1", auth_config=credentials, stream=True,
                                    decode=True))  # fmt: skip
    assert not [line for line in lines if "error" in line], lines
    client.images.remove(f"{big}:v1")

    more = f"{aio.registry}/{other['project_id']}/more"
    client.images.get("busybox:latest").tag(more, "v1")
    lines = list(client.images.push(more, tag="v1", auth_config=credentials, stream=True,
                                    decode=True))  # fmt: skip
    errors = [line["error"] for line in lines if "error" in line]
    assert errors, lines
    assert f"project {other['project_id']} stores" in errors[0], errors
    assert "may store 64 MiB" in errors[0], errors

    assert client.images.pull(big, tag="v1", auth_config=credentials).id
    client.images.remove(f"{big}:v1")
    mine = f"{aio.registry}/{demo.get_project_id()}/still"
    client.images.get("busybox:latest").tag(mine, "v1")
    auth = {"username": "demo", "password": aio.password}
    lines = list(client.images.push(mine, tag="v1", auth_config=auth, stream=True, decode=True))
    assert not [line for line in lines if "error" in line], lines


def test_a_token_grants_nothing_outside_the_callers_projects(
    aio: AllInOne, demo: session.Session, other: dict[str, str]
) -> None:
    """The token service itself: other's token for demo's namespace carries no access."""
    scope = f"repository:{demo.get_project_id()}/hello:pull,push"
    body = token(aio, scope, f"{other['username']}:{other['password']}")
    assert claims(body)["access"] == []
    mine = token(aio, scope, f"demo:{aio.password}")
    assert claims(mine)["access"][0]["actions"] == ["pull", "push"]


def test_the_bay_says_where_its_images_come_from(
    demo: session.Session, aio: AllInOne, bay: dict[str, Any], pushed: str,
    other: dict[str, str],
) -> None:  # fmt: skip
    """The registry, demo's namespace, the push commands, and the images demo may use only."""
    body = call(demo, aio, "GET", f"/clusters/{bay['uuid']}/registry").json()
    namespace = f"{aio.registry}/{demo.get_project_id()}"
    assert (body["address"], body["namespace"]) == (aio.registry, namespace)
    assert body["commands"][-1] == f"docker push {namespace}/IMAGE"
    assert "busybox" in body["images"]
    assert pushed.rsplit(":", 1)[0] in body["images"]
    assert not [i for i in body["images"] if "/" in i and not i.startswith(f"{namespace}/")]


def test_a_service_whose_image_is_nowhere_says_what_to_push(
    demo: session.Session, aio: AllInOne, bay: dict[str, Any]
) -> None:
    """The workloads' service item carries the plain sentence instead of silent rejections."""
    base = f"/clusters/{bay['uuid']}/workloads"
    manifest = "{name: nowhere, image: 'mui-nowhere:1', command: [sleep, '600']}"
    created = call(demo, aio, "POST", base, json={"manifest": manifest})
    assert created.status_code == 201
    (warning,) = created.json()["warnings"]  # the create result says it at once
    assert warning.startswith(f"image mui-nowhere:1 is not in {aio.registry} — push it there")
    busybox = "{name: fine, image: busybox, command: [sleep, '600']}"
    fine = call(demo, aio, "POST", base, json={"manifest": busybox})
    assert fine.json()["warnings"] == []
    call(demo, aio, "DELETE", f"{base}/services/fine")
    try:
        deadline, said = time.monotonic() + 60, None
        while said is None and time.monotonic() < deadline:
            items = call(demo, aio, "GET", f"{base}/services?name=nowhere").json()["items"]
            said = items[0]["problem"] if items else None
            time.sleep(1)
        assert said == (
            f"image mui-nowhere:1 is not in {aio.registry} — push it there with "
            f"`docker login {aio.registry}` and "
            f"`docker push {aio.registry}/<project id>/mui-nowhere:1`, and use that name"
        )
        tasks = call(demo, aio, "GET", f"{base}/tasks?name=nowhere").json()["items"]
        assert tasks
        assert {t["service_problem"] for t in tasks} == {said}  # the bay picture says it too
    finally:
        call(demo, aio, "DELETE", f"{base}/services/nowhere")


def test_a_wrong_password_is_refused(bay: dict[str, Any], config: Path, aio: AllInOne) -> None:
    """docker login with a wrong password fails and says why; the token service says 401."""
    with pytest.raises(docker.errors.APIError, match="wrong user name or password"):
        engine(bay, config).login("demo", "not-the-password", registry=aio.registry)
    with pytest.raises(urllib.error.HTTPError) as refused:
        token(aio, "repository:library/busybox:pull", "demo:not-the-password")
    assert refused.value.code == 401


def test_the_nodes_reach_only_the_registrys_ports_at_its_address(
    aio: AllInOne, bay: dict[str, Any]
) -> None:
    """From a node, a host service bound to all addresses is closed at the registry's address."""
    (record,) = StateDir(nodes_dir(aio)).nodes(bay["uuid"])
    address = aio.env["MAGNUM_UI_REGISTRY_ADDRESS"]
    with socket.socket() as listener:
        listener.bind(("0.0.0.0", 0))  # noqa: S104 - what a careless host service does
        listener.listen()
        port = listener.getsockname()[1]
        assert not connects_from(record.netns, address, port)
    assert connects_from(record.netns, address, aio.ports["MAGNUM_UI_REGISTRY_PORT"])


def test_a_restarted_registry_keeps_the_images(
    aio: AllInOne, bay: dict[str, Any], config: Path, pushed: str
) -> None:
    """The registry killed outright is started again by the all-in-one, with its storage."""
    pid = int((aio.state_dir / "run" / "registry.pid").read_text())
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        current = int((aio.state_dir / "run" / "registry.pid").read_text())
        if current != pid and answers(f"http://{aio.registry}/v2/"):
            break
        time.sleep(0.2)
    else:
        pytest.fail("the registry was not started again")
    client = engine(bay, config)
    client.images.pull(pushed, auth_config={"username": "demo", "password": aio.password})
    assert client.images.pull("busybox", tag="latest").id


def test_what_projects_push_has_a_file_system_of_its_own(aio: AllInOne) -> None:
    """The images live on a file system of MAGNUM_UI_REGISTRY_STORAGE_GIB (20 by default):
    pushes can fill it, never the host's disk."""
    data = aio.state_dir / "registry" / "data"
    assert os.path.ismount(data)
    assert 19 < disks.size_gib(data) <= 20


def image_archive(name: str, content: bytes) -> bytes:
    """``docker save``'s format: one image, ``name``, of one layer holding /blob."""

    def tar_of(files: dict[str, bytes]) -> bytes:
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w") as archive:
            for path, data in files.items():
                info = tarfile.TarInfo(path)
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
        return buffer.getvalue()

    layer = tar_of({"blob": content})
    config = json.dumps({
        "architecture": {"aarch64": "arm64"}.get(platform.machine(), "amd64"), "os": "linux",
        "config": {},
        "rootfs": {"type": "layers", "diff_ids": [f"sha256:{hashlib.sha256(layer).hexdigest()}"]},
    }).encode()  # fmt: skip
    manifest = [{"Config": "config.json", "RepoTags": [name], "Layers": ["layer.tar"]}]
    return tar_of({"config.json": config, "layer.tar": layer,
                   "manifest.json": json.dumps(manifest).encode()})  # fmt: skip


def token(aio: AllInOne, scope: str, user: str) -> dict[str, Any]:
    address = aio.env["MAGNUM_UI_REGISTRY_ADDRESS"]
    url = f"http://{address}:{aio.ports['MAGNUM_UI_REGISTRY_TOKEN_PORT']}/token?scope={scope}"
    header = "Basic " + base64.b64encode(user.encode()).decode()
    request = urllib.request.Request(url, headers={"Authorization": header})
    with urllib.request.urlopen(request, timeout=10) as answer:
        body: dict[str, Any] = json.loads(answer.read())
    return body


def claims(body: dict[str, Any]) -> dict[str, Any]:
    part = body["token"].split(".")[1]
    decoded: dict[str, Any] = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    return decoded


def answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=2)
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False
    return True


def connects_from(netns: str, address: str, port: int) -> bool:
    """Whether a TCP connection from inside the node's namespace is answered within 2 s."""
    probe = ("import socket,sys; s=socket.socket(); s.settimeout(2); "
             "sys.exit(s.connect_ex((sys.argv[1], int(sys.argv[2]))))")  # fmt: skip
    done = subprocess.run(
        ["nsenter", f"--net={netns_path(netns)}", "--", sys.executable, "-I", "-S", "-c", probe,
         address, str(port)],
        capture_output=True, timeout=10, check=False,
    )  # fmt: skip
    return done.returncode == 0
