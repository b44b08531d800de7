"""The image registry of the all-in-one: Debian's ``docker-registry`` with our tokens.

Bays' nodes must reach it, and nothing else of this host: it listens on an
address of its own (``MAGNUM_UI_REGISTRY_ADDRESS``, 10.213.255.254 by
default, a /32 taken from the local nodes' pool on an interface of its own,
``mur<address in hex>``, a bridge without ports), which each node reaches through its bay's bridge
(a route the local driver adds), and an ``INPUT`` rule pair drops whatever
reaches that address from outside the host except the registry's port and
its token service's.  The token service (``magnum-ui-api registry-tokens``)
listens on the same address: the engines fetch their tokens from it.

The registry runs as ``nobody`` with its storage in ``<state>/registry/data``,
a file system of its own (``storage.img``, ``MAGNUM_UI_REGISTRY_STORAGE_GIB``
large), so what projects push can fill it, never the host's disk;
the key that signs its tokens (``token-key.pem``, mode 600) is root's, the
registry gets only its certificate.  ``library/busybox:latest`` is pushed at
every start unless it is there: the Debian busybox the nodes already carry.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import platform
import pwd
import shlex
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

from magnum_ui.aio.config import AioConfig
from magnum_ui.aio.files import write_private
from magnum_ui.aio.processes import Service, StartError, http_ready
from magnum_ui.service.drivers.local import disks, image
from magnum_ui.service.registry import signing, tokens

USER = "nobody"
ISSUER = "magnum-ui"
SERVICE = "magnum-ui-registry"
SEEDED = ("library/busybox", "latest")
MANIFEST_TYPE = "application/vnd.docker.distribution.manifest.v2+json"
RULE_COMMENT = "magnum-ui-registry"


def home(cfg: AioConfig) -> Path:
    return cfg.state_dir / "registry"


def key_file(cfg: AioConfig) -> Path:
    return home(cfg) / "token-key.pem"


def interface(cfg: AioConfig) -> str:
    """The interface holding the address (at most 15 characters)."""
    return "mur" + cfg.registry_address.packed.hex()


def token_realm(cfg: AioConfig) -> str:
    return f"http://{cfg.registry_address}:{cfg.registry_token_port}/token"


# --- the address and its firewall ----------------------------------------------


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(argv), capture_output=True, text=True, check=False)


def add_address(cfg: AioConfig) -> None:
    """The dummy interface with the address, and the rules that close it to all but two ports."""
    name, address = interface(cfg), f"{cfg.registry_address}/32"
    if _run("ip", "link", "show", "dev", name).returncode != 0:
        held = _run("ip", "-4", "-o", "address", "show", "to", address).stdout.strip()
        if held:
            raise StartError(
                f"{cfg.registry_address} (MAGNUM_UI_REGISTRY_ADDRESS) is already an address of "
                f"this host ({held.split()[1]}): choose another"
            )
        # A bridge with no ports: a dummy would do, but kernels of containers often lack it.
        for argv in (("ip", "link", "add", name, "type", "bridge"),
                     ("ip", "address", "add", address, "dev", name),
                     ("ip", "link", "set", "dev", name, "up")):  # fmt: skip
            done = _run(*argv)
            if done.returncode != 0:
                _run("ip", "link", "delete", "dev", name)
                raise StartError(f"registry address: {' '.join(argv)}: {done.stderr.strip()}")
    _remove_rules(cfg)
    ports = ",".join(str(p) for p in cfg.registry_ports().values())
    base = ("-d", address, "!", "-i", "lo", "-m", "comment", "--comment", _comment(cfg))
    for match in (("!", "-p", "tcp"), ("-p", "tcp", "-m", "multiport", "!", "--dports", ports)):
        done = _run("iptables", "-w", "5", "-I", "INPUT", *base, *match, "-j", "DROP")
        if done.returncode != 0:
            raise StartError(f"registry address: iptables: {done.stderr.strip()}")


def remove_address(cfg: AioConfig) -> None:
    """Undo :func:`add_address` (what is already gone is fine)."""
    _remove_rules(cfg)
    if _run("ip", "link", "show", "dev", interface(cfg)).returncode == 0:
        _run("ip", "link", "delete", "dev", interface(cfg))


def _comment(cfg: AioConfig) -> str:
    return f"{RULE_COMMENT}-{cfg.registry_address}"


def _remove_rules(cfg: AioConfig) -> None:
    listed = _run("iptables", "-w", "5", "-S", "INPUT").stdout.splitlines()
    for rule in listed:
        words = shlex.split(rule)  # -S quotes the comment
        if _comment(cfg) in words:
            _run("iptables", "-w", "5", "-D", *words[1:])


# --- the registry process ---------------------------------------------------------


def render_config(cfg: AioConfig) -> str:
    data = home(cfg) / "data"
    return f"""# Written by magnum_ui.aio.registry.
version: 0.1
log:
  level: info
  accesslog:
    disabled: false
storage:
  filesystem:
    rootdirectory: {data}
  delete:
    enabled: true
http:
  addr: {cfg.registry}
  secret: {cfg.secret("registry_http_secret")}
auth:
  token:
    realm: {token_realm(cfg)}
    service: {SERVICE}
    issuer: {ISSUER}
    rootcertbundle: {home(cfg) / "token.crt"}
"""


def prepare(cfg: AioConfig) -> None:
    """Key, certificate, configuration and storage, readable by the registry's user only."""
    if shutil.which("docker-registry") is None:
        raise StartError("docker-registry is not installed (apt-get install docker-registry)")
    folder = home(cfg)
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o711)  # the registry (nobody) walks through to its files
    key = signing.load_or_create_key(key_file(cfg))
    uid, gid = pwd.getpwnam(USER).pw_uid, pwd.getpwnam(USER).pw_gid
    _mount_storage(cfg)
    (folder / "data").chmod(0o700)
    os.chown(folder / "data", uid, gid)
    (folder / "token.crt").write_text(signing.certificate_pem(key, ISSUER))
    os.chown(folder / "token.crt", uid, gid)
    write_private(folder / "config.yml", render_config(cfg))
    os.chown(folder / "config.yml", uid, gid)


def storage_image(cfg: AioConfig) -> Path:
    return home(cfg) / "storage.img"


def _mount_storage(cfg: AioConfig) -> None:
    """The images live on a file system of their own, ``registry_storage_gib`` large.

    Any project may push; what all of them push together can fill that file
    system (the registry then refuses pushes) but never the host's disk.
    """
    data, backing = home(cfg) / "data", storage_image(cfg)
    try:
        if not backing.exists():
            disks.create(backing, data, cfg.registry_storage_gib)
            return
        disks.mount(backing, data)
        if disks.smaller_than(backing, cfg.registry_storage_gib):
            disks.grow(backing, data, cfg.registry_storage_gib)
    except disks.DiskError as exc:
        raise StartError(f"the registry's storage: {exc}") from None


def unmount_storage(cfg: AioConfig) -> None:
    """Unmount the images' file system: mounted while the all-in-one runs (its file is kept)."""
    data = home(cfg) / "data"
    if os.path.ismount(data):
        subprocess.run(["umount", str(data)], check=False, capture_output=True)


def service(cfg: AioConfig) -> Service:
    return Service(
        name="registry",
        argv=["docker-registry", "serve", str(home(cfg) / "config.yml")],
        ready=http_ready(f"http://{cfg.registry}/v2/"),  # 401 asks for a token: it answers
        user=USER,
        cwd=home(cfg),
        restarts=10,
    )


def token_service(cfg: AioConfig, config_file: Path) -> Service:
    return Service(
        name="registry tokens",
        argv=[sys.executable, "-m", "magnum_ui.service.cli", "--config-file",
              str(config_file), "registry-tokens"],
        ready=http_ready(token_realm(cfg)),
        restarts=10,
    )  # fmt: skip


# --- the seeded image -------------------------------------------------------------


def seed_busybox(cfg: AioConfig) -> bool:
    """Push ``library/busybox:latest`` unless the registry has it; True if it pushed."""
    repository, tag = SEEDED
    token = _token(cfg, repository)
    base = f"http://{cfg.registry}/v2/{repository}"
    if _request("HEAD", f"{base}/manifests/{tag}", token, accept=MANIFEST_TYPE)[0] == 200:
        return False
    tarball = image.rootfs_tarball()
    layer = gzip.compress(tarball, mtime=0)
    config = json.dumps({
        "architecture": _architecture(), "os": "linux",
        "config": {"Cmd": ["sh"], "Env": ["PATH=/usr/sbin:/usr/bin:/sbin:/bin"],
                   "Labels": {"org.openstack.magnum-ui.busybox-static": image.package_version()}},
        "rootfs": {"type": "layers", "diff_ids": [_digest(tarball)]},
        "history": [{"created_by": "magnum-ui: Debian's busybox-static"}],
    }, sort_keys=True).encode()  # fmt: skip
    for blob in (layer, config):
        _push_blob(base, token, blob)
    manifest = json.dumps({
        "schemaVersion": 2, "mediaType": MANIFEST_TYPE,
        "config": {"mediaType": "application/vnd.docker.container.image.v1+json",
                   "size": len(config), "digest": _digest(config)},
        "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                    "size": len(layer), "digest": _digest(layer)}],
    }).encode()  # fmt: skip
    status, body = _request("PUT", f"{base}/manifests/{tag}", token, manifest, MANIFEST_TYPE)
    if status != 201:
        raise StartError(f"registry: pushing {repository}:{tag} failed ({status}): {body!r}")
    return True


def _token(cfg: AioConfig, repository: str) -> str:
    """A push token the all-in-one signs itself: it holds the key, no password is involved."""
    issuer = tokens.Issuer(key_file(cfg), ISSUER, SERVICE, lifetime=120)
    granted = [{"type": "repository", "name": repository, "actions": ["pull", "push"]}]
    return tokens.signed(issuer, "magnum-ui-aio", granted)


def _push_blob(base: str, token: str, blob: bytes) -> None:
    digest = _digest(blob)
    if _request("HEAD", f"{base}/blobs/{digest}", token)[0] == 200:
        return
    status, _body, location = _request_location("POST", f"{base}/blobs/uploads/", token)
    if status != 202 or not location:
        raise StartError(f"registry: starting an upload failed ({status})")
    separator = "&" if "?" in location else "?"
    url = location if location.startswith("http") else base.split("/v2/")[0] + location
    status, body = _request("PUT", f"{url}{separator}digest={digest}", token, blob,
                            "application/octet-stream")  # fmt: skip
    if status != 201:
        raise StartError(f"registry: uploading {digest} failed ({status}): {body!r}")


def _request(
    method: str, url: str, token: str, data: bytes | None = None, content_type: str = "",
    accept: str = "",
) -> tuple[int, bytes]:  # fmt: skip
    status, body, _ = _request_location(method, url, token, data, content_type, accept)
    return status, body


def _request_location(
    method: str, url: str, token: str, data: bytes | None = None, content_type: str = "",
    accept: str = "",
) -> tuple[int, bytes, str]:  # fmt: skip
    headers = {"Authorization": f"Bearer {token}"}
    if content_type:
        headers["Content-Type"] = content_type
    if accept:
        headers["Accept"] = accept
    # Only ever http://<registry address>/v2/...: URLs this module makes.
    request = urllib.request.Request(url, data=data, method=method, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.read(), response.headers.get("Location", "")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), ""


def _digest(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _architecture() -> str:
    machine = platform.machine()
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(machine, machine)
