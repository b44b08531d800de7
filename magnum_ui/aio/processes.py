"""Start, watch and stop the all-in-one's processes.

Each :class:`Service` runs in a session of its own with its output in
``<state>/logs/<name>.log`` and its pid in ``<state>/run/<name>.pid`` (so
``stop`` finds it even if the supervisor was killed).  A service that exits
or does not answer in time raises :class:`StartError`, which names the
service, gives the last lines of its log and says where the log is.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from magnum_ui.aio.config import HOST


class StartError(Exception):
    """A service did not come up; the message says which, why and where its log is."""


ReadyCheck = Callable[[], bool]


def http_ready(url: str) -> ReadyCheck:
    """Ready when ``url`` answers any HTTP status below 500."""

    def check() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
                return int(response.status) < 500
        except urllib.error.HTTPError as exc:
            return exc.code < 500
        except (OSError, ValueError):
            return False

    return check


def gunicorn(app: str, port: int, threads: int | None = None, workers: int = 2) -> list[str]:
    """The command of a gunicorn serving ``app`` on 127.0.0.1:``port`` (two workers unless told).

    No control socket: gunicorn 27 would otherwise open one in ``~/.gunicorn``.
    """
    return [
        sys.executable, "-m", "gunicorn", "--bind", f"{HOST}:{port}", "--workers", str(workers),
        *(("--threads", str(threads)) if threads else ()),
        "--no-control-socket", "--timeout", "120", app,
    ]  # fmt: skip


def port_in_use(port: int, host: str = HOST) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def tail(path: Path, lines: int = 12) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return "(no log written)"
    return "\n".join("    " + line for line in text.splitlines()[-lines:]) or "    (log is empty)"


@dataclass
class Service:
    name: str
    argv: Sequence[str]
    ready: ReadyCheck
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path | None = None
    user: str | None = None
    stop_signal: int = signal.SIGTERM
    # Started again when it dies (as systemd's Restart=on-failure would), at
    # most this many times a minute; 0: its death stops the all-in-one.
    restarts: int = 0
    process: subprocess.Popen[bytes] | None = None
    restarted_at: list[float] = field(default_factory=list)


class Supervisor:
    def __init__(self, logs_dir: Path, run_dir: Path, timeout: float):
        self.logs_dir = logs_dir
        self.run_dir = run_dir
        self.timeout = timeout
        self.services: list[Service] = []
        logs_dir.mkdir(parents=True, exist_ok=True)
        run_dir.mkdir(parents=True, exist_ok=True)

    def log_path(self, name: str) -> Path:
        return self.logs_dir / f"{name.replace(' ', '-')}.log"

    def start(self, service: Service) -> Service:
        """Launch ``service`` without waiting for it (see :meth:`wait_ready`)."""
        log = self.log_path(service.name)
        with log.open("ab") as out:
            out.write(f"\n=== {time.strftime('%Y-%m-%d %H:%M:%S')} starting\n".encode())
            out.flush()
            if service.user:
                os.chown(log, *_ids(service.user))
            service.process = subprocess.Popen(
                list(service.argv),
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env={**os.environ, **service.env},
                cwd=service.cwd,
                start_new_session=True,
                user=service.user,
                # The user's own group (nobody's is nogroup, not nobody).
                group=_ids(service.user)[1] if service.user else None,
                extra_groups=[] if service.user else None,
            )
        (self.run_dir / f"{service.name.replace(' ', '-')}.pid").write_text(
            str(service.process.pid)
        )
        self.services.append(service)
        return service

    def wait_ready(self, service: Service) -> None:
        deadline = time.monotonic() + self.timeout
        if service.process is None:
            raise StartError(f"{service.name} was never started")
        while True:
            code = service.process.poll()
            if code is not None:
                raise StartError(
                    f"{service.name} exited with status {code} while starting.\n"
                    f"  last lines of its log:\n{tail(self.log_path(service.name))}\n"
                    f"  full log: {self.log_path(service.name)}"
                )
            if service.ready():
                return
            if time.monotonic() > deadline:
                raise StartError(
                    f"{service.name} did not answer within {self.timeout:.0f} s.\n"
                    f"  last lines of its log:\n{tail(self.log_path(service.name))}\n"
                    f"  full log: {self.log_path(service.name)}"
                )
            time.sleep(0.1)

    def run(self, service: Service) -> Service:
        self.start(service)
        self.wait_ready(service)
        return service

    def first_exited(self) -> Service | None:
        """The first service that died and may not be restarted; restart the others."""
        for service in list(self.services):
            if service.process is None or service.process.poll() is None:
                continue
            now = time.monotonic()
            service.restarted_at = [t for t in service.restarted_at if now - t < 60]
            if len(service.restarted_at) >= service.restarts:
                return service
            service.restarted_at.append(now)
            code = service.process.returncode
            self.services.remove(service)
            with self.log_path(service.name).open("ab") as out:
                out.write(f"\n=== exited with status {code}; restarting\n".encode())
            self.start(service)
        return None

    def stop_all(self, grace: float = 20.0) -> None:
        """Stop services in reverse start order; kill what ignores its signal."""
        for service in reversed(self.services):
            process = service.process
            if process is None:
                continue
            if process.poll() is None:
                _signal_group(process.pid, service.stop_signal)
                try:
                    process.wait(timeout=grace)
                except subprocess.TimeoutExpired:
                    _signal_group(process.pid, signal.SIGKILL)
                    process.wait()
            (self.run_dir / f"{service.name.replace(' ', '-')}.pid").unlink(missing_ok=True)
        self.services.clear()


def _signal_group(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, sig)


def _ids(user: str) -> tuple[int, int]:
    import pwd

    entry = pwd.getpwnam(user)
    return entry.pw_uid, entry.pw_gid


def kill_leftovers(run_dir: Path) -> list[str]:
    """Stop processes recorded by a supervisor that died; name what was stopped."""
    stopped: list[str] = []
    if not run_dir.is_dir():
        return stopped
    for pid_file in sorted(run_dir.glob("*.pid")):
        try:
            pid = int(pid_file.read_text().strip())
        except ValueError:
            pid_file.unlink(missing_ok=True)
            continue
        if _alive(pid):
            _signal_group(pid, signal.SIGTERM)
            for _ in range(100):
                if not _alive(pid):
                    break
                time.sleep(0.1)
            else:
                _signal_group(pid, signal.SIGKILL)
            stopped.append(pid_file.stem)
        pid_file.unlink(missing_ok=True)
    return stopped


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child of ours counts as gone.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def run_checked(argv: Sequence[str], what: str, log: Path, **kwargs: object) -> None:
    """Run a one-off set-up command; on failure, say what failed and show its output."""
    with log.open("ab") as out:
        out.write(f"\n=== {time.strftime('%Y-%m-%d %H:%M:%S')} {what}\n".encode())
        out.flush()
        result = subprocess.run(  # type: ignore[call-overload]
            list(argv), stdout=out, stderr=subprocess.STDOUT, check=False, **kwargs
        )
    if result.returncode != 0:
        raise StartError(
            f"{what} failed (exit status {result.returncode}).\n"
            f"  last lines of its log:\n{tail(log)}\n  full log: {log}"
        )
