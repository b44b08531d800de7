"""The bay's policy: a Docker authorization plugin that keeps a bay's owner inside the bay.

Each node's dockerd runs with ``--authorization-plugin NAME`` and asks
:mod:`.bay_policy_plugin` (which asks :func:`decide`) about every API request.  The owner
holds a client certificate for the engine and is treated as hostile: reads are allowed,
writes only on an allowlist of calls whose bodies are checked for anything reaching the
host or leaving the node's cgroup, and over TLS the Swarm's membership is not theirs to
change.  The plugin runs as ``python -I -S`` (hence the standard library only here)::

    decide({"RequestMethod": "POST", "RequestUri": "/v1.41/plugins/pull?remote=x"})
    # Decision(allow=False, reason="refused by the bay's policy: installing or changing ...")

Docker decodes bodies with Go's encoding/json, which matches keys to struct fields ignoring
case and merges a repeated key into the first: fields are looked up ignoring case, and a
body repeating a key is refused.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

PREFIX = "refused by the bay's policy: "


@dataclass(frozen=True)
class Decision:
    """The answer to one API request; ``reason`` is empty when it is allowed."""

    allow: bool
    reason: str = ""


class Refusal(Exception):
    """A rule refused the request; the message is the sentence after :data:`PREFIX`."""


Offence = Callable[[Any], list[Any]]  # a field's offending values, empty when it is fine
Rules = tuple[tuple[str, Offence, str], ...]  # (field, its offences, the sentence refusing them)
Check = Callable[[Mapping[str, Any]], None]


def decide(request: Mapping[str, Any]) -> Decision:
    """Allow or refuse one ``AuthZReq``; never raises, whatever the request holds."""
    try:
        _check(request)
    except Refusal as refusal:
        return Decision(False, PREFIX + str(refusal))
    except Exception as exc:  # fail closed: a shape no rule foresaw is refused, not a crash
        return Decision(False, f"{PREFIX}the request could not be checked ({type(exc).__name__})")
    return Decision(True)


def _check(request: Mapping[str, Any]) -> None:
    """Raise :class:`Refusal` unless the request is a read or an allowed call passing its checks."""
    method = str(request.get("RequestMethod") or "").upper()
    path = _route_path(request.get("RequestUri"))
    if request.get("UserAuthNMethod") and _SWARM_CONTROL.fullmatch(path):
        # Over TLS (a bay certificate): the join tokens would let a fake manager run in a
        # container join the Swarm and hand its nodes tasks that never pass this plugin.
        # The driver manages membership over the engines' root-only unix sockets.
        raise Refusal("the bay's Swarm membership and join tokens are managed by Magnum UI")
    if method in ("GET", "HEAD"):
        return  # reads stay inside the bay
    for route_method, pattern, check in _ROUTES:
        if route_method in (method, "*") and re.fullmatch(pattern, path):
            check(request)
            return
    raise Refusal(f"{method} {path} is not an allowed Docker API call")


_ODD_PATH = re.compile(r"//|/\.\.?(/|\Z)|[\x00\\]")  # Docker redirects or 404s these
_VERSIONED = re.compile(r"/v([0-9.]+)(/.*)", re.DOTALL)  # Docker's own version pattern


def _route_path(uri: Any) -> str:
    """The path Docker's router matches: percent-decoded, without its API version prefix."""
    if not isinstance(uri, str):
        raise Refusal("the request has no URI")
    # Docker routes on the decoded path: /containers%2Fcreate is /containers/create.
    path = unquote(uri.partition("?")[0], errors="replace")
    if _ODD_PATH.search(path):
        raise Refusal(f"unusual request paths are not allowed ({_show(path)})")
    versioned = _VERSIONED.fullmatch(path)
    if not versioned:
        return path
    # Docker's comparison: numbers between dots, an empty one counting as 0.  Before 1.24,
    # POST /containers/ID/start still accepted a HostConfig.
    if [int(part or 0) for part in versioned[1].split(".")] < [1, 24]:
        raise Refusal(f"API versions before 1.24 are refused (v{versioned[1]})")
    return versioned[2]


def _body(request: Mapping[str, Any]) -> dict[str, Any]:
    """The request's JSON body, which must be an object."""
    encoded = request.get("RequestBody")
    if not encoded:
        # Docker leaves out a body over 1 MiB or not declared as JSON (or if the URI ends in
        # /auth), yet the engine still reads it: what is not seen is not allowed.
        raise Refusal("the request body could not be checked (Docker sends only JSON under 1 MiB)")
    try:
        text = base64.b64decode(encoded, validate=True).decode("utf-8")
        body = json.loads(text, object_pairs_hook=_go_object)
    except (TypeError, ValueError, RecursionError) as exc:
        raise Refusal(f"the request body is not base64 of JSON ({str(exc)[:80]})") from None
    if not isinstance(body, dict):
        raise Refusal(f"the request body is not a JSON object ({_show(body)})")
    return body


def _go_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused when two of its keys would be one struct field to Go."""
    seen: set[str] = set()
    for key, _ in pairs:
        if key.casefold() in seen:  # casefold, like Go, also folds the Kelvin sign and long s
            raise Refusal(f"repeated keys are not allowed in the request body ({_show(key)})")
        seen.add(key.casefold())
    return dict(pairs)


def _get(fields: Mapping[str, Any], name: str) -> Any:
    """A struct field as Go's decoder finds it: the key equal to ``name`` ignoring case."""
    return next((v for key, v in fields.items() if key.casefold() == name.casefold()), None)


def _object(value: Any, where: str) -> dict[str, Any]:
    """``value`` as a JSON object: null is an empty one, anything else not an object is refused."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise Refusal(f"{where} must be a JSON object ({_show(value)})")
    return value


def _listed(value: Any) -> list[Any]:
    """A list field's entries: null has none, and a lone value is one (as Go's StrSlice reads)."""
    return [] if value is None else value if isinstance(value, list) else [value]


def _objects_at(
    fields: dict[str, Any], path: str, where: str = ""
) -> Iterator[tuple[str, dict[str, Any]]]:
    """The objects at a dotted path of fields, each with the prefix naming its fields.

    ``""`` is ``fields`` itself; a step ending in ``[]`` is each entry of a list, so
    ``"Mounts[].VolumeOptions"`` yields ``("Mounts[0].VolumeOptions.", {...})``, ...
    """
    if not path:
        yield where, fields
        return
    step, _, rest = path.partition(".")
    name = step.removesuffix("[]")
    value = _get(fields, name)
    if step == name:
        yield from _objects_at(_object(value, where + name), rest, f"{where}{name}.")
        return
    for index, entry in enumerate(_listed(value)):
        at = f"{where}{name}[{index}]"
        yield from _objects_at(_object(entry, at), rest, f"{at}.")


def _show(value: Any) -> str:
    """A value as JSON, cut short enough for one error line."""
    text = json.dumps(value)
    return text if len(text) <= 120 else text[:117] + "..."


def _check_fields(fields: Mapping[str, Any], where: str, rules: Rules) -> None:
    """Refuse the first offending value of any rule's field, naming it with ``where``."""
    for name, offences, sentence in rules:
        for bad in offences(_get(fields, name))[:1]:
            raise Refusal(f"{sentence} ({where}{name} {_show(bad)})")


def _truthy(value: Any) -> list[Any]:
    """Offends when set: true, non-zero, or a non-empty string, list or object."""
    return [value] if value else []


def _not_null(value: Any) -> list[Any]:
    """Offends when present at all: an empty list still replaces Docker's default."""
    return [] if value is None else [value]


def _outside(*allowed: Any) -> Offence:
    """Offends unless the value is one of ``allowed``."""
    return lambda value: [] if value in allowed else [value]


def _each(offends: Callable[[Any], bool]) -> Offence:
    """Offends with each entry of a list field (or the lone value) that ``offends``."""
    return lambda value: [entry for entry in _listed(value) if offends(entry)]


_VOLUME_NAME = re.compile(r"[a-zA-Z0-9][a-zA-Z0-9_.-]+")


def _host_path(bind: Any) -> bool:
    """Whether a ``Binds`` entry's source (before its first colon) is not a volume's name."""
    return not (isinstance(bind, str) and _VOLUME_NAME.fullmatch(bind.partition(":")[0]))


def _rtprio(limit: Any) -> bool:
    """Whether a ulimit allows real-time scheduling, which no cgroup CPU limit bounds."""
    name = _get(limit, "Name") if isinstance(limit, dict) else None
    if not isinstance(name, str):
        return True
    # Docker upper-cases the name into RLIMIT_<NAME>.
    return name.upper() == "RTPRIO" and bool(_get(limit, "Soft") or _get(limit, "Hard"))


def _not_tmpfs(options: Any) -> list[Any]:
    """Offends unless local volume options are empty or exactly describe a tmpfs."""
    if not options:
        return []
    # Map keys, not struct fields: the local driver reads exactly type, device and o.
    if not isinstance(options, dict) or not set(options) <= {"type", "device", "o"}:
        return [options]
    flags = options.get("o", "")
    binds = not isinstance(flags, str) or any(
        flag.strip().lower() in ("bind", "rbind") for flag in flags.split(",")
    )
    tmpfs = options.get("type") == "tmpfs" and options.get("device", "tmpfs") == "tmpfs"
    return [] if tmpfs and not binds else [options]


_CGROUP = "the node's cgroup is fixed by its flavor"
_DEVICES = ("Devices", "DeviceRequests", "DeviceCgroupRules", "BlkioWeightDevice",
            "BlkioDeviceReadBps", "BlkioDeviceWriteBps", "BlkioDeviceReadIOps",
            "BlkioDeviceWriteIOps")  # fmt: skip
_REALTIME = "real-time CPU scheduling is not allowed"
_CAPS = "added capabilities are not allowed"
_LOGS = "logging drivers other than json-file, local and none are not allowed"
_VOLUME_DRIVERS = "volume drivers other than local are not allowed"
_LOCAL_VOLUMES = "local volumes may only be tmpfs; bind, device and network mounts are not allowed"
_OOM = "a negative OOM score adjustment is not allowed"
_OPTIONS = "security options other than no-new-privileges are not allowed"
_BUILDS = "building images here is not allowed; build elsewhere, then `docker load` or push"
_BUILDKIT = "BuildKit sessions are not allowed; use the classic builder (DOCKER_BUILDKIT=0)"
_NO_NEW_PRIVILEGES = ("no-new-privileges", "no-new-privileges:true", "no-new-privileges=true")
_HOST = _each(lambda mode: mode == "host")
_LOG_DRIVER = _outside(None, "", "json-file", "local", "none")  # the others leave the node

# A container's Resources: in its HostConfig, and the body of an update.
_RESOURCE_RULES: Rules = (
    ("CgroupParent", _truthy, _CGROUP),
    *((name, _truthy, "host devices are not allowed") for name in _DEVICES),
    ("CpuRealtimePeriod", _truthy, _REALTIME),
    ("CpuRealtimeRuntime", _truthy, _REALTIME),
    ("Ulimits", _each(_rtprio), _REALTIME),
)
_HOST_RULES: Rules = (
    *_RESOURCE_RULES,
    ("Privileged", _truthy, "privileged containers are not allowed"),
    ("Binds", _each(_host_path), "host bind mounts are not allowed"),
    ("CapAdd", _truthy, _CAPS),
    ("Capabilities", _truthy, _CAPS),
    ("SecurityOpt", _each(lambda option: option not in _NO_NEW_PRIVILEGES), _OPTIONS),
    ("MaskedPaths", _not_null, "replacing Docker's masked paths is not allowed"),
    ("ReadonlyPaths", _not_null, "replacing Docker's read-only paths is not allowed"),
    ("UsernsMode", _truthy, "leaving the bay's user namespace is not allowed"),
    ("PidMode", _HOST, "the host's PID namespace is not allowed"),
    ("IpcMode", _HOST, "the host's IPC namespace is not allowed"),
    ("UTSMode", _HOST, "the host's UTS namespace is not allowed"),
    ("NetworkMode", _HOST, "the host's network namespace is not allowed"),
    ("CgroupnsMode", _HOST, "the host's cgroup namespace is not allowed"),
    ("Runtime", _outside(None, "", "runc"), "runtimes other than runc are not allowed"),
    ("VolumeDriver", _outside(None, "", "local"), _VOLUME_DRIVERS),
    ("OomKillDisable", _truthy, "disabling the OOM killer is not allowed"),
    ("OomScoreAdj", _each(lambda score: not isinstance(score, int) or score < 0), _OOM),
)
_MOUNT_RULES: Rules = (
    # Swarm reads a missing Type as a bind mount, so it must be given.
    ("Type", _outside("volume", "tmpfs"), "only mounts of Type volume or tmpfs are allowed"),
    ("BindOptions", _not_null, "bind options are not allowed"),
)
_DRIVER_RULES: Rules = (
    ("Name", _outside(None, "", "local"), _VOLUME_DRIVERS),
    ("Options", _not_tmpfs, _LOCAL_VOLUMES),
)
_VOLUME_RULES: Rules = (
    ("Driver", _outside(None, "", "local"), _VOLUME_DRIVERS),
    ("DriverOpts", _not_tmpfs, _LOCAL_VOLUMES),
)
_NETWORKS = "network drivers other than bridge and overlay are not allowed"
_NETWORK_RULES: Rules = (("Driver", _outside(None, "", "bridge", "overlay"), _NETWORKS),)
_IPAM_RULES: Rules = (
    ("Driver", _outside(None, "", "default"), "IPAM drivers other than default are not allowed"),
)
_SECRET_RULES: Rules = (
    ("Driver", _truthy, "secret drivers are not allowed"),
    ("Templating", _truthy, "templating drivers are not allowed"),
)
_EXEC_RULES: Rules = (("Privileged", _truthy, "privileged exec is not allowed"),)
_TASKS = "Swarm tasks other than containers are not allowed"
_TASK_RULES: Rules = (
    ("Runtime", _outside(None, "", "container"), _TASKS),
    ("PluginSpec", _not_null, "Swarm plugin services are not allowed; they install Docker plugins"),
)
_TASK_CONTAINER_RULES: Rules = (
    ("Privileges", _truthy, "credential specs and SELinux contexts are not allowed"),
    ("CapabilityAdd", _truthy, _CAPS),
    ("Ulimits", _each(_rtprio), _REALTIME),
)
_LOG_DRIVER_RULES: Rules = (("Name", _LOG_DRIVER, _LOGS),)
_ATTACHMENT_RULES: Rules = (("Target", _HOST, "the host network is not allowed"),)


def _mounts(at: str) -> tuple[tuple[str, Rules], ...]:
    """The checks of the list of mounts at dotted path ``at``."""
    return (at, _MOUNT_RULES), (f"{at}.VolumeOptions.DriverConfig", _DRIVER_RULES)


def _host_config(at: str) -> tuple[tuple[str, Rules], ...]:
    """The checks of a HostConfig at dotted path ``at`` (``""``: the body's top level)."""
    prefix = f"{at}." if at else ""
    log_config = (f"{prefix}LogConfig", (("Type", _LOG_DRIVER, _LOGS),))
    return (at, _HOST_RULES), log_config, *_mounts(f"{prefix}Mounts[]")


def _checking(*targets: tuple[str, Rules]) -> Check:
    """A check of the body's objects at dotted paths (see :func:`_objects_at`) by their rules."""

    def check(request: Mapping[str, Any]) -> None:
        body = _body(request)
        for path, rules in targets:
            for where, fields in _objects_at(body, path):
                _check_fields(fields, where, rules)

    return check


def _refused(sentence: str) -> Check:
    """A check refusing the call whatever it carries."""

    def refuse(request: Mapping[str, Any]) -> None:
        raise Refusal(sentence)

    return refuse


def _allowed(request: Mapping[str, Any]) -> None:  # nothing it carries reaches out of the bay
    pass


# Docker 20.10 still reads HostConfig fields at the top level of a create (deprecated).
_CREATE = _checking(*_host_config(""), *_host_config("HostConfig"))
_UPDATE = _checking(("", _RESOURCE_RULES))
_EXEC = _checking(("", _EXEC_RULES))
_VOLUME = _checking(("", _VOLUME_RULES))
_NETWORK = _checking(("", _NETWORK_RULES), ("IPAM", _IPAM_RULES))
_SERVICE = _checking(
    ("TaskTemplate", _TASK_RULES),
    ("TaskTemplate.ContainerSpec", _TASK_CONTAINER_RULES),
    *_mounts("TaskTemplate.ContainerSpec.Mounts[]"),
    ("TaskTemplate.LogDriver", _LOG_DRIVER_RULES),
    ("TaskTemplate.Networks[]", _ATTACHMENT_RULES),
    ("Networks[]", _ATTACHMENT_RULES),
)
_SECRET = _checking(("", _SECRET_RULES))
_CONTAINER = "/containers/[^/]+"
_SWARM_CONTROL = re.compile(r"/swarm(/.*)?")
_ROUTES: tuple[tuple[str, str, Check], ...] = (
    ("*", "/plugins(/.*)?", _refused("installing or changing Docker plugins is not allowed")),
    ("*", "/(session|grpc)(/.*)?", _refused(_BUILDKIT)),
    ("POST", "/containers/create", _CREATE),
    ("POST", f"{_CONTAINER}/update", _UPDATE),
    ("POST", f"{_CONTAINER}/exec", _EXEC),
    ("POST", f"{_CONTAINER}/(start|stop|restart|kill|pause|unpause|wait|attach)", _allowed),
    ("POST", f"{_CONTAINER}/(resize|rename)", _allowed),
    ("PUT", f"{_CONTAINER}/archive", _allowed),
    ("POST", "/(containers|images|build|volumes|networks)/prune", _allowed),
    ("POST", "/exec/[^/]+/(start|resize)", _allowed),
    ("POST", "/images/(create|load)", _allowed),
    ("POST", "/images/.+/(push|tag)", _allowed),  # image names contain slashes
    ("DELETE", "/images/.+", _allowed),
    # Its options can hide in a form body never sent here (e.g. a cgroup parent of its own).
    ("POST", "/build", _refused(_BUILDS)),
    ("POST", "/(commit|auth)", _allowed),
    ("POST", "/volumes/create", _VOLUME),
    ("POST", "/networks/create", _NETWORK),
    ("POST", "/networks/[^/]+/(connect|disconnect)", _allowed),
    ("DELETE", "/(containers|volumes|networks|nodes|services|secrets|configs)/[^/]+", _allowed),
    ("POST", "/swarm/init", _checking(("Spec.TaskDefaults.LogDriver", _LOG_DRIVER_RULES))),
    ("POST", "/swarm/update", _checking(("TaskDefaults.LogDriver", _LOG_DRIVER_RULES))),
    ("POST", "/swarm/(join|leave|unlock)", _allowed),
    ("POST", "/nodes/[^/]+/update", _allowed),
    ("POST", "/services/(create|[^/]+/update)", _SERVICE),
    ("POST", "/(secrets|configs)/(create|[^/]+/update)", _SECRET),
)
