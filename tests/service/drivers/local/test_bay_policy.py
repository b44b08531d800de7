"""The bay's policy: what a bay's owner may ask of a node's engine, and what is refused."""

from __future__ import annotations

import base64
import json
import random
from typing import Any

import pytest

from magnum_ui.service.drivers.local.bay_policy import PREFIX, Decision, decide

# `docker run busybox sleep 1` as the Docker CLI 20.10 sends it (API 1.41).
RUN_BUSYBOX = """{"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":true,
"AttachStderr":true,"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":null,"Cmd":["sleep","1"],
"Image":"busybox","Volumes":{},"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":{},
"HostConfig":{"Binds":null,"ContainerIDFile":"","LogConfig":{"Type":"","Config":{}},
"NetworkMode":"default","PortBindings":{},"RestartPolicy":{"Name":"no","MaximumRetryCount":0},
"AutoRemove":false,"VolumeDriver":"","VolumesFrom":null,"CapAdd":null,"CapDrop":null,
"CgroupnsMode":"","Dns":[],"DnsOptions":[],"DnsSearch":[],"ExtraHosts":null,"GroupAdd":null,
"IpcMode":"","Cgroup":"","Links":null,"OomScoreAdj":0,"PidMode":"","Privileged":false,
"PublishAllPorts":false,"ReadonlyRootfs":false,"SecurityOpt":null,"UTSMode":"","UsernsMode":"",
"ShmSize":0,"ConsoleSize":[0,0],"Isolation":"","CpuShares":0,"Memory":0,"NanoCpus":0,
"CgroupParent":"","BlkioWeight":0,"BlkioWeightDevice":[],"BlkioDeviceReadBps":null,
"BlkioDeviceWriteBps":null,"BlkioDeviceReadIOps":null,"BlkioDeviceWriteIOps":null,"CpuPeriod":0,
"CpuQuota":0,"CpuRealtimePeriod":0,"CpuRealtimeRuntime":0,"CpusetCpus":"","CpusetMems":"",
"Devices":[],"DeviceCgroupRules":null,"DeviceRequests":null,"KernelMemory":0,"KernelMemoryTCP":0,
"MemoryReservation":0,"MemorySwap":0,"MemorySwappiness":null,"OomKillDisable":false,
"PidsLimit":null,"Ulimits":null,"CpuCount":0,"CpuPercent":0,"IOMaximumIOps":0,
"IOMaximumBandwidth":0,"MaskedPaths":null,"ReadonlyPaths":null},
"NetworkingConfig":{"EndpointsConfig":{}}}"""
# `docker service create --replicas 2 busybox sleep 1` as the Docker CLI 20.10 sends it.
SERVICE_BUSYBOX = """{"Labels":{},"TaskTemplate":{"ContainerSpec":{"Image":
"busybox:latest@sha256:3fbc632167424a6d997e74f52b878d7cc478225cffac6bc977eedfe51c7f4e79",
"Args":["sleep","1"],"Init":false,"StopGracePeriod":10000000000,"DNSConfig":{},
"Isolation":"default"},"Resources":{"Limits":{},"Reservations":{}},"RestartPolicy":{
"Condition":"any","Delay":5000000000,"MaxAttempts":0},"Placement":{},"ForceUpdate":0,
"Runtime":"container"},"Mode":{"Replicated":{"Replicas":2}},"UpdateConfig":{"Parallelism":1,
"FailureAction":"pause","Monitor":5000000000,"MaxFailureRatio":0,"Order":"stop-first"},
"RollbackConfig":{"Parallelism":1,"FailureAction":"pause","Monitor":5000000000,
"MaxFailureRatio":0,"Order":"stop-first"},"EndpointSpec":{"Mode":"vip"}}"""
CREATE = "/v1.41/containers/create?name=web"
SERVICE = "/v1.41/services/create"
ROOT_OPTIONS = {"type": "none", "device": "/", "o": "bind"}
# --mount type=volume,volume-opt=type=none,volume-opt=device=/,volume-opt=o=bind
ROOT_DRIVER = {"DriverConfig": {"Name": "local", "Options": ROOT_OPTIONS}}
VOLUME_OF_ROOT = {
    "Type": "volume",
    "Source": "root",
    "Target": "/host",
    "VolumeOptions": ROOT_DRIVER,
}
SDA = {"PathOnHost": "/dev/sda", "PathInContainer": "/dev/sda", "CgroupPermissions": "rwm"}
LOCAL_ONLY = "local volumes may only be tmpfs; bind, device and network mounts are not allowed"


def request(method: str, uri: str, body: Any = None) -> dict[str, Any]:
    """An AuthZReq as dockerd sends it, with ``body`` as its JSON body.

    From a TLS client (the bay's owner), except Swarm set-up, which only the driver
    does, over the unix socket (no user): see the Swarm tests for TLS there.
    """
    headers = {"Content-Type": "application/json", "User-Agent": "Docker-Client/20.10.24 (linux)"}
    call = {"RequestMethod": method, "RequestUri": uri, "RequestHeaders": headers}
    if "/swarm" not in uri:
        call.update(User="bay-owner", UserAuthNMethod="TLS")
    if body is not None:
        text = body if isinstance(body, str) else json.dumps(body)
        call["RequestBody"] = base64.b64encode(text.encode()).decode()
    return call


def refusal(method: str, uri: str, body: Any = None) -> str:
    """The sentence the policy refuses the call with, after the common prefix."""
    decision = decide(request(method, uri, body))
    assert not decision.allow, f"{method} {uri} was allowed"
    assert decision.reason.startswith(PREFIX)
    return decision.reason.removeprefix(PREFIX)


def run(**host_config: Any) -> dict[str, Any]:
    """``docker run busybox sleep 1`` as the CLI sends it, with some HostConfig fields set."""
    body: dict[str, Any] = json.loads(RUN_BUSYBOX)
    body["HostConfig"].update(host_config)
    return body


def service(**container_spec: Any) -> dict[str, Any]:
    """``docker service create busybox`` as the CLI sends it, with some ContainerSpec fields set."""
    body: dict[str, Any] = json.loads(SERVICE_BUSYBOX)
    body["TaskTemplate"]["ContainerSpec"].update(container_spec)
    return body


ESCAPES = {
    "-v /:/host": ("POST", CREATE, run(Binds=["/:/host"]),
                   'host bind mounts are not allowed (HostConfig.Binds "/:/host")'),
    "--userns=host": ("POST", CREATE, run(UsernsMode="host"),
                      "leaving the bay's user namespace is not allowed "
                      '(HostConfig.UsernsMode "host")'),
    "--pid=host": ("POST", CREATE, run(PidMode="host"),
                   "the host's PID namespace is not allowed (HostConfig.PidMode \"host\")"),
    "--privileged": ("POST", CREATE, run(Privileged=True),
                     "privileged containers are not allowed (HostConfig.Privileged true)"),
    "--cap-add SYS_ADMIN": ("POST", CREATE, run(CapAdd=["SYS_ADMIN"]),
                            'added capabilities are not allowed (HostConfig.CapAdd ["SYS_ADMIN"])'),
    "--security-opt seccomp=unconfined": (
        "POST", CREATE, run(SecurityOpt=["seccomp=unconfined"]),
        'security options other than no-new-privileges are not allowed '
        '(HostConfig.SecurityOpt "seccomp=unconfined")'),
    "--device /dev/sda": ("POST", CREATE, run(Devices=[SDA]),
                          f"host devices are not allowed (HostConfig.Devices {json.dumps([SDA])})"),
    "--cgroup-parent /": ("POST", CREATE, run(CgroupParent="/"),
                          "the node's cgroup is fixed by its flavor "
                          '(HostConfig.CgroupParent "/")'),
    "volume o=bind": ("POST", "/v1.41/volumes/create", {"Name": "root", "DriverOpts": ROOT_OPTIONS},
                      f"{LOCAL_ONLY} (DriverOpts {json.dumps(ROOT_OPTIONS)})"),
    "--mount volume-opt o=bind": (
        "POST", CREATE, run(Mounts=[VOLUME_OF_ROOT]),
        f"{LOCAL_ONLY} (HostConfig.Mounts[0].VolumeOptions.DriverConfig.Options "
        f"{json.dumps(ROOT_OPTIONS)})"),
    "service bind /": ("POST", SERVICE, service(Mounts=[{"Type": "bind", "Source": "/",
                                                         "Target": "/host"}]),
                       "only mounts of Type volume or tmpfs are allowed "
                       '(TaskTemplate.ContainerSpec.Mounts[0].Type "bind")'),
    "plugin install": ("POST", "/v1.41/plugins/pull?remote=vieux/sshfs", None,
                       "installing or changing Docker plugins is not allowed"),
    "exec --privileged": ("POST", "/v1.41/containers/3f2a/exec",
                          {"User": "root", "Privileged": True, "Cmd": ["sh"]},
                          "privileged exec is not allowed (Privileged true)"),
    "v1.23 start": ("POST", "/v1.23/containers/3f2a/start", {"Binds": ["/:/host"]},
                    "API versions before 1.24 are refused (v1.23)"),
    "containers%2Fcreate": ("POST", "/v1.41/containers%2Fcreate", run(Binds=["/:/host"]),
                            'host bind mounts are not allowed (HostConfig.Binds "/:/host")'),
    "no body": ("POST", CREATE, None,
                "the request body could not be checked (Docker sends only JSON under 1 MiB)"),
    "default deny": ("POST", "/v1.41/foo/bar", None,
                     "POST /foo/bar is not an allowed Docker API call"),
    "BuildKit": ("POST", "/v1.41/session", None,
                 "BuildKit sessions are not allowed; use the classic builder (DOCKER_BUILDKIT=0)"),
}  # fmt: skip


@pytest.mark.parametrize(("method", "uri", "body", "message"), ESCAPES.values(), ids=ESCAPES)
def test_the_escapes_that_matter_most_are_refused_with_a_clear_message(
    method: str, uri: str, body: Any, message: str
) -> None:
    """Each well-known way out of a bay is refused with the prefix, a sentence and the value."""
    assert refusal(method, uri, body) == message


@pytest.mark.parametrize(("host_config", "field"), [
    ({"Binds": ["/etc:/etc:ro"]}, "Binds"), ({"Binds": ["./x:/x"]}, "Binds"),
    ({"Binds": ["~:/home"]}, "Binds"), ({"Binds": ["data:/data", "/:/h"]}, "Binds"),
    ({"Capabilities": ["CAP_SYS_ADMIN"]}, "Capabilities"), ({"CapAdd": "ALL"}, "CapAdd"),
    ({"SecurityOpt": ["apparmor=unconfined"]}, "SecurityOpt"),
    ({"SecurityOpt": ["label=disable"]}, "SecurityOpt"),
    ({"SecurityOpt": ["systempaths=unconfined"]}, "SecurityOpt"),
    ({"SecurityOpt": ['seccomp={"defaultAction":"SCMP_ACT_ALLOW"}']}, "SecurityOpt"),
    ({"DeviceRequests": [{"Count": -1, "Capabilities": [["gpu"]]}]}, "DeviceRequests"),
    ({"DeviceCgroupRules": ["b 8:* rmw"]}, "DeviceCgroupRules"),
    ({"BlkioWeightDevice": [{"Path": "/dev/sda", "Weight": 10}]}, "BlkioWeightDevice"),
    ({"BlkioDeviceReadBps": [{"Path": "/dev/sda", "Rate": 1}]}, "BlkioDeviceReadBps"),
    ({"BlkioDeviceWriteBps": [{"Path": "/dev/sda", "Rate": 1}]}, "BlkioDeviceWriteBps"),
    ({"BlkioDeviceReadIOps": [{"Path": "/dev/sda", "Rate": 1}]}, "BlkioDeviceReadIOps"),
    ({"BlkioDeviceWriteIOps": [{"Path": "/dev/sda", "Rate": 1}]}, "BlkioDeviceWriteIOps"),
    ({"MaskedPaths": []}, "MaskedPaths"), ({"ReadonlyPaths": []}, "ReadonlyPaths"),
    ({"IpcMode": "host"}, "IpcMode"), ({"UTSMode": "host"}, "UTSMode"),
    ({"NetworkMode": "host"}, "NetworkMode"), ({"CgroupnsMode": "host"}, "CgroupnsMode"),
    ({"UsernsMode": "private"}, "UsernsMode"), ({"Runtime": "sysbox-runc"}, "Runtime"),
    ({"VolumeDriver": "nfs-plugin"}, "VolumeDriver"), ({"OomKillDisable": True}, "OomKillDisable"),
    ({"OomScoreAdj": -1000}, "OomScoreAdj"), ({"CpuRealtimePeriod": 10**6}, "CpuRealtimePeriod"),
    ({"CpuRealtimeRuntime": 950000}, "CpuRealtimeRuntime"),
    ({"Ulimits": [{"Name": "rtprio", "Soft": 99, "Hard": 99}]}, "Ulimits"),
    ({"LogConfig": {"Type": "journald", "Config": {}}}, "LogConfig.Type"),
    ({"LogConfig": {"Type": "syslog"}}, "LogConfig.Type"),
    ({"LogConfig": {"Type": "gelf"}}, "LogConfig.Type"),
    ({"Mounts": [{"Type": "npipe", "Source": "x", "Target": "/x"}]}, "Mounts[0].Type"),
    ({"Mounts": [{"Source": "/", "Target": "/host"}]}, "Mounts[0].Type"),
    ({"Mounts": [{"Type": "volume", "BindOptions": {}}]}, "Mounts[0].BindOptions"),
    ({"Mounts": [{"Type": "volume", "VolumeOptions": {"DriverConfig": {"Name": "nfs"}}}]},
     "Mounts[0].VolumeOptions.DriverConfig.Name"),
])  # fmt: skip
def test_a_container_asking_for_the_hosts_resources_is_refused_naming_the_field(
    host_config: dict[str, Any], field: str
) -> None:
    """A create reaching the host or leaving the node's cgroup is refused, naming the field."""
    assert f"(HostConfig.{field} " in refusal("POST", CREATE, run(**host_config))


@pytest.mark.parametrize("host_config", [
    {}, {"Binds": ["data:/data", "cache_1.v:/cache:ro,z"]}, {"Tmpfs": {"/run": "size=64m"}},
    {"Mounts": [{"Type": "tmpfs", "Target": "/t", "TmpfsOptions": {"SizeBytes": 1 << 20}}]},
    {"Mounts": [{"Type": "volume", "Source": "data", "Target": "/d"}]},
    {"Mounts": [{"Type": "volume", "Target": "/d", "VolumeOptions": {"DriverConfig": {
        "Name": "local", "Options": {"type": "tmpfs", "device": "tmpfs", "o": "size=1m"}}}}]},
    {"Memory": 1 << 28, "NanoCpus": 10**9, "PidsLimit": 100, "ShmSize": 1 << 26},
    {"Ulimits": [{"Name": "nofile", "Soft": 1024, "Hard": 4096}], "Sysctls": {"net.core.x": "1"}},
    {"NetworkMode": "bridge", "PidMode": "container:3f2a", "IpcMode": "shareable"},
    {"NetworkMode": "container:3f2a", "UTSMode": "", "CgroupnsMode": "private"},
    {"SecurityOpt": ["no-new-privileges"], "CapDrop": ["ALL"], "Init": True},
    {"SecurityOpt": ["no-new-privileges:true", "no-new-privileges=true"]},
    {"LogConfig": {"Type": "json-file", "Config": {"max-size": "10m"}}},
    {"LogConfig": {"Type": "local"}}, {"LogConfig": {"Type": "none"}},
    {"Runtime": "runc", "VolumeDriver": "local", "OomScoreAdj": 500},
    {"PortBindings": {"80/tcp": [{"HostIp": "", "HostPort": "8080"}]}, "VolumesFrom": ["db"]},
    {"RestartPolicy": {"Name": "always"}, "Dns": ["1.1.1.1"], "ExtraHosts": ["a:10.0.0.1"]},
])  # fmt: skip
def test_ordinary_containers_are_allowed(host_config: dict[str, Any]) -> None:
    """A create using only the bay's own resources (networking config included) is allowed."""
    body = run(**host_config)
    body["NetworkingConfig"] = {"EndpointsConfig": {"backend": {"Aliases": ["web"]}}}
    assert decide(request("POST", CREATE, body)) == Decision(True, "")


def test_hostconfig_fields_at_the_top_level_are_checked_too() -> None:
    """Docker 20.10 still reads HostConfig fields at a create's top level, so they are checked."""
    body = {"Image": "busybox", "Binds": ["/:/host"], "Privileged": True}
    message = refusal("POST", CREATE, body)
    assert message == "privileged containers are not allowed (Privileged true)"


def test_fields_are_found_ignoring_case_as_go_finds_them() -> None:
    """A key matching a field only ignoring case (or with a long s) is checked as that field."""
    body = {"Image": "busybox", "hostconfig": {"\u017fecurityopt": ["seccomp=unconfined"]}}
    assert refusal("POST", CREATE, body).endswith('(HostConfig.SecurityOpt "seccomp=unconfined")')


@pytest.mark.parametrize(("uri", "body", "message"), [
    (CREATE, '{"Image":"x","HostConfig":{"Privileged":false,"privileged":true}}',
     'repeated keys are not allowed in the request body ("privileged")'),
    (CREATE, '{"Image":"x","HostConfig":[]}', "HostConfig must be a JSON object ([])"),
    (CREATE, '{"HostConfig":{"Mounts":[7]}}', "HostConfig.Mounts[0] must be a JSON object (7)"),
    (CREATE, '{"HostConfig":{"LogConfig":"syslog"}}',
     'HostConfig.LogConfig must be a JSON object ("syslog")'),
    (CREATE, '{"HostConfig":{"Mounts":{"Type":"bind"}}}', "only mounts of Type volume or tmpfs"),
    (SERVICE, '{"TaskTemplate":"busybox"}', 'TaskTemplate must be a JSON object ("busybox")'),
    (CREATE, '["busybox"]', 'the request body is not a JSON object (["busybox"])'),
    (CREATE, '{"Image":', "the request body is not base64 of JSON"),
    (CREATE, "", "the request body could not be checked"),
])  # fmt: skip
def test_a_body_that_cannot_be_read_as_docker_reads_it_is_refused(
    uri: str, body: str, message: str
) -> None:
    """A body that is unreadable, ambiguous or of the wrong shape is refused, never guessed at."""
    assert refusal("POST", uri, body).startswith(message)


def test_a_body_that_is_not_base64_is_refused() -> None:
    """A RequestBody that is not base64 is refused."""
    call = request("POST", CREATE) | {"RequestBody": "not base64!"}
    assert decide(call).reason.startswith(PREFIX + "the request body is not base64 of JSON")


UPDATE = "/v1.41/containers/3f2a/update"
VOLUMES = "/v1.41/volumes/create"
NETWORKS = "/v1.41/networks/create"


@pytest.mark.parametrize(("uri", "body", "field"), [
    (UPDATE, {"CgroupParent": "/"}, "CgroupParent"),
    (UPDATE, {"Devices": [{"PathOnHost": "/dev/kmsg"}]}, "Devices"),
    (UPDATE, {"CpuRealtimeRuntime": 1}, "CpuRealtimeRuntime"),
    (VOLUMES, {"Driver": "vieux/sshfs"}, "Driver"),
    (VOLUMES, {"DriverOpts": {"type": "nfs", "o": "addr=10.0.0.1", "device": ":/x"}}, "DriverOpts"),
    (VOLUMES, {"DriverOpts": {"type": "cifs", "device": "//h/s"}}, "DriverOpts"),
    (VOLUMES, {"DriverOpts": {"type": "tmpfs", "device": "tmpfs", "o": "size=1m, rbind"}},
     "DriverOpts"),
    (VOLUMES, {"DriverOpts": {"type": "tmpfs", "device": "/dev/sda"}}, "DriverOpts"),
    (NETWORKS, {"Name": "n", "Driver": "macvlan"}, "Driver"),
    (NETWORKS, {"Name": "n", "Driver": "ipvlan"}, "Driver"),
    (NETWORKS, {"Name": "n", "IPAM": {"Driver": "some-plugin"}}, "IPAM.Driver"),
    ("/v1.41/secrets/create", {"Name": "s", "Driver": {"Name": "vault"}}, "Driver"),
    ("/v1.41/configs/create", {"Name": "c", "Templating": {"Name": "golang"}}, "Templating"),
    ("/v1.41/configs/3f2a/update?version=4", {"Templating": {"Name": "x"}}, "Templating"),
    ("/v1.41/swarm/init", {"Spec": {"TaskDefaults": {"LogDriver": {"Name": "syslog"}}}},
     "Spec.TaskDefaults.LogDriver.Name"),
    ("/v1.41/swarm/update?version=9", {"TaskDefaults": {"LogDriver": {"Name": "gelf"}}},
     "TaskDefaults.LogDriver.Name"),
    (SERVICE, service(Mounts=[{"Source": "/", "Target": "/host"}]),
     "TaskTemplate.ContainerSpec.Mounts[0].Type"),
    (SERVICE, service(Mounts=[VOLUME_OF_ROOT]),
     "TaskTemplate.ContainerSpec.Mounts[0].VolumeOptions.DriverConfig.Options"),
    (SERVICE, service(Privileges={"SELinuxContext": {"Disable": True}}),
     "TaskTemplate.ContainerSpec.Privileges"),
    (SERVICE, service(CapabilityAdd=["CAP_SYS_ADMIN"]),
     "TaskTemplate.ContainerSpec.CapabilityAdd"),
    (SERVICE, service(Ulimits=[{"Name": "RTPRIO", "Soft": 0, "Hard": 50}]),
     "TaskTemplate.ContainerSpec.Ulimits"),
    (SERVICE, {"TaskTemplate": {"Runtime": "plugin", "PluginSpec": {}}}, "TaskTemplate.Runtime"),
    (SERVICE, {"TaskTemplate": {"PluginSpec": {"Name": "x"}}}, "TaskTemplate.PluginSpec"),
    (SERVICE, {"TaskTemplate": {"Runtime": "attachment"}}, "TaskTemplate.Runtime"),
    (SERVICE, {"TaskTemplate": {"LogDriver": {"Name": "journald"}}}, "TaskTemplate.LogDriver.Name"),
    (SERVICE, {"TaskTemplate": {"Networks": [{"Target": "host"}]}},
     "TaskTemplate.Networks[0].Target"),
    ("/v1.41/services/x/update", {"Networks": [{"Target": "host"}]}, "Networks[0].Target"),
])  # fmt: skip
def test_other_bodies_reaching_the_host_are_refused_naming_the_field(
    uri: str, body: dict[str, Any], field: str
) -> None:
    """Updates, volumes, networks, secrets, swarm set-up and services reaching out are refused."""
    assert f"({field} " in refusal("POST", uri, body)


@pytest.mark.parametrize(("uri", "body"), [
    (SERVICE, json.loads(SERVICE_BUSYBOX)),
    (SERVICE, service(Mounts=[{"Type": "volume", "Source": "data", "Target": "/d"},
                              {"Type": "tmpfs", "Target": "/t"}])),
    ("/v1.41/services/3f2a/update?version=3", {"TaskTemplate": {"Networks": [{"Target": "kx3l"}]}}),
    (UPDATE, {"Memory": 1 << 28, "RestartPolicy": {"Name": "always"}}),
    ("/v1.41/containers/3f2a/exec", {"User": "root", "Privileged": False, "Cmd": ["id"]}),
    (VOLUMES, {"Name": "data", "Driver": "local", "DriverOpts": {}, "Labels": {}}),
    (VOLUMES, {"Name": "t", "DriverOpts": {"type": "tmpfs", "device": "tmpfs", "o": "size=1m"}}),
    (NETWORKS, {"Name": "front", "Driver": "bridge", "IPAM": {"Driver": "default"}}),
    (NETWORKS, {"Name": "mesh", "Driver": "overlay", "Attachable": True}),
    ("/v1.41/secrets/create", {"Name": "db", "Data": "c2VjcmV0"}),
    ("/v1.41/swarm/init", {"AdvertiseAddr": "10.213.0.10", "ListenAddr": "10.213.0.10:2377",
                           "Spec": None}),
    ("/v1.41/swarm/init", {"ListenAddr": "10.213.0.10:2377", "Spec": {"TaskDefaults": {}}}),
    ("/v1.41/swarm/join", {"RemoteAddrs": ["10.213.0.10:2377"], "JoinToken": "SWMTKN-1-x"}),
])  # fmt: skip
def test_ordinary_requests_with_bodies_are_allowed(uri: str, body: dict[str, Any]) -> None:
    """Services, updates, execs, volumes, networks, secrets and swarm set-up are allowed."""
    assert decide(request("POST", uri, body)) == Decision(True, "")


def test_builds_are_refused_whatever_their_options() -> None:
    """``docker build`` is refused, even as the CLI sends it: options can hide in a form body."""
    query = (
        "buildargs=%7B%7D&cachefrom=%5B%5D&cgroupparent=&cpuperiod=0&cpuquota=0&cpusetcpus="
        "&cpusetmems=&cpushares=0&dockerfile=Dockerfile&labels=%7B%7D&memory=0&memswap=0"
        "&networkmode=default&rm=1&shmsize=0&t=app&target=&ulimits=null&version=1"
    )
    for uri in (f"/v1.41/build?{query}", "/v1.41/build?t=a;cgroupparent=%2F"):
        call = request("POST", uri)
        call["RequestHeaders"]["Content-Type"] = "application/x-tar"
        assert "building images here is not allowed" in decide(call).reason


SWARM_CONTROL = [
    ("GET", "/v1.41/swarm"), ("GET", "/swarm/unlockkey"), ("POST", "/v1.41/swarm/join"),
    ("POST", "/swarm/leave?force=1"), ("POST", "/swarm/init"), ("POST", "/swarm/update"),
]  # fmt: skip


@pytest.mark.parametrize(("method", "uri"), SWARM_CONTROL)
def test_swarm_membership_and_tokens_are_not_for_bay_certificates(method: str, uri: str) -> None:
    """Over TLS the join tokens and join/leave/init are refused: a fake manager could join."""
    call = request(method, uri, {"RemoteAddrs": ["10.1.0.5:2377"], "JoinToken": "SWMTKN-1-x"})
    call.update(User="bay-owner", UserAuthNMethod="TLS")
    assert decide(call) == Decision(
        False, PREFIX + "the bay's Swarm membership and join tokens are managed by Magnum UI"
    )


def test_the_driver_on_the_unix_socket_still_manages_the_swarm() -> None:
    """Without TLS (the root-only unix socket Magnum UI uses), reading tokens and joining work."""
    body = {"RemoteAddrs": ["10.213.0.10:2377"], "JoinToken": "SWMTKN-1-x"}
    assert decide(request("POST", "/v1.41/swarm/join", body)).allow
    assert decide(request("GET", "/v1.41/swarm")).allow
    assert decide(request("GET", "/v1.41/nodes")).allow  # over TLS: the rest of Swarm is theirs


@pytest.mark.parametrize(("method", "path"), [
    ("POST", "/plugins/pull"), ("POST", "/plugins/create?name=x"), ("POST", "/plugins/x/enable"),
    ("POST", "/plugins/x/set"), ("POST", "/plugins/x/upgrade"), ("DELETE", "/plugins/x:latest"),
    ("PUT", "/plugins"), ("POST", "/grpc"), ("POST", "/session"), ("POST", "/Containers/create"),
    ("POST", "/containers/3f2a/copy"), ("POST", "/system/prune"), ("PATCH", "/containers/x"),
    ("DELETE", "/swarm"), ("POST", "/build/cancel"), ("POST", "/containers/create/"),
    ("POST", "/build"),
])  # fmt: skip
def test_calls_outside_the_allowlist_are_refused(method: str, path: str) -> None:
    """Plugins, BuildKit sessions and any unlisted (or wrongly cased) write are refused."""
    assert refusal(method, f"/v1.41{path}")


@pytest.mark.parametrize("path", [
    "/v1.41//containers/create", "/v1.41/./containers/create", "/v1.41/x/../containers/create",
    "/v1.41/containers/x/..", "/v1.41/containers/x/.", "/v1.41/containers%00/create",
    "/v1.41/containers\\create", "/v1.41/%2E%2E/build", "/v1.23.9/containers/x/start",
    "/v1.12/containers/json", "/v1/containers/json",
])  # fmt: skip
def test_odd_paths_and_old_api_versions_are_refused(path: str) -> None:
    """Paths Docker would redirect or 404, and API versions before 1.24, are refused, even reads."""
    assert refusal("GET", path)


@pytest.mark.parametrize(("method", "path"), [
    ("POST", "/containers/3f2a/start"), ("POST", "/containers/3f2a/stop?t=10"),
    ("POST", "/containers/3f2a/restart"), ("POST", "/containers/3f2a/kill?signal=HUP"),
    ("POST", "/containers/3f2a/pause"), ("POST", "/containers/3f2a/unpause"),
    ("POST", "/containers/3f2a/wait"), ("POST", "/containers/3f2a/attach?stream=1"),
    ("POST", "/containers/3f2a/resize?h=40&w=80"), ("POST", "/containers/3f2a/rename?name=b"),
    ("DELETE", "/containers/3f2a?force=1&v=1"), ("PUT", "/containers/3f2a/archive?path=/tmp"),
    ("POST", "/containers/prune"), ("POST", "/exec/9c1e/start"), ("POST", "/exec/9c1e/resize"),
    ("POST", "/images/create?fromImage=busybox"), ("POST", "/images/create?fromSrc=-&repo=x"),
    ("POST", "/images/load?quiet=1"), ("POST", "/images/registry:5000/team/app/push?tag=1"),
    ("POST", "/images/team/app:1/tag?repo=b"), ("DELETE", "/images/team/app:1"),
    ("POST", "/images/prune"), ("POST", "/build/prune"), ("POST", "/commit?container=3f2a"),
    ("POST", "/auth"), ("DELETE", "/volumes/data"), ("POST", "/volumes/prune"),
    ("POST", "/networks/front/connect"), ("POST", "/networks/front/disconnect"),
    ("DELETE", "/networks/front"), ("POST", "/networks/prune"), ("POST", "/swarm/leave?force=1"),
    ("POST", "/swarm/unlock"), ("POST", "/nodes/n1/update?version=5"), ("DELETE", "/nodes/n1"),
    ("DELETE", "/services/web"), ("DELETE", "/secrets/db"), ("DELETE", "/configs/c"),
    ("post", "/containers/3f2a/start"),
])  # fmt: skip
def test_allowed_calls_without_a_risky_body_are_allowed(method: str, path: str) -> None:
    """Every allowlisted call carrying nothing to check is allowed, with or without a version."""
    for uri in (path, f"/v1.41{path}", f"/v1.24{path}"):
        assert decide(request(method, uri)) == Decision(True, ""), uri


@pytest.mark.parametrize("path", [
    "/_ping", "/v1.41/info", "/v1.41/containers/json?all=1", "/v1.41/plugins", "/v1.41/swarm",
    "/v1.41/containers/3f2a/archive?path=/", "/v1.41/images/get?names=x", "/v1.24/version",
    "/v1.41/Whatever/Path", "/v1.41/session", "/v1.41/containers/3f2a/attach/ws",
])  # fmt: skip
def test_every_read_is_allowed(path: str) -> None:
    """GET and HEAD stay inside the bay, so any of them is allowed."""
    assert decide(request("GET", path)) == Decision(True, "")
    assert decide(request("HEAD", path)) == Decision(True, "")


FIELDS = ["HostConfig", "Binds", "Mounts", "Type", "VolumeOptions", "DriverConfig", "Options",
          "TaskTemplate", "ContainerSpec", "Networks", "Target", "LogConfig", "LogDriver", "Name",
          "Ulimits", "Spec", "TaskDefaults", "IPAM", "Driver", "DriverOpts", "o", "type", "device",
          "SecurityOpt", "OomScoreAdj", "Privileges", "Soft", "Hard", "Templating"]  # fmt: skip
ODD: list[Any] = [None, True, 0, -1, 1.5, "", "host", "/", [], [None], ["/:/h"], {}, [[{}]]]


def junk(rng: random.Random, depth: int) -> Any:
    """A random JSON value, often an object with the policy's field names."""
    if depth == 0 or rng.random() < 0.3:
        return rng.choice(ODD)
    if rng.random() < 0.3:
        return [junk(rng, depth - 1) for _ in range(rng.randrange(3))]
    return {rng.choice(FIELDS): junk(rng, depth - 1) for _ in range(rng.randrange(4))}


def test_decide_never_raises_whatever_the_request_holds() -> None:
    """Any shape of body or request gets a Decision, and every refusal carries the prefix."""
    rng = random.Random(2024)  # noqa: S311 - reproducible test data, not secrets
    uris = [CREATE, SERVICE, UPDATE, "/v1.41/containers/x/exec", VOLUMES, NETWORKS,
            "/v1.41/swarm/init", "/v1.41/swarm/update", "/v1.41/secrets/create"]  # fmt: skip
    calls: list[Any] = [request("POST", rng.choice(uris), junk(rng, 5)) for _ in range(3000)]
    calls += [{"RequestMethod": odd, "RequestUri": odd, "RequestBody": odd, "RequestHeaders": odd}
              for odd in ODD]  # fmt: skip
    calls += [None, [], "x", 7, {}, request("POST", "/v1.41/build?ulimits=[7]&ulimits={")]
    calls += [{**request("GET", "/swarm"), "UserAuthNMethod": ["TLS"]}]
    for call in calls:
        decision = decide(call)
        assert isinstance(decision, Decision)
        assert decision.allow or decision.reason.startswith(PREFIX)
